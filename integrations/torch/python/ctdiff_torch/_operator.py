"""A ctdiff formula's registered ops (ctdiff_torch/operator.hpp) as a Python callable.

An `Operator` calls the op `<ns>::<name>`, whose autograd is in C++ (operator.hpp): the forward
saves y (where f' is a polynomial in f) or x; the backward is one fused pass; its own backward
(create_graph=True: gradgradcheck, Hessian-vector products) is ctdiff's double-backward kernel,
one fused pass giving both d/d(dy) and d/d(saved); a third derivative raises. Without autograd
(no input requiring grad, or no_grad) the bare forward kernel `<ns>::<name>_forward` runs.
"""

import torch

_state = {"fast": True}


def set_float32_mode(mode):
    """'fast' (the default): float32 kernels compute in float with ctdiff's fast functions (a few
    ULP, more for SiLU/Mish/GELU-tanh in their far tails: docs/torch.md); 'accurate': float32 is
    computed in double and rounded once (correctly rounded f, f', f'', 3-8x slower). float64 is
    always ctdiff's accurate double path."""
    if mode not in ("fast", "accurate"):
        raise ValueError(f"ctdiff_torch.set_float32_mode: mode must be 'fast' or 'accurate', not {mode!r}.")
    _state["fast"] = mode == "fast"


def float32_mode():
    """The current float32 mode, 'fast' or 'accurate'."""
    return "fast" if _state["fast"] else "accurate"


_DTYPES = (torch.float32, torch.float64)
_NO_PARAMS = []


def _check(x, name):
    """The typed one-sentence error for an input the C++ op refused (TypeError/ValueError)."""
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{name}: expected a torch.Tensor, got {type(x).__name__}.")
    if x.dtype not in _DTYPES:
        raise TypeError(f"{name}: expected a float32 or float64 tensor, got {x.dtype} "
                        f"(convert it with .float() or .double()).")
    if x.device.type != "cpu":
        raise ValueError(f"{name}: the tensor is on {x.device}; ctdiff_torch runs on CPU tensors only "
                         f"(move it with .cpu()).")
    if x.layout != torch.strided:
        raise ValueError(f"{name}: the tensor has layout {x.layout}; ctdiff_torch needs a dense tensor "
                         f"(use .to_dense()).")
    if not x.is_contiguous():
        raise ValueError(f"{name}: the tensor is not contiguous; call .contiguous() on it first.")


class Operator:
    """The operator `name` of the torch library namespace `ns`, as registered by
    ctdiff_torch::define (C++). Call it as op(x, *params): params are the values of the formula's
    run-time parameters alpha, beta, ... in order (as many as it uses, `op.parameters`)."""

    def __init__(self, ns, name, display=None):
        ops = getattr(torch.ops, ns)
        try:
            info = getattr(ops, name + "_info")()
        except (RuntimeError, AttributeError) as e:
            raise ValueError(f"ctdiff_torch.operator: no operator {ns}::{name} is registered "
                             f"(load its library with ctdiff_torch.load_library first).") from e
        self.name = display or f"{ns}.{name}"
        self.saves_output = bool(info[0])
        self.parameters = int(info[1])
        self._op = getattr(ops, name)
        self._fwd = getattr(ops, name + "_forward")
        self._bwd = getattr(ops, name + "_backward")
        self._dbl = getattr(ops, name + "_double_backward")

    def __call__(self, x, *params):
        if len(params) != self.parameters:
            raise TypeError(f"{self.name}: takes {self.parameters} parameter value(s), got {len(params)}.")
        p = [float(v) for v in params] if params else _NO_PARAMS
        # The C++ op checks its input; only when it refuses is the input examined here, to raise
        # the typed one-sentence error (no cost on the path that runs).
        try:
            if x.requires_grad and torch.is_grad_enabled():
                return self._op(x, p, _state["fast"])
            return self._fwd(x, p, _state["fast"])
        except (RuntimeError, AttributeError):
            _check(x, self.name)
            raise

    def backward(self, saved, grad, *params):
        """dx = grad*f'(x) directly (saved is x, or y where the operator saves its output)."""
        return self._bwd(saved, grad, [float(v) for v in params], _state["fast"])

    def double_backward(self, saved, grad, grad_grad, *params):
        """(d/d grad, d/d saved) of the backward, times grad_grad, directly."""
        return self._dbl(saved, grad, grad_grad, [float(v) for v in params], _state["fast"])

    def __repr__(self):
        return (f"<ctdiff_torch operator {self.name}: saves its {'output' if self.saves_output else 'input'}, "
                f"{self.parameters} parameter(s)>")


def load_library(path):
    """Loads a shared library of user operators (built against ctdiff::torch)."""
    torch.ops.load_library(path)


def operator(ns, name):
    """The user operator `name` registered in namespace `ns` by ctdiff_torch::define."""
    return Operator(ns, name)
