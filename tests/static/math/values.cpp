// ctdiff::math in constant evaluation: exact values and IEEE special cases, checked by the
// compiler (compiling is passing). The run-time side of the same points is
// tests/runtime/math/constexpr_vs_runtime.cpp; accuracy is tests/runtime/math/accuracy.cpp.
#include "points.hpp"

#include <bit>
#include <cstdint>

namespace {

using namespace math_points;
constexpr bool same(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }
constexpr bool same(float a, float b) { return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b); }
constexpr bool is_nan(double v) { return v != v; }

// every point was evaluated (at() finds each one)
static_assert(at(-0.0) == 1 && at(0.0) == 0 && at_f(-0.0f) == 1);

// exp
static_assert(same(exp_d[at(0.0)], 1.0) && same(exp_d[at(-0.0)], 1.0));
static_assert(same(exp_d[at(inf)], inf) && same(exp_d[at(-inf)], 0.0) && is_nan(exp_d[at(qnan)] ));
static_assert(same(exp_d[at(709.79)], inf) && exp_d[at(709.782712893384)] < inf);
static_assert(same(exp_d[at(-746.0)], 0.0) && same(exp_d[at(-745.0)], 0x1p-1074)); // gradual underflow
static_assert(same(exp_d[at(1.0)], 2.718281828459045));                             // e, correctly rounded
static_assert(same(exp_f[at_f(89.0f)], static_cast<float>(inf)) && same(exp_f[at_f(-104.0f)], 0.0f));
static_assert(same(exp_f[at_f(-103.0f)], 0x1p-149f) && same(exp_f[at_f(0.0f)], 1.0f));
// expm1
static_assert(same(expm1_d[at(0.0)], 0.0) && same(expm1_d[at(-0.0)], -0.0) && same(expm1_d[at(-inf)], -1.0));
static_assert(same(expm1_d[at(inf)], inf) && same(expm1_d[at(0x1p-1074)], 0x1p-1074));
static_assert(same(expm1_d[at(-100.0)], -1.0) && same(expm1_d[at(709.79)], inf));
// log
static_assert(same(log_d[at(1.0)], 0.0) && same(log_d[at(0.0)], -inf) && same(log_d[at(-0.0)], -inf));
static_assert(is_nan(log_d[at(-1.0)]) && is_nan(log_d[at(-inf)]) && same(log_d[at(inf)], inf));
static_assert(same(log_d[at(0x1p-1074)], -744.4400719213812)); // subnormal input
static_assert(same(log_f[at_f(1.0f)], 0.0f) && same(log_f[at_f(0.0f)], -static_cast<float>(inf)));
// log1p
static_assert(same(log1p_d[at(0.0)], 0.0) && same(log1p_d[at(-0.0)], -0.0) && same(log1p_d[at(-1.0)], -inf));
static_assert(is_nan(log1p_d[at(-2.0)]) && same(log1p_d[at(inf)], inf) && same(log1p_d[at(0x1p-1074)], 0x1p-1074));
// sqrt: correctly rounded in constant evaluation too
static_assert(same(sqrt_d[at(-0.0)], -0.0) && same(sqrt_d[at(0.0)], 0.0) && is_nan(sqrt_d[at(-1.0)]));
static_assert(same(sqrt_d[at(inf)], inf) && same(sqrt_d[at(2.0)], 1.4142135623730951) && same(sqrt_d[at(4.0)], 2.0));
static_assert(same(sqrt_d[at(0x1p-1074)], 0x1p-537) && same(sqrt_f[at_f(-0.0f)], -0.0f) && same(sqrt_f[at_f(2.0f)], 1.41421354f));
// tanh, sech
static_assert(same(tanh_d[at(0.0)], 0.0) && same(tanh_d[at(-0.0)], -0.0) && same(tanh_d[at(inf)], 1.0));
static_assert(same(tanh_d[at(-inf)], -1.0) && same(tanh_d[at(0x1p-1074)], 0x1p-1074) && same(tanh_d[at(22.0)], 1.0));
static_assert(same(sech_d[at(0.0)], 1.0) && same(sech_d[at(inf)], 0.0) && same(sech_d[at(-inf)], 0.0));
// erf, erfc
static_assert(same(erf_d[at(0.0)], 0.0) && same(erf_d[at(-0.0)], -0.0) && same(erf_d[at(inf)], 1.0));
static_assert(same(erf_d[at(-inf)], -1.0) && same(erf_d[at(6.0)], 1.0) && same(erf_f[at_f(-10.0f)], -1.0f));
static_assert(same(erfc_d[at(0.0)], 1.0) && same(erfc_d[at(inf)], 0.0) && same(erfc_d[at(-inf)], 2.0));
static_assert(same(erfc_d[at(30.0)], 0.0) && erfc_d[at(26.6)] > 0.0 && erfc_d[at(26.6)] < 0x1p-1022); // subnormal
// σ, softplus, Φ, φ
static_assert(same(sigmoid_d[at(0.0)], 0.5) && same(sigmoid_d[at(inf)], 1.0) && same(sigmoid_d[at(-inf)], 0.0));
static_assert(same(softplus_d[at(inf)], inf) && same(softplus_d[at(-inf)], 0.0) && same(softplus_d[at(1e300)], 1e300));
static_assert(same(norm_cdf_d[at(0.0)], 0.5) && same(norm_cdf_d[at(inf)], 1.0) && same(norm_cdf_d[at(-inf)], 0.0));
static_assert(same(norm_pdf_d[at(inf)], 0.0) && same(norm_pdf_d[at(0.0)], 0.3989422804014327));
// NaN in, NaN out, everywhere
static_assert(is_nan(expm1_d[at(qnan)]) && is_nan(log_d[at(qnan)]) && is_nan(log1p_d[at(qnan)]) && is_nan(sqrt_d[at(qnan)]));
static_assert(is_nan(tanh_d[at(qnan)]) && is_nan(sech_d[at(qnan)]) && is_nan(erf_d[at(qnan)]) && is_nan(erfc_d[at(qnan)]));
static_assert(is_nan(sigmoid_d[at(qnan)]) && is_nan(softplus_d[at(qnan)]) && is_nan(norm_cdf_d[at(qnan)]));
static_assert(is_nan(norm_pdf_d[at(qnan)]));

} // namespace
