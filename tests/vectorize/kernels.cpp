// The kernels' loops, one instantiation per kernel shape and element type, for the vectorization
// check of tests/vectorize. Every fused kernel runs the one loop in
// include/ctdiff/eval/detail/loop.hpp (the line marked `ctdiff-vectorize: fused kernel loop`), so
// the check is: every copy of that loop the compiler reports on is vectorized, and none is
// reported as missed — with GCC 12 and Clang 16, -march=x86-64-v3 and -v4, no fast-math:
//   g++-12 -O3 -fopt-info-vec-all …: no "couldn't vectorize loop" at loop.hpp:<marked line>,
//     at least one "loop vectorized";
//   clang++-16 -O3 -Rpass=loop-vectorize -Rpass-missed=loop-vectorize …: no "loop not
//     vectorized" at that line, at least one "vectorized loop".
// (The marked line is in the header, so a check keyed on lines of this file must look there.)
#include <ctdiff/activations/gelu.hpp>
#include <ctdiff/activations/gelu_tanh.hpp>
#include <ctdiff/activations/silu.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <span>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace ctdiff_vectorize_kernels {

constexpr auto sig = sigmoid(x);
constexpr auto gelu = x * norm_cdf(x);
constexpr auto leaky = select(x > 0_c, x, alpha * x);
constexpr auto silu = x * sigmoid(beta * x);

template <class T>
using in = std::span<const T>;
template <class T>
using out = std::span<T>;

#define CTDIFF_VECTORIZE_KERNELS(T)                                                                             \
    void sigmoid_second_##T(in<T> x0, out<T> y, out<T> d1, out<T> d2) { derivatives<2>(sig)(x0, y, d1, d2); } \
    void tanh_forward_backward_##T(in<T> x0, in<T> dy, out<T> y, out<T> dx) {                                 \
        forward_backward(tanh(x))(x0, dy, y, dx);                                                             \
    }                                                                                                         \
    void gelu_backward_##T(in<T> x0, in<T> dy, out<T> dx) { backward(gelu)(x0, dy, dx); }                     \
    void gelu_double_backward_##T(in<T> x0, in<T> dy, in<T> ddx, out<T> gdy, out<T> gx) {                     \
        double_backward(gelu)(x0, dy, ddx, gdy, gx);                                                          \
    }                                                                                                         \
    void leaky_forward_backward_##T(in<T> x0, in<T> dy, out<T> y, out<T> dx, T a) {                           \
        forward_backward(leaky)(x0, dy, y, dx, params{a});                                                    \
    }                                                                                                         \
    void silu_second_##T(in<T> x0, out<T> y, out<T> d1, out<T> d2, T b) {                                     \
        derivatives<2>(silu)(x0, y, d1, d2, params{T(0), b});                                                 \
    }                                                                                                         \
    void softplus_forward_##T(in<T> x0, out<T> y) { fused(softplus(x))(x0, y); }                              \
    void sigmoid_backward_from_output_##T(in<T> y, in<T> dy, out<T> dx) {                                     \
        backward_from_output(sig, polynomial<0, 1, -1>{})(y, dy, dx);                                         \
    }                                                                                                         \
    /* the catalogue's forms (exact limits beyond |x| = 1024 by selects): what users and the bench run */    \
    void catalogue_gelu_forward_##T(in<T> x0, out<T> y) { fused(activations::gelu)(x0, y); }                  \
    void catalogue_gelu_backward_##T(in<T> x0, in<T> dy, out<T> dx) {                                         \
        backward(activations::gelu)(x0, dy, dx);                                                              \
    }                                                                                                         \
    void catalogue_gelu_forward_backward_##T(in<T> x0, in<T> dy, out<T> y, out<T> dx) {                       \
        forward_backward(activations::gelu)(x0, dy, y, dx);                                                   \
    }                                                                                                         \
    void catalogue_silu_forward_backward_##T(in<T> x0, in<T> dy, out<T> y, out<T> dx) {                       \
        forward_backward(activations::silu)(x0, dy, y, dx);                                                   \
    }                                                                                                         \
    /* GELU-tanh's gate tag: its double argument in double-double */                                          \
    void catalogue_gelu_tanh_forward_backward_##T(in<T> x0, in<T> dy, out<T> y, out<T> dx) {                  \
        forward_backward(activations::gelu_tanh)(x0, dy, y, dx);                                              \
    }

CTDIFF_VECTORIZE_KERNELS(float)
CTDIFF_VECTORIZE_KERNELS(double)

// The fast mode (math::fast_float): float arithmetic, fast e^x, σ, tanh, sech, FMA on v3/v4.
void fast_sigmoid_second(in<float> x0, out<float> y, out<float> d1, out<float> d2) {
    derivatives<2>(sig)(x0, y, d1, d2, fast);
}
void fast_tanh_forward_backward(in<float> x0, in<float> dy, out<float> y, out<float> dx) {
    forward_backward(tanh(x))(x0, dy, y, dx, fast);
}
void fast_gelu_forward_backward(in<float> x0, in<float> dy, out<float> y, out<float> dx) {
    forward_backward(activations::gelu)(x0, dy, y, dx, fast);
}
void fast_silu_forward_backward(in<float> x0, in<float> dy, out<float> y, out<float> dx) {
    forward_backward(activations::silu)(x0, dy, y, dx, fast);
}

#undef CTDIFF_VECTORIZE_KERNELS

} // namespace ctdiff_vectorize_kernels
