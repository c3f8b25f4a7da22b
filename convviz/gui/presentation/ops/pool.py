"""Pooling: a window and its output, and how a window routes its gradient back.

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""

import numpy as np

from convviz.engine import OpKind
from convviz.gui.presentation import palette
from convviz.gui.presentation.html import matrix
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.texts import TEXT


def _fmt_pool_window(d, step, tr):
    r0, c0 = d["origin"]
    k1, k2 = d["size"]
    p, i, j = d["p"], d["i"], d["j"]
    what = {"max": tr(TEXT["max wins"]), "avg": tr(TEXT["mean"]), "l2": "√(Σ x²)"}[d["kind"]]
    if d["kind"] == "max" and np.count_nonzero(d["window"] == d["window"].max()) > 1:
        what += tr(TEXT["tie"])
    return (tr(TEXT["window"]).format(p, r0, r0 + k1 - 1, c0, c0 + k2 - 1, what)
            + f"{matrix(d['window'], mark=d['argmax'])}"
            f"<div class='eq'>P<sub>{p}</sub>[{i}, {j}] = <span class='total'>{number(d['output'])}</span></div>")


def _fmt_pool_grad(d, step, tr):
    lines = []
    for part in d["parts"]:
        i, j = part["window"]
        if d["kind"] == "max":
            sh, sw = step.meta["pool_stride"]
            r, c = i * sh + part["argmax"][0], j * sw + part["argmax"][1]
            verdict = (tr(TEXT["held max"]) if part["won"] else tr(TEXT["lost"]).format(d["p"], r, c))
            lines.append(tr(TEXT["window max"]).format(i, j, number(part["delta"]), verdict)
                         + f"{matrix(part['values'], mark=part['argmax'])}")
        else:
            lines.append(tr(TEXT["window share"]).format(i, j, number(part["delta"]), number(part["share"])))
    if not lines:
        lines.append(tr(TEXT["no window"]))
    return ("<br>".join(lines) +
            f"<div class='eq'>∂L/∂A<sub>{d['p']}</sub>[{d['r']}, {d['c']}] = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


# explain()'s kinds and their formatters
EXPLAIN = {
    "pool_window": _fmt_pool_window,
    "pool_grad": _fmt_pool_grad,
}


def _outline_pool_window(trace, step, d):
    r0, c0 = d["origin"]
    k1, k2 = d["size"]
    a = step.reads[0]
    out = [(a, (d["p"], r0, c0), (0, k1), (0, k2), palette.HIGHLIGHT),
           (step.stage, (d["p"], d["i"], d["j"]), (0, 1), (0, 1), palette.HIGHLIGHT)]
    if d["argmax"] is not None:
        out.append((a, (d["p"], r0 + d["argmax"][0], c0 + d["argmax"][1]), (0, 1), (0, 1), palette.SELECT))
    return out


def _outline_pool_grad(trace, step, d):
    return [(step.reads[0], (d["p"], *part["window"]), (0, 1), (0, 1), palette.HIGHLIGHT) for part in d["parts"]]


def _panels_pool(step, cap):
    out, x = step.arrays["output"], step.arrays["input"]
    d, h, w = out.shape
    return [(step.reads[0], x, "value", cap("pool before", hin=x.shape[1], win=x.shape[2])),
            (step.stage, out, "value", cap("pool after", pool=step.meta.get("pool", ""), d=d, h=h, w=w))]


def _panels_pool_grad(step, cap):
    g = step.arrays["grad_input"]
    if np.ndim(g) != 3:
        return None
    # where each δ goes, in words under the picture (the big view also outlines max pooling's winners)
    kind, size = step.meta.get("pool"), step.meta.get("pool_size", (0, 0))
    how = {"max": lambda: cap("pool max winners"), "avg": lambda: cap("pool avg", n=size[0] * size[1]),
           "l2": lambda: cap("pool l2")}.get(kind, lambda: cap("pool spread"))()
    return [(step.reads[0], step.arrays["grad_output"], "grad", cap("δ P")), (step.stage, g, "grad", how)]


OUTLINES = {"pool_window": _outline_pool_window, "pool_grad": _outline_pool_grad}
PANELS = {OpKind.POOL: _panels_pool, OpKind.POOL_GRAD: _panels_pool_grad}
