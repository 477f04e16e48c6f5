// expect: f′ is no polynomial in f (degree ≤ 4), so the output does not determine the backward
// Saving the output of GELU, whose derivative is no function of its value: one sentence, no cascade.
#include <ctdiff_torch/operator.hpp>

#include <ctdiff/activations/gelu.hpp>

TORCH_LIBRARY(fail_saved_output, m) {
    namespace a = ctdiff::activations;
    ctdiff_torch::define<decltype(a::gelu_formula), ctdiff_torch::saved::output>(m, "fail_saved_output", "gelu",
                                                                                 a::gelu_formula);
}
