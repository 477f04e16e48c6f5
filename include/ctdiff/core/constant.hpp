#ifndef CTDIFF_CORE_CONSTANT_HPP
#define CTDIFF_CORE_CONSTANT_HPP

/// \file
/// Exact rational constants (`constant<ratio{1,2}>`, written `1_c / 2_c` or `c<ratio{1,2}>`) and
/// named irrational constants (π, √2, √π).

#include <ctdiff/core/node.hpp>
#include <ctdiff/core/ratio.hpp>

#include <concepts>
#include <string_view>

namespace ctdiff {

/// The exact rational constant R. Evaluates to R rounded once when num and den are exact in T.
template <ratio R>
struct constant : node<constant<R>> {
    static constexpr ratio value = R;
    template <class Env>
    static constexpr auto eval(const Env&) {
        using T = typename decltype(Env{}.vars)::value_type;
        if constexpr (requires { typename T::lane_type; }) { // a vector (math::fast_vec): R in a lane, broadcast
            return T(R.template as<typename T::lane_type>());
        } else {
            return R.template as<T>();
        }
    }
};

/// `c<R>`: the constant R as an object, e.g. `c<ratio{1,2}>`.
template <ratio R>
inline constexpr constant<R> c{};

inline constexpr constant<ratio{0}> zero{};
inline constexpr constant<ratio{1}> one{};

namespace literals {
/// `2_c`: the exact integer constant 2 as an expression.
template <char... Digits>
consteval auto operator""_c() {
    constexpr std::int64_t v = [] {
        std::int64_t r = 0;
        for (char d : {Digits...}) {
            if (d < '0' || d > '9') {
                throw "ctdiff: _c takes a decimal integer literal, e.g. 2_c; write 1_c/2_c for 0.5";
            }
            r = r * 10 + (d - '0');
        }
        return r;
    }();
    return constant<ratio{v}>{};
}
} // namespace literals

template <class E>
inline constexpr bool is_constant_v = false;
template <ratio R>
inline constexpr bool is_constant_v<constant<R>> = true;

/// A named irrational constant; Tag gives its symbol and its value in each floating type.
template <class Tag>
struct named_constant : node<named_constant<Tag>> {
    using tag = Tag;
    template <class Env>
    static constexpr auto eval(const Env&) {
        using T = typename decltype(Env{}.vars)::value_type;
        return Tag::template value<T>();
    }
};

/// π. Values are the correctly rounded literals for each type (no double rounding through double).
struct pi_tag {
    static constexpr std::string_view name = "π";
    static constexpr std::string_view latex = "\\pi";
    template <class T>
    static constexpr T value() {
        if constexpr (std::same_as<T, float>) {
            return 3.14159265358979323846f;
        } else {
            return static_cast<T>(3.14159265358979323846L);
        }
    }
};
/// √2.
struct sqrt2_tag {
    static constexpr std::string_view name = "√2";
    static constexpr std::string_view latex = "\\sqrt{2}";
    template <class T>
    static constexpr T value() {
        if constexpr (std::same_as<T, float>) {
            return 1.41421356237309504880f;
        } else {
            return static_cast<T>(1.41421356237309504880L);
        }
    }
};
/// √π.
struct sqrt_pi_tag {
    static constexpr std::string_view name = "√π";
    static constexpr std::string_view latex = "\\sqrt{\\pi}";
    template <class T>
    static constexpr T value() {
        if constexpr (std::same_as<T, float>) {
            return 1.77245385090551602730f;
        } else {
            return static_cast<T>(1.77245385090551602730L);
        }
    }
};

inline constexpr named_constant<pi_tag> pi{};
inline constexpr named_constant<sqrt2_tag> sqrt2{};
inline constexpr named_constant<sqrt_pi_tag> sqrt_pi{};

} // namespace ctdiff

#endif
