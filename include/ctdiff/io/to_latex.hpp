#ifndef CTDIFF_IO_TO_LATEX_HPP
#define CTDIFF_IO_TO_LATEX_HPP

/// \file
/// `to_latex(e)`: an expression as LaTeX math (no surrounding `$`), e.g.
/// `to_latex(d(sigmoid(x), x))` is `"\sigma\left(x\right) \sigma\left(-x\right)"`.
/// The notation is described at ctdiff::notation.

#include <ctdiff/core/node.hpp>
#include <ctdiff/io/detail/rendered.hpp>
#include <ctdiff/io/notation.hpp>

#include <string>
#include <string_view>

namespace ctdiff {

/// e as LaTeX, in static storage: a constant expression on every compiler.
template <Expression E>
[[nodiscard]] constexpr std::string_view to_latex_view(E) {
    return io_detail::rendered<E, notation::latex>::view;
}

/// e as LaTeX. (A constant expression only where std::string is one: GCC.)
template <Expression E>
[[nodiscard]] constexpr std::string to_latex(E) {
    return std::string(io_detail::rendered<E, notation::latex>::view);
}

} // namespace ctdiff

#endif
