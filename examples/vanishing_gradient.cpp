// The vanishing gradient, measured: a deep fully connected network whose activations and their
// derivatives come from ctdiff, trained for nothing — one forward and one backward pass — to see
// how the gradient's norm changes from the last layer to the first.
//
// For σ, tanh, ReLU, Leaky ReLU and GELU: width 256, depth 100, a batch of 16 inputs, Xavier
// initialisation (N(0, 2/(n_in+n_out))) for σ and tanh, He (N(0, 2/n_in)) for the ReLU family and
// GELU. Deterministic: a fixed seed and our own normal generator (std::normal_distribution's
// output differs between standard libraries).
//
// Writes vanishing_gradient.csv (norms relative to the last layer) and, when gnuplot is installed, vanishing_gradient.png/.svg.
#include <ctdiff/ctdiff.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <string>
#include <vector>

using namespace ctdiff;
using namespace ctdiff::literals;

namespace {

constexpr int width = 256;
constexpr int depth = 100;
constexpr int batch = 16;
constexpr double leaky_alpha = 0.01;

// splitmix64 + Box–Muller: the same numbers on every platform.
struct rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
    double normal() {
        const double u = uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }
};

struct activation_run {
    std::string name;
    std::vector<double> grad_norm; // ‖∂L/∂z_l‖ for l = 1..depth (Frobenius over the batch)
};

// One forward and one backward pass; f and df are evaluated through ctdiff expressions.
template <class F, class DF>
activation_run run(const char* name, F f, DF df, bool he_init) {
    rng g{12345};
    const double var = he_init ? 2.0 / width : 2.0 / (width + width);
    std::vector<std::vector<double>> W(depth, std::vector<double>(width * width));
    for (auto& w : W) {
        for (auto& v : w) {
            v = g.normal() * std::sqrt(var);
        }
    }
    // a[l] is the input of layer l (a[0] = data); z[l] its pre-activation.
    std::vector<std::vector<double>> a(depth + 1, std::vector<double>(width * batch));
    std::vector<std::vector<double>> z(depth, std::vector<double>(width * batch));
    for (auto& v : a[0]) {
        v = g.normal();
    }
    const environment<double, 1, 1> env0{{0.0}, {leaky_alpha}};
    for (int l = 0; l < depth; ++l) {
        for (int b = 0; b < batch; ++b) {
            for (int i = 0; i < width; ++i) {
                double s = 0;
                for (int j = 0; j < width; ++j) {
                    s += W[l][i * width + j] * a[l][b * width + j];
                }
                z[l][b * width + i] = s;
                auto env = env0;
                env.vars[0] = s;
                a[l + 1][b * width + i] = evaluate(f, env);
            }
        }
    }
    // L = ½‖a_depth‖²: ∂L/∂a_depth = a_depth. Backward: δ_l = (∂L/∂a_{l+1}) ⊙ f'(z_l) — the
    // element-wise Jacobian diag(f'(z)) as a gate — then ∂L/∂a_l = W_lᵀ δ_l.
    activation_run r{name, std::vector<double>(depth)};
    std::vector<double> upstream = a[depth];
    std::vector<double> delta(width * batch);
    for (int l = depth - 1; l >= 0; --l) {
        double norm2 = 0;
        for (int k = 0; k < width * batch; ++k) {
            auto env = env0;
            env.vars[0] = z[l][k];
            delta[k] = upstream[k] * evaluate(df, env);
            norm2 += delta[k] * delta[k];
        }
        r.grad_norm[l] = std::sqrt(norm2);
        for (int b = 0; b < batch; ++b) {
            for (int j = 0; j < width; ++j) {
                double s = 0;
                for (int i = 0; i < width; ++i) {
                    s += W[l][i * width + j] * delta[b * width + i];
                }
                upstream[b * width + j] = s;
            }
        }
    }
    return r;
}

template <class E, bool He>
activation_run run_expr(const char* name, E f) {
    std::fprintf(stderr, "  %-10s forward + backward through %d layers ...\n", name, depth);
    return run(name, f, d(f, x), He);
}

} // namespace

int main() {
    std::printf("Vanishing gradient: width %d, depth %d, batch %d, L = 1/2 |a_L|^2\n", width, depth, batch);
    std::vector<activation_run> runs;
    runs.push_back(run_expr<decltype(sigmoid(x)), false>("sigmoid", sigmoid(x)));
    runs.push_back(run_expr<decltype(tanh(x)), false>("tanh", tanh(x)));
    runs.push_back(run_expr<decltype(max(x, 0_c)), true>("relu", max(x, 0_c)));
    runs.push_back(run_expr<decltype(select(x > 0_c, x, alpha * x)), true>("leaky_relu", select(x > 0_c, x, alpha * x)));
    runs.push_back(run_expr<decltype(x * norm_cdf(x)), true>("gelu", x * norm_cdf(x)));

    std::printf("\n|dL/dz_l| (gradient norm at the pre-activation of layer l; layer 100 is the last)\n");
    std::printf("%6s", "layer");
    for (const auto& r : runs) {
        std::printf(" %12s", r.name.c_str());
    }
    std::printf(" %12s\n", "0.25^(L-l)");
    for (int l = 0; l < depth; ++l) {
        if (l % 10 != 0 && l != depth - 1) {
            continue;
        }
        std::printf("%6d", l + 1);
        for (const auto& r : runs) {
            std::printf(" %12.3e", r.grad_norm[l]);
        }
        std::printf(" %12.3e\n", std::pow(0.25, depth - 1 - l));
    }
    std::printf("\nratio first/last layer:");
    for (const auto& r : runs) {
        std::printf("  %s %.2e", r.name.c_str(), r.grad_norm[0] / r.grad_norm[depth - 1]);
    }
    std::printf("\n\nThe texts' estimate: a per-layer factor lambda = 0.5 over L = 100 layers gives "
                "lambda^L = %.3e (2^-100; 'about 1e-30').\n",
                std::pow(0.5, 100));
    std::printf("sigma' <= 1/4, so without weights the chain of 99 sigmoid derivatives is at most 0.25^99 = %.3e.\n",
                std::pow(0.25, 99));

    if (FILE* csv = std::fopen("vanishing_gradient.csv", "w")) {
        std::fprintf(csv, "layer");
        for (const auto& r : runs) {
            std::fprintf(csv, ",%s", r.name == "leaky_relu" ? "leaky-relu" : r.name.c_str());
        }
        std::fprintf(csv, ",sigmoid_bound\n");
        for (int l = 0; l < depth; ++l) {
            std::fprintf(csv, "%d", l + 1);
            for (const auto& r : runs) { // relative to the last layer: the decay, whatever the scale
                std::fprintf(csv, ",%.6e", r.grad_norm[l] / r.grad_norm[depth - 1]);
            }
            std::fprintf(csv, ",%.6e\n", std::pow(0.25, depth - 1 - l));
        }
        std::fclose(csv);
    }
    if (std::system("command -v gnuplot >/dev/null 2>&1") == 0) {
        const char* script =
            "set datafile separator ','; set key autotitle columnhead right bottom; set logscale y; "
            "set format y '10^{%L}'; set xlabel 'layer'; set ylabel '|dL/dz_l| / |dL/dz_L|'; set grid; "
            "set title 'Gradient norm per layer, relative to the last layer (depth 100, width 256)'; "
            "plot for [i=2:6] 'vanishing_gradient.csv' using 1:i with lines lw 2, "
            "'vanishing_gradient.csv' using 1:7 with lines dt 2 lc 'black' title '0.25^{L-l} (the bound on a chain of sigmoid derivatives)'";
        const std::string png = std::string("gnuplot -e \"set terminal pngcairo size 900,600; set output "
                                            "'vanishing_gradient.png'; ") + script + "\"";
        const std::string svg = std::string("gnuplot -e \"set terminal svg size 900,600; set output "
                                            "'vanishing_gradient.svg'; ") + script + "\"";
        if (std::system(png.c_str()) == 0 && std::system(svg.c_str()) == 0) {
            std::printf("wrote vanishing_gradient.png, vanishing_gradient.svg and vanishing_gradient.csv\n");
        }
    }
    return 0;
}
