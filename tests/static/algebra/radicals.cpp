// Radicals: √u, u^(−1/2), u^(3/2) … of one u are powers of one atom R = u^(1/n) with R^n = u
// (assumed where the root is real: u ≥ 0 for √, u > 0 for the others), so the identities of
// √-based activations (squareplus, ISRU, ISRLU) are decided. Compiling this file is passing.
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

constexpr auto u = x * x + 4_c;

// One atom, integer powers of it.
static_assert(equivalent(1_c / sqrt(u), pow<ratio{-1, 2}>(u)));
static_assert(equivalent(sqrt(u), pow<ratio{1, 2}>(u)));
static_assert(equivalent(sqrt(u) * sqrt(u), u));                         // (√u)² = u
static_assert(equivalent(pow<ratio{1, 2}>(u) * pow<ratio{1, 2}>(u), u)); // u^(1/2)·u^(1/2) = u
static_assert(equivalent(pow<ratio{3, 2}>(u), u * sqrt(u)));
static_assert(equivalent(u / sqrt(u), sqrt(u)));
static_assert(equivalent(1_c / sqrt(x), pow<ratio{-1, 2}>(x)));
static_assert(equivalent(sqrt(x) * sqrt(x), x));
static_assert(equivalent(sqrt(4_c * x * x + 16_c), 2_c * sqrt(u)));      // positive constants come out
static_assert(equivalent(pow<ratio{1, 3}>(u) * pow<ratio{2, 3}>(u), u));
static_assert(equivalent(d(sqrt(x), x), 1_c / (2_c * sqrt(x))));

// squareplus(x) = (x + √(x² + 4))/2 (b = 4).
constexpr auto squareplus = (x + sqrt(u)) / 2_c;
static_assert(equivalent(d(squareplus, x), (1_c + x / sqrt(u)) / 2_c));
static_assert(equivalent(d(squareplus, x), squareplus / sqrt(u)));
static_assert(equivalent(d<2>(squareplus, x), 2_c / pow<ratio{3, 2}>(u)));
static_assert(equivalent(d<2>(squareplus, x), 2_c / (u * sqrt(u))));

// ISRU(x) = x/√(1 + αx²): ISRU′ = (1 + αx²)^(−3/2) = (ISRU/x)³.
constexpr auto w = 1_c + alpha * x * x;
constexpr auto isru = x / sqrt(w);
static_assert(equivalent(d(isru, x), pow<ratio{-3, 2}>(w)));
static_assert(equivalent(d(isru, x), pow<3>(isru / x)));

// ISRLU(x) = x for x ≥ 0, x/√(1 + αx²) below: its derivative piece by piece.
constexpr auto isrlu = select(x >= 0_c, x, isru);
static_assert(equivalent(d(isrlu, x), select(x >= 0_c, 1_c, pow<ratio{-3, 2}>(w))));
static_assert(compare(d(isrlu, x), select(x >= 0_c, 1_c, pow<ratio{-1, 2}>(w))).refuted());

// False radical identities: refuted with a witness.
static_assert(compare(1_c / sqrt(u), pow<ratio{1, 2}>(u)).refuted());
static_assert(compare(sqrt(u), pow<ratio{1, 3}>(u)).refuted());
static_assert(compare(d<2>(squareplus, x), 1_c / pow<ratio{3, 2}>(u)).refuted());
static_assert(compare(sqrt(u), x + 2_c).refuted());
// √(x²) = |x| stays undecided (the sign of x is not a relation of the root atom), never proved.
static_assert(compare(sqrt(x * x), abs(x)).undecided());

} // namespace
