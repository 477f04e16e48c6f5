#ifndef CTDIFF_EVAL_DETAIL_CALL_HPP
#define CTDIFF_EVAL_DETAIL_CALL_HPP

/// \file
/// The arguments of a kernel call, checked at compile time: `in₀…, out₀…, [params], [options],
/// [fast]`. `call_check<…>` finds the first thing wrong with them; the kernel states it with one
/// static_assert and compiles nothing else, so a misuse reads as one sentence (tests/fail/kernel_*).

#include <ctdiff/core/node.hpp>
#include <ctdiff/core/variable.hpp>
#include <ctdiff/eval/detail/type_list.hpp>
#include <ctdiff/eval/options.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <ranges>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ctdiff::eval::detail {

template <class E>
struct index_of_leaf {
    static constexpr std::size_t variables = 0, parameters = 0;
    static constexpr std::uint64_t parameter_bit = 0;
};
template <std::size_t I>
struct index_of_leaf<variable<I>> {
    static constexpr std::size_t variables = I + 1, parameters = 0;
    static constexpr std::uint64_t parameter_bit = 0;
};
template <std::size_t I>
struct index_of_leaf<parameter<I>> {
    static_assert(I < 64, "ctdiff kernel: at most 64 run-time parameters");
    static constexpr std::size_t variables = 0, parameters = I + 1;
    static constexpr std::uint64_t parameter_bit = std::uint64_t{1} << I;
};
template <class... Ns>
consteval std::size_t variables_used(type_list<Ns...>) {
    return std::max({std::size_t{0}, index_of_leaf<Ns>::variables...});
}
/// One more than the highest parameter index used (the length of the positional values).
template <class... Ns>
consteval std::size_t parameters_used(type_list<Ns...>) {
    return std::max({std::size_t{0}, index_of_leaf<Ns>::parameters...});
}
/// Bit I set where parameter<I> is used.
template <class... Ns>
consteval std::uint64_t parameters_mask(type_list<Ns...>) {
    return (std::uint64_t{0} | ... | index_of_leaf<Ns>::parameter_bit);
}

template <class T>
struct is_params : std::false_type {};
template <class T, std::size_t N, class Names>
struct is_params<params<T, N, Names>> : std::true_type {};
template <class T>
struct params_names_mask {
    static constexpr std::uint64_t mask = 0;
    static constexpr bool named = false, twice = false;
};
template <class T, std::size_t N, std::size_t... I>
struct params_names_mask<params<T, N, param_names<I...>>> {
    static constexpr std::uint64_t mask = (std::uint64_t{0} | ... | (std::uint64_t{1} << I));
    static constexpr bool named = true;
    static constexpr bool twice = std::popcount(mask) != static_cast<int>(N);
};

template <class... As>
struct first_params {
    using type = void;
};
template <class A, class... As>
struct first_params<A, As...> {
    using type = std::conditional_t<is_params<A>::value, A, typename first_params<As...>::type>;
};

template <class A>
inline constexpr bool is_extra_v = is_params<std::remove_cvref_t<A>>::value ||
                                   std::is_same_v<std::remove_cvref_t<A>, kernel_options> ||
                                   std::is_same_v<std::remove_cvref_t<A>, fast_t> ||
                                   std::is_same_v<std::remove_cvref_t<A>, accurate_t>;

/// What is wrong with a call, the first thing found (arrays first, then what follows them).
enum class call_error {
    none,
    too_few_arrays,
    too_many_arrays,
    unknown_extra,
    not_contiguous,
    not_floating,
    mixed_types,
    const_output,
    params_missing,
    params_given_unused,
    params_too_few,
    params_too_many,
    named_twice,
    named_missing_alpha,
    named_missing_beta,
    named_missing_other,
    named_unused,
};

template <class A>
consteval bool is_array_arg() {
    return std::ranges::range<std::remove_cvref_t<A>> && !is_extra_v<A>;
}

/// The element type of an array argument (void where it is no contiguous range).
template <class A>
struct element_of {
    using type = void;
};
template <class A>
    requires std::ranges::contiguous_range<std::remove_cvref_t<A>>
struct element_of<A> {
    using type = std::remove_cv_t<std::ranges::range_value_t<std::remove_cvref_t<A>>>;
};
template <class A>
consteval bool writable() {
    return !std::is_const_v<std::remove_reference_t<std::ranges::range_reference_t<A>>>;
}

template <std::size_t NIn, std::size_t NOut, std::size_t NParams, std::uint64_t Used, class... Args>
consteval call_error call_check() {
    constexpr std::size_t n = sizeof...(Args);
    constexpr std::array<bool, n + 1> array{is_array_arg<Args>()..., false};
    constexpr std::array<bool, n + 1> extra{is_extra_v<Args>..., false};
    std::size_t arrays = 0;
    while (arrays < n && array[arrays]) {
        ++arrays;
    }
    for (std::size_t k = arrays; k < n; ++k) {
        if (!extra[k]) {
            return array[k] ? call_error::too_many_arrays : call_error::unknown_extra;
        }
    }
    if (arrays < NIn + NOut) {
        return call_error::too_few_arrays;
    }
    if (arrays > NIn + NOut) {
        return call_error::too_many_arrays;
    }
    constexpr std::array<bool, n + 1> contiguous{std::ranges::contiguous_range<std::remove_cvref_t<Args>>..., true};
    for (std::size_t k = 0; k < arrays; ++k) {
        if (!contiguous[k]) {
            return call_error::not_contiguous;
        }
    }
    using first = typename element_of<std::tuple_element_t<0, std::tuple<Args...>>>::type;
    if constexpr (!std::floating_point<first>) {
        return call_error::not_floating;
    } else {
        constexpr std::array<bool, n + 1> same{std::is_same_v<typename element_of<Args>::type, first>..., true};
        for (std::size_t k = 0; k < arrays; ++k) {
            if (!same[k]) {
                return call_error::mixed_types;
            }
        }
        constexpr std::array<bool, n + 1> can_write{[] {
            if constexpr (is_array_arg<Args>()) {
                return writable<Args>();
            } else {
                return true;
            }
        }()..., true};
        for (std::size_t k = NIn; k < arrays; ++k) {
            if (!can_write[k]) {
                return call_error::const_output;
            }
        }
        constexpr bool given = (is_params<std::remove_cvref_t<Args>>::value || ...);
        if constexpr (!given) {
            return NParams == 0 ? call_error::none : call_error::params_missing;
        } else {
            using P = typename first_params<std::remove_cvref_t<Args>...>::type;
            if constexpr (NParams == 0) {
                return call_error::params_given_unused;
            } else if constexpr (params_names_mask<P>::named) {
                constexpr std::uint64_t named = params_names_mask<P>::mask;
                if (params_names_mask<P>::twice) {
                    return call_error::named_twice;
                }
                constexpr std::uint64_t missing = Used & ~named;
                if (missing & 1U) {
                    return call_error::named_missing_alpha;
                }
                if (missing & 2U) {
                    return call_error::named_missing_beta;
                }
                if (missing != 0) {
                    return call_error::named_missing_other;
                }
                return (named & ~Used) != 0 ? call_error::named_unused : call_error::none;
            } else {
                constexpr std::size_t count = std::tuple_size_v<decltype(P::values)>;
                return count < NParams   ? call_error::params_too_few
                       : count > NParams ? call_error::params_too_many
                                         : call_error::none;
            }
        }
    }
}

/// States what call_check found: one static_assert fails, with its sentence.
template <call_error error>
constexpr void explain() {
    using enum call_error;
    static_assert(error != too_few_arrays,
                  "ctdiff kernel: too few arrays: a call takes the input arrays (decltype(k)::inputs), then one "
                  "output array per expression (decltype(k)::outputs), then optionally ctdiff::params{...}, "
                  "ctdiff::kernel_options and ctdiff::fast");
    static_assert(error != too_many_arrays,
                  "ctdiff kernel: too many arrays: a call takes the input arrays (decltype(k)::inputs), then one "
                  "output array per expression (decltype(k)::outputs), then optionally ctdiff::params{...}, "
                  "ctdiff::kernel_options and ctdiff::fast");
    static_assert(error != unknown_extra, "ctdiff kernel: after the arrays only ctdiff::params{...}, "
                                          "ctdiff::kernel_options and ctdiff::fast may follow");
    static_assert(error != not_contiguous, "ctdiff kernel: the arrays must be contiguous ranges "
                                           "(std::span, std::vector, std::array)");
    static_assert(error != not_floating, "ctdiff kernel: the arrays must hold float or double");
    static_assert(error != mixed_types, "ctdiff kernel: all arrays of a call must hold the same type (float or "
                                        "double; input 0's decides): convert the others first");
    static_assert(error != const_output, "ctdiff kernel: an output array is const (or a span of const): the "
                                         "kernel has nowhere to write");
    static_assert(error != params_missing,
                  "ctdiff kernel: the expressions use run-time parameters (α = parameter<0>, β = parameter<1>, "
                  "...); pass their values as ctdiff::params{...} after the arrays");
    static_assert(error != params_given_unused,
                  "ctdiff kernel: ctdiff::params{...} given, but the expressions use no run-time parameter");
    static_assert(error != params_too_few,
                  "ctdiff kernel: params{v, ...} takes values by position (α = parameter<0>, β = parameter<1>, "
                  "...) and has fewer than the last parameter the expressions use needs; name them instead "
                  "(params{beta = v} for a formula of β alone)");
    static_assert(error != params_too_many,
                  "ctdiff kernel: params{v, ...} has more values than the expressions have run-time parameters "
                  "(taken by position: α = parameter<0>, β = parameter<1>, ...)");
    static_assert(error != named_twice, "ctdiff kernel: params{...} names one parameter twice");
    static_assert(error != named_missing_alpha,
                  "ctdiff kernel: the expressions use α (parameter<0>) and params{...} names no value for it");
    static_assert(error != named_missing_beta,
                  "ctdiff kernel: the expressions use β (parameter<1>) and params{...} names no value for it");
    static_assert(error != named_missing_other,
                  "ctdiff kernel: the expressions use a parameter<I> (I >= 2) that params{...} names no value for");
    static_assert(error != named_unused,
                  "ctdiff kernel: params{...} names a parameter that none of the expressions uses");
}

/// The values of `params{…}` in a call's extras, by position: p[I] is parameter<I>'s.
template <class T, std::size_t NParams, class P>
constexpr void gather_params(std::array<T, NParams>& p, const P& given) {
    if constexpr (params_names_mask<P>::named) {
        for (std::size_t k = 0; k < P::index.size(); ++k) {
            p[P::index[k]] = static_cast<T>(given.values[k]);
        }
    } else {
        for (std::size_t j = 0; j < NParams; ++j) {
            p[j] = static_cast<T>(given.values[j]);
        }
    }
}

/// What follows the arrays, read: the parameters by position (p[I] is parameter<I>'s) and the
/// options; `fast_in_v<E...>` says whether ctdiff::fast is among them.
template <class T, std::size_t NParams>
struct call_extras {
    std::array<T, NParams> p{};
    kernel_options opts{};
};
template <class T, std::size_t NParams, class... E>
constexpr call_extras<T, NParams> read_extras(const E&... extras) {
    call_extras<T, NParams> r;
    (
        [&](const auto& extra) {
            using X = std::remove_cvref_t<decltype(extra)>;
            if constexpr (is_params<X>::value) {
                gather_params(r.p, extra);
            } else if constexpr (std::is_same_v<X, kernel_options>) {
                r.opts = extra;
            }
        }(extras),
        ...);
    return r;
}
/// The same from a call's arguments, the extras starting at K.
template <class T, std::size_t NParams, std::size_t K, class... A>
constexpr call_extras<T, NParams> read_extras(const std::tuple<A&...>& args) {
    return [&]<std::size_t... X>(std::index_sequence<X...>) {
        return read_extras<T, NParams>(std::get<K + X>(args)...);
    }(std::make_index_sequence<sizeof...(A) - K>{});
}
template <class... E>
inline constexpr bool fast_in_v = (std::is_same_v<std::remove_cvref_t<E>, fast_t> || ...);
template <class... E>
using mode_of_t = std::conditional_t<fast_in_v<E...>, fast_t, accurate_t>;

} // namespace ctdiff::eval::detail

#endif
