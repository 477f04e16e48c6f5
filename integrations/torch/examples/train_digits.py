"""Training with ctdiff's operators: a small MLP on scikit-learn's digits (8x8 images, 10 classes,
1797 samples), trained twice from the same seed — once with torch.nn.functional.gelu/silu, once
with ctdiff_torch.gelu/silu — and the two loss curves compared.

    PYTHONPATH=build/torch python3 integrations/torch/examples/train_digits.py \
        [--steps 600] [--dtype float32|float64] [--plot docs/torch-digits.png]

The data is the file sklearn ships (sklearn/datasets/data/digits.csv.gz, Debian's python3-sklearn);
where python3-sklearn cannot be installed, scripts/setup torch extracts that one file from the
package into build/data/ (docs/torch.md). --data PATH names it directly; without the file the
script exits with 77 (ctest: skipped).
"""

import argparse
import gzip
import os
import sys

import torch
import torch.nn.functional as F

import ctdiff_torch as ct

CANDIDATES = [
    os.environ.get("CTDIFF_DIGITS", ""),
    "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz",
    # where scripts/setup torch extracts it when python3-sklearn cannot be installed
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "build", "data", "digits.csv.gz"),
]


def load_digits(path):
    rows = []
    with gzip.open(path, "rt") as f:
        for line in f:
            if line.strip():
                rows.append([float(v) for v in line.split(",")])
    data = torch.tensor(rows, dtype=torch.float64)
    return data[:, :64] / 16.0, data[:, 64].long()


def train(acts, x, y, x_test, y_test, steps, dtype, seed=0):
    gelu, silu = acts
    g = torch.Generator().manual_seed(seed)
    sizes = [64, 128, 64, 10]
    params = []
    for i, o in zip(sizes, sizes[1:]):
        w = (torch.randn(o, i, generator=g, dtype=torch.float64) / i ** 0.5).to(dtype).requires_grad_()
        b = torch.zeros(o, dtype=dtype, requires_grad=True)
        params += [w, b]
    opt = torch.optim.SGD(params, lr=0.1, momentum=0.9)
    order = torch.Generator().manual_seed(seed + 1)
    losses = []
    batch = 64
    for step in range(steps):
        idx = torch.randint(0, x.shape[0], (batch,), generator=order)
        h = gelu(x[idx] @ params[0].t() + params[1])
        h = silu(h @ params[2].t() + params[3])
        logits = h @ params[4].t() + params[5]
        loss = F.cross_entropy(logits, y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    with torch.no_grad():
        h = silu(gelu(x_test @ params[0].t() + params[1]) @ params[2].t() + params[3])
        acc = ((h @ params[4].t() + params[5]).argmax(1) == y_test).double().mean().item()
    return losses, acc


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    ap.add_argument("--data", default=None)
    ap.add_argument("--plot", default=None, help="write the two loss curves to this PNG (matplotlib)")
    args = ap.parse_args()
    torch.set_num_threads(1)

    path = args.data or next((p for p in CANDIDATES if p and os.path.exists(p)), None)
    if path is None:
        print("train_digits: digits.csv.gz not found (apt-get install python3-sklearn, or scripts/setup torch, "
              "or --data PATH); skipped.")
        sys.exit(77)
    dtype = getattr(torch, args.dtype)
    xs, ys = load_digits(path)
    xs = xs.to(dtype)
    perm = torch.randperm(xs.shape[0], generator=torch.Generator().manual_seed(42))
    test, tr = perm[:360], perm[360:]

    ref, acc_ref = train((F.gelu, F.silu), xs[tr], ys[tr], xs[test], ys[test], args.steps, dtype)
    ours, acc_ours = train((ct.gelu, ct.silu), xs[tr], ys[tr], xs[test], ys[test], args.steps, dtype)
    rel = [abs(a - b) / abs(a) for a, b in zip(ref, ours)]
    print(f"digits, MLP 64-128-64-10 (GELU, SiLU), SGD, {args.steps} steps of 64, {args.dtype}, "
          f"ctdiff float32 mode {ct.float32_mode()}")
    print(f"loss: first {ref[0]:.6f} (torch) {ours[0]:.6f} (ctdiff); last {ref[-1]:.6f} / {ours[-1]:.6f}")
    print(f"test accuracy: torch {acc_ref:.4f}, ctdiff {acc_ours:.4f}")
    print(f"max relative difference of the loss curves: {max(rel):.3g} (first 100 steps {max(rel[:100]):.3g})")

    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, (a1, a2) = plt.subplots(2, 1, figsize=(7, 6), sharex=True, gridspec_kw={"height_ratios": [2, 1]})
        a1.plot(ref, label="torch.nn.functional gelu/silu", lw=2.5, alpha=0.6)
        a1.plot(ours, label="ctdiff_torch gelu/silu", lw=1, ls="--")
        a1.set_ylabel("training loss (cross-entropy)")
        a1.set_yscale("log")
        a1.legend()
        a1.set_title(f"digits MLP, {args.dtype}, same seed: test accuracy {acc_ref:.3f} / {acc_ours:.3f}")
        a2.semilogy([max(r, 1e-17) for r in rel], lw=0.8)
        a2.set_ylabel("|relative difference|")
        a2.set_xlabel("SGD step")
        fig.tight_layout()
        fig.savefig(args.plot, dpi=110)
        print(f"plot: {args.plot}")

    # Same seed, same batches: the curves differ only by the operators' roundings, which SGD
    # carries on and amplifies slowly; over the first 100 steps they must agree to float rounding
    # (measured: float64 6e-15, float32 4e-6 in the fast mode).
    limit = 1e-12 if dtype == torch.float64 else 1e-4
    if max(rel[:100]) > limit:
        sys.exit(f"train_digits: the loss curves part: {max(rel[:100]):.3g} > {limit} in the first 100 steps")


if __name__ == "__main__":
    main()
