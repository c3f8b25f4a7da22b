"""What the big view shows for a step (no Qt): the arrays beside each other, the stage the step
writes last, each with a caption. Vectors are shown the same way for every op; the panels of
maps and gradients live with their op in presentation/ops. Captions are English templates
(presentation.texts) marked for translation; the view passes its translator."""

import numpy as np

from convviz.engine import OpKind
from convviz.gui.presentation.ops import PANELS
from convviz.gui.presentation.texts import CAPTIONS

MAX_LABELLED = 16         # strips this short get their numbers written beside them

# Page-owning steps: dense ∂L/∂W, bias gradients, updates and the rerun have pages of their own.
OWN_PAGE = (OpKind.DENSE_DW, OpKind.DENSE_DB, OpKind.CONV_DK, OpKind.CONV_DB, OpKind.UPDATE, OpKind.RERUN)


def _same(text):
    return text


def has_own_page(step):
    return step.op in OWN_PAGE


def big_panels(step, trace, translate=_same):
    """What the big view shows for a step without a page of its own, or None (nothing to show).

    [(stage, array, kind, caption)], the stage the step writes last (drawn largest). kind:
    "value" (greyscale at the stage's levels, as in the pipeline), "own" (greyscale at the
    array's own levels) or "grad" (CET-D1 at symmetric levels). A pure function of the step.
    """
    def cap(key, **fields):
        return translate(CAPTIONS[key]).format(**fields)

    a, op = step.arrays, step.op
    panels = PANELS.get(op)
    if step.phase == "forward":
        out = a.get("output")
        if out is None or np.ndim(out) not in (1, 3):
            return None
        if np.ndim(out) == 1:                      # a vector, as a strip (as in the pipeline)
            x = a["input"]
            size = " × ".join(str(v) for v in x.shape)
            what = (cap(op, n=out.size, activation=step.meta.get("activation", "σ" if op == OpKind.ACTIVATION else ""))
                    if op in CAPTIONS else step.stage.name)
            prev = step.reads[0] if step.reads else None
            return [(prev, x, "value", cap("vector input", size=size)), (step.stage, out, "value", what)]
        return panels(step, cap) if panels else None
    if op == OpKind.LOSS:
        return panels(step, cap)
    g = a.get("grad_input")
    if g is None or np.ndim(g) not in (1, 3) or step.phase != "backward":
        return None
    return panels(step, cap) if panels else None
