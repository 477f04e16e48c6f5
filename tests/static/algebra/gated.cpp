// The gated units of activations/gated.hpp: f(a, b) with a = x, b = y, as shipped, equal to their
// textbook formulas, and their partial derivatives (what backward(f) computes as da, db) proved
// equal to the textbook gradients; false variants refuted. Compiling this file is passing.
#include <ctdiff/activations/gated.hpp>
#include <ctdiff/algebra/equivalent.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

using namespace ctdiff;
using namespace ctdiff::literals;
namespace act = ctdiff::activations;

namespace {

// f as shipped = the formula.
static_assert(equivalent(act::swiglu, x * sigmoid(x) * y));
static_assert(equivalent(act::geglu, x * norm_cdf(x) * y));
static_assert(equivalent(act::glu, x / (1_c + exp(-y))));

// ∂f/∂a and ∂f/∂b.
static_assert(equivalent(d(act::swiglu, x), y * sigmoid(x) * (1_c + x * (1_c - sigmoid(x)))));
static_assert(equivalent(d(act::swiglu, y), x * sigmoid(x)));
static_assert(equivalent(d(act::geglu, x), y * (norm_cdf(x) + x * norm_pdf(x))));
static_assert(equivalent(d(act::geglu, y), x * norm_cdf(x)));
static_assert(equivalent(d(act::glu, x), sigmoid(y)));
static_assert(equivalent(d(act::glu, y), x * sigmoid(y) * (1_c - sigmoid(y))));
// the mixed partial of SwiGLU is SiLU′(a), either order
static_assert(equivalent(d(d(act::swiglu, x), y), d(d(act::swiglu, y), x)));
static_assert(equivalent(d(d(act::swiglu, x), y), sigmoid(x) * (1_c + x * sigmoid(-x))));

// False variants: the gate's derivative forgotten, the halves swapped.
static_assert(!equivalent(d(act::swiglu, x), y * sigmoid(x)));
static_assert(!equivalent(act::glu, y * sigmoid(x)));

} // namespace
