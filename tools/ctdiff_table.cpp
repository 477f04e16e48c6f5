// ctdiff-table: a table of activation values and derivatives, for people who want numbers
// without writing C++ and for checking ctdiff against other tools.
//
//   ctdiff-table [--type float|double] [--via formula|kernel] [--mode default|fast] < input.csv > output.csv
//   ctdiff-table --list
//
// Each input line `function,order,x` gives one output line `function,order,x,value`, in the same
// order: x echoed exactly as given, value with 17 significant digits (9 with --type float), or
// `inf`, `-inf`, `nan`. function: a name from --list; order: 0 to 3 (the n-th derivative, generated
// at compile time by ctdiff::d<n>); x: a decimal or hexadecimal floating-point number, `inf` or
// `nan` as strtod reads them (read directly in the chosen type, so rounded once; a decimal beyond
// the type's range reads as ±inf). logit takes x in [0, 1] (its limits ±inf at the ends).
// --via formula (the default) evaluates d<n>(f, x) at each x with ctdiff::evaluate; --via kernel
// computes each line with the kernel that differentiates f n times, `fused(d<n>(f, x))`, run over
// the array of all the input's x for that function and order (what a kernel author's code runs,
// explicit-SIMD loop included), in --mode default or fast (`ctdiff::fast`: float kernels only).
// The kernels of 19 functions × 4 orders × 3 modes cost minutes of compilation, so they are built
// into the companion binary ctdiff-table-kernels (this file with CTDIFF_TABLE_KERNELS=1: the gcc
// preset builds it, or `cmake --build <dir> --target ctdiff-table-kernels`); ctdiff-table itself
// answers --via kernel by naming it.
// A line it cannot serve gets `ctdiff-table: line N: <reason>` on stderr and no output line; the
// other lines are still answered and the exit status is then 1 (2 for a bad command line).
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

#ifndef CTDIFF_TABLE_KERNELS
#define CTDIFF_TABLE_KERNELS 0
#endif
#if CTDIFF_TABLE_KERNELS
#include <ctdiff/eval.hpp>
#endif

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace act = ctdiff::activations;
using ctdiff::x;

template <class T>
using evaluator = T (*)(int order, T x0);

// The n-th derivative of E at x0 with α and β as the catalogue's defaults.
template <auto Expr, class T, std::size_t N>
T eval_order(T x0, T a) {
    const ctdiff::environment<T, 1, 2> env{{x0}, {a, T(1)}};
    return ctdiff::evaluate(ctdiff::d<N>(Expr, x), env);
}

template <auto Expr, class T, int AlphaNum, int AlphaDen>
T eval_any(int order, T x0) {
    const T a = T(AlphaNum) / T(AlphaDen);
    switch (order) {
    case 0: return eval_order<Expr, T, 0>(x0, a);
    case 1: return eval_order<Expr, T, 1>(x0, a);
    case 2: return eval_order<Expr, T, 2>(x0, a);
    default: return eval_order<Expr, T, 3>(x0, a);
    }
}

#if CTDIFF_TABLE_KERNELS
// out[i] = the n-th derivative of E at xs[i] by the kernel fused(d<N>(E, x)), α and β as above.
template <class T>
using kernel_runner = void (*)(int order, bool fast, std::span<const T> xs, std::span<T> out);

template <auto Expr, class T, std::size_t N>
void kernel_order(bool fast, T a, std::span<const T> xs, std::span<T> out) {
    using K = decltype(ctdiff::fused(ctdiff::d<N>(Expr, x)));
    std::array<T, K::parameters> p{};
    if constexpr (K::parameters >= 1) {
        p[0] = a;
    }
    if constexpr (K::parameters >= 2) {
        p[1] = T(1);
    }
    if (fast) {
        K::template run<ctdiff::fast_t>({xs}, {out}, p);
    } else {
        K::template run<ctdiff::accurate_t>({xs}, {out}, p);
    }
}

template <auto Expr, class T, int AlphaNum, int AlphaDen>
void kernel_any(int order, bool fast, std::span<const T> xs, std::span<T> out) {
    const T a = T(AlphaNum) / T(AlphaDen);
    switch (order) {
    case 0: kernel_order<Expr, T, 0>(fast, a, xs, out); break;
    case 1: kernel_order<Expr, T, 1>(fast, a, xs, out); break;
    case 2: kernel_order<Expr, T, 2>(fast, a, xs, out); break;
    default: kernel_order<Expr, T, 3>(fast, a, xs, out); break;
    }
}
#else
template <class T>
using kernel_runner = void (*)(int, bool, std::span<const T>, std::span<T>);
template <auto Expr, class T, int AlphaNum, int AlphaDen>
constexpr kernel_runner<T> kernel_any = nullptr;
#endif

struct entry {
    std::string_view name;
    std::string_view description;
    evaluator<double> in_double;
    evaluator<float> in_float;
    kernel_runner<double> kernel_double;
    kernel_runner<float> kernel_float;
    bool unit_interval = false; // logit: x must be in [0, 1]
};

template <auto Expr, int AlphaNum = 0, int AlphaDen = 1>
constexpr entry make(std::string_view name, std::string_view description, bool unit_interval = false) {
    return {name,
            description,
            &eval_any<Expr, double, AlphaNum, AlphaDen>,
            &eval_any<Expr, float, AlphaNum, AlphaDen>,
            kernel_runner<double>(kernel_any<Expr, double, AlphaNum, AlphaDen>),
            kernel_runner<float>(kernel_any<Expr, float, AlphaNum, AlphaDen>),
            unit_interval};
}

constexpr auto exp_expr = ctdiff::exp(x);
constexpr auto log1p_expr = ctdiff::log1p(x);
constexpr auto erf_expr = ctdiff::erf(x);

const std::array functions{
    make<act::sigmoid>("sigmoid", "1/(1 + e^-x)"),
    make<act::tanh>("tanh", "tanh x"),
    make<act::relu>("relu", "max(0, x); relu'(0) = 0"),
    make<act::leaky_relu, 1, 100>("leaky_relu", "x for x > 0, 0.01x otherwise; leaky_relu'(0) = 0.01"),
    make<act::elu, 1, 1>("elu", "x for x > 0, e^x - 1 otherwise (alpha = 1)"),
    make<act::selu>("selu", "lambda*(x for x > 0, alpha(e^x - 1) otherwise), the standard constants"),
    make<act::softplus>("softplus", "log(1 + e^x)"),
    make<act::silu>("silu", "x*sigmoid(x)"),
    make<act::swish>("swish", "x*sigmoid(beta x), beta = 1 (= silu)"),
    make<act::mish>("mish", "x*tanh(softplus(x))"),
    make<act::gelu>("gelu", "x*Phi(x), the erf form"),
    make<act::gelu_tanh>("gelu_tanh", "x/2*(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))"),
    make<act::softsign>("softsign", "x/(1 + |x|)"),
    make<act::hard_sigmoid>("hard_sigmoid", "relu6(x + 3)/6 (PyTorch); derivative 0 at +-3"),
    make<act::hard_tanh>("hard_tanh", "min(max(x, -1), 1); derivative 0 at +-1"),
    make<act::logit>("logit", "log(x/(1 - x)), x in [0, 1]", true),
    make<exp_expr>("exp", "e^x"),
    make<log1p_expr>("log1p", "log(1 + x)"),
    make<erf_expr>("erf", "the error function"),
};

const entry* find(std::string_view name) {
    for (const entry& e : functions) {
        if (e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

std::string format(double v, int digits) {
    if (std::isnan(v)) {
        return "nan";
    }
    if (std::isinf(v)) {
        return v > 0 ? "inf" : "-inf";
    }
    std::array<char, 64> buf{};
    std::snprintf(buf.data(), buf.size(), "%.*g", digits, v);
    return buf.data();
}

template <class T>
std::optional<T> parse_number(const std::string& s) {
    if (s.empty() || s.find_first_of(" \t") != std::string::npos) {
        return std::nullopt;
    }
    char* end = nullptr;
    errno = 0;
    T v{};
    if constexpr (std::is_same_v<T, float>) {
        v = std::strtof(s.c_str(), &end);
    } else {
        v = std::strtod(s.c_str(), &end);
    }
    if (end != s.c_str() + s.size()) {
        return std::nullopt;
    }
    return v; // ERANGE: ±inf or a (sub)normal/zero, the correctly rounded reading
}

struct options {
    bool via_kernel = false;
    bool fast = false;
};

// A line that was read well, waiting for its value (--via kernel computes them in batches).
template <class T>
struct pending {
    const entry* f;
    int order;
    std::string x_text;
    T x0;
    T value;
};

// Every pending line's value through the kernels: one call per function and order, over the
// array of that group's x.
template <class T>
void compute_by_kernels(std::vector<pending<T>>& lines, bool fast) {
    std::map<std::pair<const entry*, int>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        groups[{lines[i].f, lines[i].order}].push_back(i);
    }
    for (const auto& [key, members] : groups) {
        std::vector<T> xs(members.size()), out(members.size());
        for (std::size_t j = 0; j < members.size(); ++j) {
            xs[j] = lines[members[j]].x0;
        }
        if constexpr (std::is_same_v<T, float>) {
            key.first->kernel_float(key.second, fast, xs, out);
        } else {
            key.first->kernel_double(key.second, fast, xs, out);
        }
        for (std::size_t j = 0; j < members.size(); ++j) {
            lines[members[j]].value = out[j];
        }
    }
}

template <class T>
bool run(int digits, options opt) {
    bool all_good = true;
    std::vector<pending<T>> done;
    const auto print = [&](const pending<T>& l) {
        std::cout << l.f->name << ',' << l.order << ',' << l.x_text << ',' << format(static_cast<double>(l.value), digits)
                  << '\n';
    };
    std::string line;
    std::size_t number = 0;
    while (std::getline(std::cin, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const auto fail = [&](const std::string& reason) {
            std::cout.flush();
            std::cerr << "ctdiff-table: line " << number << ": " << reason << '\n';
            all_good = false;
        };
        const auto c1 = line.find(',');
        const auto c2 = c1 == std::string::npos ? c1 : line.find(',', c1 + 1);
        if (c2 == std::string::npos || line.find(',', c2 + 1) != std::string::npos) {
            fail("expected three fields `function,order,x`, got '" + line + "'");
            continue;
        }
        const std::string name = line.substr(0, c1);
        const std::string order_text = line.substr(c1 + 1, c2 - c1 - 1);
        const std::string x_text = line.substr(c2 + 1);
        const entry* f = find(name);
        if (f == nullptr) {
            fail("unknown function '" + name + "' (ctdiff-table --list shows the functions)");
            continue;
        }
        if (order_text.size() != 1 || order_text[0] < '0' || order_text[0] > '3') {
            fail("order '" + order_text + "' is out of range: it must be 0, 1, 2 or 3");
            continue;
        }
        const int order = order_text[0] - '0';
        const std::optional<T> x0 = parse_number<T>(x_text);
        if (!x0) {
            fail("x '" + x_text + "' is not a number");
            continue;
        }
        if (f->unit_interval && (*x0 < T(0) || *x0 > T(1))) {
            fail("x = " + x_text + " is outside the domain of " + name + ", [0, 1]");
            continue;
        }
        pending<T> l{f, order, x_text, *x0, T(0)};
        if (opt.via_kernel) {
            done.push_back(l);
            continue;
        }
        if constexpr (std::is_same_v<T, float>) {
            l.value = f->in_float(order, *x0);
        } else {
            l.value = f->in_double(order, *x0);
        }
        print(l);
    }
    if (opt.via_kernel) {
        compute_by_kernels(done, opt.fast);
        for (const auto& l : done) {
            print(l);
        }
    }
    std::cout.flush();
    return all_good;
}

int usage(std::ostream& out, int status) {
    out << "usage: ctdiff-table [--type float|double] [--via formula|kernel] [--mode default|fast]\n"
           "                    < function,order,x lines\n"
           "       ctdiff-table --list\n"
           "Writes function,order,x,value for each input line: the order-th derivative (0 to 3) of the\n"
           "function at x, 17 significant digits (9 with --type float). --via kernel computes each value\n"
           "with the kernel fused(d<order>(f, x)) over all the x of that function and order, in --mode\n"
           "default or fast (ctdiff::fast, float kernels). Errors go to stderr, one line each, naming the\n"
           "input line; the exit status is then 1.\n";
    return status;
}

} // namespace

int main(int argc, char** argv) {
    bool in_float = false;
    options opt;
    bool mode_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--list") {
            for (const entry& e : functions) {
                std::cout << e.name << std::string(14 - e.name.size(), ' ') << e.description << '\n';
            }
            return 0;
        }
        if (arg == "--help" || arg == "-h") {
            return usage(std::cout, 0);
        }
        if (arg == "--type" && i + 1 < argc) {
            const std::string_view type = argv[++i];
            if (type == "float") {
                in_float = true;
            } else if (type == "double") {
                in_float = false;
            } else {
                std::cerr << "ctdiff-table: unknown type '" << type << "' (float or double)\n";
                return 2;
            }
            continue;
        }
        if (arg == "--via" && i + 1 < argc) {
            const std::string_view via = argv[++i];
            if (via != "formula" && via != "kernel") {
                std::cerr << "ctdiff-table: unknown --via '" << via << "' (formula or kernel)\n";
                return 2;
            }
            opt.via_kernel = via == "kernel";
            if (opt.via_kernel && !CTDIFF_TABLE_KERNELS) {
                std::cerr << "ctdiff-table: this build has no kernels; --via kernel is served by ctdiff-table-kernels "
                             "(cmake --build <build dir> --target ctdiff-table-kernels)\n";
                return 2;
            }
            continue;
        }
        if (arg == "--mode" && i + 1 < argc) {
            const std::string_view mode = argv[++i];
            if (mode != "default" && mode != "fast") {
                std::cerr << "ctdiff-table: unknown --mode '" << mode << "' (default or fast)\n";
                return 2;
            }
            opt.fast = mode == "fast";
            mode_given = true;
            continue;
        }
        std::cerr << "ctdiff-table: unknown argument '" << arg << "'\n";
        return usage(std::cerr, 2);
    }
    if (mode_given && opt.fast && !opt.via_kernel) {
        std::cerr << "ctdiff-table: --mode fast applies to kernels: add --via kernel\n";
        return 2;
    }
    std::ios::sync_with_stdio(false);
    const bool ok = in_float ? run<float>(9, opt) : run<double>(17, opt);
    return ok ? 0 : 1;
}
