#ifndef CTDIFF_IO_TO_STRING_HPP
#define CTDIFF_IO_TO_STRING_HPP

/// \file
/// `to_string(e)`: an expression as Unicode text, e.g. `to_string(d(sigmoid(x), x))` is
/// `"σ(x)·σ(−x)"`. The notation is described at ctdiff::notation (Unicode minus `−`, `·`, `x²`,
/// `√x`, `1/2`, `x > 0 ? 1 : α`).

#include <ctdiff/core/node.hpp>
#include <ctdiff/io/detail/rendered.hpp>
#include <ctdiff/io/notation.hpp>

#include <string>
#include <string_view>

namespace ctdiff {

/// e as text, in static storage: a constant expression on every compiler, so
/// `static_assert(to_string_view(x * x) == "x²")` works.
template <Expression E>
[[nodiscard]] constexpr std::string_view to_string_view(E) {
    return io_detail::rendered<E, notation::text>::view;
}

/// e as text. (A constant expression only where std::string is one: GCC; with Clang 16 and
/// libstdc++ 12 use to_string_view in static_asserts.)
template <Expression E>
[[nodiscard]] constexpr std::string to_string(E) {
    return std::string(io_detail::rendered<E, notation::text>::view);
}

} // namespace ctdiff

#endif
