"""Flatten and un-flatten: where a vector element comes from and goes back to.

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""

import numpy as np

from convviz.engine import OpKind
from convviz.gui.presentation import palette
from convviz.gui.presentation.numbers import number


def _fmt_flatten(d, step, tr):
    h, w = d["hw"]
    value = f" = <span class='total'>{number(d['value'])}</span>" if "value" in d else ""
    return (f"<div class='eq'>a⁰[{d['k']}] = P<sub>{d['p']}</sub>[{d['i']}, {d['j']}]{value}</div>"
            f"k = p·{h * w} + i·{w} + j = {d['p']}·{h * w} + {d['i']}·{w} + {d['j']} = {d['k']}")


def _fmt_unflatten(d, step, tr):
    return (f"<div class='eq'>δ<sub>P</sub>[{d['p']}, {d['i']}, {d['j']}] = ∂L/∂a⁰[{d['k']}] = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


# explain()'s kinds and their formatters
EXPLAIN = {
    "flatten": _fmt_flatten,
    "unflatten": _fmt_unflatten,
}


def pooled_stage(trace):
    """The stage the flatten step read (the last conv block's pooled or activated maps)."""
    flat = next((s for s in trace if s.op == OpKind.FLATTEN), None)
    return flat.reads[0] if flat is not None else None


def _outline_flatten(trace, step, d):                     # where the vector element came from
    return [(pooled_stage(trace), (d["p"], d["i"], d["j"]), (0, 1), (0, 1), palette.HIGHLIGHT)]


def _panels_unflatten(step, cap):
    g = step.arrays["grad_input"]
    if np.ndim(g) != 3:
        return None
    return [(step.reads[0], step.arrays["grad_output"], "grad", cap("∂L/∂a⁰")),
            (step.stage, g, "grad", cap("unflatten"))]


OUTLINES = {"flatten": _outline_flatten}
PANELS = {OpKind.UNFLATTEN: _panels_unflatten}
