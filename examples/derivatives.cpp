// Every activation of ctdiff's catalogue, differentiated at compile time: its formula, f′ and f″
// as simplified text and LaTeX (ctdiff::simplify, ctdiff::ds), then numbers found through the
// library's own evaluation of those derivatives: where |f′| drops below a level (saturation,
// found by bisection on f′) and the largest and smallest slope and where (bisection on f″).
//
//   derivatives [--out DIR] [level ...]        (default level 0.01)
//
// Writes derivatives.md (Markdown with LaTeX) and derivatives.tex (a LaTeX document) into DIR
// (default: the working directory).
#include <ctdiff/activations.hpp>
#include <ctdiff/algebra/simplify.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>
#include <ctdiff/io.hpp>

#include "identity.hpp"
#include "showcase.hpp"

#include <cmath>
#include <cstdio>
#include <array>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace act = ctdiff::activations;
using ctdiff::x;

using evaluator = double (*)(int order, double x0, double alpha, double beta);

// f, f′ or f″ of F at x0 through ctdiff's evaluation of d<n>(F, x) (the raw derivative: the
// library's stable forms), α = parameter<0>, β = parameter<1>.
template <auto F>
double value_of(int order, double x0, double alpha, double beta) {
    const ctdiff::environment<double, 1, 2> env{{x0}, {alpha, beta}};
    switch (order) {
    case 0: return ctdiff::evaluate(F, env);
    case 1: return ctdiff::evaluate(ctdiff::d(F, x), env);
    default: return ctdiff::evaluate(ctdiff::d<2>(F, x), env);
    }
}

struct entry {
    std::string name;
    std::string note;    // parameters, guards, conventions
    double alpha, beta;  // run-time parameters used for the numbers
    double lo, hi;       // the interval scanned (the domain, or [−64, 64])
    std::string ends[2]; // what lo and hi stand for ("−∞", "+∞"; logit: "0", "1")
    std::string text[3]; // f, f′, f″ (simplified)
    std::string latex[3];
    evaluator value;
    std::vector<std::pair<std::string, showcase::identity_result>> identities; // the textbook forms
    double operator()(int order, double x0) const { return value(order, x0, alpha, beta); }
};

// F is what is evaluated (the catalogue's activation); Shown is the formula printed (the same
// formula without the ±1024 guard where the catalogue has one, so the text stays readable).
template <auto F, auto Shown>
entry make(std::string name, std::string note, double alpha = 0, double beta = 0, double lo = -64, double hi = 64) {
    constexpr auto f0 = ctdiff::simplify(Shown);
    constexpr auto f1 = ctdiff::ds<1>(Shown, x);
    constexpr auto f2 = ctdiff::ds<2>(Shown, x);
    return {std::move(name),
            std::move(note),
            alpha,
            beta,
            lo,
            hi,
            {lo == -64 ? "−∞" : "0", hi == 64 ? "+∞" : "1"},
            {ctdiff::to_string(f0), ctdiff::to_string(f1), ctdiff::to_string(f2)},
            {ctdiff::to_latex(f0), ctdiff::to_latex(f1), ctdiff::to_latex(f2)},
            &value_of<F>,
            {}};
}

// The catalogue's textbook derivative T of order N checked against ctdiff's d<N>(F): proved by
// ctdiff::compare where the prover is in the tree, else sampled (labelled evidence).
template <std::size_t N, auto F, auto T>
void textbook(std::vector<entry>& v, const std::string& name, std::array<double, 2> params = {0.01, 1.0}) {
    for (entry& e : v) {
        if (e.name == name) {
            std::string statement = N == 1 ? "f' = " : "f'' = ";
            statement.append(ctdiff::to_string_view(T)); // (not lhs + string: GCC 12 -O3 warns -Wrestrict, a false positive)
            e.identities.emplace_back(std::move(statement),
                                      showcase::identity<decltype(ctdiff::d<N>(F, x)), decltype(T)>(params));
        }
    }
}

std::vector<entry> catalogue() {
    constexpr double leaky_alpha = 0.01, elu_alpha = 1.0, swish_beta = 1.702;
    const std::string guard = "evaluated with its exact limits beyond |x| = 1024 (the catalogue's guard)";
    std::vector<entry> v;
    v.push_back(make<act::sigmoid, act::sigmoid>("sigmoid", ""));
    v.push_back(make<act::tanh, act::tanh>("tanh", ""));
    v.push_back(make<act::relu, act::relu>("relu", "f'(0) = 0 (kink convention as_defined)"));
    v.push_back(make<act::leaky_relu, act::leaky_relu>("leaky_relu", "α = 0.01", leaky_alpha));
    v.push_back(make<act::elu, act::elu>("elu", "α = 1", elu_alpha));
    v.push_back(make<act::selu, act::selu>("selu", "λ, α: the published constants"));
    v.push_back(make<act::softplus, act::softplus>("softplus", ""));
    v.push_back(make<act::silu, act::silu_formula>("silu", guard));
    v.push_back(make<act::swish, act::swish_formula>("swish", "β = 1.702; " + guard, 0, swish_beta));
    v.push_back(make<act::mish, act::mish_formula>("mish", guard));
    v.push_back(make<act::gelu, act::gelu_formula>("gelu", guard));
    v.push_back(make<act::gelu_tanh, act::gelu_tanh_formula>(
        "gelu_tanh", "printed: the published tanh form; evaluated as x·σ(2u) with its limits beyond |x| = 1024"));
    v.push_back(make<act::softsign, act::softsign>("softsign", "f''(0) = 0 (sign(0) = 0)"));
    v.push_back(make<act::hard_sigmoid, act::hard_sigmoid>("hard_sigmoid", "PyTorch's relu6(x + 3)/6; f' = 0 at ±3"));
    v.push_back(make<act::hard_tanh, act::hard_tanh>("hard_tanh", "f' = 0 at ±1"));
    v.push_back(make<act::logit, act::logit>("logit", "domain (0, 1)", 0, 0, 0x1p-20, 1 - 0x1p-20));
    textbook<1, act::sigmoid, act::sigmoid_prime>(v, "sigmoid");
    textbook<2, act::sigmoid, act::sigmoid_second>(v, "sigmoid");
    textbook<1, act::tanh, act::tanh_prime>(v, "tanh");
    textbook<2, act::tanh, act::tanh_second>(v, "tanh");
    textbook<1, act::relu, act::relu_prime>(v, "relu");
    textbook<1, act::leaky_relu, act::leaky_relu_prime>(v, "leaky_relu");
    textbook<1, act::elu, act::elu_prime>(v, "elu", {1.0, 1.0});
    textbook<1, act::softplus, act::softplus_prime>(v, "softplus");
    textbook<1, act::silu_formula, act::silu_prime>(v, "silu");
    textbook<1, act::gelu_formula, act::gelu_prime>(v, "gelu");
    return v;
}

constexpr double grid_step = 1.0 / 32;

std::string fmt(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v == 0 ? 0.0 : v); // no "-0"
    return buf;
}

// Saturation on one side of 0: the smallest t ≥ 0 such that |f′(x)| < level for every x beyond
// ±t in the scanned range, found on a grid (step 1/32) and refined by bisection on |f′| − level.
std::string saturation(const entry& e, double level, int sign) {
    const double end = sign > 0 ? e.hi : e.lo;
    const int n = static_cast<int>(std::abs(end) / grid_step);
    int last_big = -1; // last grid index k (x = sign·k·step) where |f′| ≥ level
    for (int k = 0; k <= n; ++k) {
        if (std::abs(e(1, sign * k * grid_step)) >= level) {
            last_big = k;
        }
    }
    const char* side = sign > 0 ? "x > " : "x < ";
    if (last_big == n) {
        return "never";
    }
    if (last_big < 0) {
        return std::string(sign > 0 ? "x ≥ " : "x ≤ ") + "0 (all of it)";
    }
    const double a = sign * last_big * grid_step, b = sign * (last_big + 1) * grid_step;
    const double t = showcase::bisect([&](double u) { return std::abs(e(1, u)) - level; }, a, b);
    return side + fmt(t);
}

struct extremum {
    double value;
    std::string where;
};

// v rounded to 6 decimals when it is that close to such a number (a bisection converges to
// −5.6e−17 for a root at 0, or to the smallest double above a kink at 0).
double snap(double v) {
    const double r = std::round(v * 1e6) / 1e6;
    return std::abs(v - r) < 1e-10 ? r : v;
}

// The largest (sign = +1) or smallest (sign = −1) value of f′ over the scanned range: found on
// the grid, then each place it is attained: an interval where f′ is flat (f″ = 0; edges refined
// by bisection), a limit toward the end of the range (not attained), the zero of f″ next to the
// grid point (bisection on f″), or the grid point itself (a corner of f′).
extremum extreme_slope(const entry& e, int sign) {
    std::vector<double> xs;
    for (double u = std::ceil(e.lo / grid_step) * grid_step; u <= e.hi; u += grid_step) {
        xs.push_back(u);
    }
    if (xs.front() > e.lo) {
        xs.insert(xs.begin(), e.lo);
    }
    if (xs.back() < e.hi) {
        xs.push_back(e.hi);
    }
    const std::size_t n = xs.size();
    std::vector<double> f1(n);
    for (std::size_t i = 0; i < n; ++i) {
        f1[i] = e(1, xs[i]);
    }
    double m = f1[0];
    for (double v : f1) {
        m = sign * v > sign * m ? v : m;
    }
    const double tol = 1e-12 * std::abs(m);
    const auto attains = [&](double u) { return std::abs(e(1, u) - m) <= tol; };
    const auto flat = [&](double u) { return attains(u) && e(2, u) == 0; };
    bool limit = false;
    std::string where;
    const auto add = [&](const std::string& s) { where += (where.empty() ? "" : " and ") + s; };
    for (std::size_t i = 0; i < n; ++i) {
        if (!attains(xs[i])) {
            continue;
        }
        std::size_t j = i;
        while (j + 1 < n && attains(xs[j + 1])) {
            ++j;
        }
        bool all_flat = j > i + 1; // f″ = 0 inside the run (at its ends f′ may have a corner)
        for (std::size_t k = i + 1; k < j && all_flat; ++k) {
            all_flat = flat(xs[k]);
        }
        if (all_flat) { // an interval: refine each edge between the last grid point in and the first out
            const auto edge = [&](double in, double out) {
                for (int it = 0; it < 200; ++it) {
                    const double mid = in + (out - in) / 2;
                    if (mid == in || mid == out) {
                        break;
                    }
                    (attains(mid) ? in : out) = mid;
                }
                const double s = snap(in);
                return std::pair{s, attains(s)};
            };
            std::string l, r;
            if (i > 0) {
                const auto [a, closed] = edge(xs[i], xs[i - 1]);
                l = fmt(a) + (closed ? " ≤ " : " < ");
            }
            if (j + 1 < n) {
                const auto [b, closed] = edge(xs[j], xs[j + 1]);
                r = (closed ? " ≤ " : " < ") + fmt(b);
            }
            add(l.empty() && r.empty() ? "every x" : l + "x" + r);
        } else if (i == 0 || j + 1 == n) { // toward an end of the range, not flat: a limit
            if (i == 0) {
                add("x → " + e.ends[0]);
                limit = true;
            }
            if (j + 1 == n) {
                add("x → " + e.ends[1]);
                limit = true;
            }
        } else { // a point: the zero of f″ next to it, unless f′ is worse there (a corner)
            const std::size_t k = i + (j - i) / 2;
            double at = xs[k];
            const auto f2 = [&](double u) { return e(2, u); };
            for (std::size_t c = k - 1; c <= k; ++c) {
                if ((f2(xs[c]) > 0) != (f2(xs[c + 1]) > 0)) {
                    const double r = snap(showcase::bisect(f2, xs[c], xs[c + 1]));
                    if (sign * e(1, r) >= sign * m - tol) {
                        at = r;
                        m = sign * std::max(sign * e(1, r), sign * m);
                    }
                    break;
                }
            }
            add("x = " + fmt(at));
        }
        i = j;
    }
    if (limit) {
        where += " (a limit, not attained; the value shown is at the end of the scan)";
    }
    return {m, where};
}

struct result {
    std::vector<std::string> left, right; // per level
    extremum max, min;
};

} // namespace

int main(int argc, char** argv) {
    const std::string dir = showcase::output_dir(argc, argv);
    std::vector<double> levels;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--out") {
            ++i;
        } else {
            char* end = nullptr;
            const double l = std::strtod(argv[i], &end);
            if (*end != '\0' || !(l > 0)) {
                std::fprintf(stderr, "derivatives: '%s' is not a positive saturation level\n"
                                     "usage: derivatives [--out DIR] [level ...]\n", argv[i]);
                return 2;
            }
            levels.push_back(l);
        }
    }
    if (levels.empty()) {
        levels.push_back(0.01);
    }

    const std::vector<entry> entries = catalogue();
    std::vector<result> results;
    std::printf("The activation catalogue, differentiated at compile time (ctdiff::ds, printed by ctdiff::to_string).\n"
                "Saturation: where |f'| < level (bisection on f'); slopes: extremes of f' (bisection on f'').\n");
    for (const entry& e : entries) {
        result r;
        for (double level : levels) {
            r.left.push_back(saturation(e, level, -1));
            r.right.push_back(saturation(e, level, +1));
        }
        r.max = extreme_slope(e, +1);
        r.min = extreme_slope(e, -1);
        std::printf("\n== %s%s%s%s\n", e.name.c_str(), e.note.empty() ? "" : "  (", e.note.c_str(), e.note.empty() ? "" : ")");
        const char* label[3] = {"f  ", "f' ", "f''"};
        for (int k = 0; k < 3; ++k) {
            std::printf("   %s = %s\n", label[k], showcase::shorten(e.text[k], 150).c_str());
        }
        std::printf("   LaTeX f' = %s\n", showcase::shorten(e.latex[1], 150).c_str());
        for (const auto& [statement, r] : e.identities) {
            std::printf("   textbook %s: %s\n", statement.c_str(),
                        r.how == showcase::outcome::proved     ? "proved at compile time (ctdiff::compare)"
                        : r.how == showcase::outcome::evidence ? ("evidence, not proof: " + r.text).c_str()
                                                               : ("FALSE: " + r.text).c_str());
        }
        for (std::size_t i = 0; i < levels.size(); ++i) {
            std::printf("   saturation |f'| < %g: %s and %s\n", levels[i], r.left[i].c_str(), r.right[i].c_str());
        }
        std::printf("   max f' = %s at %s;  min f' = %s at %s\n", fmt(r.max.value).c_str(), r.max.where.c_str(),
                    fmt(r.min.value).c_str(), r.min.where.c_str());
        results.push_back(r);
    }

    // The table as Markdown (LaTeX math) and as a LaTeX document.
    const std::string md_path = dir + "derivatives.md", tex_path = dir + "derivatives.tex";
    std::ofstream md(md_path), tex(tex_path);
    if (!md || !tex) {
        std::fprintf(stderr, "derivatives: cannot write %s or %s\n", md_path.c_str(), tex_path.c_str());
        return 1;
    }
    md << "# ctdiff's activation catalogue: derivatives\n\nGenerated by `examples/derivatives` "
          "(ctdiff::ds and ctdiff::to_latex at compile time; numbers by bisection on the library's "
          "evaluation of f′ and f″, scanned over [−64, 64], logit over (0, 1)).\n\n";
    md << "| activation | saturation";
    for (double level : levels) {
        md << " \\|f′\\| < " << level;
    }
    md << " | max f′ | where | min f′ | where |\n|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        md << "| " << entries[i].name << " |";
        for (std::size_t l = 0; l < levels.size(); ++l) {
            md << " " << results[i].left[l] << "; " << results[i].right[l] << (l + 1 < levels.size() ? " / " : "");
        }
        md << " | " << fmt(results[i].max.value) << " | " << results[i].max.where << " | " << fmt(results[i].min.value)
           << " | " << results[i].min.where << " |\n";
    }
    tex << "\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage[margin=1.5cm]{geometry}\n"
           "\\allowdisplaybreaks\n\\begin{document}\n\\section*{ctdiff's activation catalogue: derivatives}\n"
           "Generated by \\texttt{examples/derivatives} (ctdiff::ds, ctdiff::to\\_latex).\n";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const entry& e = entries[i];
        md << "\n## " << e.name << "\n\n" << (e.note.empty() ? "" : e.note + "\n\n");
        std::string tex_name;
        for (char c : e.name) {
            tex_name += c == '_' ? std::string("\\_") : std::string(1, c);
        }
        tex << "\n\\subsection*{\\texttt{" << tex_name << "}}\n";
        const char* lhs[3] = {"f(x)", "f'(x)", "f''(x)"};
        for (int k = 0; k < 3; ++k) {
            md << "$$" << lhs[k] << " = " << e.latex[k] << "$$\n\n";
            tex << "\\begin{multline*}\n" << lhs[k] << " = " << e.latex[k] << "\n\\end{multline*}\n";
        }
        for (const auto& [statement, r] : e.identities) {
            md << "- textbook " << statement << ": "
               << (r.how == showcase::outcome::proved     ? "proved at compile time (ctdiff::compare)"
                   : r.how == showcase::outcome::evidence ? "evidence, not proof (" + r.text + ")"
                                                          : "FALSE: " + r.text)
               << "\n";
        }
        md << (e.identities.empty() ? "" : "\n") << "max f′ = " << fmt(results[i].max.value) << " at " << results[i].max.where << "; min f′ = "
           << fmt(results[i].min.value) << " at " << results[i].min.where << ".\n";
    }
    tex << "\\end{document}\n";
    std::printf("\nwrote %s and %s\n", md_path.c_str(), tex_path.c_str());
    return 0;
}
