// Prints the bits of fast-mode float kernels (the explicit-SIMD loop where Highway is installed)
// over a fixed set of inputs, one hexadecimal word per output element. tests/CMakeLists.txt
// builds it twice, with GCC's default -ffp-contract=fast and with -ffp-contract=off, and
// contract.cmake requires the two outputs to be equal: what the loop computes does not depend on
// whether the compiler may fuse a product with a sum (math/fast_vec.hpp keeps products as
// products; fused multiply-adds are written out).
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <vector>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

template <class K, std::size_t... O>
void print(const char* name, K k, const std::vector<float>& xs, std::index_sequence<O...>) {
    std::vector<std::vector<float>> out(sizeof...(O), std::vector<float>(xs.size()));
    k(xs, out[O]..., fast);
    std::printf("%s\n", name);
    for (const auto& o : out) {
        for (float v : o) {
            std::printf("%08x\n", std::bit_cast<std::uint32_t>(v));
        }
    }
}

} // namespace

int main() {
    std::vector<float> xs;
    std::uint32_t s = 12345;
    for (int i = 0; i < 20000; ++i) { // values in [−40, 40], then arbitrary bit patterns
        s = s * 1664525u + 1013904223u;
        xs.push_back(i < 16000 ? static_cast<float>(static_cast<int>(s >> 8) % 8000000 - 4000000) * 1e-5f
                               : std::bit_cast<float>(s));
    }
    namespace act = activations;
    print("sigmoid", derivatives<2>(act::sigmoid), xs, std::make_index_sequence<3>{});
    print("tanh", derivatives<2>(act::tanh), xs, std::make_index_sequence<3>{});
    print("silu", derivatives<2>(act::silu), xs, std::make_index_sequence<3>{});
    print("gelu", derivatives<2>(act::gelu), xs, std::make_index_sequence<3>{});
    print("mish", derivatives<1>(act::mish), xs, std::make_index_sequence<2>{});
    print("x*x+x/3", fused(x * x + x / 3_c), xs, std::make_index_sequence<1>{});
    return 0;
}
