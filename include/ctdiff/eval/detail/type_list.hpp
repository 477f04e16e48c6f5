#ifndef CTDIFF_EVAL_DETAIL_TYPE_LIST_HPP
#define CTDIFF_EVAL_DETAIL_TYPE_LIST_HPP

/// \file
/// A minimal type list for the kernels' node sets. Kept apart from Hana on purpose: the kernels
/// only need "append if absent" and "index of", and a plain pack instantiates far fewer templates
/// than hana::set (measured: the CSE of σ, σ′, σ″ compiles in a fraction of the time).

#include <cstddef>
#include <type_traits>

namespace ctdiff::eval::detail {

template <class... Ts>
struct type_list {
    static constexpr std::size_t size = sizeof...(Ts);
};

template <class T, class... Ts>
inline constexpr bool contains_v = (std::is_same_v<T, Ts> || ...);

template <class L, class T>
struct push_unique;
template <class... Ts, class T>
struct push_unique<type_list<Ts...>, T> {
    using type = std::conditional_t<contains_v<T, Ts...>, type_list<Ts...>, type_list<Ts..., T>>;
};
template <class L, class T>
using push_unique_t = typename push_unique<L, T>::type;

/// The position of T in the list (the list must contain it).
template <class T, class... Ts>
consteval std::size_t index_in(type_list<Ts...>) {
    constexpr bool same[] = {std::is_same_v<T, Ts>..., false};
    std::size_t i = 0;
    while (!same[i]) {
        ++i;
    }
    return i;
}

/// How many members of the list satisfy Pred.
template <template <class> class Pred, class... Ts>
consteval std::size_t count_if(type_list<Ts...>) {
    return (std::size_t{0} + ... + (Pred<Ts>::value ? 1 : 0));
}

} // namespace ctdiff::eval::detail

#endif
