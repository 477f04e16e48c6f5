"""ctdiff's fused kernels as PyTorch operators, with torch.nn.functional's names and conventions.

    import ctdiff_torch as ct
    y = ct.gelu(x, approximate="tanh")       # like torch.nn.functional.gelu
    y.sum().backward()                       # one fused backward pass (ctdiff's kernel)

Every function takes a contiguous CPU float32/float64 tensor of any shape. Kinks follow torch:
relu'(0) = 0, leaky_relu'(0) = negative_slope, elu'(0) = alpha, selu'(0) = scale*alpha,
hardtanh' = hardsigmoid' = 0 at their edges, softplus is x above its threshold.
Docs: docs/torch.md.
"""

import os as _os

import torch as _torch

_torch.ops.load_library(_os.path.join(_os.path.dirname(__file__), "_ops.so"))

from ._operator import Operator, float32_mode, load_library, operator, set_float32_mode  # noqa: E402

_ops = {n: Operator("ctdiff", n, "ctdiff_torch." + n) for n in (
    "sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "softplus", "silu", "mish", "gelu",
    "gelu_tanh", "softsign", "hardsigmoid", "hardtanh", "logsigmoid")}
_ops["gelu_tanh"].name = "ctdiff_torch.gelu"


def _no_inplace(name, inplace):
    if inplace:
        raise NotImplementedError(f"ctdiff_torch.{name}: inplace=True is not supported; use the returned tensor.")


def sigmoid(input):
    return _ops["sigmoid"](input)


def tanh(input):
    return _ops["tanh"](input)


def relu(input, inplace=False):
    _no_inplace("relu", inplace)
    return _ops["relu"](input)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    _no_inplace("leaky_relu", inplace)
    return _ops["leaky_relu"](input, negative_slope)


def elu(input, alpha=1.0, inplace=False):
    _no_inplace("elu", inplace)
    return _ops["elu"](input, alpha)


def selu(input, inplace=False):
    _no_inplace("selu", inplace)
    return _ops["selu"](input)


def softplus(input, beta=1, threshold=20):
    return _ops["softplus"](input, beta, threshold)


def silu(input, inplace=False):
    _no_inplace("silu", inplace)
    return _ops["silu"](input)


def mish(input, inplace=False):
    _no_inplace("mish", inplace)
    return _ops["mish"](input)


def gelu(input, approximate="none"):
    if approximate == "none":
        return _ops["gelu"](input)
    if approximate == "tanh":
        return _ops["gelu_tanh"](input)
    raise ValueError(f"ctdiff_torch.gelu: approximate must be 'none' or 'tanh', not {approximate!r}.")


def softsign(input):
    return _ops["softsign"](input)


def hardsigmoid(input, inplace=False):
    _no_inplace("hardsigmoid", inplace)
    return _ops["hardsigmoid"](input)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    _no_inplace("hardtanh", inplace)
    if min_val > max_val:
        raise ValueError(f"ctdiff_torch.hardtanh: min_val ({min_val}) must not exceed max_val ({max_val}).")
    return _ops["hardtanh"](input, min_val, max_val)


def logsigmoid(input):
    return _ops["logsigmoid"](input)


__all__ = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "softplus", "silu", "mish", "gelu",
           "softsign", "hardsigmoid", "hardtanh", "logsigmoid", "Operator", "operator", "load_library",
           "set_float32_mode", "float32_mode"]
