"""The input image: a pixel's value, and the big view of the image.

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""


from convviz.engine import OpKind
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.texts import TEXT


def _fmt_input_pixel(d, step, tr):
    c, r, s = d["index"]
    return (f"<div class='eq'>I<sub>{c}</sub>[{r}, {s}] = <span class='total'>{number(d['value'])}</span></div>"
            + tr(TEXT["input pixel"]).format(step.arrays["output"].size))


# explain()'s kinds and their formatters
EXPLAIN = {
    "input_pixel": _fmt_input_pixel,
}


def _panels_input(step, cap):
    d, h, w = step.arrays["output"].shape
    return [(step.stage, step.arrays["output"], "value", cap(OpKind.INPUT, h=h, w=w))]


OUTLINES = {}
# the big view's panels of a step (forward steps that write maps, backward steps that write a gradient)
PANELS = {OpKind.INPUT: _panels_input}
