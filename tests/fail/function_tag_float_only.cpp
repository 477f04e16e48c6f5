// expect: a function tag's eval must also accept ctdiff::math::wide_float and math::fast_float
// A user's function tag whose eval takes only float and double: float formulas are computed in
// math::wide_float (core/node.hpp, compute_type_t), so building an application says so at once.
#include <ctdiff/core.hpp>

#include <cmath>
#include <concepts>
#include <string_view>

struct cube_root_fn {
    static constexpr std::string_view name = "cbrt";
    static constexpr std::string_view latex = "\\sqrt[3]";
    template <std::floating_point T>
    static constexpr T eval(T u) { return u; } // (the body does not matter here)
};

int main() {
    constexpr auto e = ctdiff::detail::make_apply<cube_root_fn>(ctdiff::x);
    return static_cast<int>(e(1.0));
}
