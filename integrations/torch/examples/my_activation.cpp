// A user's own activation as a PyTorch operator: the whole C++ side (docs/torch.md, "Your own
// formula"). Build it as a shared library against ctdiff::torch; load it from Python with
// ctdiff_torch.load_library(path) and get the operator with ctdiff_torch.operator("my_ops", name).
#include <ctdiff_torch/operator.hpp>

using namespace ctdiff;

// GELU's sigmoid approximation x·σ(1.702x) (Hendrycks & Gimpel), and Swish with β at run time.
constexpr auto gelu_sigmoid = x * sigmoid(c<ratio{1702, 1000}> * x);
constexpr auto swish = x * sigmoid(alpha * x); // β of Swish as ctdiff's run-time parameter α

TORCH_LIBRARY(my_ops, m) {
    ctdiff_torch::define(m, "my_ops", "gelu_sigmoid", gelu_sigmoid);
    ctdiff_torch::define(m, "my_ops", "swish", swish);
}
