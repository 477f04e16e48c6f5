#ifndef CTDIFF_DIFF_HPP
#define CTDIFF_DIFF_HPP

/// \file
/// Differentiation: d, d<n>, gradient, jacobian.

#include <ctdiff/diff/derivative.hpp>
#include <ctdiff/diff/gradient.hpp>

#endif
