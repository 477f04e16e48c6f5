#ifndef CTDIFF_EVAL_HPP
#define CTDIFF_EVAL_HPP

/// \file
/// Evaluation: fused element-wise kernels over std::span with common-subexpression elimination
/// (eval/fused.hpp), backward, forward+backward, n-th derivative and double-backward kernels
/// (eval/backward.hpp), backward from the saved output (eval/backward_from_output.hpp).

#include <ctdiff/eval/backward.hpp>
#include <ctdiff/eval/backward_from_output.hpp>
#include <ctdiff/eval/chunked.hpp>
#include <ctdiff/eval/dag.hpp>
#include <ctdiff/eval/fused.hpp>
#include <ctdiff/eval/lower.hpp>
#include <ctdiff/eval/options.hpp>

#endif
