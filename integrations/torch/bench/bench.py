"""ctdiff_torch against PyTorch's own CPU operators, from Python (how a user meets them), on one
thread: forward, and forward + backward through autograd, for 4 Ki, 64 Ki and 16 Mi elements.

    PYTHONPATH=build/torch python3 integrations/torch/bench/bench.py [--sizes 4096,65536,16777216]
        [--ops sigmoid,gelu] [--dtype float32] [--min-time 0.2]

Times are medians of torch.utils.benchmark.Timer.blocked_autorange (PyTorch's own timer); rates
are G elements/s. ctdiff's float32 rows are given in both modes ('fast', the default, and
'accurate'). The per-call overhead is the time of a call on a 1-element tensor.
"""

import argparse

import torch
import torch.nn.functional as F
from torch.utils.benchmark import Timer

import ctdiff_torch as ct

OPS = {
    "sigmoid": (ct.sigmoid, torch.sigmoid),
    "tanh": (ct.tanh, torch.tanh),
    "gelu": (ct.gelu, F.gelu),
    "gelu_tanh": (lambda t: ct.gelu(t, approximate="tanh"), lambda t: F.gelu(t, approximate="tanh")),
    "silu": (ct.silu, F.silu),
    "mish": (ct.mish, F.mish),
    "softplus": (ct.softplus, F.softplus),
    "logsigmoid": (ct.logsigmoid, F.logsigmoid),
    "elu": (ct.elu, F.elu),
    "selu": (ct.selu, F.selu),
    "softsign": (ct.softsign, F.softsign),
    "relu": (ct.relu, F.relu),
    "leaky_relu": (ct.leaky_relu, F.leaky_relu),
    "hardsigmoid": (ct.hardsigmoid, F.hardsigmoid),
    "hardtanh": (ct.hardtanh, F.hardtanh),
}


def seconds(stmt, env, min_time):
    return Timer(stmt=stmt, globals=env, num_threads=1).blocked_autorange(min_run_time=min_time).median


def measure(f, n, dtype, min_time):
    x = torch.randn(n, dtype=dtype) * 3
    dy = torch.randn(n, dtype=dtype)
    xg = x.clone().requires_grad_()
    fwd = seconds("f(x)", {"f": f, "x": x}, min_time)
    fb = seconds("xg.grad = None; f(xg).backward(dy)", {"f": f, "xg": xg, "dy": dy}, min_time)
    return fwd, fb


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="4096,65536,16777216")
    ap.add_argument("--ops", default=",".join(OPS))
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("--min-time", type=float, default=0.2)
    args = ap.parse_args()
    torch.set_num_threads(1)
    dtype = getattr(torch, args.dtype)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.ops.split(",")
    modes = ["fast", "accurate"] if dtype == torch.float32 else ["accurate"]

    # Per-call overhead: one element, forward and forward+backward.
    print(f"per-call time on a 1-element {args.dtype} tensor (µs): forward / forward+backward")
    x1 = torch.randn(1, dtype=dtype)
    raw = seconds("op(x, [], True)", {"op": torch.ops.ctdiff.sigmoid_forward, "x": x1}, args.min_time)
    print(f"  torch.ops.ctdiff.sigmoid_forward (the registered op alone): {raw * 1e6:.2f}")
    for name in ("sigmoid", "gelu"):
        ours, theirs = OPS[name]
        a, b = measure(ours, 1, dtype, args.min_time), measure(theirs, 1, dtype, args.min_time)
        print(f"  {name}: ctdiff_torch {a[0] * 1e6:.2f} / {a[1] * 1e6:.2f}, torch {b[0] * 1e6:.2f} / {b[1] * 1e6:.2f}")
    print()

    head = "| op | n | torch fwd | " + " | ".join(f"ctdiff {m} fwd" for m in modes) + " | torch f+b | " + \
        " | ".join(f"ctdiff {m} f+b" for m in modes) + " | ×torch fwd | ×torch f+b |"
    print(f"G elements/s, {args.dtype}, one thread (× = ctdiff {modes[0]} / torch)")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for n in sizes:
        for name in names:
            ours, theirs = OPS[name]
            t = measure(theirs, n, dtype, args.min_time)
            res = {}
            for m in modes:
                ct.set_float32_mode(m)
                res[m] = measure(ours, n, dtype, args.min_time)
            ct.set_float32_mode("fast")
            rate = lambda s: f"{n / s / 1e9:.3g}"  # noqa: E731
            print(f"| {name} | {n} | {rate(t[0])} | " + " | ".join(rate(res[m][0]) for m in modes) + f" | {rate(t[1])} | "
                  + " | ".join(rate(res[m][1]) for m in modes)
                  + f" | {t[0] / res[modes[0]][0]:.2f} | {t[1] / res[modes[0]][1]:.2f} |", flush=True)


if __name__ == "__main__":
    main()
