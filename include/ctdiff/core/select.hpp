#ifndef CTDIFF_CORE_SELECT_HPP
#define CTDIFF_CORE_SELECT_HPP

/// \file
/// Piecewise expressions: `select(cond, a, b)` is a where cond holds, else b; conditions compare
/// two expressions (`x > 0_c`). max, min, relu-style kinks are selects. Evaluated without a branch
/// (both sides computed, one chosen), so loops over them vectorize — and NaN in a condition
/// chooses b (every comparison with NaN is false).

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/math/select.hpp>

#include <string_view>
#include <type_traits>

namespace ctdiff {

struct greater_op {
    static constexpr std::string_view symbol = ">";
    template <class T>
    static constexpr auto test(T a, T b) { return a > b; }
};
struct greater_equal_op {
    static constexpr std::string_view symbol = "≥";
    template <class T>
    static constexpr auto test(T a, T b) { return a >= b; }
};
struct less_op {
    static constexpr std::string_view symbol = "<";
    template <class T>
    static constexpr auto test(T a, T b) { return a < b; }
};
struct less_equal_op {
    static constexpr std::string_view symbol = "≤";
    template <class T>
    static constexpr auto test(T a, T b) { return a <= b; }
};

/// The condition `A op B` (not itself an expression: it is only used inside select).
template <class Op, class A, class B>
struct comparison {
    using op = Op;
    using lhs = A;
    using rhs = B;
    template <class Env>
    static constexpr auto eval(const Env& env) { return Op::test(A::eval(env), B::eval(env)); }
};

template <class C>
inline constexpr bool is_condition_v = false;
template <class Op, class A, class B>
inline constexpr bool is_condition_v<comparison<Op, A, B>> = true;
/// A condition built with <, <=, >, >= from two expressions.
template <class C>
concept Condition = is_condition_v<C>;

template <Expression A, Expression B>
constexpr comparison<greater_op, A, B> operator>(A, B) { return {}; }
template <Expression A, Expression B>
constexpr comparison<greater_equal_op, A, B> operator>=(A, B) { return {}; }
template <Expression A, Expression B>
constexpr comparison<less_op, A, B> operator<(A, B) { return {}; }
template <Expression A, Expression B>
constexpr comparison<less_equal_op, A, B> operator<=(A, B) { return {}; }

/// A where C holds, else B.
template <class C, class A, class B>
struct select_node : node<select_node<C, A, B>> {
    using condition = C;
    using then_branch = A;
    using else_branch = B;
    template <class Env>
    static constexpr auto eval(const Env& env) {
        const auto a = A::eval(env);
        const auto b = B::eval(env);
        return math::select(static_cast<bool>(C::eval(env)), a, b);
    }
};

/// `select(x > 0_c, x, 0_c)`: a where cond holds, else b (one side when both are the same).
template <Condition C, Expression A, Expression B>
constexpr auto select(C, A, B) {
    if constexpr (std::is_same_v<A, B>) {
        return A{};
    } else {
        return select_node<C, A, B>{};
    }
}

/// max(a, b) = select(a > b, a, b); at a tie the derivative follows b.
template <Expression A, Expression B>
constexpr auto max(A, B) { return select(A{} > B{}, A{}, B{}); }
/// min(a, b) = select(a < b, a, b); at a tie the derivative follows b.
template <Expression A, Expression B>
constexpr auto min(A, B) { return select(A{} < B{}, A{}, B{}); }

} // namespace ctdiff

#endif
