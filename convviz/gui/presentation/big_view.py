"""What the big view shows for a step (no Qt): the arrays beside each other, the stage the step
writes last, each with a caption. Captions are English templates marked for translation in
the catalogue's context; the view passes its translator."""

import numpy as np

from convviz.engine import OpKind, StageKind
from convviz.gui.presentation.catalogue import QT_TRANSLATE_NOOP

MAX_LABELLED = 16         # strips this short get their numbers written beside them

# Page-owning steps: dense ∂L/∂W, bias gradients, updates and the rerun have pages of their own.
OWN_PAGE = (OpKind.DENSE_DW, OpKind.DENSE_DB, OpKind.CONV_DK, OpKind.CONV_DB, OpKind.UPDATE, OpKind.RERUN)


def _mark(text):
    return QT_TRANSLATE_NOOP("catalogue", text)


CAPTIONS = {
    "vector input": _mark("input<br>{size}"),
    OpKind.FLATTEN: _mark("a⁰: the maps in one vector, {n}"),
    OpKind.DENSE: _mark("z = W·a + b: {n} units"),
    OpKind.ACTIVATION: _mark("a = {activation}(z): {n}"),
    OpKind.OUTPUT: _mark("ŷ = {activation}(z): {n} classes"),
    OpKind.INPUT: _mark("input image I ({h} × {w})"),
    "conv input": _mark("input {src}<br>{c} × {hin} × {win}"),
    "conv kernels": _mark("kernels K<br>{kernels}"),
    "conv output": _mark("feature maps C = {src} ⋆ K + b<br>{d} maps {h} × {w}"),
    "activation before": _mark("before: C"),
    "activation after": _mark("after: A = {activation}(C)<br>{d} maps {h} × {w}"),
    "pool before": _mark("before: A<br>{hin} × {win}"),
    "pool after": _mark("after: P = {pool} pool(A)<br>{d} maps {h} × {w}"),
    "ŷ": _mark("ŷ"),
    "target": _mark("target y"),
    "terms": _mark("terms of L, one per class<br>(click one)"),
    "∂L/∂ŷ": _mark("∂L/∂ŷ"),
    "δ": _mark("δ = ∂L/∂z"),
    "δ z": _mark("δ from above<br>∂L/∂z"),
    "dense dx": _mark("∂L/∂a = Wᵀ·δ<br>for the layer below"),
    "δ a": _mark("δ from above<br>∂L/∂a"),
    "σ′(z)": _mark("σ′(z)"),
    "dense activation grad": _mark("∂L/∂z = ∂L/∂a ⊙ σ′(z)<br>"),
    "δ P": _mark("δ from above<br>∂L/∂P"),
    "pool max": _mark("∂L/∂A<br>each δ goes to the max of its window"),
    "pool spread": _mark("∂L/∂A<br>δ spread over its window"),
    "δ A": _mark("δ from above<br>∂L/∂A"),
    "σ′(C)": _mark("σ′(C)"),
    "conv activation grad": _mark("∂L/∂C = ∂L/∂A ⊙ σ′(C)<br>"),
    "∂L/∂a⁰": _mark("∂L/∂a⁰<br>the vector"),
    "unflatten": _mark("∂L/∂P<br>the same numbers back in map shape"),
    "saliency": _mark("∂L/∂I: red pixels would raise the loss<br>(saliency)"),
    "conv dx": _mark("∂L/∂{src}<br>for the layer below"),
    "δ C": _mark("δ from above<br>∂L/∂C"),
    "kernels": _mark("kernels K<br> "),
}


def _same(text):
    return text


def input_symbol(stage):
    """What a conv block reads, as in the equations: I (the image), P (pooled maps) or A."""
    return {StageKind.POOLED: "P", StageKind.ACTIVATED: "A"}.get(stage.kind, "I")


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

    a, op, K = step.arrays, step.op, OpKind
    reads = step.reads
    if step.phase == "forward":
        out = a.get("output")
        if out is None or np.ndim(out) not in (1, 3):
            return None
        prev = reads[0] if reads else None
        if np.ndim(out) == 1:                      # a vector, as a strip (as in the pipeline)
            x = a["input"]
            size = " × ".join(str(v) for v in x.shape)
            what = (cap(op, n=out.size, activation=step.meta.get("activation", "σ" if op == K.ACTIVATION else ""))
                    if op in CAPTIONS else step.stage.name)
            return [(prev, x, "value", cap("vector input", size=size)), (step.stage, out, "value", what)]
        d, h, w = out.shape
        if op == K.INPUT:
            return [(step.stage, out, "value", cap(K.INPUT, h=h, w=w))]
        if op == K.CONV:
            n, c, k1, k2 = a["W"].shape
            x = a["input"]
            src = input_symbol(reads[0])
            kernels = f"{n} × {k1} × {k2}" + (f" × {c}" if c > 1 else "")
            # ⋆: cross-correlation (the kernel is not flipped), as in the conv_dX equation
            return [(reads[0], x, "value", cap("conv input", src=src, c=x.shape[0], hin=x.shape[1], win=x.shape[2])),
                    (reads[1], a["W"], "value", cap("conv kernels", kernels=kernels)),
                    (step.stage, out, "value", cap("conv output", src=src, d=d, h=h, w=w))]
        if op == K.ACTIVATION:
            name = step.meta.get("activation", "σ")
            return [(prev, a["input"], "value", cap("activation before")),
                    (step.stage, out, "value", cap("activation after", activation=name, d=d, h=h, w=w))]
        if op == K.POOL:
            x = a["input"]
            return [(prev, x, "value", cap("pool before", hin=x.shape[1], win=x.shape[2])),
                    (step.stage, out, "value", cap("pool after", pool=step.meta.get("pool", ""), d=d, h=h, w=w))]
        return None
    if op == K.LOSS:
        probs = reads[0]
        return [(probs, a["input"], "value", cap("ŷ")), (probs, a["target"], "own", cap("target")),
                (probs, a["terms"], "own", cap("terms"))]
    g = a.get("grad_input")
    if g is None or np.ndim(g) not in (1, 3) or step.phase != "backward":
        return None
    if op == K.LOSS_GRAD:
        return [(step.stage, a["input"], "value", cap("ŷ")), (step.stage, g, "grad", cap("∂L/∂ŷ"))]
    if op == K.OUTPUT_GRAD:
        return [(reads[0], a["output"], "value", cap("ŷ")), (step.stage, g, "grad", cap("δ"))]
    if op == K.DENSE_DX:
        return [(reads[0], a["grad_output"], "grad", cap("δ z")), (step.stage, g, "grad", cap("dense dx"))]
    if op == K.ACTIVATION_GRAD and np.ndim(g) == 1:
        return [(reads[0], a["grad_output"], "grad", cap("δ a")),
                (step.stage, a["derivative"], "own", cap("σ′(z)")),
                (step.stage, g, "grad", cap("dense activation grad"))]
    if np.ndim(g) != 3:
        return None
    if op == K.POOL_GRAD:
        how = cap("pool max") if step.meta.get("pool") == "max" else cap("pool spread")
        return [(reads[0], a["grad_output"], "grad", cap("δ P")), (step.stage, g, "grad", how)]
    if op == K.ACTIVATION_GRAD:
        return [(reads[0], a["grad_output"], "grad", cap("δ A")),
                (step.stage, a["derivative"], "own", cap("σ′(C)")),
                (step.stage, g, "grad", cap("conv activation grad"))]
    if op == K.UNFLATTEN:
        return [(reads[0], a["grad_output"], "grad", cap("∂L/∂a⁰")), (step.stage, g, "grad", cap("unflatten"))]
    if op == K.CONV_DX:
        what = (cap("saliency") if step.stage.kind == StageKind.INPUT
                else cap("conv dx", src=input_symbol(step.stage)))
        return [(reads[0], a["grad_output"], "grad", cap("δ C")), (reads[1], a["W"], "value", cap("kernels")),
                (step.stage, g, "grad", what)]
    return None
