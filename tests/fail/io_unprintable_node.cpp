// expect: this node kind has no printing rule
// A user's own node type can be evaluated, but printing it needs a rule: one clear message.
#include <ctdiff/core.hpp>
#include <ctdiff/io/to_string.hpp>

struct my_node : ctdiff::node<my_node> {
    template <class Env>
    static constexpr double eval(const Env&) { return 1.0; }
};

int main() {
    auto s = ctdiff::to_string(ctdiff::x + my_node{});
    return static_cast<int>(s.size());
}
