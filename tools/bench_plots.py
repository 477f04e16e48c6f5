#!/usr/bin/python3
"""Bar charts from a benchmark JSON run (ctdiff_bench_kernels), for docs/performance.md.

    build/bench/bench/ctdiff_bench_kernels --benchmark_out=k.json --benchmark_out_format=json
    tools/bench_plots.py k.json docs/img            # every chart the run has rows for

Writes, per element type present:
  throughput_<type>.png  element-wise rows at 64 Ki: G items/s per activation/pass and implementation
  accuracy_<type>.png    the rows' max ULP of f (log scale) per activation and implementation
  rows_<type>.png        softmax / log-softmax rows (forward, backward) per shape <rows>x<C>
Medians of the repetitions; the figures are those the tables of bench/tables.py print.
Needs matplotlib (Debian python3-matplotlib).
"""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

IMPLS = ["ctdiff", "ctdiff_fast", "eigen", "onednn", "xnnpack", "torch", "naive"]
COLORS = {"ctdiff": "#1f77b4", "ctdiff_fast": "#2ca02c", "eigen": "#ff7f0e", "onednn": "#9467bd",
          "xnnpack": "#8c564b", "torch": "#d62728", "naive": "#7f7f7f"}
PASSES = ["forward", "backward", "fused", "second"]


def load(path):
    rates, ulps = {}, {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        act, pas, impl, typ, n = b["run_name"].split("/")[:5]
        rates[(act, pas, impl, typ, n)] = b.get("items_per_second", 0.0) / 1e9
        if "ulp_f" in b and b["ulp_f"] >= 0:
            ulps[(act, impl, typ)] = b["ulp_f"]
    return rates, ulps


def grouped(ax, groups, series, value, ylabel, log=False):
    width = 0.8 / max(1, len(series))
    for k, impl in enumerate(series):
        xs, ys = [], []
        for g, key in enumerate(groups):
            v = value(key, impl)
            if v is not None:
                xs.append(g + (k - (len(series) - 1) / 2) * width)
                ys.append(v)
        ax.bar(xs, ys, width, label=impl, color=COLORS.get(impl))
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(["/".join(g) if isinstance(g, tuple) else g for g in groups], rotation=60, ha="right", fontsize=8)
    ax.set_ylabel(ylabel)
    if log:
        ax.set_yscale("log")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, ncol=4)


def main():
    path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rates, ulps = load(path)
    for typ in ("f32", "f64"):
        elementwise = []
        for (act, pas, impl, t, n) in rates:
            if t == typ and n == "65536" and act != "copy" and pas in PASSES and (act, pas) not in elementwise:
                elementwise.append((act, pas))
        if elementwise:
            series = [i for i in IMPLS if any((a, p, i, typ, "65536") in rates for a, p in elementwise)]
            fig, ax = plt.subplots(figsize=(max(8, len(elementwise) * 0.55), 5))
            grouped(ax, elementwise, series, lambda key, i: rates.get((key[0], key[1], i, typ, "65536")),
                    "G items/s (64 Ki, one thread)")
            ax.set_title("Element-wise kernels, %s, 64 Ki elements (%s)" % (typ, os.path.basename(path)))
            fig.tight_layout()
            fig.savefig(os.path.join(out, "throughput_%s.png" % typ), dpi=110)
            plt.close(fig)
            acts = sorted({a for a, _ in elementwise})
            fig, ax = plt.subplots(figsize=(max(6, len(acts) * 1.2), 4.5))
            grouped(ax, acts, series, lambda a, i: (max(ulps[(a, i, typ)], 0.1) if (a, i, typ) in ulps else None),
                    "max ULP of f (0 drawn as 0.1)", log=True)
            ax.set_title("Accuracy of f, %s: x in [-30, 30] and ±[1e-6, 1e3]" % typ)
            fig.tight_layout()
            fig.savefig(os.path.join(out, "accuracy_%s.png" % typ), dpi=110)
            plt.close(fig)
        rows = []
        for (act, pas, impl, t, n) in rates:
            if t == typ and act in ("softmax", "log_softmax") and (act, pas, n) not in rows:
                rows.append((act, pas, n))
        if rows:
            rows.sort(key=lambda r: (r[0], r[1], int(r[2].split("x")[0]) * int(r[2].split("x")[1]), int(r[2].split("x")[1])))
            series = [i for i in IMPLS if any((a, p, i, typ, n) in rates for a, p, n in rows)]
            fig, ax = plt.subplots(figsize=(max(8, len(rows) * 0.6), 5))
            grouped(ax, rows, series, lambda key, i: rates.get((key[0], key[1], i, typ, key[2])), "G items/s (one thread)")
            ax.set_title("Row-wise softmax and log-softmax, %s (%s)" % (typ, os.path.basename(path)))
            fig.tight_layout()
            fig.savefig(os.path.join(out, "rows_%s.png" % typ), dpi=110)
            plt.close(fig)


if __name__ == "__main__":
    main()
