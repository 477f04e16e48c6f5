// PyTorch's own CPU kernels (libtorch, Debian libtorch-dev) as a benchmark peer, behind an
// interface of plain pointers: the one translation unit that includes libtorch's headers is
// torch.cpp, so the benchmark's other code does not pay their compile time.
#pragma once

#include <cstddef>

namespace ctdiff_bench::torch_peer {

/// One intra-op thread (at::set_num_threads(1)), as every other row runs on one core.
void init();

/// The pass `pass` of activation `act` ("sigmoid", "tanh", "gelu", "silu", "leaky_relu") with
/// PyTorch's ops, as autograd runs them: forward y = f(x); backward dx = dy·f′(x) from x (σ and
/// tanh: their forward, then sigmoid_backward/tanh_backward from y, as autograd does); fused y
/// and dx; backward_from_output dx from the saved y (σ, tanh). Returns false where PyTorch has no
/// such op. T: float or double.
template <class T>
bool supports(const char* act, const char* pass);
template <class T>
void run(const char* act, const char* pass, std::size_t n, const T* x, const T* dy, T* o0, T* o1);

/// SwiGLU, silu(a)*b, as autograd runs it: forward t = silu(a), y = t·b; backward (t saved by the
/// forward, as autograd keeps it) db = dy·t, g = dy·b, da = silu_backward(g, a); "fused" both.
/// Outputs: forward o0 = y; backward o0 = da, o1 = db; fused o0 = y, o1 = da, o2 = db.
template <class T>
void swiglu(const char* pass, std::size_t n, const T* a, const T* b, const T* dy, T* o0, T* o1, T* o2);

/// softmax (log: log-softmax) of each row of the row-major rows × cols array z, at::softmax_out /
/// at::_log_softmax_out on dim 1.
template <class T>
void softmax_rows(bool log, std::size_t rows, std::size_t cols, const T* z, T* out);

/// Their backward passes from the saved output y and dy: at::_softmax_backward_data_out /
/// at::_log_softmax_backward_data_out on dim 1.
template <class T>
void softmax_rows_backward(bool log, std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz);

} // namespace ctdiff_bench::torch_peer
