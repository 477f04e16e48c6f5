#!/usr/bin/env python3
"""Markdown tables from a benchmark JSON run (docs/kernels.md, docs/math.md, docs/performance.md).

    build/bench/bench/ctdiff_bench_kernels --benchmark_format=json > kernels.json
    bench/tables.py kernels.json [N ...]        # default N: 65536 16777216
    bench/tables.py --readme kernels.json       # docs/performance.md's summary (f32, 64 Ki)
    (rows softmax|log_softmax/forward/<impl>/<type>/<rows>x<C> get a table of their own)
    build/bench/bench/ctdiff_bench_math --benchmark_format=json > math.json
    bench/tables.py math.json [N ...]           # default N: 65536

Kernels: one table per element type and size, G items/s (medians of the repetitions) per
implementation, the copy loop with the same traffic, ctdiff's rate over naive and over Eigen; then
the ULP counters (ctdiff_fast: the kernels called with ctdiff::fast, f32 only). Math: one table per size, functions by implementation and type.
"""
import json
import sys

IMPLS = ["ctdiff", "ctdiff_fast", "naive", "handwritten", "eigen", "sleef", "onednn", "xnnpack", "torch"]
PASSES = ["forward", "backward", "fused", "second", "backward_from_output"]


def load(path):
    rates, ulps = {}, {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        parts = b["run_name"].split("/")
        act, pas, impl, typ, n = parts[:5]
        n = int(n) if n.isdigit() else n  # softmax rows are <rows>x<C>
        rates[(act, pas, impl, typ, n)] = b.get("items_per_second", 0.0) / 1e9
        if "ulp_f" in b or "ulp_df" in b:  # softmax rows: ulp_f on the forward ones, ulp_df on the backward
            prev = ulps.get((act, impl, typ), (None, None))
            ulps[(act, impl, typ)] = (b.get("ulp_f", prev[0]), b.get("ulp_df", prev[1]))
    return rates, ulps


def ulp_table(ulps, typ):
    acts = []
    for (act, _, t) in ulps:
        if t == typ and act not in acts:
            acts.append(act)
    def cell(v):
        if v is None:
            return "—"
        f, df = v
        g = lambda u: "—" if u is None else ("inf" if u == float("inf") else ("%.3g" % u if u < 1e5 else "%.1e" % u))
        return "%s / %s" % (g(f), g(df))
    out = ["**%s: max ULP error of f / f′** (x in [−30, 30] and ±[1e−6, 1e3], long double reference)" % typ, "",
           "| activation | " + " | ".join(IMPLS) + " |", "|---" * (len(IMPLS) + 1) + "|"]
    for act in acts:
        out.append("| %s | %s |" % (act, " | ".join(cell(ulps.get((act, i, typ))) for i in IMPLS)))
    return "\n".join(out)


def fmt(v):
    if v is None:
        return "—"
    if v >= 10:
        return "%.1f" % v
    if v >= 0.1:
        return "%.2f" % v
    return "%.3f" % v


def ratio(a, b):
    return "—" if a is None or not b else "%.2f×" % (a / b)


def table(rates, typ, n):
    acts = []
    for (act, _, _, t, m) in rates:
        if t == typ and m == n and act != "copy" and act not in acts:
            acts.append(act)
    out = ["**%s, N = %d** (G items/s, median of 3)" % (typ, n), "",
           "| activation/pass | " + " | ".join(IMPLS) + " | copy | copy, streamed | ctdiff/naive | ctdiff/eigen | fast/naive | fast/eigen | fast/torch |",
           "|---" * (len(IMPLS) + 8) + "|"]
    for act in acts:
        for pas in PASSES:
            row = [rates.get((act, pas, i, typ, n)) for i in IMPLS]
            if all(v is None for v in row):
                continue
            cpass = "backward" if pas == "backward_from_output" else pas
            if ("copy", act + "_" + pas, "copy", typ, n) in rates:  # a unit of its own traffic (swiglu)
                cpass = act + "_" + pas
            copy = rates.get(("copy", cpass, "copy", typ, n))
            copy_stream = rates.get(("copy", cpass, "copy_stream", typ, n))
            naive, eigen = row[IMPLS.index("naive")], row[IMPLS.index("eigen")]
            torch = row[IMPLS.index("torch")]
            out.append("| %s/%s | %s | %s | %s | %s | %s | %s | %s | %s |" % (act, pas, " | ".join(fmt(v) for v in row), fmt(copy), fmt(copy_stream),
                                                                  ratio(row[0], naive), ratio(row[0], eigen),
                                                                  ratio(row[1], naive), ratio(row[1], eigen), ratio(row[1], torch)))
    return "\n".join(out)


def softmax_table(rates, ulps, typ):
    """Row-wise softmax and log-softmax: one line per op and shape <rows>x<C>."""
    impls = ["ctdiff", "ctdiff_fast", "naive", "onednn", "torch"]
    shapes = []
    for (act, _, _, t, n) in rates:
        if t == typ and act in ("softmax", "log_softmax") and n not in shapes:
            shapes.append(n)
    shapes.sort(key=lambda v: (int(v.split("x")[0]) * int(v.split("x")[1]), int(v.split("x")[1])))
    out = ["**%s, row-wise** (G items/s, median of 3; max ULP of forward and backward)" % typ, "",
           "| op/pass | rows × C | " + " | ".join(impls) + " | fast/oneDNN | fast/torch |", "|---" * (len(impls) + 4) + "|"]
    for act in ("softmax", "log_softmax"):
        for pas in ("forward", "backward"):
            for n in shapes:
                row = [rates.get((act, pas, i, typ, n)) for i in impls]
                if all(v is None for v in row):
                    continue
                out.append("| %s/%s | %s | %s | %s | %s |" % (act, pas, n.replace("x", " × "), " | ".join(fmt(v) for v in row),
                                                             ratio(row[1], row[3]), ratio(row[1], row[4])))
        line = [ulps.get((act, i, typ)) for i in impls]
        g = lambda u: "—" if u is None else "%.3g" % u
        out.append("| %s | max ULP, forward / backward | %s | | |" % (
            act, " | ".join("—" if v is None else "%s / %s" % (g(v[0]), g(v[1])) for v in line)))
    return "\n".join(out)


def math_table(path, n):
    rates = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        fn, impl, typ, m = b["run_name"].split("/")[:4]
        if int(m) == n:
            rates[(fn, impl, typ)] = b.get("items_per_second", 0.0) / 1e9
    fns = []
    for (fn, _, _) in rates:
        if fn not in fns:
            fns.append(fn)
    impls = ["ctdiff", "std", "sleef", "eigen"]
    out = ["**N = %d** (G items/s, median of 3)" % n, "",
           "| function | " + " | ".join("%s %s" % (t, i) for t in ("f32", "f64") for i in impls) + " |",
           "|---" * (2 * len(impls) + 1) + "|"]
    for fn in fns:
        out.append("| %s | %s |" % (fn, " | ".join(fmt(rates.get((fn, i, t))) for t in ("f32", "f64") for i in impls)))
    return "\n".join(out)


def readme_table(rates, ulps, typ="f32", n=65536):
    """docs/performance.md's summary: ctdiff and ctdiff_fast with their ratios to naive, Eigen, XNNPACK and PyTorch."""
    def g(u):
        return "—" if u is None else ("inf" if u == float("inf") else ("%.3g" % u if u < 1e5 else "%.0e" % u))
    def ulp(act, impl):
        v = ulps.get((act, impl, typ))
        return "" if v is None else "%s / %s" % (g(v[0]), g(v[1]))
    acts = []
    for (act, _, _, t, m) in rates:
        if t == typ and m == n and act != "copy" and act not in acts:
            acts.append(act)
    out = ["| activation/pass | ctdiff G/s | fast G/s | ÷ naive (ctdiff / fast) | ÷ Eigen (ctdiff / fast) | "
           "÷ XNNPACK (fast) | ÷ PyTorch (fast) | max ULP f / f′: ctdiff, fast | Eigen | PyTorch |", "|---" * 10 + "|"]
    for act in acts:
        for pas in PASSES:
            c, f = rates.get((act, pas, "ctdiff", typ, n)), rates.get((act, pas, "ctdiff_fast", typ, n))
            if c is None and f is None:
                continue
            base = rates.get((act, pas, "handwritten" if pas == "backward_from_output" else "naive", typ, n))
            eigen, xnn = rates.get((act, pas, "eigen", typ, n)), rates.get((act, pas, "xnnpack", typ, n))
            torch = rates.get((act, pas, "torch", typ, n))
            first = pas == "forward"
            out.append("| %s/%s | %s | %s | %s / %s | %s / %s | %s | %s | %s | %s | %s |" % (
                act, pas, fmt(c), fmt(f), ratio(c, base), ratio(f, base), ratio(c, eigen), ratio(f, eigen),
                ratio(f, xnn), ratio(f, torch), (ulp(act, "ctdiff") + ", " + ulp(act, "ctdiff_fast")) if first else "",
                ulp(act, "eigen") if first else "", ulp(act, "torch") if first else ""))
    return "\n".join(out)


def main():
    if sys.argv[1] == "--readme":  # bench/tables.py --readme kernels.json: docs/performance.md's table
        rates, ulps = load(sys.argv[2])
        print(readme_table(rates, ulps))
        return
    first = json.load(open(sys.argv[1]))["benchmarks"][0]["run_name"].split("/")
    if not (first[4].isdigit() or "x" in first[4]):  # <function>/<impl>/<type>/<N>/...: the math benchmark
        for n in [int(a) for a in sys.argv[2:]] or [65536]:
            print(math_table(sys.argv[1], n))
            print()
        return
    rates, ulps = load(sys.argv[1])
    sizes = [int(a) for a in sys.argv[2:]] or [65536, 16777216]
    for typ in ("f32", "f64"):
        for n in sizes:
            print(table(rates, typ, n))
            print()
        print(ulp_table(ulps, typ))
        print()
        if any(a in ("softmax", "log_softmax") and t == typ for (a, _, _, t, _) in rates):
            print(softmax_table(rates, ulps, typ))
            print()


if __name__ == "__main__":
    main()
