// expect: ctdiff softmax: all arrays of a call must hold the same type
// one error
// softmax of float logits into a double array: one sentence, not a span conversion error.
#include <ctdiff/activations/softmax.hpp>

#include <vector>

int main() {
    std::vector<float> z(4);
    std::vector<double> p(4);
    ctdiff::activations::softmax(z, p);
}
