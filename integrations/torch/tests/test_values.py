"""Values and derivatives of every ctdiff_torch operator against independent references.

- float64: f, f' (the backward kernel) and f'' (the double-backward kernel), through autograd, on
  a grid of the centre, both tails and tiny |x|, against mpmath's 50-digit definitions
  (reference.py; derivatives by mpmath.diff at 200 digits) within a few ULP; and against
  torch.nn.functional to relative 1e-12 wherever torch itself is within 1e-13 of mpmath (where it
  is not, the figures are printed: there PyTorch is the less accurate one).
- float32, both modes ('accurate' and 'fast'): ULP distance to mpmath's value, bounded per
  operator and order (BOUNDS32, copied into docs/torch.md); torch's own float32 errors are printed.
- sigmoid and tanh save their output (f' = y - y^2, 1 - y^2, as torch does): their f' and f'' are
  bounded in absolute error (units of 2^-53 / 2^-24), the accuracy a function of y can have.

Run: PYTHONPATH=build/torch python3 integrations/torch/tests/test_values.py
"""

import math
import os
import sys
import unittest

import mpmath as mp
import torch

sys.path.insert(0, os.path.dirname(__file__))
import reference as R  # noqa: E402

import ctdiff_torch as ct  # noqa: E402

FROM_OUTPUT = {"sigmoid", "tanh"}

# float32 bounds, ULP of the reference (from-output f', f'': units of 2^-24 absolute), as
# {case: ((f, f', f'') accurate, (f, f', f'') fast)}; "default" for the rest. Measured maxima on
# the grid are in docs/torch.md; the bounds leave room for another CPU's FMA/no-FMA choices.
BOUNDS32 = {
    "default": ((1, 1, 1), (4, 4, 4)),
    "sigmoid": ((1, 2, 4), (4, 4, 4)),
    "tanh": ((1, 2, 4), (4, 6, 12)),
    "leaky_relu": ((1, 1, 1), (1, 1, 1)),
    "hardsigmoid": ((2, 1, 1), (2, 1, 1)),
    "softplus": ((1, 1, 1), (4, 4, 6)),
    "softplus_2_10": ((1, 1, 1), (4, 4, 6)),
    "logsigmoid": ((1, 1, 1), (4, 4, 6)),
    "silu": ((1, 1, 1), (4, 400, 2500)),
    "mish": ((1, 1, 1), (8, 150, 500)),
    "gelu": ((1, 1, 1), (10, 120, 120)),
    "gelu_tanh": ((1, 1, 1), (200, 200, 4000)),
    "softsign": ((1, 1, 1), (2, 4, 4)),
}
RTOL64 = 4e-15          # ~18 ULP: ctdiff's double paths are within 1-4 ULP (docs/activations.md)
ATOL64 = 1e-300         # below it the reference underflows double
FROM_OUTPUT_ATOL64 = (None, 4 * 2.0 ** -53, 8 * 2.0 ** -53)


def _refs(name, x):
    return [[R.reference(name, v, k) for v in x.tolist()] for k in range(3)]


def _ulp32(r):
    a = abs(r)
    if a < mp.mpf(2) ** -126:
        return mp.mpf(2) ** -149
    return mp.mpf(2) ** (int(mp.floor(mp.log(a, 2))) - 23)


def _worst(vals, ref, x, measure):
    worst, at = 0.0, float("nan")
    for v, r, xv in zip(vals.tolist(), ref, x.tolist()):
        if math.isinf(v) and abs(r) > 1e300:
            continue
        e = float(measure(v, r))
        if e > worst:
            worst, at = e, xv
    return worst, at


def _derivs(fn, x):
    try:
        return R.derivatives(fn, x)
    except RuntimeError:  # torch has no double backward for some (hardsigmoid)
        return R.derivatives(fn, x, 1) + [None]


class Values(unittest.TestCase):
    report = []

    def test_float64_and_float32(self):
        for name, c in R.CASES.items():
            x32 = R.points(c["kinks"])
            x64 = x32.double()
            ref = _refs(name, x64)
            with self.subTest(op=name, dtype="float64"):
                self._check64(name, c, x64, ref)
            with self.subTest(op=name, dtype="float32"):
                self._check32(name, c, x32, ref)

    def _check64(self, name, c, x, ref):
        ours = R.derivatives(c["ours"], x)
        theirs = _derivs(c["theirs"], x)
        for k in range(3):
            order = "f" + "'" * k
            if name in FROM_OUTPUT and k > 0:
                tol = FROM_OUTPUT_ATOL64[k]
                err, at = _worst(ours[k], ref[k], x, lambda v, r: abs(mp.mpf(v) - r))
                self.assertLessEqual(err, tol, f"{name} {order} float64: absolute error {err:.3g} at x = {at}")
            else:
                err, at = _worst(ours[k], ref[k], x,
                                 lambda v, r: max(abs(mp.mpf(v) - r) - ATOL64, 0) / max(abs(r), ATOL64))
                self.assertLessEqual(err, RTOL64, f"{name} {order} float64: relative error {err:.3g} at x = {at}")
            if theirs[k] is None:
                continue
            # Against torch, where torch is right (within 1e-13 of mpmath).
            n_bad, torch_worst, torch_at = 0, 0.0, None
            for v, t, r, xv in zip(ours[k].tolist(), theirs[k].tolist(), ref[k], x.tolist()):
                scale = max(abs(r), 1e-300)
                t_err = float(abs(mp.mpf(t) - r) / scale)
                if t_err > 1e-13 and abs(t - float(r)) > (4 * 2.0 ** -53 if name in FROM_OUTPUT else 0):
                    n_bad += 1
                    if t_err > torch_worst:
                        torch_worst, torch_at = t_err, xv
                    continue
                self.assertLessEqual(abs(v - t), 1e-12 * abs(t) + ATOL64 + (4 * 2.0 ** -53 if name in FROM_OUTPUT else 0),
                                     f"{name} {order} float64 vs torch at x = {xv}: {v!r} against {t!r}")
            if n_bad:
                self.report.append(f"float64 {name} {order}: torch off mpmath by > 1e-13 relative at {n_bad} of "
                                   f"{len(x)} points, worst {torch_worst:.2g} at x = {torch_at:.4g}")

    def _check32(self, name, c, x, ref):
        bounds = BOUNDS32.get(name, BOUNDS32["default"])
        figures = {}
        for mode, bound in zip(("accurate", "fast"), bounds):
            ct.set_float32_mode(mode)
            try:
                ours = R.derivatives(c["ours"], x)
            finally:
                ct.set_float32_mode("fast")
            for k in range(3):
                if name in FROM_OUTPUT and k > 0:
                    err, at = _worst(ours[k], ref[k], x, lambda v, r: abs(mp.mpf(v) - r) / mp.mpf(2) ** -24)
                else:
                    err, at = _worst(ours[k], ref[k], x, lambda v, r: abs(mp.mpf(v) - r) / _ulp32(r))
                figures[(mode, k)] = err
                self.assertLessEqual(err, bound[k], f"{name} f{chr(39) * k} float32 {mode}: {err:.3g} "
                                                    f"{'x 2^-24' if name in FROM_OUTPUT and k else 'ULP'} at x = {at}")
        theirs = _derivs(c["theirs"], x)
        for k in range(3):
            if theirs[k] is None:
                figures[("torch", k)] = float("nan")
                continue
            if name in FROM_OUTPUT and k > 0:
                err, _ = _worst(theirs[k], ref[k], x, lambda v, r: abs(mp.mpf(v) - r) / mp.mpf(2) ** -24)
            else:
                err, _ = _worst(theirs[k], ref[k], x, lambda v, r: abs(mp.mpf(v) - r) / _ulp32(r))
            figures[("torch", k)] = err
        self.report.append(f"float32 {name:16s} " + " | ".join(
            "/".join(f"{figures[(m, k)]:.3g}" for k in range(3)) for m in ("accurate", "fast", "torch")))

    @classmethod
    def tearDownClass(cls):
        print("\nfloat32 max error (ULP; sigmoid/tanh f', f'': x 2^-24), f/f'/f'': ctdiff accurate | ctdiff fast | torch")
        for line in cls.report:
            print(line)


if __name__ == "__main__":
    torch.set_num_threads(1)
    unittest.main(verbosity=2)
