"""Your own formula as a PyTorch operator, the Python side (the C++ side: my_activation.cpp).

    PYTHONPATH=build/torch python3 integrations/torch/examples/my_activation.py

It loads the library built from my_activation.cpp, checks the two operators with PyTorch's
gradcheck and gradgradcheck, and compares them with their closed forms written with torch ops.
"""

import os

import torch

import ctdiff_torch

here = os.path.dirname(os.path.abspath(__file__))
lib = os.environ.get("CTDIFF_TORCH_EXAMPLE_LIB") or os.path.join(
    os.path.dirname(ctdiff_torch.__file__), "..", "my_activation.so")
ctdiff_torch.load_library(lib)

gelu_sigmoid = ctdiff_torch.operator("my_ops", "gelu_sigmoid")  # x*sigmoid(1.702x)
swish = ctdiff_torch.operator("my_ops", "swish")                # x*sigmoid(beta*x), beta at run time
print(gelu_sigmoid)
print(swish)

x = torch.randn(64, dtype=torch.float64, requires_grad=True)
assert torch.autograd.gradcheck(gelu_sigmoid, (x,))
assert torch.autograd.gradgradcheck(gelu_sigmoid, (x,))
assert torch.autograd.gradcheck(lambda t: swish(t, 0.75), (x,))
assert torch.autograd.gradgradcheck(lambda t: swish(t, 0.75), (x,))

# Against the closed forms (torch ops, independent of ctdiff), values and gradients.
for ours, closed in ((gelu_sigmoid, lambda t: t * torch.sigmoid(1.702 * t)),
                     (lambda t: swish(t, 0.75), lambda t: t * torch.sigmoid(0.75 * t))):
    a = x.detach().clone().requires_grad_()
    b = x.detach().clone().requires_grad_()
    ya, yb = ours(a), closed(b)
    ya.sum().backward()
    yb.sum().backward()
    torch.testing.assert_close(ya, yb, rtol=1e-13, atol=1e-15)
    torch.testing.assert_close(a.grad, b.grad, rtol=1e-13, atol=1e-15)

# float32, a batch of any shape.
y = gelu_sigmoid(torch.randn(8, 16, 32))
print("float32", tuple(y.shape), y.dtype, "ok: gradcheck, gradgradcheck, closed forms")
