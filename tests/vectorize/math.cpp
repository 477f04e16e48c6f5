// One plain loop per ctdiff::math function and element type, for the vectorization check of
// tests/vectorize (check.cmake): each loop's line carries a marker `ctdiff-vectorize: <name>`, and
// the check compiles this file with GCC 12 (-O3 -fopt-info-vec) and Clang 16 (-O3 -Rpass=loop-vectorize)
// at -march=x86-64-v3 and -v4, no fast-math, and fails when a marked loop is reported as not vectorized
// (or not reported as vectorized). A marker `ctdiff-vectorize-todo(gcc,clang): <name>` states a loop that
// does not vectorize yet with the named compilers: reported, not failed, and the check fails once it
// does vectorize there (so the marker is tightened). The loops are what a user writes: spans, no
// __restrict (the compilers version them for aliasing).
#include <ctdiff/math.hpp>

#include <cstddef>
#include <span>

namespace ctdiff_vectorize_math {

template <class T>
using in = std::span<const T>;
template <class T>
using out = std::span<T>;

// clang-format off
void exp_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::exp(x[i]); // ctdiff-vectorize: exp float
}
void exp_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::exp(x[i]); // ctdiff-vectorize: exp double
}
void expm1_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::expm1(x[i]); // ctdiff-vectorize: expm1 float
}
void expm1_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::expm1(x[i]); // ctdiff-vectorize: expm1 double
}
void log_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::log(x[i]); // ctdiff-vectorize: log float
}
void log_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::log(x[i]); // ctdiff-vectorize: log double
}
void log1p_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::log1p(x[i]); // ctdiff-vectorize: log1p float
}
void log1p_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::log1p(x[i]); // ctdiff-vectorize: log1p double
}
void sqrt_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::sqrt(x[i]); // ctdiff-vectorize: sqrt float
}
void sqrt_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::sqrt(x[i]); // ctdiff-vectorize: sqrt double
}
void tanh_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::tanh(x[i]); // ctdiff-vectorize: tanh float
}
void tanh_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::tanh(x[i]); // ctdiff-vectorize: tanh double
}
void sech_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::sech(x[i]); // ctdiff-vectorize: sech float
}
void sech_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::sech(x[i]); // ctdiff-vectorize: sech double
}
void erf_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::erf(x[i]); // ctdiff-vectorize: erf float
}
void erf_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::erf(x[i]); // ctdiff-vectorize: erf double
}
void erfc_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::erfc(x[i]); // ctdiff-vectorize: erfc float
}
void erfc_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::erfc(x[i]); // ctdiff-vectorize: erfc double
}
void sigmoid_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::sigmoid(x[i]); // ctdiff-vectorize: sigmoid float
}
void sigmoid_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::sigmoid(x[i]); // ctdiff-vectorize: sigmoid double
}
void softplus_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::softplus(x[i]); // ctdiff-vectorize: softplus float
}
void softplus_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::softplus(x[i]); // ctdiff-vectorize: softplus double
}
void norm_cdf_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::norm_cdf(x[i]); // ctdiff-vectorize: norm_cdf float
}
void norm_cdf_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::norm_cdf(x[i]); // ctdiff-vectorize: norm_cdf double
}
void norm_pdf_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::norm_pdf(x[i]); // ctdiff-vectorize: norm_pdf float
}
void norm_pdf_f64(in<double> x, out<double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = ctdiff::math::norm_pdf(x[i]); // ctdiff-vectorize: norm_pdf double
}
// the fast mode's functions (math::fast_float)
void fast_exp_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = static_cast<float>(ctdiff::math::exp(ctdiff::math::fast_float(x[i]))); // ctdiff-vectorize: fast exp
}
void fast_tanh_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = static_cast<float>(ctdiff::math::tanh(ctdiff::math::fast_float(x[i]))); // ctdiff-vectorize: fast tanh
}
void fast_sech_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = static_cast<float>(ctdiff::math::sech(ctdiff::math::fast_float(x[i]))); // ctdiff-vectorize: fast sech
}
void fast_sigmoid_f32(in<float> x, out<float> y) {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = static_cast<float>(ctdiff::math::sigmoid(ctdiff::math::fast_float(x[i]))); // ctdiff-vectorize: fast sigmoid
}
// clang-format on

} // namespace ctdiff_vectorize_math
