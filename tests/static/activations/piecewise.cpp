// The piecewise-linear activations: derivative pieces, exact values, the convention at each kink.
// Everything here is exact (no math function is evaluated), so each check is an equality.
#include <ctdiff/activations/elu.hpp>
#include <ctdiff/activations/hard_sigmoid.hpp>
#include <ctdiff/activations/hard_tanh.hpp>
#include <ctdiff/activations/leaky_relu.hpp>
#include <ctdiff/activations/relu.hpp>
#include <ctdiff/activations/selu.hpp>
#include <ctdiff/diff.hpp>

#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;
namespace act = ctdiff::activations;

template <class A, class B>
constexpr bool same(A, B) { return std::is_same_v<A, B>; }

template <class E>
constexpr double at(E e, double x0, double a = 0.01) { return evaluate(e, environment<double, 1, 1>{{x0}, {a}}); }
template <class E>
constexpr float at_f(E e, float x0, float a = 0.01f) { return evaluate(e, environment<float, 1, 1>{{x0}, {a}}); }

// ReLU: the derivative is the step with ReLU'(0) = 0; the second derivative is the constant 0.
static_assert(same(d(act::relu, x), act::relu_prime));
static_assert(same(d<2>(act::relu, x), 0_c) && same(d<3>(act::relu, x), 0_c));
static_assert(act::relu(-2.0) == 0.0 && act::relu(0.0) == 0.0 && act::relu(3.5) == 3.5 && act::relu(3.5f) == 3.5f);
static_assert(d(act::relu, x)(-1.0) == 0.0 && d(act::relu, x)(0.0) == 0.0 && d(act::relu, x)(1e-300) == 1.0);
static_assert(d(act::relu, x, at_kink<kink::other_side>)(0.0) == 1.0);
static_assert(d(act::relu, x, at_kink<kink::average>)(0.0) == 0.5);
static_assert(act::relu(-0.0) == 0.0 && act::relu(-1e300) == 0.0);
// NaN propagates through the value (NaN ≠ NaN).
static_assert(act::relu(__builtin_nan("")) != act::relu(__builtin_nan("")));

// Leaky ReLU: 1 | α, with LeakyReLU'(0) = α.
static_assert(same(d(act::leaky_relu, x), act::leaky_relu_prime));
static_assert(same(d<2>(act::leaky_relu, x), 0_c));
static_assert(at(act::leaky_relu, -2.0, 0.25) == -0.5 && at(act::leaky_relu, 2.0, 0.25) == 2.0);
static_assert(at(d(act::leaky_relu, x), 0.0) == 0.01 && at(d(act::leaky_relu, x), -5.0) == 0.01 &&
              at(d(act::leaky_relu, x), 5.0) == 1.0);
static_assert(at_f(d(act::leaky_relu, x), 0.0f) == 0.01f);
static_assert(at(d(act::leaky_relu, x, at_kink<kink::other_side>), 0.0) == 1.0);

// ELU: the x > 0 piece (no math evaluated there) and the kink at 0 (e⁰ = 1 exactly).
static_assert(same(d(act::elu, x), act::elu_prime));
static_assert(at(act::elu, 2.5, 1.0) == 2.5 && at(d(act::elu, x), 2.5, 1.0) == 1.0 && at(d<2>(act::elu, x), 2.5, 1.0) == 0.0);
static_assert(at(act::elu, 0.0, 1.0) == 0.0);

// SELU's constants: the exact decimals, rounding to the published values in float and double.
static_assert(act::selu_lambda.value == ratio{1050700987355480493, 1000000000000000000});
static_assert(act::selu_alpha.value == ratio{1673263242354377284, 1000000000000000000});
static_assert(act::selu_lambda.value.as<double>() == 1.0507009873554804934193349852946);
static_assert(act::selu_alpha.value.as<double>() == 1.6732632423543772848170429916717);
static_assert(act::selu_lambda.value.as<float>() == 1.0507009873554804934193349852946f);
static_assert(act::selu_alpha.value.as<float>() == 1.6732632423543772848170429916717f);
static_assert(act::selu(2.0) == act::selu_lambda.value.as<double>() * 2.0);
static_assert(d(act::selu, x)(1.0) == act::selu_lambda.value.as<double>());

// Hard sigmoid (PyTorch's relu6(x + 3)/6): 0 below −3, 1 above 3, slope 1/6 strictly between.
static_assert(act::hard_sigmoid(-3.0) == 0.0 && act::hard_sigmoid(3.0) == 1.0 && act::hard_sigmoid(0.0) == 0.5);
static_assert(act::hard_sigmoid(-4.0) == 0.0 && act::hard_sigmoid(7.0) == 1.0 && act::hard_sigmoid(-1.5) == 0.25);
static_assert(d(act::hard_sigmoid, x)(-3.0) == 0.0 && d(act::hard_sigmoid, x)(3.0) == 0.0);
static_assert(d(act::hard_sigmoid, x)(0.0) == 1.0 / 6.0 && d(act::hard_sigmoid, x)(2.999) == 1.0 / 6.0);
static_assert(same(d<2>(act::hard_sigmoid, x), 0_c));

// Hard tanh: −1, x, 1 with derivative 0 at ±1.
static_assert(act::hard_tanh(-2.0) == -1.0 && act::hard_tanh(0.25) == 0.25 && act::hard_tanh(2.0) == 1.0);
static_assert(d(act::hard_tanh, x)(-1.0) == 0.0 && d(act::hard_tanh, x)(1.0) == 0.0 && d(act::hard_tanh, x)(0.5) == 1.0);
static_assert(same(d<2>(act::hard_tanh, x), 0_c));

int main() {}
