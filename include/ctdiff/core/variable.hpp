#ifndef CTDIFF_CORE_VARIABLE_HPP
#define CTDIFF_CORE_VARIABLE_HPP

/// \file
/// Variables (what expressions are differentiated by) and run-time parameters (symbols such as
/// Leaky ReLU's α that stay symbolic in derivatives and get their value at evaluation).

#include <ctdiff/core/node.hpp>

#include <cstddef>
#include <type_traits>

namespace ctdiff {

/// A run-time parameter's value given by name, `beta = 1.702f`: what `ctdiff::params{…}` takes
/// (eval/options.hpp) as well as values by position.
template <std::size_t I, class T>
struct param_value {
    static constexpr std::size_t index = I;
    T value;
};

/// The I-th variable: x = variable<0>, y = variable<1>, z = variable<2>; softmax's inputs are
/// variable<0..C-1> (printed z₀, z₁, … where the printer is asked to).
template <std::size_t I>
struct variable : node<variable<I>> {
    static constexpr std::size_t index = I;
    template <class Env>
    static constexpr auto eval(const Env& env) {
        static_assert(I < std::tuple_size_v<decltype(env.vars)>,
                      "ctdiff: the expression uses a variable the evaluation was given no value for");
        return env.vars[I];
    }
};

inline constexpr variable<0> x{};
inline constexpr variable<1> y{};
inline constexpr variable<2> z{};

/// The I-th run-time parameter: α = parameter<0>, β = parameter<1>.
template <std::size_t I>
struct parameter : node<parameter<I>> {
    static constexpr std::size_t index = I;
    template <class Env>
    static constexpr auto eval(const Env& env) {
        static_assert(I < std::tuple_size_v<decltype(env.params)>,
                      "ctdiff: the expression uses a run-time parameter the evaluation was given no value for");
        return env.params[I];
    }
    /// `beta = 1.702f` names β's value for `ctdiff::params{beta = 1.702f}`; it assigns nothing.
    template <class T>
        requires std::is_arithmetic_v<T>
    constexpr param_value<I, T> operator=(T value) const {
        return {value};
    }
};

inline constexpr parameter<0> alpha{};
inline constexpr parameter<1> beta{};

template <class E>
inline constexpr bool is_variable_v = false;
template <std::size_t I>
inline constexpr bool is_variable_v<variable<I>> = true;
template <class E>
inline constexpr bool is_parameter_node_v = false;
template <std::size_t I>
inline constexpr bool is_parameter_node_v<parameter<I>> = true;

} // namespace ctdiff

#endif
