#ifndef CTDIFF_CTDIFF_HPP
#define CTDIFF_CTDIFF_HPP

/// \file
/// The umbrella header: includes every public part of ctdiff. Include narrower headers to
/// compile faster.

#include <ctdiff/activations.hpp>
#include <ctdiff/algebra.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>
#include <ctdiff/io.hpp>
#include <ctdiff/math.hpp>
#include <ctdiff/version.hpp>

#endif
