// PyTorch's CPU kernels for the benchmark (see torch.hpp). libtorch 1.13's headers compile as
// C++20 when torch/library.h comes before ATen (docs/torch.md).
#include "torch.hpp"

#include <torch/library.h>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <string_view>
#include <vector>
#include <type_traits>

namespace ctdiff_bench::torch_peer {

void init() { at::set_num_threads(1); }

namespace {

template <class T>
at::Tensor wrap(const T* p, std::size_t n) {
    constexpr auto type = std::is_same_v<T, float> ? at::kFloat : at::kDouble;
    return at::from_blob(const_cast<T*>(p), {static_cast<int64_t>(n)}, at::TensorOptions().dtype(type));
}

constexpr double leaky_slope = 0.01;

void forward(std::string_view act, const at::Tensor& x, at::Tensor& y) {
    if (act == "sigmoid") {
        at::sigmoid_out(y, x);
    } else if (act == "tanh") {
        at::tanh_out(y, x);
    } else if (act == "gelu") {
        at::gelu_out(y, x, "none");
    } else if (act == "silu") {
        at::silu_out(y, x);
    } else {
        at::leaky_relu_out(y, x, leaky_slope);
    }
}

// dx from x (and y where the op wants it: σ and tanh's backward read the output)
void backward(std::string_view act, const at::Tensor& x, const at::Tensor& y, const at::Tensor& dy, at::Tensor& dx) {
    if (act == "sigmoid") {
        at::sigmoid_backward_out(dx, dy, y);
    } else if (act == "tanh") {
        at::tanh_backward_out(dx, dy, y);
    } else if (act == "gelu") {
        at::gelu_backward_out(dx, dy, x, "none");
    } else if (act == "silu") {
        at::silu_backward_out(dx, dy, x);
    } else {
        at::leaky_relu_backward_out(dx, dy, x, leaky_slope, false);
    }
}

bool reads_output(std::string_view act) { return act == "sigmoid" || act == "tanh"; }

} // namespace

template <class T>
bool supports(const char* act, const char* pass) {
    const std::string_view a = act, p = pass;
    const bool known = a == "sigmoid" || a == "tanh" || a == "gelu" || a == "silu" || a == "leaky_relu";
    if (!known) return false;
    if (p == "forward" || p == "backward" || p == "fused") return true;
    return p == "backward_from_output" && reads_output(a);
}

template <class T>
void run(const char* act, const char* pass, std::size_t n, const T* x, const T* dy, T* o0, T* o1) {
    const std::string_view a = act, p = pass;
    const at::Tensor xt = wrap(x, n);
    at::Tensor out0 = wrap<T>(o0, n);
    if (p == "forward") {
        forward(a, xt, out0);
    } else if (p == "backward_from_output") { // x holds the saved y
        backward(a, xt, xt, wrap(dy, n), out0);
    } else if (p == "fused") {
        at::Tensor out1 = wrap<T>(o1, n);
        forward(a, xt, out0);
        backward(a, xt, out0, wrap(dy, n), out1);
    } else { // backward from x: σ and tanh recompute y first, as autograd would have it saved
        if (reads_output(a)) {
            forward(a, xt, out0); // o0 as the scratch y, then dx over it
            backward(a, xt, out0, wrap(dy, n), out0);
        } else {
            backward(a, xt, xt, wrap(dy, n), out0);
        }
    }
}

template <class T>
void swiglu(const char* pass, std::size_t n, const T* a, const T* b, const T* dy, T* o0, T* o1, T* o2) {
    const std::string_view p = pass;
    const at::Tensor at_a = wrap(a, n), at_b = wrap(b, n), at_dy = wrap(dy, n);
    thread_local at::Tensor saved; // silu(a), kept from the forward as autograd keeps it
    thread_local const void* saved_for = nullptr;
    if (saved_for != a || !saved.defined() || saved.numel() != static_cast<int64_t>(n) ||
        saved.scalar_type() != at_a.scalar_type()) {
        saved = at::silu(at_a);
        saved_for = a;
    }
    if (p == "forward" || p == "fused") {
        at::Tensor y = wrap<T>(o0, n);
        at::silu_out(saved, at_a);
        at::mul_out(y, saved, at_b);
    }
    if (p == "backward" || p == "fused") {
        at::Tensor da = wrap<T>(p == "fused" ? o1 : o0, n), db = wrap<T>(p == "fused" ? o2 : o1, n);
        at::mul_out(db, at_dy, saved);
        const at::Tensor g = at::mul(at_dy, at_b);
        at::silu_backward_out(da, g, at_a);
    }
}

template <class T>
void softmax_rows(bool log, std::size_t rows, std::size_t cols, const T* z, T* out) {
    constexpr auto type = std::is_same_v<T, float> ? at::kFloat : at::kDouble;
    const auto opts = at::TensorOptions().dtype(type);
    const std::vector<int64_t> shape{static_cast<int64_t>(rows), static_cast<int64_t>(cols)};
    const at::Tensor zt = at::from_blob(const_cast<T*>(z), shape, opts);
    at::Tensor ot = at::from_blob(out, shape, opts);
    if (log) {
        at::_log_softmax_out(ot, zt, 1, false);
    } else {
        at::_softmax_out(ot, zt, 1, false);
    }
}

template <class T>
void softmax_rows_backward(bool log, std::size_t rows, std::size_t cols, const T* y, const T* dy, T* dz) {
    constexpr auto type = std::is_same_v<T, float> ? at::kFloat : at::kDouble;
    const auto opts = at::TensorOptions().dtype(type);
    const std::vector<int64_t> shape{static_cast<int64_t>(rows), static_cast<int64_t>(cols)};
    const at::Tensor yt = at::from_blob(const_cast<T*>(y), shape, opts);
    const at::Tensor gt = at::from_blob(const_cast<T*>(dy), shape, opts);
    at::Tensor dt = at::from_blob(dz, shape, opts);
    if (log) {
        at::_log_softmax_backward_data_out(dt, gt, yt, 1, type);
    } else {
        at::_softmax_backward_data_out(dt, gt, yt, 1, type);
    }
}

template bool supports<float>(const char*, const char*);
template bool supports<double>(const char*, const char*);
template void run<float>(const char*, const char*, std::size_t, const float*, const float*, float*, float*);
template void run<double>(const char*, const char*, std::size_t, const double*, const double*, double*, double*);
template void softmax_rows<float>(bool, std::size_t, std::size_t, const float*, float*);
template void softmax_rows<double>(bool, std::size_t, std::size_t, const double*, double*);
template void softmax_rows_backward<float>(bool, std::size_t, std::size_t, const float*, const float*, float*);
template void softmax_rows_backward<double>(bool, std::size_t, std::size_t, const double*, const double*, double*);
template void swiglu<float>(const char*, std::size_t, const float*, const float*, const float*, float*, float*, float*);
template void swiglu<double>(const char*, std::size_t, const double*, const double*, const double*, double*, double*,
                             double*);

} // namespace ctdiff_bench::torch_peer
