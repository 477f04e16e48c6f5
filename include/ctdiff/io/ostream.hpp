#ifndef CTDIFF_IO_OSTREAM_HPP
#define CTDIFF_IO_OSTREAM_HPP

/// \file
/// `std::cout << e` prints an expression as text (same as to_string). Kept apart: <ostream> is
/// heavy and the rest of io/ does not need it.

#include <ctdiff/core/node.hpp>
#include <ctdiff/io/to_string.hpp>

#include <ostream>

namespace ctdiff {

/// Writes to_string_view(e). Found by argument-dependent lookup for every node (and user nodes
/// deriving from ctdiff::node).
template <Expression E>
std::ostream& operator<<(std::ostream& os, E e) {
    return os << to_string_view(e);
}

} // namespace ctdiff

#endif
