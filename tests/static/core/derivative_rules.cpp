// Differentiation rules, checked on their structure (the rules of named functions are proved
// against their definitions in tests/static/algebra; here: the mechanics of d).
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

#include <boost/hana/at.hpp>
#include <type_traits>

using namespace ctdiff;
using namespace ctdiff::literals;

template <class A, class B>
constexpr bool same(A, B) { return std::is_same_v<A, B>; }

static_assert(same(d(x, x), 1_c) && same(d(y, x), 0_c) && same(d(alpha, x), 0_c) && same(d(pi, x), 0_c));
static_assert(same(d(3_c * x + y, x), 3_c));
static_assert(same(d(x * x, x), 2_c * x));
static_assert(same(d(pow<ratio{3}>(x), x), 3_c * pow<ratio{2}>(x)));
static_assert(same(d(sqrt(x), x), 1_c / 2_c * pow<ratio{-1, 2}>(x)));
static_assert(same(d(exp(2_c * x), x), 2_c * exp(2_c * x))); // chain rule
static_assert(same(d(one / x, x), -(one / pow<ratio{2}>(x))));
static_assert(same(d<2>(x * x * x, x), 6_c * x));
static_assert(same(d<4>(pow<ratio{4}>(x), x), 24_c));
static_assert(same(d<5>(pow<ratio{4}>(x), x), 0_c));
static_assert(same(d<3>(exp(x), x), exp(x)));

// Partial derivatives, gradient and Jacobian.
static_assert(same(d(x * y, y), x));
constexpr auto g = gradient(x * y + z, x, y, z);
static_assert(same(boost::hana::at_c<0>(g), y) && same(boost::hana::at_c<1>(g), x) &&
              same(boost::hana::at_c<2>(g), 1_c));
constexpr auto J = jacobian(boost::hana::make_tuple(x * y, x + y), x, y);
static_assert(same(boost::hana::at_c<1>(boost::hana::at_c<0>(J)), x)); // ∂(xy)/∂y
static_assert(same(boost::hana::at_c<0>(boost::hana::at_c<1>(J)), 1_c)); // ∂(x+y)/∂x

// Kinks: ReLU'(0) = 0 and LeakyReLU'(0) = α by default; the other conventions on request.
constexpr auto relu = max(x, 0_c);
constexpr auto leaky = select(x > 0_c, x, alpha * x);
static_assert(d(relu, x)(0.0) == 0.0 && d(relu, x)(1.0) == 1.0 && d(relu, x)(-1.0) == 0.0);
static_assert(evaluate(d(leaky, x), environment<double, 1, 1>{{0.0}, {0.01}}) == 0.01);
static_assert(d(relu, x, at_kink<kink::other_side>)(0.0) == 1.0);
static_assert(d(relu, x, at_kink<kink::average>)(0.0) == 0.5);
static_assert(d(relu, x, at_kink<kink::average>)(-3.0) == 0.0 && d(relu, x, at_kink<kink::average>)(3.0) == 1.0);
static_assert(d(abs(x), x)(0.0) == 0.0 && d(abs(x), x)(-2.0) == -1.0);
