#ifndef CTDIFF_IO_NOTATION_HPP
#define CTDIFF_IO_NOTATION_HPP

/// \file
/// The two notations ctdiff prints expressions in.

namespace ctdiff {

/// How an expression is printed.
///
/// - `text`: Unicode plain text, e.g. `σ(x)·σ(−x)² − 1/2·x³ + √x`. Negation and subtraction use
///   the Unicode minus U+2212 (`−`), never ASCII `-`, so printed formulas look like typeset ones
///   and never mix with a hyphen; products use the middle dot U+00B7 (`·`); integer powers are
///   superscripts (`x²`, `x⁻¹`); √ for the power ½, `1/√u` for −½, `u^(3/2)` otherwise; rational
///   constants `1/2`; variables x, y, z then x₃, x₄…; parameters α, β, γ, δ then θ₄, θ₅…;
///   a select is `cond ? a : b`.
/// - `latex`: LaTeX math mode (no surrounding `$`), e.g. `\sigma(x) \sigma(-x)^{2}`,
///   `\frac{1}{2}`, `\sqrt{x}`, `\begin{cases} … \end{cases}`; products are juxtaposed
///   (` \cdot ` before a factor that starts with a digit); grouping is `\left( … \right)`.
enum class notation { text, latex };

} // namespace ctdiff

#endif
