#ifndef CTDIFF_ACTIVATIONS_GATED_HPP
#define CTDIFF_ACTIVATIONS_GATED_HPP

/// \file
/// Gated linear units: functions of two inputs, a = x (variable<0>) and b = y (variable<1>), as
/// transformer feed-forward layers use them (Dauphin et al. 2017; Shazeer 2020, "GLU Variants
/// Improve Transformer"):
///
/// | name | f(a, b) | ∂f/∂a | ∂f/∂b |
/// |---|---|---|---|
/// | `glu` | a·σ(b) (PyTorch's `F.glu`: the gate is the second half) | σ(b) | a·σ(b)σ(−b) |
/// | `swiglu` | SiLU(a)·b | SiLU′(a)·b | SiLU(a) |
/// | `geglu` | GELU(a)·b (erf GELU) | GELU′(a)·b | GELU(a) |
/// | `geglu_tanh` | GELU-tanh(a)·b | GELU-tanh′(a)·b | GELU-tanh(a) |
/// | `reglu` | ReLU(a)·b (ReLU′(0) = 0, as PyTorch) | step(a)·b | ReLU(a) |
///
/// For swiglu, geglu and reglu the activated input is the first, a, as in Shazeer's
/// FFN(x) = (act(xW) ⊗ xV)W₂; for glu it is the second, as in PyTorch. Each activation is the
/// catalogue's own (with its stable form and tails), so f, ∂f/∂a, ∂f/∂b are as accurate as the
/// activation's f and f′ times one product. The kernels: `backward(swiglu)` takes (a, b, dy) and
/// writes (da, db); `chunked(swiglu)` runs over one [rows × 2H] array split into [a | b] per row
/// (eval/chunked.hpp).

#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/gelu_tanh.hpp>
#include <ctdiff/activations/relu.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core/functions/sigmoid.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/variable.hpp>

namespace ctdiff::activations {

/// a·σ(b), a = x, b = y (PyTorch's GLU).
inline constexpr auto glu = x * ctdiff::sigmoid(y);
/// SiLU(a)·b.
inline constexpr auto swiglu = silu * y;
/// GELU(a)·b, the erf GELU.
inline constexpr auto geglu = gelu * y;
/// GELU-tanh(a)·b.
inline constexpr auto geglu_tanh = gelu_tanh * y;
/// ReLU(a)·b.
inline constexpr auto reglu = relu * y;

} // namespace ctdiff::activations

#endif
