// x·gate(x): SiLU, Mish, GELU (erf and tanh forms).
#include <ctdiff/activations.hpp>
#include <ctdiff_torch/operator.hpp>

TORCH_LIBRARY_FRAGMENT(ctdiff, m) {
    using namespace ctdiff_torch;
    namespace a = ctdiff::activations;
    define(m, "ctdiff", "silu", a::silu);
    define(m, "ctdiff", "mish", a::mish);
    define(m, "ctdiff", "gelu", a::gelu);
    define(m, "ctdiff", "gelu_tanh", a::gelu_tanh);
}
