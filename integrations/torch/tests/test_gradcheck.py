"""PyTorch's own checks: torch.autograd.gradcheck (the backward kernel against finite differences)
and gradgradcheck (the double-backward kernel likewise) in float64, for every operator, at random
points of the centre and of both tails, with default and non-default parameters; and the kink
conventions against torch.nn.functional exactly."""

import os
import sys
import unittest

import torch
import torch.nn.functional as F
from torch.autograd import gradcheck, gradgradcheck

sys.path.insert(0, os.path.dirname(__file__))
import reference as R  # noqa: E402

import ctdiff_torch as ct  # noqa: E402


def _away_from(x, kinks, gap=1e-2):
    """Moves points within gap of a kink (finite differences straddling a jump are not f')."""
    for k in kinks:
        near = (x - k).abs() < gap
        x = torch.where(near, x + 2 * gap, x)
    return x


class GradCheck(unittest.TestCase):
    def _regions(self, kinks):
        g = torch.Generator().manual_seed(18)
        centre = torch.randn(24, generator=g, dtype=torch.float64) * 3
        right = 8 + torch.rand(8, generator=g, dtype=torch.float64) * 22
        left = -right
        return {"centre": _away_from(centre, kinks), "right tail": _away_from(right, kinks),
                "left tail": _away_from(left, kinks),
                "matrix": _away_from(torch.randn(3, 5, generator=g, dtype=torch.float64) * 2, kinks)}

    def test_every_operator(self):
        for name, c in R.CASES.items():
            for region, x in self._regions(c["kinks"]).items():
                with self.subTest(op=name, region=region):
                    x = x.clone().requires_grad_()
                    self.assertTrue(gradcheck(c["ours"], (x,), eps=1e-6, atol=1e-8, rtol=1e-6))
                    self.assertTrue(gradgradcheck(c["ours"], (x,), eps=1e-6, atol=1e-8, rtol=1e-6))

    def test_float32_mode_does_not_touch_float64(self):
        x = torch.randn(16, dtype=torch.float64, requires_grad=True)
        for mode in ("fast", "accurate"):
            ct.set_float32_mode(mode)
            self.assertTrue(gradgradcheck(ct.silu, (x,)))
        ct.set_float32_mode("fast")

    def test_kink_conventions_match_torch(self):
        # The points where f' jumps: torch's conventions exactly (relu'(0) = 0, leaky_relu'(0) =
        # slope, elu'(0) = alpha, selu'(0) = scale*alpha, 0 at hardtanh's and hardsigmoid's edges,
        # softplus above its threshold).
        for name, c in R.CASES.items():
            if not c["kinks"]:
                continue
            for dtype in (torch.float32, torch.float64):
                with self.subTest(op=name, dtype=dtype):
                    x = torch.tensor([float(k) for k in c["kinks"]] + [0.0, -0.0], dtype=dtype)
                    ours = R.derivatives(c["ours"], x, 1)
                    theirs = R.derivatives(c["theirs"], x, 1)
                    for a, b in zip(ours, theirs):
                        # The branch, not the last bit (torch's float64 hardsigmoid' is float32's 1/6).
                        torch.testing.assert_close(a, b, rtol=1e-7, atol=0, msg=f"{name}: {a.tolist()} vs torch {b.tolist()}")

    def test_special_values(self):
        # ±inf and NaN in: the same as torch (f and f'), for the functions where torch is exact there.
        x = torch.tensor([float("inf"), float("-inf"), float("nan")], dtype=torch.float64)
        for name in ("sigmoid", "tanh", "relu", "hardtanh", "hardsigmoid", "elu", "logsigmoid"):
            c = R.CASES[name]
            with self.subTest(op=name):
                torch.testing.assert_close(c["ours"](x), c["theirs"](x), equal_nan=True, rtol=0, atol=0)
        # The limits where torch computes inf/inf or -inf*0 and returns NaN: softsign(±inf) = ±1,
        # x*gate(x) at -inf is 0 (torch: NaN), at +inf +inf.
        nan = float("nan")
        for f, want in ((ct.softsign, [1.0, -1.0, nan]), (ct.silu, [x[0], 0.0, nan]), (ct.gelu, [x[0], 0.0, nan]),
                        (ct.mish, [x[0], 0.0, nan]), (lambda t: ct.gelu(t, approximate="tanh"), [x[0], 0.0, nan])):
            torch.testing.assert_close(f(x), torch.tensor(want, dtype=torch.float64), equal_nan=True, rtol=0, atol=0)

    def test_third_order_is_refused_clearly(self):
        x = torch.randn(4, dtype=torch.float64, requires_grad=True)
        y = ct.gelu(x)
        (g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
        (h,) = torch.autograd.grad(g.sum(), x, create_graph=True)
        with self.assertRaisesRegex(RuntimeError, "a third derivative is not available"):
            torch.autograd.grad(h.sum(), x)

    def test_hessian_vector_product(self):
        # A second-order use: Hessian-vector products of sum(f(Wx)) against torch's.
        g = torch.Generator().manual_seed(3)
        W = torch.randn(6, 4, generator=g, dtype=torch.float64)
        v = torch.randn(4, generator=g, dtype=torch.float64)
        for ours, theirs in ((ct.silu, F.silu), (ct.tanh, torch.tanh), (ct.gelu, F.gelu), (ct.softplus, F.softplus)):
            out = []
            for f in (ours, theirs):
                x = torch.randn(4, generator=torch.Generator().manual_seed(5), dtype=torch.float64, requires_grad=True)
                (gr,) = torch.autograd.grad(f(W @ x).sum(), x, create_graph=True)
                (hv,) = torch.autograd.grad(gr @ v, x)
                out.append(hv)
            torch.testing.assert_close(out[0], out[1], rtol=1e-12, atol=1e-14)


if __name__ == "__main__":
    torch.set_num_threads(1)
    unittest.main(verbosity=2)
