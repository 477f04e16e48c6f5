// Piecewise activations: ReLU, Leaky ReLU, ELU, SELU, hard sigmoid, hard tanh.
#include "catalogue.hpp"

#include <ctdiff/activations.hpp>
#include <ctdiff_torch/operator.hpp>

TORCH_LIBRARY_FRAGMENT(ctdiff, m) {
    using namespace ctdiff_torch;
    namespace a = ctdiff::activations;
    define(m, "ctdiff", "relu", a::relu);
    define(m, "ctdiff", "leaky_relu", a::leaky_relu);
    define(m, "ctdiff", "elu", a::elu);
    define(m, "ctdiff", "selu", a::selu);
    define(m, "ctdiff", "hardsigmoid", a::hard_sigmoid);
    define(m, "ctdiff", "hardtanh", catalogue::hardtanh);
}
