"""The call contract: every dtype and shape path, and bad input as a Python exception with one
clear sentence (never a crash)."""

import os
import sys
import unittest

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
import reference as R  # noqa: E402

import ctdiff_torch as ct  # noqa: E402


def _one_sentence(test, e, *words):
    msg = str(e)
    test.assertEqual(msg.count("\n"), 0, f"more than one line: {msg!r}")
    test.assertTrue(msg.endswith("."), msg)
    for w in words:
        test.assertIn(w, msg)


class Shapes(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(18)

    def test_shapes_and_dtypes(self):
        shapes = [(), (0,), (1,), (7,), (3, 0, 2), (2, 3, 4, 5), (40000,), (70001,)]  # > 2^15: split blocks
        for name, c in R.CASES.items():
            for dtype in (torch.float32, torch.float64):
                for shape in shapes:
                    with self.subTest(op=name, dtype=dtype, shape=shape):
                        x = (torch.randn(shape, dtype=torch.float64) * 4).to(dtype).requires_grad_()
                        y = c["ours"](x)
                        self.assertEqual(y.shape, x.shape)
                        self.assertEqual(y.dtype, dtype)
                        self.assertTrue(y.is_contiguous())
                        (g,) = torch.autograd.grad(y.sum(), x, create_graph=True)
                        self.assertEqual(g.shape, x.shape)
                        self.assertEqual(g.dtype, dtype)
                        if x.numel() and dtype == torch.float64:
                            torch.testing.assert_close(y, c["theirs"](x), rtol=1e-6, atol=1e-12)
                        if g.requires_grad:
                            (h,) = torch.autograd.grad(g.sum(), x)
                            self.assertEqual(h.shape, x.shape)

    def test_no_grad_and_views_of_the_output(self):
        x = torch.randn(4, 5, dtype=torch.float64)
        with torch.no_grad():
            y = ct.silu(x.requires_grad_())
        self.assertFalse(y.requires_grad)
        # An expanded (stride-0) gradient, as sum() hands to backward: made contiguous internally.
        x = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
        ct.tanh(x).sum().backward()
        torch.testing.assert_close(x.grad, 1 - torch.tanh(x.detach()) ** 2, rtol=1e-12, atol=1e-15)
        # A gradient that is a transposed (non-contiguous) view.
        x = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
        dy = torch.randn(5, 4, dtype=torch.float64).t()
        ct.gelu(x).backward(dy)
        x2 = x.detach().clone().requires_grad_()
        F.gelu(x2).backward(dy)
        torch.testing.assert_close(x.grad, x2.grad, rtol=1e-12, atol=1e-15)

    def test_float32_modes(self):
        self.assertEqual(ct.float32_mode(), "fast")
        x = torch.randn(1000)
        ct.set_float32_mode("accurate")
        try:
            self.assertEqual(ct.float32_mode(), "accurate")
            a = ct.gelu(x)
        finally:
            ct.set_float32_mode("fast")
        b = ct.gelu(x)
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-7)
        with self.assertRaises(ValueError) as e:
            ct.set_float32_mode("exact")
        _one_sentence(self, e.exception, "'fast' or 'accurate'")


class BadInput(unittest.TestCase):
    def test_integer_and_other_dtypes(self):
        for dtype in (torch.int32, torch.int64, torch.bool, torch.float16, torch.bfloat16, torch.complex64):
            with self.subTest(dtype=dtype):
                with self.assertRaises(TypeError) as e:
                    ct.sigmoid(torch.zeros(3, dtype=dtype))
                _one_sentence(self, e.exception, "ctdiff_torch.sigmoid", "float32 or float64", str(dtype))

    def test_not_a_tensor(self):
        with self.assertRaises(TypeError) as e:
            ct.relu([1.0, 2.0])
        _one_sentence(self, e.exception, "ctdiff_torch.relu", "torch.Tensor")

    def test_non_contiguous(self):
        x = torch.randn(4, 6, dtype=torch.float64)
        for bad in (x.t(), x[:, ::2], x.expand(2, 4, 6)):
            with self.assertRaises(ValueError) as e:
                ct.gelu(bad)
            _one_sentence(self, e.exception, "ctdiff_torch.gelu", "not contiguous", ".contiguous()")
        ct.gelu(x.t().contiguous())  # the fix the sentence names works

    def test_other_device(self):
        # No CUDA in Debian's CPU build of torch; the meta device goes down the same path.
        with self.assertRaises(ValueError) as e:
            ct.tanh(torch.empty(3, device="meta"))
        _one_sentence(self, e.exception, "ctdiff_torch.tanh", "meta", "CPU", ".cpu()")
        if torch.cuda.is_available():
            with self.assertRaises(ValueError) as e:
                ct.tanh(torch.zeros(3, device="cuda"))
            _one_sentence(self, e.exception, "cuda")

    def test_sparse(self):
        with self.assertRaises(ValueError) as e:
            ct.relu(torch.eye(3, dtype=torch.float64).to_sparse())
        _one_sentence(self, e.exception, "layout", ".to_dense()")

    def test_mismatched_shapes_in_backward(self):
        op = ct.Operator("ctdiff", "silu")
        x = torch.randn(5, dtype=torch.float64)
        with self.assertRaises(RuntimeError) as e:
            op.backward(x, torch.randn(4, dtype=torch.float64))
        _one_sentence(self, e.exception, "silu_backward", "shape [4]", "shape [5]", "same shape")
        with self.assertRaises(RuntimeError) as e:
            op.backward(x, torch.randn(5, dtype=torch.float32))
        _one_sentence(self, e.exception, "same dtype")
        with self.assertRaises(RuntimeError) as e:
            op.double_backward(x, x, torch.randn(2, 3, dtype=torch.float64))
        _one_sentence(self, e.exception, "silu_double_backward", "same shape")
        # Through autograd, a gradient of the wrong shape is refused by torch itself, cleanly.
        xr = x.clone().requires_grad_()
        with self.assertRaisesRegex(RuntimeError, "shape"):
            ct.silu(xr).backward(torch.ones(3, dtype=torch.float64))

    def test_raw_ops_check_too(self):
        # The registered ops (what a user's own operator gets) check the same things, in C++.
        ops = torch.ops.ctdiff
        x = torch.randn(4, 6, dtype=torch.float64)
        cases = [
            (lambda: ops.sigmoid_forward(x.long(), [], False), "dtype Long"),
            (lambda: ops.sigmoid_forward(x.t(), [], False), "not contiguous"),
            (lambda: ops.sigmoid_forward(torch.empty(2, device="meta"), [], False), "meta"),
            (lambda: ops.elu_forward(x, [], False), "parameter"),
            (lambda: ops.sigmoid_backward(x, x.float(), [], False), "same dtype"),
        ]
        for call, words in cases:
            with self.subTest(words=words):
                with self.assertRaises(RuntimeError) as e:
                    call()
                _one_sentence(self, e.exception, words)

    def test_arguments(self):
        with self.assertRaises(ValueError) as e:
            ct.gelu(torch.zeros(2), approximate="erf")
        _one_sentence(self, e.exception, "approximate")
        with self.assertRaises(NotImplementedError) as e:
            ct.relu(torch.zeros(2), inplace=True)
        _one_sentence(self, e.exception, "inplace")
        with self.assertRaises(ValueError) as e:
            ct.hardtanh(torch.zeros(2), 1.0, -1.0)
        _one_sentence(self, e.exception, "min_val")
        with self.assertRaises(ValueError) as e:
            ct.operator("ctdiff", "no_such_op")
        _one_sentence(self, e.exception, "no operator", "load_library")


if __name__ == "__main__":
    torch.set_num_threads(1)
    unittest.main(verbosity=2)
