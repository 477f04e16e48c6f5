#ifndef CTDIFF_TORCH_SRC_CATALOGUE_HPP
#define CTDIFF_TORCH_SRC_CATALOGUE_HPP

/// \file
/// The formulas behind ctdiff_torch's built-in operators: ctdiff's catalogue where it has the
/// function with torch.nn.functional's conventions, and compositions of ctdiff's vocabulary where
/// torch's function takes parameters the catalogue fixes (softplus's β and threshold, hardtanh's
/// bounds) or the catalogue lacks it (logsigmoid). Each op is registered in the library fragment
/// `ctdiff` by one of the TUs beside this file (torch.ops.ctdiff.<name>_forward, …).

#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>

namespace ctdiff_torch::catalogue {
using namespace ctdiff;

/// torch's softplus(x, beta, threshold): x where βx > threshold, softplus(βx)/β elsewhere
/// (α = β, β = threshold here: parameter<0>, parameter<1>). Its derivative is 1 above the threshold
/// and σ(βx)·β/β below, as torch's backward (grad·z/(z + 1), z = e^{βx}).
inline constexpr auto softplus = select(alpha * x > beta, x, ctdiff::softplus(alpha * x) / alpha);

/// torch's hardtanh(x, min_val, max_val) = clamp(x, min_val, max_val) (α = min_val, β = max_val);
/// the derivative is 0 at both edges (the constant pieces hold them), as torch's backward, which
/// passes the gradient only on the open interval.
inline constexpr auto hardtanh = select(x <= alpha, alpha, select(x >= beta, beta, x));

/// log σ(x) = −softplus(−x): ctdiff's stable softplus (no log of a rounded σ, no overflow), and
/// the derivative σ(−x) by ctdiff's rules.
inline constexpr auto logsigmoid = -ctdiff::softplus(-x);

} // namespace ctdiff_torch::catalogue

#endif
