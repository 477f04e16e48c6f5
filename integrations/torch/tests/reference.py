"""Independent references for ctdiff_torch's tests: each operator's textbook definition in mpmath
(50 digits; python3-mpmath), differentiated by mpmath.diff, never by ctdiff. Also the pairs
(ctdiff_torch function, torch.nn.functional function) the tests compare."""

import functools
import math

import mpmath as mp
import torch
import torch.nn.functional as F

import ctdiff_torch as ct

mp.mp.dps = 50

SELU_L = mp.mpf("1.0507009873554804934193349852946")
SELU_A = mp.mpf("1.6732632423543772848170429916717")


def _sig(x):
    return 1 / (1 + mp.exp(-x))


def _w(x):
    return 2 * mp.sqrt(2 / mp.pi) * (x + mp.mpf("0.044715") * x ** 3)


def _softplus(x):
    return mp.log1p(mp.exp(x)) if x < 0 else x + mp.log1p(mp.exp(-x))


# name: (ctdiff_torch call, torch call, mpmath definition, parameters, kinks, asymptotes)
# Kinks: points where f' jumps; the tests keep random points away from them and check the
# convention there exactly against torch. right/left: (a, b) of the line a + b*x that f approaches
# in that tail; mpmath.diff differentiates f minus that line (exactly, in mpmath), whose
# derivatives are f's minus b, so that a derivative 1e-100 of f is still resolved; a third
# element states f minus the line directly where it is beyond mpmath's 200 digits of f.
def _cases():
    c = {}

    def add(name, ours, theirs, ref, params=(), kinks=(), right=(0, 0), left=(0, 0)):
        c[name] = dict(ours=functools.partial(ours, **dict(params)) if params else ours,
                       theirs=functools.partial(theirs, **dict(params)) if params else theirs,
                       ref=ref, params=dict(params), kinks=tuple(kinks), right=right, left=left)

    add("sigmoid", ct.sigmoid, torch.sigmoid, _sig, right=(1, 0))
    add("tanh", ct.tanh, torch.tanh, mp.tanh, right=(1, 0), left=(-1, 0))
    add("relu", ct.relu, F.relu, lambda x: x if x > 0 else mp.mpf(0), kinks=(0,))
    add("leaky_relu", ct.leaky_relu, F.leaky_relu, lambda x: x if x > 0 else mp.mpf("0.01") * x, kinks=(0,))
    add("leaky_relu_0.2", ct.leaky_relu, F.leaky_relu, lambda x: x if x > 0 else mp.mpf(0.2) * x,
        params={"negative_slope": 0.2}, kinks=(0,))
    add("elu", ct.elu, F.elu, lambda x: x if x > 0 else mp.expm1(x), kinks=(0,))
    add("elu_0.5", ct.elu, F.elu, lambda x: x if x > 0 else mp.mpf(0.5) * mp.expm1(x), params={"alpha": 0.5},
        kinks=(0,))
    add("selu", ct.selu, F.selu, lambda x: SELU_L * (x if x > 0 else SELU_A * mp.expm1(x)), kinks=(0,))
    add("softplus", ct.softplus, F.softplus, lambda x: x if x > 20 else _softplus(x), kinks=(20,), right=(0, 1))
    add("softplus_2_10", ct.softplus, F.softplus, lambda x: x if 2 * x > 10 else _softplus(2 * x) / 2,
        params={"beta": 2, "threshold": 10}, kinks=(5,), right=(0, 1))
    add("silu", ct.silu, F.silu, lambda x: x * _sig(x), right=(0, 1))
    add("mish", ct.mish, F.mish, lambda x: x * mp.tanh(_softplus(x)), right=(0, 1))
    # GELU's right tail f - x = -x*Phi(-x) is e^-338 of f at 26: stated as such, not as a difference.
    add("gelu", ct.gelu, F.gelu, lambda x: x * mp.ncdf(x), right=(0, 1, lambda x: -x * mp.ncdf(-x)))
    add("gelu_tanh", ct.gelu, F.gelu,
        lambda x: x * _sig(_w(x)), params={"approximate": "tanh"}, right=(0, 1, lambda x: -x * _sig(-_w(x))))
    add("softsign", ct.softsign, F.softsign, lambda x: x / (1 + abs(x)))
    add("hardsigmoid", ct.hardsigmoid, F.hardsigmoid,
        lambda x: mp.mpf(0) if x <= -3 else mp.mpf(1) if x >= 3 else (x + 3) / 6, kinks=(-3, 3))
    add("hardtanh", ct.hardtanh, F.hardtanh, lambda x: mp.mpf(-1) if x <= -1 else mp.mpf(1) if x >= 1 else x,
        kinks=(-1, 1))
    add("hardtanh_-2_0.5", ct.hardtanh, F.hardtanh,
        lambda x: mp.mpf(-2) if x <= -2 else mp.mpf(0.5) if x >= 0.5 else x,
        params={"min_val": -2.0, "max_val": 0.5}, kinks=(-2, 0.5))
    add("logsigmoid", ct.logsigmoid, F.logsigmoid, lambda x: -_softplus(-x), left=(0, 1))
    return c


CASES = _cases()


def reference(name, x, order):
    """f^(order)(x) of the named case, as an mpf (x a Python float, exactly)."""
    c = CASES[name]
    f = c["ref"]
    x = mp.mpf(x)
    if order == 0:
        return f(x)
    a, b, *rest = c["right"] if x > 0 else c["left"]
    g = rest[0] if rest else f if (a, b) == (0, 0) else (lambda t: f(t) - (a + b * t))
    # f'' is tiny against f in the tails (GELU's (2 - x^2)phi(x) at x = 18 is 1e-72 of f): mpmath.diff
    # differences values of f, so it needs that many more digits than the result keeps.
    with mp.workdps(200):
        r = +mp.diff(g, x, order)
        fx = abs(g(x))
    # Below 1e-170 of |f| (with tails to ±26 no true f', f'' is that small against f: GELU's f''
    # at 26 is 1e-144 of f) it is differencing noise of a linear piece, whose derivative is 0.
    r = r if abs(r) > mp.mpf(10) ** -170 * fx else mp.mpf(0)
    return r + b if order == 1 else r


def points(kinks=()):
    """The test grid, float32 numbers (so that one grid serves float32 and float64): the centre
    densely, both tails to ±26 (mpmath's 200 digits resolve f'' against f there), tiny |x|; kept
    away from the kinks (by 1e-3) so that mpmath.diff sees one piece."""
    centre = torch.linspace(-8, 8, 481, dtype=torch.float64)
    tails = torch.logspace(math.log10(8), math.log10(26), 40, dtype=torch.float64)
    small = torch.logspace(-8, -1, 15, dtype=torch.float64)
    x = torch.cat([centre, tails, -tails, small, -small]).float()
    keep = torch.ones_like(x, dtype=torch.bool)
    for k in kinks:
        keep &= (x.double() - k).abs() > 1e-3
    return x[keep]


def derivatives(fn, x, orders=2):
    """f, f', f'' of fn at x through autograd (f' from its backward, f'' from its double backward)."""
    x = x.detach().clone().requires_grad_()
    y = fn(x)
    (g,) = torch.autograd.grad(y.sum(), x, create_graph=orders > 1)
    out = [y.detach(), g.detach()]
    if orders > 1:
        if g.requires_grad:
            (h,) = torch.autograd.grad(g.sum(), x)
        else:  # piecewise-linear: f' is constant and autograd keeps no graph for it
            h = torch.zeros_like(x)
        out.append(h.detach())
    return out
