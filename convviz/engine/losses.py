"""Losses L(ŷ, y) per example (MATH.md's table), their gradients ∂L/∂ŷ, and the batch mean.

Cross-entropy is computed from the logits z (log-softmax, or softplus for sigmoid outputs)
so that it stays finite for any z; its ŷ form is what the app displays.
"""

import numpy as np

#: The floor on |y_i| in MAPE's denominator: one-hot targets are mostly 0 and would divide by zero.
MAPE_EPSILON = 1e-2

EQUATIONS = {
    ("cross_entropy", "softmax"): "L = −Σ_i y_i · ln ŷ_i",
    ("cross_entropy", "sigmoid"): "L = −Σ_i [ y_i · ln ŷ_i + (1 − y_i) · ln(1 − ŷ_i) ]",
    "mse": "L = (1/t) Σ_i (y_i − ŷ_i)²",
    "msle": "L = (1/t) Σ_i (ln(1 + y_i) − ln(1 + ŷ_i))²",
    "l2": "L = Σ_i (y_i − ŷ_i)²",
    "l1": "L = Σ_i |y_i − ŷ_i|",
    "mae": "L = (1/t) Σ_i |y_i − ŷ_i|",
    "mape": "L = (100/t) Σ_i |(y_i − ŷ_i) / max(|y_i|, ε)|",
}

GRADIENT_EQUATIONS = {
    ("cross_entropy", "softmax"): "∂L/∂ŷ_i = −y_i / ŷ_i",
    ("cross_entropy", "sigmoid"): "∂L/∂ŷ_i = −y_i / ŷ_i + (1 − y_i) / (1 − ŷ_i)",
    "mse": "∂L/∂ŷ_i = (2/t) · (ŷ_i − y_i)",
    "msle": "∂L/∂ŷ_i = −(2/t) · (ln(1 + y_i) − ln(1 + ŷ_i)) / (1 + ŷ_i)",
    "l2": "∂L/∂ŷ_i = 2 · (ŷ_i − y_i)",
    "l1": "∂L/∂ŷ_i = sign(ŷ_i − y_i)",
    "mae": "∂L/∂ŷ_i = (1/t) · sign(ŷ_i − y_i)",
    "mape": "∂L/∂ŷ_i = (100/t) · sign(ŷ_i − y_i) / max(|y_i|, ε)",
}


def _key(loss, output_activation):
    return (loss, output_activation) if loss == "cross_entropy" else loss


def equation(loss, output_activation):
    return EQUATIONS[_key(loss, output_activation)]


def gradient_equation(loss, output_activation):
    return GRADIENT_EQUATIONS[_key(loss, output_activation)]


def loss_terms(loss, output_activation, yhat, y, z, log_yhat=None):
    """The per-class terms of each example's loss, (N, t); the loss of example n is their sum.
    `log_yhat`: ln ŷ of a softmax output already computed (`activations.softmax_and_log`)."""
    t = y.shape[-1]
    if loss == "cross_entropy":
        if output_activation == "softmax" and log_yhat is not None:
            return -y * log_yhat
        if output_activation == "softmax":
            # ln ŷ_i = z_i − logsumexp(z): exact and finite even where ŷ_i underflows to 0.
            zmax = z.max(axis=-1, keepdims=True)
            log_yhat = z - zmax - np.log(np.exp(z - zmax).sum(axis=-1, keepdims=True))
            return -y * log_yhat
        # ln σ(z) = −softplus(−z), ln(1 − σ(z)) = −softplus(z)
        return y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)
    diff = y - yhat
    if loss == "mse":
        return diff ** 2 / t
    if loss == "msle":
        return (np.log1p(y) - np.log1p(yhat)) ** 2 / t
    if loss == "l2":
        return diff ** 2
    if loss == "l1":
        return np.abs(diff)
    if loss == "mae":
        return np.abs(diff) / t
    if loss == "mape":
        return 100.0 / t * np.abs(diff) / np.maximum(np.abs(y), MAPE_EPSILON)
    raise ValueError(f"unknown loss {loss!r}")


def loss_gradient(loss, output_activation, yhat, y):
    """∂L_n/∂ŷ for each example (N, t), before the 1/N of the batch mean.

    For cross-entropy, ŷ is kept off 0 and 1 by the smallest float so the displayed gradient
    stays finite; training uses the combined δ = ŷ − y instead, which needs no division.
    """
    t = y.shape[-1]
    if loss == "cross_entropy":
        tiny = np.finfo(yhat.dtype).tiny
        safe = np.maximum(yhat, tiny)
        # (0 − y), not −y: where y_i = 0 the gradient is +0, never a printed "−0".
        if output_activation == "softmax":
            return (0.0 - y) / safe
        return (0.0 - y) / safe + (1 - y) / np.maximum(1 - yhat, tiny)
    diff = yhat - y
    if loss == "mse":
        return 2 * diff / t
    if loss == "msle":
        return -2 / t * (np.log1p(y) - np.log1p(yhat)) / (1 + yhat)
    if loss == "l2":
        return 2 * diff
    if loss == "l1":
        return np.sign(diff)
    if loss == "mae":
        return np.sign(diff) / t
    if loss == "mape":
        return 100.0 / t * np.sign(diff) / np.maximum(np.abs(y), MAPE_EPSILON)
    raise ValueError(f"unknown loss {loss!r}")


def combines(loss, output_activation):
    """True where the output activation and the loss cancel to δ^(L+1) = ŷ − y."""
    return loss == "cross_entropy"
