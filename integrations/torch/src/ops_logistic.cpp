// σ, tanh, softplus, logsigmoid, softsign: smooth functions of one exponential (or none).
#include "catalogue.hpp"

#include <ctdiff_torch/operator.hpp>

TORCH_LIBRARY_FRAGMENT(ctdiff, m) {
    using namespace ctdiff_torch;
    namespace a = ctdiff::activations;
    define<decltype(a::sigmoid), saved::output>(m, "ctdiff", "sigmoid", a::sigmoid); // σ′ = y − y²
    define<decltype(a::tanh), saved::output>(m, "ctdiff", "tanh", a::tanh);          // tanh′ = 1 − y²
    define(m, "ctdiff", "softplus", catalogue::softplus);
    define(m, "ctdiff", "logsigmoid", catalogue::logsigmoid);
    define(m, "ctdiff", "softsign", a::softsign);
}
