"""The update θ ← θ − α·∂L/∂θ of one parameter, and ŷ before and after it.

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""

import numpy as np

from convviz.engine import StageKind
from convviz.gui.presentation.html import operand
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.symbols import is_conv_step
from convviz.gui.presentation.texts import TEXT


def _param_symbol(step, index, tr):
    """The updated element in the paper's notation: K_p,c[m, n], W_j,i or b_p (θ otherwise), and
    for a bias the line that says whose it is."""
    kind = step.stage.kind
    if kind == StageKind.WEIGHTS and len(index) == 4:
        p, c, m, n = index
        return f"K<sub>{p},{c}</sub>[{m}, {n}]", ""
    if kind == StageKind.WEIGHTS and len(index) == 2:
        return f"W<sub>{index[0]},{index[1]}</sub>", ""
    if kind == StageKind.BIAS and len(index) == 1:
        whose = tr(TEXT["update bias kernel" if is_conv_step(step) else "update bias unit"]).format(index[0])
        return f"b<sub>{index[0]}</sub>", whose
    return "θ", ""


def _fmt_update(d, step, tr):
    sym, note = _param_symbol(step, d["index"], tr)
    change = d["after"] - d["before"]
    # enough digits that before and after differ on screen (a step is often 10⁻⁵ of the weight)
    digits = 4
    if change != 0:
        scale = max(abs(d["before"]), abs(d["after"]))
        digits = int(min(10, max(4, np.ceil(np.log10(scale / abs(change))) + 2))) if scale > 0 else 4
    lines = [f"<div class='eq'>{sym} ← {number(d['before'], digits)} − {number(d['lr'])} × {operand(d['grad'])} = "
             f"<span class='total'>{number(d['after'], digits)}</span></div>"]
    if d["grad"] == 0:
        lines.append(tr(TEXT["zero grad"]))
    else:
        lines.append(tr(TEXT["moves"]).format(number(-d["lr"] * d["grad"])))
    if note:                # a kernel or unit selected: its bias is what this step updates
        lines.insert(0, note)
    return "".join(lines)


def _fmt_rerun(d, step, tr):
    return (f"<div class='eq'>ŷ<sub>{d['i']}</sub>: {number(d['before'])} → <b>{number(d['after'])}</b></div>"
            f"L: {number(d['loss_before'])} → <b>{number(d['loss_after'])}</b>")


# explain()'s kinds and their formatters
EXPLAIN = {
    "update": _fmt_update,
    "rerun": _fmt_rerun,
}


OUTLINES = {}
PANELS = {}
