#ifndef CTDIFF_MATH_HPP
#define CTDIFF_MATH_HPP

/// \file
/// ctdiff's own constexpr elementary functions (the only math the kernels and proofs use).

#include <ctdiff/math/erf.hpp>
#include <ctdiff/math/exp.hpp>
#include <ctdiff/math/fast_float.hpp>
#include <ctdiff/math/log.hpp>
#include <ctdiff/math/normal.hpp>
#include <ctdiff/math/select.hpp>
#include <ctdiff/math/sigmoid.hpp>
#include <ctdiff/math/softplus.hpp>
#include <ctdiff/math/sqrt.hpp>
#include <ctdiff/math/tanh.hpp>
#include <ctdiff/math/wide_float.hpp>

#endif
