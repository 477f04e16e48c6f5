// expect: the expression uses a run-time parameter the evaluation was given no value for
#include <ctdiff/core.hpp>
int main() {
    constexpr auto leaky = ctdiff::alpha * ctdiff::x;
    return static_cast<int>(leaky(1.0)); // α not given: use evaluate(e, environment{...})
}
