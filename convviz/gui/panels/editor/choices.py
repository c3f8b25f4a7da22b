"""What each choice does, as numbers (no Qt): all seven losses for the current ŷ and y, warnings on
poor pairings, an activation's σ and σ′ curves, and one window under each pooling kind.
Every number comes from the engine's own functions (losses, activations, pooling)."""

from dataclasses import dataclass

import numpy as np

from convviz.engine import activations, losses
from convviz.engine.config import LOSS_NAMES
from convviz.engine.pooling import pool_backward, pool_forward
from convviz.gui.panels.editor.words import QT_TRANSLATE_NOOP, Text
from convviz.gui.presentation import names

#: Shown names of the losses (presentation/names.py; the keys are the engine's).
LOSS_LABELS = names.LOSSES
POOL_FORMULAS = {
    "max": (QT_TRANSLATE_NOOP("editor", "P = max over the window"),
            QT_TRANSLATE_NOOP("editor", "all of δ goes to the largest value; the others get 0")),
    "avg": (QT_TRANSLATE_NOOP("editor", "P = (1/(k1·k2)) · Σ window"),
            QT_TRANSLATE_NOOP("editor", "every value gets the same share δ/(k1·k2)")),
    "l2": (QT_TRANSLATE_NOOP("editor", "P = √(Σ x²) over the window"),
           QT_TRANSLATE_NOOP("editor", "each value x gets δ · x / P: the larger |x|, the larger its share")),
}


def pairing_warnings(loss, output_activation):
    """Words on the paper's poor combinations (they are allowed, never blocked)."""
    out = []
    if output_activation == "sigmoid" and loss in ("mse", "msle", "l2", "l1", "mae", "mape"):
        out.append(Text(QT_TRANSLATE_NOOP(
            "editor", "{loss} with a sigmoid output learns slowly: ∂L/∂z = ∂L/∂ŷ · ŷ(1 − ŷ), and ŷ(1 − ŷ) is "
                      "near 0 exactly when an output is confidently wrong. Cross-entropy cancels that factor "
                      "(δ = ŷ − y)."), loss=LOSS_LABELS[loss]))
    if loss == "mape":
        out.append(Text(QT_TRANSLATE_NOOP(
            "editor", "MAPE with one-hot targets divides by its floor ε = {floor} wherever y = 0, so the nine "
                      "wrong classes weigh {times}× more than the target class."),
            floor=f"{losses.MAPE_EPSILON:g}", times=f"{1 / losses.MAPE_EPSILON:g}"))
    return out


@dataclass(frozen=True)
class LossRow:
    loss: str
    value: float
    grad_target: float        # ∂L/∂ŷ at the target class
    grad_wrong: float         # ∂L/∂ŷ at the largest wrong class


def loss_table(yhat, z, label, output_activation):
    """(rows for the seven losses under this output activation, the largest wrong class).

    yhat, z: (t,) the network's output and logits; label: the target class.
    """
    yhat = np.asarray(yhat, np.float64)[None]
    z = np.asarray(z, np.float64)[None]
    y = np.zeros_like(yhat)
    y[0, label] = 1.0
    wrong = int(np.argmax(np.where(np.arange(yhat.shape[1]) == label, -np.inf, yhat[0])))
    rows = []
    for name in LOSS_NAMES:
        value = float(losses.loss_terms(name, output_activation, yhat, y, z).sum())
        grad = losses.loss_gradient(name, output_activation, yhat, y)[0]
        rows.append(LossRow(name, value, float(grad[label]), float(grad[wrong])))
    return rows, wrong


def activation_curve(name, values=(), points=241):
    """(x, σ(x), σ′(x)) over [−4, 4], widened to hold every value given."""
    values = np.asarray(values, np.float64).ravel()
    lo, hi = -4.0, 4.0
    if values.size:
        lo, hi = min(lo, float(values.min())), max(hi, float(values.max()))
    x = np.linspace(lo, hi, points)
    return x, activations.activate(name, x), activations.derivative(name, x)


def activation_point(name, c):
    """(C, σ(C), σ′(C)) for one element."""
    c = np.float64(c)
    return float(c), float(activations.activate(name, c)), float(activations.derivative(name, c))


def pooling_kinds(window, delta=1.0):
    """{kind: (P, ∂L/∂window)} for one k1 × k2 window under max, average and L2 pooling, with δ = delta."""
    w = np.asarray(window, np.float64)
    x = w[None, None]
    out = {}
    for kind in ("max", "avg", "l2"):
        p, cache = pool_forward(x, kind, w.shape, w.shape)
        grad = pool_backward(np.full(p.shape, float(delta)), cache)
        out[kind] = (float(p[0, 0, 0, 0]), grad[0, 0])
    return out
