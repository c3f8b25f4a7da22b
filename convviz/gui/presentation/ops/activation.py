"""Activations: σ of one element and the gradient through it.

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""

import numpy as np

from convviz.engine import OpKind
from convviz.gui.presentation.html import operand
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.texts import TEXT


def _activation_names(idx):
    """(pre-activation, activation) names of one element: (C_p[i, j], A_p[i, j]) or (z_j, a_j)."""
    if len(idx) == 3:
        at = f"<sub>{idx[0]}</sub>[{idx[1]}, {idx[2]}]"
        return f"C{at}", f"A{at}"
    if len(idx) == 1:
        return f"z<sub>{idx[0]}</sub>", f"a<sub>{idx[0]}</sub>"
    return "C", "A"


def _fmt_activation(d, step, tr):
    inp, out = _activation_names(d["index"])
    return (f"<div class='eq'>{out} = σ({inp}) = {d['activation']}({number(d['input'])}) = "
            f"<span class='total'>{number(d['output'])}</span></div>")


def _fmt_activation_grad(d, step, tr):
    pre, post = _activation_names(d["index"])
    return (tr(TEXT["slope at"]).format(pre, number(d["input"]), number(d["derivative"])) +
            f"<div class='eq'>∂L/∂{pre} = ∂L/∂{post} · σ′({pre}) = "
            f"{number(d['grad_output'])} × {operand(d['derivative'])} = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


# explain()'s kinds and their formatters
EXPLAIN = {
    "activation": _fmt_activation,
    "activation_grad": _fmt_activation_grad,
}


def _panels_activation(step, cap):
    out = step.arrays["output"]
    d, h, w = out.shape
    name = step.meta.get("activation", "σ")
    return [(step.reads[0], step.arrays["input"], "value", cap("activation before")),
            (step.stage, out, "value", cap("activation after", activation=name, d=d, h=h, w=w))]


def _panels_activation_grad(step, cap):
    a, reads, g = step.arrays, step.reads, step.arrays["grad_input"]
    if np.ndim(g) == 1:
        return [(reads[0], a["grad_output"], "grad", cap("δ a")),
                (step.stage, a["derivative"], "own", cap("σ′(z)")),
                (step.stage, g, "grad", cap("dense activation grad"))]
    return [(reads[0], a["grad_output"], "grad", cap("δ A")),
            (step.stage, a["derivative"], "own", cap("σ′(C)")),
            (step.stage, g, "grad", cap("conv activation grad"))]


OUTLINES = {}
PANELS = {OpKind.ACTIVATION: _panels_activation, OpKind.ACTIVATION_GRAD: _panels_activation_grad}
