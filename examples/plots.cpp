// Pictures of the catalogue: each activation with its first and second derivative, computed by
// ctdiff's fused kernel derivatives<2>(f) (f, f′, f″ in one pass over the grid), written as CSV
// and drawn by gnuplot (a real plotting tool, driven from here: a .gp script, then gnuplot).
// The saturation regions of σ and tanh (where |f′| < 0.01, found by bisection on f′) are shaded.
//
//   plots [--out DIR]
//
// Writes into DIR/plots/ (DIR: the working directory by default): <activation>.csv, .png, .svg
// for each activation, overview.png/.svg (all of them in one grid) and plots.gp (the script).
// Needs gnuplot (Debian: gnuplot-nox; scripts/setup showcase installs it).
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/eval.hpp>

#include "showcase.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace act = ctdiff::activations;
using ctdiff::x;

constexpr double saturation_level = 0.01;
constexpr int samples = 1201;

struct curve {
    std::string name, title;
    double lo, hi;
    std::vector<double> xs, f, f1, f2;
    double saturation = 0; // |f′| < level for |x| > saturation (0: not shaded)
    std::string yrange = "[*:*]";
};

// f, f′, f″ on the grid through the fused kernel; α, β as the kernel's parameters need them.
template <auto F>
curve sample(std::string name, std::string title, double lo, double hi, double alpha = 0, double beta = 0) {
    curve c{std::move(name), std::move(title), lo, hi, {}, {}, {}, {}};
    c.xs.resize(samples);
    for (int i = 0; i < samples; ++i) {
        c.xs[i] = lo + (hi - lo) * i / (samples - 1);
    }
    c.f.resize(samples);
    c.f1.resize(samples);
    c.f2.resize(samples);
    constexpr auto kernel = ctdiff::derivatives<2>(F);
    if constexpr (kernel.parameters == 0) {
        kernel(c.xs, c.f, c.f1, c.f2);
    } else if constexpr (kernel.parameters == 1) {
        kernel(c.xs, c.f, c.f1, c.f2, ctdiff::params{alpha});
    } else {
        kernel(c.xs, c.f, c.f1, c.f2, ctdiff::params{alpha, beta});
    }
    return c;
}

// Where |f′| falls below the level for x > 0 (f′ decreasing there, as for σ and tanh).
template <auto F>
double saturation_threshold(double level) {
    constexpr auto kernel = ctdiff::derivatives<1>(F);
    return showcase::bisect([&](double u) { return kernel.template at<double>({u})[1] - level; }, 0.0, 50.0);
}

std::string gp_quote(const std::string& s) {
    std::string q = "'";
    for (char ch : s) {
        q += ch == '\'' ? std::string("''") : std::string(1, ch);
    }
    return q + "'";
}

// The gnuplot commands that draw one activation into the current output / multiplot cell.
std::string plot_commands(const curve& c, bool small) {
    std::string s;
    s += "set title " + gp_quote(c.title) + (small ? " font ',10'" : "") + "\n";
    s += "set xrange [" + std::to_string(c.lo) + ":" + std::to_string(c.hi) + "]\nset yrange " + c.yrange + "\n";
    s += "unset object\n";
    if (c.saturation > 0) {
        const std::string t = std::to_string(c.saturation);
        s += "set object 1 rect from graph 0, graph 0 to first -" + t +
             ", graph 1 fc rgb '#f4cccc' fs solid 0.6 noborder behind\n";
        s += "set object 2 rect from first " + t +
             ", graph 0 to graph 1, graph 1 fc rgb '#f4cccc' fs solid 0.6 noborder behind\n";
        if (!small) {
            char label[160];
            std::snprintf(label, sizeof label,
                          "set label 1 \"saturated: |f'| < %g for |x| > %.3f\" at graph 0.5, graph 0.04 center\n",
                          saturation_level, c.saturation);
            s += label;
        }
    } else {
        s += "unset label 1\n";
    }
    const std::string csv = gp_quote(c.name + ".csv");
    s += "plot " + csv + " using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'f', " + csv +
         " using 1:3 with lines lw 2 lc rgb '#d62728' title \"f'\", " + csv +
         " using 1:4 with lines lw 2 dt 2 lc rgb '#2ca02c' title \"f''\"\n";
    if (c.saturation > 0 && !small) {
        s += "unset label 1\n";
    }
    return s;
}

} // namespace

int main(int argc, char** argv) {
    if (!showcase::have_program("gnuplot")) {
        std::fprintf(stderr, "plots: gnuplot is not installed, so no pictures can be drawn.\n"
                             "       Install it with `scripts/setup showcase` (Debian package gnuplot-nox) and run again.\n");
        return 1;
    }
    const std::filesystem::path dir = std::filesystem::path(showcase::output_dir(argc, argv) + "plots");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        std::fprintf(stderr, "plots: cannot create the directory %s: %s\n", dir.c_str(), ec.message().c_str());
        return 1;
    }

    constexpr double leaky_alpha = 0.1, elu_alpha = 1.0, swish_beta = 1.702;
    std::vector<curve> curves;
    curves.push_back(sample<act::sigmoid>("sigmoid", "sigmoid σ(x)", -8, 8));
    curves.push_back(sample<act::tanh>("tanh", "tanh(x)", -5, 5));
    curves.push_back(sample<act::relu>("relu", "ReLU", -3, 3));
    curves.push_back(sample<act::leaky_relu>("leaky_relu", "Leaky ReLU (α = 0.1)", -3, 3, leaky_alpha));
    curves.push_back(sample<act::elu>("elu", "ELU (α = 1)", -4, 3, elu_alpha));
    curves.push_back(sample<act::selu>("selu", "SELU", -4, 3));
    curves.push_back(sample<act::softplus>("softplus", "softplus", -5, 5));
    curves.push_back(sample<act::silu>("silu", "SiLU x·σ(x)", -6, 6));
    curves.push_back(sample<act::swish>("swish", "swish x·σ(βx), β = 1.702", -6, 6, 0, swish_beta));
    curves.push_back(sample<act::mish>("mish", "Mish", -6, 6));
    curves.push_back(sample<act::gelu>("gelu", "GELU x·Φ(x)", -4, 4));
    curves.push_back(sample<act::gelu_tanh>("gelu_tanh", "GELU (tanh approximation)", -4, 4));
    curves.push_back(sample<act::softsign>("softsign", "softsign x/(1+|x|)", -6, 6));
    curves.push_back(sample<act::hard_sigmoid>("hard_sigmoid", "hard sigmoid", -5, 5));
    curves.push_back(sample<act::hard_tanh>("hard_tanh", "hard tanh", -3, 3));
    curves.push_back(sample<act::logit>("logit", "logit log(x/(1−x))", 0.02, 0.98));
    curves.back().yrange = "[-12:12]"; // logit's f″ reaches ±2500 at the ends; f′ ≥ 4 is the interest
    curves[0].saturation = saturation_threshold<act::sigmoid>(saturation_level);
    curves[1].saturation = saturation_threshold<act::tanh>(saturation_level);

    for (const curve& c : curves) {
        std::ofstream csv(dir / (c.name + ".csv"));
        csv << "x,f,df,d2f\n";
        csv.precision(10);
        for (std::size_t i = 0; i < c.xs.size(); ++i) {
            csv << c.xs[i] << ',' << c.f[i] << ',' << c.f1[i] << ',' << c.f2[i] << '\n';
        }
        if (!csv) {
            std::fprintf(stderr, "plots: cannot write %s\n", (dir / (c.name + ".csv")).c_str());
            return 1;
        }
    }

    // One gnuplot script for everything: per activation a PNG and an SVG, then the overview grid.
    std::string gp = "# Written by examples/plots (ctdiff). Run in this directory: gnuplot plots.gp\n"
                     "set datafile separator ','\nset key autotitle columnhead\nset grid lc rgb '#dddddd'\n"
                     "set xzeroaxis lt 1 lc rgb '#888888'\nset yzeroaxis lt 1 lc rgb '#888888'\nset xlabel 'x'\n";
    for (const curve& c : curves) {
        for (const char* term : {"pngcairo size 800,560 font 'DejaVu Sans,11'", "svg size 800,560 dynamic"}) {
            const bool png = std::string(term).starts_with("png");
            gp += std::string("set terminal ") + term + "\nset output " + gp_quote(c.name + (png ? ".png" : ".svg")) +
                  "\nset key top left box opaque\n" + plot_commands(c, false);
        }
    }
    const std::size_t cols = 4, rows = (curves.size() + cols - 1) / cols;
    for (const char* term : {"pngcairo size 1600,1400 font 'DejaVu Sans,9'", "svg size 1600,1400 dynamic"}) {
        const bool png = std::string(term).starts_with("png");
        gp += std::string("set terminal ") + term + "\nset output " + gp_quote(std::string("overview") + (png ? ".png" : ".svg")) +
              "\nunset xlabel\nset key top left font ',8' box opaque\nset multiplot layout " + std::to_string(rows) + "," +
              std::to_string(cols) + " title \"ctdiff's activation catalogue: f, f', f'' (fused kernel derivatives<2>); shaded: |f'| < " +
              showcase::fmt_g(saturation_level) + "\" font ',14'\n";
        for (const curve& c : curves) {
            gp += plot_commands(c, true);
        }
        gp += "unset multiplot\n";
    }
    gp += "set output\n";
    {
        std::ofstream script(dir / "plots.gp");
        script << gp;
    }
    const std::string cmd = "cd '" + dir.string() + "' && gnuplot plots.gp";
    if (std::system(cmd.c_str()) != 0) {
        std::fprintf(stderr, "plots: gnuplot failed on %s\n", (dir / "plots.gp").c_str());
        return 1;
    }
    int written = 0;
    for (const curve& c : curves) {
        for (const char* ext : {".png", ".svg", ".csv"}) {
            written += std::filesystem::exists(dir / (c.name + ext)) ? 1 : 0;
        }
    }
    const bool overview = std::filesystem::exists(dir / "overview.png") && std::filesystem::exists(dir / "overview.svg");
    std::printf("Plotted %zu activations with f' and f'' (ctdiff::derivatives<2> kernels, %d samples each).\n", curves.size(),
                samples);
    std::printf("Saturation shaded: sigmoid |f'| < %g for |x| > %.4f, tanh for |x| > %.4f (bisection on f').\n",
                saturation_level, curves[0].saturation, curves[1].saturation);
    std::printf("wrote %d of %zu files (PNG, SVG, CSV per activation)%s in %s\n", written, 3 * curves.size(),
                overview ? " and overview.png/.svg" : " (overview missing!)", std::filesystem::absolute(dir).c_str());
    return written == static_cast<int>(3 * curves.size()) && overview ? 0 : 1;
}
