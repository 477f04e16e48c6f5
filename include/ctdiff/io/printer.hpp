#ifndef CTDIFF_IO_PRINTER_HPP
#define CTDIFF_IO_PRINTER_HPP

/// \file
/// The printing rules, one per node kind: `io_detail::printer<E>::write`. Parentheses are
/// minimal: each rule knows its precedence and what its operands need. A negative form (−e, a
/// negative constant, a product or quotient whose first factor is one) is written after a
/// binary + or − with the sign folded into the operator: `a + (−2)·b` prints `a − 2·b`.
///
/// Every rule is constexpr (it writes into a `std::vector<char>`), so printing runs at compile
/// time on both GCC and Clang; see to_string.hpp and to_latex.hpp for the entry points.

#include <ctdiff/core/constant.hpp>
#include <ctdiff/core/function.hpp>
#include <ctdiff/core/functions/abs.hpp>
#include <ctdiff/core/node.hpp>
#include <ctdiff/core/operators.hpp>
#include <ctdiff/core/ratio.hpp>
#include <ctdiff/core/select.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/io/detail/sink.hpp>
#include <ctdiff/io/notation.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace ctdiff::io_detail {

// Precedence of a printed form, loosest first. `frac` is LaTeX's \frac and \sqrt: self-delimiting
// (no parentheses needed as an operand) except as the base of a power.
inline constexpr int lv_select = 1;
inline constexpr int lv_sum = 2;
inline constexpr int lv_product = 3;
inline constexpr int lv_power = 4;
inline constexpr int lv_frac = 5;
inline constexpr int lv_atom = 6;

constexpr std::string_view minus(notation n) { return n == notation::text ? "−" : "-"; }

template <class T>
inline constexpr bool no_printer_v = false;

/// The rule for E. A specialization provides:
///   prec(n)  precedence of E's printed form
///   lead(n)  the printed form starts with a minus
///   neg(n)   the printed form is "−" followed by a form P with E = −P, and write(s, n, true)
///            writes P alone; then sprec(n) / slead(n) describe P
///   write(s, n, strip)
template <class E>
struct printer {
    static_assert(no_printer_v<E>,
                  "ctdiff::to_string / to_latex: this node kind has no printing rule (a user node needs a "
                  "specialization of ctdiff::io_detail::printer)");
    static constexpr int prec(notation) { return lv_atom; }
    static constexpr bool lead(notation) { return false; }
    static constexpr bool neg(notation) { return false; }
    static constexpr int sprec(notation) { return lv_atom; }
    static constexpr bool slead(notation) { return false; }
    static constexpr void write(sink&, notation, bool) {}
};

/// Defaults for a form that is never negative.
struct plain_rule {
    static constexpr bool lead(notation) { return false; }
    static constexpr bool neg(notation) { return false; }
    static constexpr bool slead(notation) { return false; }
};

constexpr void open(sink& s, notation n) { s.put(n == notation::text ? "(" : "\\left("); }
constexpr void close(sink& s, notation n) { s.put(n == notation::text ? ")" : "\\right)"); }

/// Writes E (or its stripped form P) where the context needs precedence ≥ min and, unless
/// allow_lead, no leading minus; parenthesizes otherwise.
template <class E>
constexpr void operand(sink& s, notation n, int min, bool allow_lead, bool strip = false) {
    using P = printer<E>;
    const int p = strip ? P::sprec(n) : P::prec(n);
    const bool l = strip ? P::slead(n) : P::lead(n);
    if (p < min || (l && !allow_lead)) {
        open(s, n);
        P::write(s, n, strip);
        close(s, n);
    } else {
        P::write(s, n, strip);
    }
}
/// Whether `operand<E>(s, n, min, true, strip)` starts with a minus.
template <class E>
constexpr bool operand_leads(notation n, int min, bool strip = false) {
    using P = printer<E>;
    return strip ? (P::sprec(n) >= min && P::slead(n)) : (P::prec(n) >= min && P::lead(n));
}

// ----- leaves ----------------------------------------------------------------------------------

template <ratio R>
struct printer<constant<R>> {
    static constexpr int sprec(notation n) { return R.den == 1 ? lv_atom : (n == notation::text ? lv_product : lv_frac); }
    static constexpr int prec(notation n) { return sprec(n); }
    static constexpr bool neg(notation) { return R.num < 0; }
    static constexpr bool lead(notation n) { return neg(n); }
    static constexpr bool slead(notation) { return false; }
    static constexpr void write(sink& s, notation n, bool strip) {
        if (R.num < 0 && !strip) {
            s.put(minus(n));
        }
        const std::uint64_t num = R.num < 0 ? static_cast<std::uint64_t>(0) - static_cast<std::uint64_t>(R.num)
                                            : static_cast<std::uint64_t>(R.num);
        if (R.den == 1) {
            s.put_uint(num);
        } else if (n == notation::text) {
            s.put_uint(num);
            s.put('/');
            s.put_uint(static_cast<std::uint64_t>(R.den));
        } else {
            s.put("\\frac{");
            s.put_uint(num);
            s.put("}{");
            s.put_uint(static_cast<std::uint64_t>(R.den));
            s.put('}');
        }
    }
};

template <class Tag>
struct printer<named_constant<Tag>> : plain_rule {
    // "√2" as a base needs parentheses in text: (√2)², not √2².
    static constexpr int prec(notation n) {
        return n == notation::text && Tag::name.starts_with("√") ? lv_power : lv_atom;
    }
    static constexpr int sprec(notation n) { return prec(n); }
    static constexpr void write(sink& s, notation n, bool) { s.put(n == notation::text ? Tag::name : Tag::latex); }
};

template <std::size_t I>
struct printer<variable<I>> : plain_rule {
    static constexpr int prec(notation) { return lv_atom; }
    static constexpr int sprec(notation) { return lv_atom; }
    static constexpr void write(sink& s, notation n, bool) {
        if constexpr (I < 3) {
            s.put("xyz"[I]);
        } else if (n == notation::text) {
            s.put('x');
            s.put_subscript(static_cast<std::int64_t>(I));
        } else {
            s.put("x_{");
            s.put_uint(I);
            s.put('}');
        }
    }
};

template <std::size_t I>
struct printer<parameter<I>> : plain_rule {
    static constexpr int prec(notation) { return lv_atom; }
    static constexpr int sprec(notation) { return lv_atom; }
    static constexpr void write(sink& s, notation n, bool) {
        constexpr std::string_view text[] = {"α", "β", "γ", "δ"};
        constexpr std::string_view latex[] = {"\\alpha", "\\beta", "\\gamma", "\\delta"};
        if constexpr (I < 4) {
            s.put(n == notation::text ? text[I] : latex[I]);
        } else if (n == notation::text) {
            s.put("θ");
            s.put_subscript(static_cast<std::int64_t>(I));
        } else {
            s.put("\\theta_{");
            s.put_uint(I);
            s.put('}');
        }
    }
};

/// A tag with a member `shown(U)` prints as that expression (the catalogue's refined
/// activations print as their formula, activations/detail/zero_series.hpp).
template <class F, class A>
    requires requires { F::shown(A{}); }
struct printer<apply<F, A>> : printer<decltype(F::shown(A{}))> {};

template <class F, class A>
struct printer<apply<F, A>> : plain_rule {
    static constexpr int prec(notation) { return lv_atom; }
    static constexpr int sprec(notation) { return lv_atom; }
    static constexpr void write(sink& s, notation n, bool) {
        if constexpr (std::is_same_v<F, abs_fn>) { // |u|, as a person writes it
            s.put(n == notation::text ? "|" : "\\left|");
            printer<A>::write(s, n, false);
            s.put(n == notation::text ? "|" : "\\right|");
        } else {
            s.put(n == notation::text ? std::string_view{F::name} : std::string_view{F::latex});
            open(s, n);
            printer<A>::write(s, n, false);
            close(s, n);
        }
    }
};

// ----- sums ------------------------------------------------------------------------------------

/// `+ b` or `− b` after a first operand; `negate` is true for subtraction.
template <class B>
constexpr void write_summand(sink& s, notation n, bool negate) {
    if (printer<B>::neg(n)) { // a + (−b) → a − b,  a − (−b) → a + b
        s.put(negate ? " + " : " " );
        if (!negate) {
            s.put(minus(n));
            s.put(' ');
            operand<B>(s, n, lv_product, false, true);
        } else {
            operand<B>(s, n, lv_sum, false, true);
        }
    } else if (negate) {
        s.put(' ');
        s.put(minus(n));
        s.put(' ');
        operand<B>(s, n, lv_product, false);
    } else {
        s.put(" + ");
        operand<B>(s, n, lv_sum, false);
    }
}

template <class A, class B>
struct sum_rule : plain_rule {
    static constexpr int prec(notation) { return lv_sum; }
    static constexpr int sprec(notation) { return lv_sum; }
    static constexpr bool lead(notation n) { return operand_leads<A>(n, lv_sum); }
};

template <class A, class B>
struct printer<add<A, B>> : sum_rule<A, B> {
    static constexpr void write(sink& s, notation n, bool) {
        operand<A>(s, n, lv_sum, true);
        write_summand<B>(s, n, false);
    }
};
template <class A, class B>
struct printer<sub<A, B>> : sum_rule<A, B> {
    static constexpr void write(sink& s, notation n, bool) {
        operand<A>(s, n, lv_sum, true);
        write_summand<B>(s, n, true);
    }
};

// ----- products --------------------------------------------------------------------------------

/// A product as a person writes it. A chain of ·, / and unary − with two constant factors or more
/// (what the chain rule leaves: 1/2·2·1/√(x² + 4)·x), a constant and a reciprocal (1/2·1/√x), or a
/// repeated factor (x·x·φ(x)) prints folded: one coefficient, equal factors as one power,
/// reciprocals in one denominator (x/√(x² + 4), 1/(2·√x), x²·φ(x)). Any other chain prints as
/// written. Printing only: the expression, and so every value computed, is unchanged.
namespace fold_detail {
template <class B, ratio E>
struct entry {
    using base = B;
    static constexpr ratio e = E;
};
template <class... F>
struct list {};

template <class F, class L>
struct prepend;
template <class F, class... G>
struct prepend<F, list<G...>> {
    using type = list<F, G...>;
};
/// L with F merged in: added to the exponent of an equal base, else appended (the order is kept).
template <class L, class F>
struct merge_one;
template <class F>
struct merge_one<list<>, F> {
    using type = list<F>;
};
template <class G, class... Gs, class F>
struct merge_one<list<G, Gs...>, F> {
    using type = std::conditional_t<std::is_same_v<typename G::base, typename F::base>,
                                    list<entry<typename G::base, G::e + F::e>, Gs...>,
                                    typename prepend<G, typename merge_one<list<Gs...>, F>::type>::type>;
};
template <class L, class R>
struct merge_all;
template <class L>
struct merge_all<L, list<>> {
    using type = L;
};
template <class L, class F, class... Fs>
struct merge_all<L, list<F, Fs...>> {
    using type = typename merge_all<typename merge_one<L, F>::type, list<Fs...>>::type;
};
template <class L>
struct invert;
template <class... F>
struct invert<list<F...>> {
    using type = list<entry<typename F::base, -F::e>...>;
};

/// E as coefficient × Π baseᵢ^eᵢ, and how many constant factors it has.
template <class E>
struct flat {
    static constexpr ratio c{1};
    static constexpr int constants = 0;
    static constexpr int reciprocals = 0;
    static constexpr std::size_t count = 1;
    using factors = list<entry<E, ratio{1}>>;
};
template <ratio R>
struct flat<constant<R>> {
    static constexpr ratio c = R;
    static constexpr int constants = 1;
    static constexpr int reciprocals = 0;
    static constexpr std::size_t count = 0;
    using factors = list<>;
};
template <class A>
struct flat<neg<A>> {
    static constexpr ratio c = -flat<A>::c;
    static constexpr int constants = flat<A>::constants;
    static constexpr int reciprocals = flat<A>::reciprocals;
    static constexpr std::size_t count = flat<A>::count;
    using factors = typename flat<A>::factors;
};
template <class A, ratio P>
struct flat<power<A, P>> {
    static constexpr ratio c{1};
    static constexpr int constants = 0;
    static constexpr int reciprocals = P < ratio{0} ? 1 : 0;
    static constexpr std::size_t count = 1;
    using factors = list<entry<A, P>>;
};
template <class A, class B>
struct flat<mul<A, B>> {
    static constexpr ratio c = flat<A>::c * flat<B>::c;
    static constexpr int constants = flat<A>::constants + flat<B>::constants;
    static constexpr int reciprocals = flat<A>::reciprocals + flat<B>::reciprocals;
    static constexpr std::size_t count = flat<A>::count + flat<B>::count;
    using factors = typename merge_all<typename flat<A>::factors, typename flat<B>::factors>::type;
};
template <class A, class B>
struct flat<divide<A, B>> {
    static constexpr ratio c = flat<A>::c / flat<B>::c;
    static constexpr int constants = flat<A>::constants + flat<B>::constants;
    static constexpr int reciprocals = flat<A>::reciprocals + static_cast<int>(flat<B>::count);
    static constexpr std::size_t count = flat<A>::count + flat<B>::count;
    using factors = typename merge_all<typename flat<A>::factors, typename invert<typename flat<B>::factors>::type>::type;
};

template <class B, ratio E>
using power_of = std::conditional_t<E == ratio{1}, B, power<B, E>>;
/// The product of the factors with exponents of sign S (+1: numerator, −1: denominator, as
/// positive powers), prefixed by the constant K unless it is 1; void when empty.
template <int S, class Acc, class L>
struct product;
template <int S, class Acc>
struct product<S, Acc, list<>> {
    using type = Acc;
};
template <int S, class Acc, class F, class... Fs>
struct product<S, Acc, list<F, Fs...>> {
    static constexpr bool takes = S > 0 ? ratio{0} < F::e : F::e < ratio{0};
    static constexpr ratio e = S > 0 ? F::e : -F::e;
    using factor = power_of<typename F::base, e>;
    using next = std::conditional_t<!takes, Acc, std::conditional_t<std::is_void_v<Acc>, factor, mul<Acc, factor>>>;
    using type = typename product<S, next, list<Fs...>>::type;
};
template <ratio K, class P>
using with_constant = std::conditional_t<std::is_void_v<P>, constant<K>,
                                         std::conditional_t<K == ratio{1}, P, mul<constant<K>, P>>>;

template <class E>
struct folded {
    using F = flat<E>;
    static constexpr ratio c = F::c;
    static constexpr ratio mag = c.num < 0 ? -c : c;
    using num = with_constant<ratio{mag.num}, typename product<1, void, typename F::factors>::type>;
    using den_factors = typename product<-1, void, typename F::factors>::type;
    using den = std::conditional_t<mag.den == 1, den_factors, with_constant<ratio{mag.den}, den_factors>>;
    using body = std::conditional_t<std::is_void_v<den>, num, divide<num, std::conditional_t<std::is_void_v<den>, num, den>>>;
    using type = std::conditional_t<c.num == 0, constant<ratio{0}>, std::conditional_t<(c.num < 0), neg<body>, body>>;
};
template <class E>
using folded_t = typename folded<E>::type;
template <class L>
inline constexpr std::size_t size_v = 0;
template <class... F>
inline constexpr std::size_t size_v<list<F...>> = sizeof...(F);
/// Two constants, a constant and a reciprocal, or a repeated factor — and not already the folded
/// form (which is its own folded form).
template <class E>
concept foldable = (flat<E>::constants >= 2 || (flat<E>::constants >= 1 && flat<E>::reciprocals >= 1) ||
                    size_v<typename flat<E>::factors> < flat<E>::count) &&
                   !std::is_same_v<folded_t<E>, E> && std::is_same_v<folded_t<folded_t<E>>, folded_t<E>>;
} // namespace fold_detail

template <class A, class B>
    requires fold_detail::foldable<mul<A, B>>
struct printer<mul<A, B>> : printer<fold_detail::folded_t<mul<A, B>>> {};
template <class A, class B>
    requires fold_detail::foldable<divide<A, B>>
struct printer<divide<A, B>> : printer<fold_detail::folded_t<divide<A, B>>> {};

template <class A>
struct printer<neg<A>> {
    static constexpr int prec(notation) { return lv_product; }
    static constexpr bool lead(notation) { return true; }
    static constexpr bool neg(notation) { return true; }
    static constexpr int sprec(notation n) { return printer<A>::prec(n); }
    static constexpr bool slead(notation n) { return printer<A>::lead(n); }
    static constexpr void write(sink& s, notation n, bool strip) {
        if (strip) {
            printer<A>::write(s, n, false);
        } else {
            s.put(minus(n));
            operand<A>(s, n, lv_product, false);
        }
    }
};

/// A product or (text) quotient: negative when its first operand is.
template <class A>
struct leading_factor_rule {
    static constexpr bool neg(notation n) { return printer<A>::neg(n); }
    static constexpr bool lead(notation n) { return operand_leads<A>(n, lv_product); }
    static constexpr bool slead(notation n) { return neg(n) && operand_leads<A>(n, lv_product, true); }
};

template <class A, class B>
struct printer<mul<A, B>> : leading_factor_rule<A> {
    static constexpr int prec(notation) { return lv_product; }
    static constexpr int sprec(notation) { return lv_product; }
    static constexpr void write(sink& s, notation n, bool strip) {
        operand<A>(s, n, lv_product, true, strip && printer<A>::neg(n));
        const std::size_t at = s.size();
        operand<B>(s, n, lv_product, false);
        if (n == notation::text) {
            s.insert(at, "·");
        } else {
            const char first = s.buf[at];
            s.insert(at, first >= '0' && first <= '9' ? " \\cdot " : " ");
        }
    }
};

template <class A, class B>
struct printer<divide<A, B>> : leading_factor_rule<A> {
    static constexpr int prec(notation n) { return n == notation::text ? lv_product : lv_frac; }
    static constexpr int sprec(notation n) { return prec(n); }
    static constexpr bool lead(notation n) {
        return n == notation::text ? leading_factor_rule<A>::lead(n) : printer<A>::neg(n);
    }
    static constexpr bool slead(notation n) { return n == notation::text && leading_factor_rule<A>::slead(n); }
    static constexpr void write(sink& s, notation n, bool strip) {
        const bool strip_a = printer<A>::neg(n) && (strip || n == notation::latex);
        if (n == notation::text) {
            operand<A>(s, n, lv_product, true, strip_a);
            s.put('/');
            operand<B>(s, n, lv_power, false);
        } else {
            if (printer<A>::neg(n) && !strip) {
                s.put('-');
            }
            s.put("\\frac{");
            operand<A>(s, n, lv_select, true, strip_a);
            s.put("}{");
            operand<B>(s, n, lv_select, true);
            s.put('}');
        }
    }
};

// ----- powers ----------------------------------------------------------------------------------

template <class A, ratio P>
struct printer<power<A, P>> : plain_rule {
    static constexpr bool is_sqrt = P == ratio{1, 2};
    static constexpr bool is_rsqrt = P == ratio{-1, 2};
    static constexpr int prec(notation n) {
        if (n == notation::latex) {
            return is_sqrt || is_rsqrt ? lv_frac : lv_power;
        }
        return is_rsqrt ? lv_product : lv_power;
    }
    static constexpr int sprec(notation n) { return prec(n); }
    static constexpr void write(sink& s, notation n, bool) {
        if (n == notation::text) {
            if (is_sqrt || is_rsqrt) {
                s.put(is_sqrt ? "√" : "1/√");
                operand<A>(s, n, lv_atom, false);
            } else if (P.is_integer()) {
                operand<A>(s, n, lv_atom, false);
                s.put_superscript(P.num);
            } else {
                operand<A>(s, n, lv_atom, false);
                s.put("^(");
                printer<constant<P>>::write(s, n, false);
                s.put(')');
            }
        } else {
            if (is_sqrt || is_rsqrt) {
                s.put(is_sqrt ? "\\sqrt{" : "\\frac{1}{\\sqrt{");
                operand<A>(s, n, lv_select, true);
                s.put(is_sqrt ? "}" : "}}");
            } else {
                operand<A>(s, n, lv_atom, false);
                s.put("^{");
                if (P.is_integer()) {
                    s.put_int(P.num);
                } else {
                    printer<constant<P>>::write(s, n, false);
                }
                s.put('}');
            }
        }
    }
};

// ----- select ----------------------------------------------------------------------------------

template <class Op>
struct op_latex {
    static constexpr std::string_view symbol = Op::symbol;
};
template <>
struct op_latex<greater_equal_op> {
    static constexpr std::string_view symbol = "\\geq";
};
template <>
struct op_latex<less_equal_op> {
    static constexpr std::string_view symbol = "\\leq";
};

template <class C>
struct condition_printer;
template <class Op, class L, class R>
struct condition_printer<comparison<Op, L, R>> {
    static constexpr void write(sink& s, notation n) {
        operand<L>(s, n, lv_sum, true);
        s.put(' ');
        s.put(n == notation::text ? Op::symbol : op_latex<Op>::symbol);
        s.put(' ');
        operand<R>(s, n, lv_sum, true);
    }
};

template <class E>
inline constexpr bool is_select_v = false;
template <class C, class A, class B>
inline constexpr bool is_select_v<select_node<C, A, B>> = true;

template <class C, class A, class B>
struct printer<select_node<C, A, B>> : plain_rule {
    static constexpr int prec(notation) { return lv_select; }
    static constexpr int sprec(notation) { return lv_select; }
    // LaTeX: one row per piece; a select in the else branch adds rows (cases are tried in order).
    static constexpr void write_rows(sink& s) {
        constexpr notation n = notation::latex;
        operand<A>(s, n, lv_select, true);
        s.put(" & ");
        condition_printer<C>::write(s, n);
        s.put(" \\\\ ");
        if constexpr (is_select_v<B>) {
            printer<B>::write_rows(s);
        } else {
            operand<B>(s, n, lv_select, true);
            s.put(" & \\text{otherwise}");
        }
    }
    static constexpr void write(sink& s, notation n, bool) {
        if (n == notation::text) {
            condition_printer<C>::write(s, n);
            s.put(" ? ");
            operand<A>(s, n, lv_sum, true);
            s.put(" : ");
            operand<B>(s, n, lv_select, true);
        } else {
            s.put("\\begin{cases} ");
            write_rows(s);
            s.put(" \\end{cases}");
        }
    }
};

/// E printed in notation n, into a fresh buffer.
template <class E>
constexpr sink render(notation n) {
    sink s;
    printer<E>::write(s, n, false);
    return s;
}

} // namespace ctdiff::io_detail

#endif
