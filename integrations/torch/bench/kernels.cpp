// ctdiff's kernels beside PyTorch's own CPU kernels, from C++ (no Python, no autograd): rows
// <activation>/<pass>/<impl>/f32/<N>, impl = torch (at::*_out, through the dispatcher), ctdiff (the
// accurate float path) and ctdiff_fast (ctdiff::fast), pass = forward (y = f(x)) and backward
// (dx = dy·f′ from what torch's backward reads: y for σ and tanh, x otherwise). One thread.
//   build/torch/integrations/torch/ctdiff_torch_bench --benchmark_min_time=0.2
#include <torch/library.h> // before ATen (operator.hpp says why)
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <ctdiff/activations.hpp>
#include <ctdiff/eval.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace {

struct arrays {
    at::Tensor x, y, dy, dx;
    explicit arrays(std::int64_t n) {
        x = at::randn({n}) * 3;
        dy = at::randn({n});
        y = at::empty({n});
        dx = at::empty({n});
    }
    std::span<const float> in(const at::Tensor& t) const { return {t.data_ptr<float>(), std::size_t(t.numel())}; }
    std::span<float> out(at::Tensor& t) const { return {t.data_ptr<float>(), std::size_t(t.numel())}; }
};

void add(const std::string& name, std::int64_t n, std::function<void(arrays&)> body) {
    benchmark::RegisterBenchmark((name + "/f32/" + std::to_string(n)).c_str(), [n, body](benchmark::State& st) {
        arrays a(n);
        body(a); // warm: the first call of a torch op resolves its dispatch
        for (auto _ : st) {
            body(a);
            benchmark::DoNotOptimize(a.y.data_ptr());
            benchmark::DoNotOptimize(a.dx.data_ptr());
            benchmark::ClobberMemory();
        }
        st.SetItemsProcessed(st.iterations() * n);
    })->Unit(benchmark::kMicrosecond);
}

/// ctdiff's forward and backward of f, both modes; FromOutput: the backward reads y.
template <bool FromOutput, class F>
void add_ctdiff(const std::string& act, std::int64_t n, F) {
    static constexpr auto fwd = ctdiff::fused(F{});
    add(act + "/forward/ctdiff", n, [](arrays& a) { fwd(a.in(a.x), a.out(a.y)); });
    add(act + "/forward/ctdiff_fast", n, [](arrays& a) { fwd(a.in(a.x), a.out(a.y), ctdiff::fast); });
    if constexpr (FromOutput) {
        static constexpr auto bwd = ctdiff::backward_from_output(F{});
        add(act + "/backward/ctdiff", n, [](arrays& a) { bwd(a.in(a.y), a.in(a.dy), a.out(a.dx)); });
        add(act + "/backward/ctdiff_fast", n, [](arrays& a) { bwd(a.in(a.y), a.in(a.dy), a.out(a.dx), ctdiff::fast); });
    } else {
        static constexpr auto bwd = ctdiff::backward(F{});
        add(act + "/backward/ctdiff", n, [](arrays& a) { bwd(a.in(a.x), a.in(a.dy), a.out(a.dx)); });
        add(act + "/backward/ctdiff_fast", n, [](arrays& a) { bwd(a.in(a.x), a.in(a.dy), a.out(a.dx), ctdiff::fast); });
    }
}

} // namespace

int main(int argc, char** argv) {
    at::set_num_threads(1);
    namespace a = ctdiff::activations;
    for (std::int64_t n : {std::int64_t{4096}, std::int64_t{65536}, std::int64_t{1} << 24}) {
        add("sigmoid/forward/torch", n, [](arrays& t) { at::sigmoid_out(t.y, t.x); });
        add("sigmoid/backward/torch", n, [](arrays& t) { at::sigmoid_backward_out(t.dx, t.dy, t.y); });
        add_ctdiff<true>("sigmoid", n, a::sigmoid);
        add("tanh/forward/torch", n, [](arrays& t) { at::tanh_out(t.y, t.x); });
        add("tanh/backward/torch", n, [](arrays& t) { at::tanh_backward_out(t.dx, t.dy, t.y); });
        add_ctdiff<true>("tanh", n, a::tanh);
        add("gelu/forward/torch", n, [](arrays& t) { at::gelu_out(t.y, t.x, "none"); });
        add("gelu/backward/torch", n, [](arrays& t) { at::gelu_backward_out(t.dx, t.dy, t.x, "none"); });
        add_ctdiff<false>("gelu", n, a::gelu);
        add("gelu_tanh/forward/torch", n, [](arrays& t) { at::gelu_out(t.y, t.x, "tanh"); });
        add("gelu_tanh/backward/torch", n, [](arrays& t) { at::gelu_backward_out(t.dx, t.dy, t.x, "tanh"); });
        add_ctdiff<false>("gelu_tanh", n, a::gelu_tanh);
        add("silu/forward/torch", n, [](arrays& t) { at::silu_out(t.y, t.x); });
        add("silu/backward/torch", n, [](arrays& t) { at::silu_backward_out(t.dx, t.dy, t.x); });
        add_ctdiff<false>("silu", n, a::silu);
        add("softplus/forward/torch", n, [](arrays& t) { at::softplus_out(t.y, t.x, 1, 20); });
        add("softplus/backward/torch", n, [](arrays& t) { at::softplus_backward_out(t.dx, t.dy, t.x, 1, 20); });
        add_ctdiff<false>("softplus", n, a::softplus);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
