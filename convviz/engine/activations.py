"""Element-wise activations σ and their derivatives σ′ (the paper's table), with display equations."""

import numpy as np


def _sigmoid(x):
    # 0.5·(1 + tanh(x/2)) equals 1/(1 + e^(−x)) but never overflows for large |x|.
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _elu(x):
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))


# name: (σ, σ′, σ equation, σ′ equation). Derivatives at 0 follow PyTorch: ReLU′(0) = 0.
# Piecewise as 'value (condition), value (condition)': notation, no words of any language.
_TABLE = {
    "identity": (lambda x: x, lambda x: np.ones_like(x), "σ(x) = x", "σ′(x) = 1"),
    "sigmoid": (_sigmoid, lambda x: _sigmoid(x) * (1 - _sigmoid(x)),
                "σ(x) = 1 / (1 + e^(−x))", "σ′(x) = σ(x)·(1 − σ(x))"),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2,
             "σ(x) = (e^x − e^(−x)) / (e^x + e^(−x))", "σ′(x) = 1 − tanh²(x)"),
    "relu": (lambda x: np.maximum(x, 0), lambda x: (x > 0).astype(x.dtype),
             "σ(x) = max(0, x)", "σ′(x) = 1 (x > 0), 0 (x ≤ 0)"),
    "leaky_relu": (lambda x: np.where(x > 0, x, 0.01 * x),
                   lambda x: np.where(x > 0, 1.0, 0.01).astype(x.dtype),
                   "σ(x) = x (x > 0), 0.01·x (x ≤ 0)", "σ′(x) = 1 (x > 0), 0.01 (x ≤ 0)"),
    "elu": (_elu, lambda x: np.where(x > 0, 1.0, np.exp(np.minimum(x, 0))).astype(x.dtype),
            "σ(x) = x (x > 0), e^x − 1 (x ≤ 0)", "σ′(x) = 1 (x > 0), e^x (x ≤ 0)"),
    "softplus": (lambda x: np.logaddexp(0, x), _sigmoid,
                 "σ(x) = ln(1 + e^x)", "σ′(x) = 1 / (1 + e^(−x))"),
}


def activate(name, x):
    """σ(x) for the named activation, element by element."""
    return _TABLE[name][0](x)


def derivative(name, x):
    """σ′(x) for the named activation, element by element."""
    return _TABLE[name][1](x)


def equations(name):
    """(σ equation, σ′ equation) as display text."""
    return _TABLE[name][2], _TABLE[name][3]


def softmax(z):
    """ŷ_i = e^(z_i) / Σ_j e^(z_j) over the last axis; shifted by max(z) so e^z never overflows."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_and_log(z):
    """(ŷ, ln ŷ) from one pass: ln ŷ_i = z_i − max(z) − ln Σ_j e^(z_j − max(z)), exact and finite
    where ŷ_i underflows to 0; both equal `softmax` and `losses.loss_terms`' own bit for bit."""
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=-1, keepdims=True)
    return e / total, shifted - np.log(total)


def softmax_backward(dyhat, yhat):
    """Jacobian-vector product (diag(ŷ) − ŷŷᵀ)·∂L/∂ŷ without forming the Jacobian."""
    return yhat * (dyhat - (dyhat * yhat).sum(axis=-1, keepdims=True))


def output_activate(name, z):
    return softmax(z) if name == "softmax" else _sigmoid(z)


def output_backward(name, dyhat, yhat):
    if name == "softmax":
        return softmax_backward(dyhat, yhat)
    return dyhat * yhat * (1 - yhat)
