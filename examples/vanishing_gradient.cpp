// The vanishing gradient, measured: a deep fully connected network, one forward and one backward
// pass, to see how the gradient's norm changes from the last layer to the first. The activations
// and their derivatives run as ctdiff kernels generated from the catalogue's formulas:
// ctdiff::fused(f) for the forward pass (a = f(z) over the whole layer) and ctdiff::backward(f)
// for the backward pass (δ = dy ⊙ f′(z), the element-wise Jacobian diag(f′(z)) as a gate).
//
// σ, tanh, ReLU, Leaky ReLU (α = 0.01) and GELU; width 256, depth 100, a batch of 16 inputs;
// Xavier initialisation N(0, 2/(n_in + n_out)) for σ and tanh, He N(0, 2/n_in) for the ReLU
// family and GELU. Every network uses the same standard normal draws, scaled by its variance.
// Deterministic: a fixed seed and our own normal generator (std::normal_distribution's output
// differs between standard libraries).
//
//   vanishing_gradient [--out DIR]
//
// Writes vanishing_gradient.csv (norms relative to the last layer, and the bound 0.25^(L−l) on a
// chain of sigmoid derivatives) and, with gnuplot, vanishing_gradient.png/.svg into DIR.
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include "showcase.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace act = ctdiff::activations;
using namespace ctdiff::literals;

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

// The shared random draws: depth matrices width × width (row i = output neuron), and the input.
struct draws {
    std::vector<double> w;     // depth·width·width standard normals
    std::vector<double> input; // width·batch, layout [neuron][sample]
};

draws make_draws() {
    rng g{12345};
    draws d{std::vector<double>(static_cast<std::size_t>(depth) * width * width), std::vector<double>(width * batch)};
    for (double& v : d.w) {
        v = g.normal();
    }
    for (double& v : d.input) {
        v = g.normal();
    }
    return d;
}

struct activation_run {
    std::string name;
    std::vector<double> grad_norm; // ‖∂L/∂z_l‖ for l = 1..depth (Frobenius over the batch)
};

// Progress on one line: rewritten in place on a terminal, printed once per network otherwise.
void progress(const char* name, const char* pass, int layer, bool last) {
    static const bool tty = isatty(fileno(stderr)) != 0;
    if (tty) {
        std::fprintf(stderr, "\r  %-10s %-8s layer %3d/%d%s", name, pass, layer, depth, last ? "\n" : "");
    } else if (last) {
        std::fprintf(stderr, "  %-10s forward and backward through %d layers done\n", name, depth);
    }
}

// z = W·a for one layer, [neuron][sample] layout: the inner loop runs over the batch (vectorizes).
void matvec(const double* w, double scale, const std::vector<double>& a, std::vector<double>& z) {
    std::fill(z.begin(), z.end(), 0.0);
    for (int i = 0; i < width; ++i) {
        double* zi = z.data() + i * batch;
        for (int j = 0; j < width; ++j) {
            const double wij = scale * w[i * width + j];
            const double* aj = a.data() + j * batch;
            for (int b = 0; b < batch; ++b) {
                zi[b] += wij * aj[b];
            }
        }
    }
}

// g = Wᵀ·δ for one layer.
void matvec_transposed(const double* w, double scale, const std::vector<double>& delta, std::vector<double>& g) {
    std::fill(g.begin(), g.end(), 0.0);
    for (int i = 0; i < width; ++i) {
        const double* di = delta.data() + i * batch;
        for (int j = 0; j < width; ++j) {
            const double wij = scale * w[i * width + j];
            double* gj = g.data() + j * batch;
            for (int b = 0; b < batch; ++b) {
                gj[b] += wij * di[b];
            }
        }
    }
}

// Calls a kernel with α when its formula has the parameter, without it otherwise.
template <class K, class... Arrays>
void run_kernel(const K& k, Arrays&... arrays) {
    if constexpr (K::parameters == 0) {
        k(arrays...);
    } else {
        k(arrays..., ctdiff::params{leaky_alpha});
    }
}

// One forward and one backward pass with activation F; L = ½‖a_depth‖², so ∂L/∂a_depth = a_depth.
template <auto F>
activation_run run(const char* name, const draws& d, bool he_init) {
    const double scale = std::sqrt(he_init ? 2.0 / width : 2.0 / (width + width));
    constexpr auto forward = ctdiff::fused(F);
    constexpr auto backward = ctdiff::backward(F);
    std::vector<std::vector<double>> z(depth, std::vector<double>(width * batch));
    std::vector<double> a = d.input;
    for (int l = 0; l < depth; ++l) {
        matvec(d.w.data() + static_cast<std::size_t>(l) * width * width, scale, a, z[l]);
        run_kernel(forward, z[l], a); // a = f(z)
        progress(name, "forward", l + 1, false);
    }
    activation_run r{name, std::vector<double>(depth)};
    std::vector<double> upstream = a, delta(width * batch);
    for (int l = depth - 1; l >= 0; --l) {
        run_kernel(backward, z[l], upstream, delta); // δ = upstream ⊙ f′(z)
        double norm2 = 0;
        for (double v : delta) {
            norm2 += v * v;
        }
        r.grad_norm[l] = std::sqrt(norm2);
        matvec_transposed(d.w.data() + static_cast<std::size_t>(l) * width * width, scale, delta, upstream);
        progress(name, "backward", depth - l, l == 0);
    }
    return r;
}

} // namespace

int main(int argc, char** argv) {
    const std::string dir = showcase::output_dir(argc, argv);
    const auto start = std::chrono::steady_clock::now();
    std::printf("Vanishing gradient: width %d, depth %d, batch %d, L = 1/2 |a_L|^2; forward ctdiff::fused(f), "
                "backward ctdiff::backward(f)\n",
                width, depth, batch);
    const draws d = make_draws();
    std::vector<activation_run> runs;
    runs.push_back(run<act::sigmoid>("sigmoid", d, false));
    runs.push_back(run<act::tanh>("tanh", d, false));
    runs.push_back(run<act::relu>("relu", d, true));
    runs.push_back(run<act::leaky_relu>("leaky_relu", d, true));
    runs.push_back(run<act::gelu>("gelu", d, true));

    std::printf("\n|dL/dz_l| (gradient norm at the pre-activation of layer l; layer %d is the last)\n", depth);
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
    std::printf("\nfirst/last layer, and the mean factor per layer lambda = (first/last)^(1/%d):\n", depth - 1);
    for (const auto& r : runs) {
        const double ratio = r.grad_norm[0] / r.grad_norm[depth - 1];
        std::printf("  %-10s %10.3e   lambda = %.4f\n", r.name.c_str(), ratio, std::pow(ratio, 1.0 / (depth - 1)));
    }

    // The texts' estimate, through ctdiff: a layer that multiplies the gradient by λ = 0.5 is the
    // backward pass of f(x) = x/2; 100 of them in a row, starting from dy = 1.
    const auto half = ctdiff::backward(ctdiff::x / 2_c);
    std::vector<double> xs(1, 0.0), g(1, 1.0), next(1);
    for (int l = 0; l < 100; ++l) {
        half(xs, g, next);
        g.swap(next);
    }
    std::printf("\nThe texts' estimate: lambda = 0.5 per layer over L = 100 layers (100 backward passes of x/2): "
                "lambda^L = %.4e = 2^%g (about 1e-30, as the texts say).\n",
                g[0], std::log2(g[0]));
    std::printf("sigma' <= 1/4, so a chain of 99 sigmoid derivatives alone is at most 0.25^99 = %.3e; the sigmoid "
                "network measured above decays by lambda = %.4f per layer (Xavier weights keep a random direction's "
                "norm near 1: the decay is the derivatives').\n",
                std::pow(0.25, 99), std::pow(runs[0].grad_norm[0] / runs[0].grad_norm[depth - 1], 1.0 / (depth - 1)));

    const std::string csv_path = dir + "vanishing_gradient.csv";
    if (FILE* csv = std::fopen(csv_path.c_str(), "w")) {
        std::fprintf(csv, "layer");
        for (const auto& r : runs) {
            std::fprintf(csv, ",%s", r.name == "leaky_relu" ? "leaky ReLU" : r.name.c_str());
        }
        std::fprintf(csv, ",sigmoid_bound,lambda_0.5\n");
        for (int l = 0; l < depth; ++l) {
            std::fprintf(csv, "%d", l + 1);
            for (const auto& r : runs) { // relative to the last layer: the decay, whatever the scale
                std::fprintf(csv, ",%.6e", r.grad_norm[l] / r.grad_norm[depth - 1]);
            }
            std::fprintf(csv, ",%.6e,%.6e\n", std::pow(0.25, depth - 1 - l), std::pow(0.5, depth - 1 - l));
        }
        std::fclose(csv);
    } else {
        std::fprintf(stderr, "vanishing_gradient: cannot write %s\n", csv_path.c_str());
        return 1;
    }
    if (showcase::have_program("gnuplot")) {
        const std::string script =
            "set datafile separator ','; set key autotitle columnhead right bottom box opaque; set logscale y; "
            "set format y '10^{%L}'; set xlabel 'layer l'; set ylabel '|dL/dz_l| / |dL/dz_L|'; set grid; "
            "set title 'Gradient norm per layer, relative to the last layer (depth 100, width 256, ctdiff kernels)'; "
            "f = 'vanishing_gradient.csv'; "
            "plot f using 1:2 with lines lw 2 lc rgb '#7b2cbf', f using 1:3 with lines lw 2 lc rgb '#2a9d8f', "
            "f using 1:4 with lines lw 5 lc rgb '#90caf9', f using 1:5 with lines lw 2 dt 2 lc rgb '#e76f51', "
            "f using 1:6 with lines lw 2 lc rgb '#e9c46a', "
            "f using 1:7 with lines dt 2 lw 2 lc 'black' title '0.25^{L-l}: a chain of sigmoid derivatives alone', "
            "f using 1:8 with lines dt 3 lw 2 lc rgb '#777777' title '0.5^{L-l}: lambda = 0.5 as in the texts'";
        const std::string in_dir = "cd '" + (dir.empty() ? std::string(".") : dir) + "' && ";
        const std::string png = in_dir + "gnuplot -e \"set terminal pngcairo size 900,600; set output "
                                         "'vanishing_gradient.png'; " + script + "\"";
        const std::string svg = in_dir + "gnuplot -e \"set terminal svg size 900,600; set output "
                                         "'vanishing_gradient.svg'; " + script + "\"";
        if (std::system(png.c_str()) == 0 && std::system(svg.c_str()) == 0) {
            std::printf("wrote %svanishing_gradient.png, .svg and .csv\n", dir.c_str());
        } else {
            std::fprintf(stderr, "vanishing_gradient: gnuplot failed; the data is in %s\n", csv_path.c_str());
            return 1;
        }
    } else {
        std::printf("wrote %s (install gnuplot, `scripts/setup showcase`, for the picture)\n", csv_path.c_str());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("took %.1f s\n", seconds);
    return 0;
}
