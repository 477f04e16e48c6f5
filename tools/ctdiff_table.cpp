// ctdiff-table: a table of activation values and derivatives, for people who want numbers
// without writing C++ and for checking ctdiff against other tools.
//
//   ctdiff-table [--type float|double] < input.csv > output.csv
//   ctdiff-table --list
//
// Each input line `function,order,x` gives one output line `function,order,x,value`, in the same
// order: x echoed exactly as given, value with 17 significant digits (9 with --type float), or
// `inf`, `-inf`, `nan`. function: a name from --list; order: 0 to 3 (the n-th derivative, generated
// at compile time by ctdiff::d<n>); x: a decimal or hexadecimal floating-point number, `inf` or
// `nan` as strtod reads them (read directly in the chosen type, so rounded once; a decimal beyond
// the type's range reads as ±inf). logit takes x in [0, 1] (its limits ±inf at the ends).
// A line it cannot serve gets `ctdiff-table: line N: <reason>` on stderr and no output line; the
// other lines are still answered and the exit status is then 1 (2 for a bad command line).
#include <ctdiff/activations.hpp>
#include <ctdiff/core.hpp>
#include <ctdiff/diff.hpp>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

struct entry {
    std::string_view name;
    std::string_view description;
    evaluator<double> in_double;
    evaluator<float> in_float;
    bool unit_interval = false; // logit: x must be in [0, 1]
};

template <auto Expr, int AlphaNum = 0, int AlphaDen = 1>
constexpr entry make(std::string_view name, std::string_view description, bool unit_interval = false) {
    return {name, description, &eval_any<Expr, double, AlphaNum, AlphaDen>, &eval_any<Expr, float, AlphaNum, AlphaDen>,
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

template <class T>
bool run(int digits) {
    bool all_good = true;
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
        T value{};
        if constexpr (std::is_same_v<T, float>) {
            value = f->in_float(order, *x0);
        } else {
            value = f->in_double(order, *x0);
        }
        std::cout << name << ',' << order << ',' << x_text << ',' << format(static_cast<double>(value), digits) << '\n';
    }
    std::cout.flush();
    return all_good;
}

int usage(std::ostream& out, int status) {
    out << "usage: ctdiff-table [--type float|double] < function,order,x lines\n"
           "       ctdiff-table --list\n"
           "Writes function,order,x,value for each input line: the order-th derivative (0 to 3) of the\n"
           "function at x, 17 significant digits (9 with --type float). Errors go to stderr, one line\n"
           "each, naming the input line; the exit status is then 1.\n";
    return status;
}

} // namespace

int main(int argc, char** argv) {
    bool in_float = false;
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
        std::cerr << "ctdiff-table: unknown argument '" << arg << "'\n";
        return usage(std::cerr, 2);
    }
    std::ios::sync_with_stdio(false);
    const bool ok = in_float ? run<float>(9) : run<double>(17);
    return ok ? 0 : 1;
}
