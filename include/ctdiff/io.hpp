#ifndef CTDIFF_IO_HPP
#define CTDIFF_IO_HPP

/// \file
/// Printing expressions: to_string / to_string_view (Unicode text), to_latex / to_latex_view,
/// and operator<<.

#include <ctdiff/io/notation.hpp>
#include <ctdiff/io/ostream.hpp>
#include <ctdiff/io/to_latex.hpp>
#include <ctdiff/io/to_string.hpp>

#endif
