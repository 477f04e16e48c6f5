#ifndef CTDIFF_VERSION_HPP
#define CTDIFF_VERSION_HPP

/// \file
/// The library's version, as a value usable in constant expressions.

namespace ctdiff {

/// ctdiff's semantic version.
struct version_t {
    int major, minor, patch;
};

/// The version of these headers (kept equal to `project(VERSION)` in CMakeLists.txt).
inline constexpr version_t version{0, 1, 0};

} // namespace ctdiff

#endif
