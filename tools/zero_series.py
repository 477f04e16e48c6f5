#!/usr/bin/env python3
"""Generates include/ctdiff/activations/detail/zero_series_data.hpp (mpmath, 60 digits).

Near a simple zero x0 of a derivative f(n) the catalogue's formula is a sum of terms that
cancel: Sigma|terms| / |value| (the "cancellation", C) grows like 1/|x - x0|, and with it the
relative error of the double result (each term is a few ULP). For every such zero this script
finds x0, the interval around it where C > 3 (the window; outside it the formula is within
~3 x its terms' error), and a polynomial q with f(n)(x0 + t) = t * q(t) on the window to a
relative 2^-58 (Chebyshev fit, degree raised until the check on 4000 points passes); for float
results a second, narrow window (C > 2^12) and a fit to 2^-40 (VARIANTS). Where q
varies, Horner's rounding grows with K(t) = Sigma|c_k t^k| / |q(t)| (measured: ~0.3 K ULP,
against ~0.8 C ULP for the formula), so each end of the window is then moved in to where
max(0.8 C, 0.3 K) is least (SiLU'' and Mish'' only: 1.75 -> 1.33 and the like), and q refitted. The
library evaluates t = (x - x0_hi) - x0_lo and t * q(t) there (activations/detail/zero_series.hpp).

The terms below are the ones the symbolic derivative is a sum of (print d(f) to see them); the
values are those of the closed forms, independent of ctdiff. Run: python3 tools/zero_series.py
"""
import struct
import sys
from mpmath import mp, mpf, sqrt, pi, exp, tanh, log, erfc, sech, findroot, chebyfit, polyval, diff

mp.dps = 60
# (name suffix, cancellation limit: the window is where it is exceeded, relative fit target, note)
# double: the window is wide (C > 3) and the fit tight. float (computed in double, core/node.hpp)
# loses nothing to a cancellation below 2^12 (2^-41 relative), so its windows are ~10^-4 wide and
# two or three terms fit them to 2^-40.
# fast: the fast mode (math::fast_float, float arithmetic with FMA): its terms are a few ULP each
# (fast Phi 5.9), so its window is a wide one, C > 2 where a fit with float coefficients reaches
# 2^-22 (else C > 3, C > 4: main() tries them in turn; the limit and target given here are the
# last resort), clipped to x within a factor 2 of x0, and the fit is to float's precision, with
# coefficients and x0's two parts rounded to float (the check runs on the rounded coefficients).
VARIANTS = [("", 3, mpf(2) ** -58, ""), ("_float", 2 ** 12, mpf(2) ** -40, " for float"),
            ("_fast", 4, mpf(2) ** -23, " for the fast mode")]


def f32(v):
    """v rounded to float (through double: a double rounding, harmless for coefficients)."""
    return mpf(struct.unpack("f", struct.pack("f", float(v)))[0])

sig = lambda x: 1 / (1 + exp(-x))
sp = lambda x: log(1 + exp(x))
Phi = lambda x: erfc(-x / sqrt(2)) / 2
phi = lambda x: exp(-x * x / 2) / sqrt(2 * pi)
c = sqrt(2) / sqrt(pi)
k = mpf(44715) / 10**6
g = lambda x: sig(2 * c * (x + k * x**3))
gb = lambda x: sig(-2 * c * (x + k * x**3))

# (activation, order): the terms the formula sums, and whether f(n) is even (one series on |x|).
CASES = [
    ("silu", 1, False, lambda x: [sig(x), x * sig(x) * sig(-x)]),
    ("silu", 2, True, lambda x: [2 * sig(x) * sig(-x), -x * sig(x) * sig(-x) * tanh(x / 2)]),
    ("mish", 1, False, lambda x: [tanh(sp(x)), x * sech(sp(x)) ** 2 * sig(x)]),
    ("mish", 2, False, lambda x: [2 * sech(sp(x)) ** 2 * sig(x),
                                  -2 * x * sech(sp(x)) ** 2 * tanh(sp(x)) * sig(x) ** 2,
                                  x * sech(sp(x)) ** 2 * sig(x) * sig(-x)]),
    ("gelu", 1, False, lambda x: [Phi(x), x * phi(x)]),
    ("gelu", 2, True, lambda x: [2 * phi(x), -x * x * phi(x)]),
    ("gelu_tanh", 1, False, lambda x: [g(x), 2 * x * g(x) * gb(x) * c * (1 + 3 * k * x * x)]),
    ("gelu_tanh", 2, True, lambda x: [4 * g(x) * gb(x) * c * (1 + 3 * k * x * x),
                                      -4 * x * g(x) * gb(x) * (c * (1 + 3 * k * x * x)) ** 2 * tanh(c * (x + k * x**3)),
                                      12 * k * c * x * x * g(x) * gb(x)]),
]


def hexd(v):
    return float(v).hex()


def series(terms, even, limit, target, single=False):
    f = lambda x: sum(terms(x))
    cancel = lambda x: sum(abs(v) for v in terms(x)) / abs(f(x))
    grid = [mpf(i) / 64 for i in range(-8 * 64, 8 * 64 + 1)]
    roots = [findroot(f, (a + b) / 2) for a, b in zip(grid, grid[1:]) if f(a) * f(b) < 0]
    if even:
        roots = [r for r in roots if r > 0]
    out = []
    for x0 in roots:
        edge = []
        for side in (-1, 1):
            h = mpf(2) ** -40
            while cancel(x0 + side * h) > limit:
                h *= mpf(1.01)
            edge.append(side * h)
        if single:  # x within a factor 2 of x0, so that x - x0_hi is exact in float (Sterbenz)
            lo_t, hi_t = (-x0 / 2, x0) if x0 > 0 else (x0, -x0 / 2)
            edge = [max(edge[0], lo_t * (1 - mpf(2) ** -20)), min(edge[1], hi_t * (1 - mpf(2) ** -20))]
        d1 = diff(f, x0)
        q = lambda t: d1 if abs(t) < mpf(10) ** -40 else f(x0 + t) / t

        def fit(a, b):
            pts = [a + (b - a) * i / 4000 for i in range(4001)]
            for n in range(1, 60):
                coeffs = chebyfit(q, [a, b], n)
                if single:
                    coeffs = [f32(c) for c in coeffs]
                err = max(abs(polyval(coeffs, t) / q(t) - 1) for t in pts[::8])
                if err < target and max(abs(polyval(coeffs, t) / q(t) - 1) for t in pts) < target:
                    return coeffs[::-1], err
            sys.exit("no fit")

        coeffs, err = fit(*edge)
        K = lambda t: sum(abs(c) * abs(t) ** j for j, c in enumerate(coeffs)) / abs(polyval(coeffs[::-1], t))
        ends = [min((max(0.8 * cancel(x0 + e * i / 200), 0.3 * K(e * i / 200)), e * i / 200)
                    for i in range(1, 201))[1] for e in edge]
        if ends != edge:
            coeffs, err = fit(*ends)
        a, b = ends
        hi = f32(x0) if single else mpf(float(x0))
        lo = f32(x0 - hi) if single else x0 - hi
        if single:
            a, b = f32(a), f32(b)
            assert x0 / 2 <= x0 + a and x0 + b <= 2 * x0 if x0 > 0 else 2 * x0 <= x0 + a and x0 + b <= x0 / 2
        out.append(dict(x0=x0, hi=hi, lo=lo, a=a, b=b, coeffs=coeffs, err=err))  # constant term first
    return out


def main():
    lines = [
        "// Generated by tools/zero_series.py (mpmath, 60 digits): do not edit; run the script.",
        "#ifndef CTDIFF_ACTIVATIONS_DETAIL_ZERO_SERIES_DATA_HPP",
        "#define CTDIFF_ACTIVATIONS_DETAIL_ZERO_SERIES_DATA_HPP",
        "",
        "#include <ctdiff/activations/detail/zero_series.hpp>",
        "",
        "#include <tuple>",
        "",
        "namespace ctdiff::activations::detail::zero_data {",
        "",
    ]
    for name, n, even, terms in CASES:
        for suffix, limit, target, what in VARIANTS:
            if suffix == "_fast":  # the widest window (least C) whose float fit reaches 2^-23, or 2^-22
                for limit, target in ((2, mpf(2) ** -23), (2, mpf(2) ** -22), (3, mpf(2) ** -22), (4, mpf(2) ** -23)):
                    try:
                        ss = series(terms, even, limit, target, single=True)
                        break
                    except SystemExit:
                        pass
            else:
                ss = series(terms, even, limit, target)
            lines.append(f"// {name} f({n}){what}: {'even, on |x|; ' if even else ''}" +
                         "; ".join(f"zero {float(s['x0']):.17g}, window t in [{float(s['a']):.3g}, {float(s['b']):.3g}], "
                                   f"degree {len(s['coeffs'])}, fit error {float(s['err']):.2g}" for s in ss))
            degrees = "".join(f", {len(s['coeffs'])}" for s in ss)
            lines.append(f"inline constexpr zero_set<{'true' if even else 'false'}{degrees}> {name}_{n}{suffix}{{std::tuple{{")
            for i, s in enumerate(ss):
                hf = s["coeffs"][::-1]  # the library's order: highest first (math::detail::horner)
                cs = ",\n        ".join(", ".join(hexd(v) for v in hf[j:j + 4]) for j in range(0, len(hf), 4))
                lines.append(f"    zero_series<{len(hf)}>{{{hexd(s['hi'])}, {hexd(s['lo'])}, {hexd(s['a'])}, {hexd(s['b'])},\n"
                             f"        {{{cs}}}}}{',' if i + 1 < len(ss) else ''}")
            lines.append("}};")
            lines.append("")
            print(f"{name} f({n}){what} done", file=sys.stderr)
    lines.append("// Per activation: the zero sets of f, f′, f″ (f has none), for double and float results and the fast mode.")
    for name in dict.fromkeys(c[0] for c in CASES):
        lines += [f"struct {name}_zeros {{",
                  f"    static constexpr auto zeros = std::tuple{{no_zeros, {name}_1, {name}_2}};",
                  f"    static constexpr auto zeros_float = std::tuple{{no_zeros, {name}_1_float, {name}_2_float}};",
                  f"    static constexpr auto zeros_fast = std::tuple{{no_zeros, {name}_1_fast, {name}_2_fast}};",
                  "};"]
    lines += ["", "} // namespace ctdiff::activations::detail::zero_data", "", "#endif", ""]
    path = "include/ctdiff/activations/detail/zero_series_data.hpp"
    with open(path, "w") as fh:
        fh.write("\n".join(lines))


if __name__ == "__main__":
    main()
