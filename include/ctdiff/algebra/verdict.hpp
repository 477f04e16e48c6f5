#ifndef CTDIFF_ALGEBRA_VERDICT_HPP
#define CTDIFF_ALGEBRA_VERDICT_HPP

/// \file
/// `verdict`: the answer of `compare(a, b)` (algebra/equivalent.hpp) — proved, refuted with a
/// witness, or undecided with the reason.

#include <array>

namespace ctdiff {

enum class verdict_kind : unsigned char { proved, refuted, undecided };

/// The answer of `compare(a, b)`.
struct verdict {
    verdict_kind kind = verdict_kind::undecided;
    std::array<double, 4> at{};     ///< refuted: x, y, z, variable<3> where the sides differ
    std::array<double, 4> params{}; ///< refuted: α, β, … there
    double lhs = 0;                 ///< refuted: a there
    double rhs = 0;                 ///< refuted: b there
    const char* reason = "";        ///< what was shown, or why it could not be decided
    [[nodiscard]] constexpr bool proved() const { return kind == verdict_kind::proved; }
    [[nodiscard]] constexpr bool refuted() const { return kind == verdict_kind::refuted; }
    [[nodiscard]] constexpr bool undecided() const { return kind == verdict_kind::undecided; }
};

} // namespace ctdiff

#endif
