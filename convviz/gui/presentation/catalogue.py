"""The text catalogue (no Qt): each op kind's title and explanation for a learner, keyed by OpKind.

The engine records equations and numbers only; the words around them are here, as English
templates with named fields. Each is marked with QT_TRANSLATE_NOOP (a no-op defined below, so
this module needs no Qt) for Qt's translation tools; a view passes its translator (Qt's
`QCoreApplication.translate` in context CONTEXT) and the template is translated before it is
filled in. Program logic never reads these texts.
"""

from convviz.engine import OpKind, StageKind
from convviz.gui.presentation import names

CONTEXT = "catalogue"


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name Qt's translation tools look for)
    """Marks `text` for translation in `context`; returns it unchanged."""
    return text


# Every entry below spells out QT_TRANSLATE_NOOP("catalogue", ...): pyside6-lupdate finds them by that name.
PHASE_NAMES = {"forward": QT_TRANSLATE_NOOP("catalogue", "Forward"),
               "loss": QT_TRANSLATE_NOOP("catalogue", "Loss"),
               "backward": QT_TRANSLATE_NOOP("catalogue", "Backward"),
               "update": QT_TRANSLATE_NOOP("catalogue", "Update")}

TITLES = {
    OpKind.INPUT: QT_TRANSLATE_NOOP("catalogue", "input image I"),
    OpKind.CONV: QT_TRANSLATE_NOOP("catalogue", "{layer}: convolution"),
    OpKind.ACTIVATION: QT_TRANSLATE_NOOP("catalogue", "{layer}: activation {activation}"),
    OpKind.POOL: QT_TRANSLATE_NOOP("catalogue", "{layer}: {pool} pooling"),
    OpKind.FLATTEN: QT_TRANSLATE_NOOP("catalogue", "flatten"),
    OpKind.DENSE: QT_TRANSLATE_NOOP("catalogue", "{layer}: weighted sum"),
    OpKind.OUTPUT: QT_TRANSLATE_NOOP("catalogue", "output: {activation}"),
    OpKind.LOSS: QT_TRANSLATE_NOOP("catalogue", "loss: {loss}"),
    OpKind.LOSS_GRAD: QT_TRANSLATE_NOOP("catalogue", "loss gradient ∂L/∂ŷ"),
    OpKind.OUTPUT_GRAD: QT_TRANSLATE_NOOP("catalogue", "output: δ^(L+1) = ∂L/∂z"),
    OpKind.DENSE_DW: QT_TRANSLATE_NOOP("catalogue", "{layer}: weight gradient ∂L/∂W"),
    OpKind.DENSE_DB: QT_TRANSLATE_NOOP("catalogue", "{layer}: bias gradient ∂L/∂b"),
    OpKind.DENSE_DX: QT_TRANSLATE_NOOP("catalogue", "{layer}: gradient to the layer below"),
    OpKind.ACTIVATION_GRAD: QT_TRANSLATE_NOOP("catalogue", "{layer}: through the activation {activation}"),
    OpKind.UNFLATTEN: QT_TRANSLATE_NOOP("catalogue", "un-flatten the gradient"),
    OpKind.POOL_GRAD: QT_TRANSLATE_NOOP("catalogue", "{layer}: routing through {pool} pooling"),
    OpKind.CONV_DK: QT_TRANSLATE_NOOP("catalogue", "{layer}: kernel gradient ∂L/∂K"),
    OpKind.CONV_DB: QT_TRANSLATE_NOOP("catalogue", "{layer}: bias gradient ∂L/∂b"),
    OpKind.CONV_DX: QT_TRANSLATE_NOOP("catalogue", "{layer}: input gradient ∂L/∂I"),
    OpKind.UPDATE: QT_TRANSLATE_NOOP("catalogue", "update {param}"),
    OpKind.RERUN: QT_TRANSLATE_NOOP("catalogue", "forward again after the update"),
}

ABOUT = {
    OpKind.INPUT: QT_TRANSLATE_NOOP("catalogue", "The image the network sees: ink is bright (1), paper dark (0)."),
    OpKind.CONV: QT_TRANSLATE_NOOP("catalogue", 
        "Each kernel slides over the input; at every position the element-wise product of the kernel "
        "and the patch under it (its receptive field) is summed and the kernel's bias added. {kernels} "
        "kernels give {kernels} feature maps of {height} × {width}."),
    OpKind.ACTIVATION: QT_TRANSLATE_NOOP("catalogue", 
        "The activation {activation} is applied to every value on its own. Without a non-linearity "
        "here, stacked layers would collapse into one linear map."),
    OpKind.POOL: QT_TRANSLATE_NOOP("catalogue", 
        "Each {pool_height} × {pool_width} window (stride {pool_stride}) is reduced to one value ({pool}), "
        "shrinking each map to {height} × {width}: fewer numbers, and a little tolerance to where "
        "exactly a feature appeared."),
    OpKind.FLATTEN: QT_TRANSLATE_NOOP("catalogue", 
        "The maps are laid end to end, map by map and row by row, into one vector so the dense layers "
        "can weigh every value. Nothing is computed; only the shape changes."),
    OpKind.DENSE: QT_TRANSLATE_NOOP("catalogue", 
        "Each of the {units} units weighs all {inputs} inputs, adds its bias and gives one number z. "
        "Large positive weights on active inputs push z up."),
    OpKind.LOSS: QT_TRANSLATE_NOOP("catalogue", 
        "The loss measures how far ŷ is from the one-hot target y; training lowers it. Over a batch, "
        "the mean of the examples' losses."),
    OpKind.LOSS_GRAD: QT_TRANSLATE_NOOP("catalogue", 
        "The backward run starts at the loss: how would it change if each output probability moved a little?"),
    OpKind.DENSE_DW: QT_TRANSLATE_NOOP("catalogue", 
        "A weight's gradient is the error of the unit it feeds times the input it carried: weights "
        "from inputs that were 0 do not change."),
    OpKind.DENSE_DB: QT_TRANSLATE_NOOP("catalogue", "A bias adds 1 × b to z, so its gradient is the unit's δ itself."),
    OpKind.DENSE_DX: QT_TRANSLATE_NOOP("catalogue", 
        "Each input fed every unit of the layer, so its gradient sums the units' δ weighted by the "
        "connecting weights."),
    OpKind.ACTIVATION_GRAD: QT_TRANSLATE_NOOP("catalogue", 
        "The gradient passes back through σ by the chain rule: each value is multiplied by the slope "
        "σ′ at that point."),
    OpKind.UNFLATTEN: QT_TRANSLATE_NOOP("catalogue", 
        "The gradient vector is folded back into the pooled maps' shape, each value to the position it came from."),
    OpKind.CONV_DK: QT_TRANSLATE_NOOP("catalogue", 
        "A kernel weight touched every position of its feature map, so its gradient adds up δ times "
        "the input pixel it multiplied, over all positions: the correlation of the input with the "
        "feature maps' gradient."),
    OpKind.CONV_DB: QT_TRANSLATE_NOOP("catalogue", 
        "Every position of feature map p adds the same bias b_p, so its gradient is the sum of the "
        "map's gradient δ_p."),
    OpKind.CONV_DX: QT_TRANSLATE_NOOP("catalogue", 
        "Each input pixel fed every output position whose window covered it, so its gradient sums δ "
        "times the kernel weight it met: a full convolution with the kernel turned 180°."),
    OpKind.UPDATE: QT_TRANSLATE_NOOP("catalogue", 
        "Gradient descent moves every parameter a small step against its gradient, the direction "
        "that lowers the loss fastest."),
    OpKind.RERUN: QT_TRANSLATE_NOOP("catalogue", 
        "The same image is run forward with the updated parameters. For a small enough α the loss "
        "falls and the target's probability rises."),
}

# Explanations that depend on the network's choices (activation, pooling, output, loss).
ABOUT_BY_CHOICE = {
    (OpKind.OUTPUT, "softmax"): QT_TRANSLATE_NOOP("catalogue", 
        "Softmax turns the scores z into probabilities that are positive and sum to 1; the largest "
        "score gets the largest share."),
    (OpKind.OUTPUT, "sigmoid"): QT_TRANSLATE_NOOP("catalogue", 
        "Each output gets its own probability in (0, 1) from the sigmoid (the paper's choice)."),
    (OpKind.OUTPUT_GRAD, "combined"): QT_TRANSLATE_NOOP("catalogue", 
        "With {activation} outputs and cross-entropy, the chain rule's terms cancel: ∂L/∂ŷ_i · ∂ŷ_i/∂z "
        "leaves just ŷ − y, the predicted minus the true probability. Over a batch, divided by N for the mean."),
    (OpKind.OUTPUT_GRAD, "softmax"): QT_TRANSLATE_NOOP("catalogue", 
        "Every softmax output depends on every z, so the gradient goes through the full Jacobian."),
    (OpKind.OUTPUT_GRAD, "sigmoid"): QT_TRANSLATE_NOOP(
        "catalogue", "Through the sigmoid by the chain rule: multiply by its slope ŷ(1 − ŷ)."),
    (OpKind.POOL_GRAD, "max"): QT_TRANSLATE_NOOP("catalogue", 
        "Only the largest value of each window reached the output, so only it gets the gradient; the "
        "other positions of the window had no effect on the loss and get 0."),
    (OpKind.POOL_GRAD, "avg"): QT_TRANSLATE_NOOP("catalogue", 
        "Every value of a window counted equally in its mean, so each gets an equal share 1/(k1·k2)."),
    (OpKind.POOL_GRAD, "l2"): QT_TRANSLATE_NOOP(
        "catalogue", "Each value gets δ in proportion to its share x/P of the window's norm."),
}

# Sentences added when they apply.
ABOUT_NOTES = {
    "skipped": QT_TRANSLATE_NOOP("catalogue", 
        " The stride does not divide evenly, so the last {skipped_rows} row(s) and {skipped_cols} "
        "column(s) of the padded input are never covered (Eq. 2.1 rounds down)."),
    "saliency": QT_TRANSLATE_NOOP("catalogue", 
        " For the input image this is its saliency: how much each pixel would change the loss."),
    "relu": QT_TRANSLATE_NOOP(
        "catalogue", " ReLU lets it through where the input was positive and blocks it elsewhere."),
    "loss rose": QT_TRANSLATE_NOOP(
        "catalogue", " Here the loss rose: this α is too large, the step overshot the valley. Try a smaller α."),
}


def _same(text):
    return text


def fields(step, translate=_same):
    """The values a step's texts name: its layer, activation, pooling, loss (their shown names,
    in the language `translate` gives), sizes, parameter."""
    meta, arrays = step.meta, step.arrays
    f = {"layer": step.layer, "param": step.stage.name,
         **{kind: names.name(kind, meta.get(kind, ""), translate) for kind in ("activation", "pool", "loss")}}
    out = arrays.get("output")
    if out is not None and getattr(out, "ndim", 0) >= 2:
        f["height"], f["width"] = (int(v) for v in out.shape[-2:])
    if step.op == OpKind.CONV:
        f["kernels"] = int(arrays["W"].shape[0])
        f["skipped_rows"], f["skipped_cols"] = meta.get("skipped", (0, 0))
    if step.op == OpKind.POOL:
        (f["pool_height"], f["pool_width"]), f["pool_stride"] = meta["pool_size"], meta["pool_stride"][0]
    if step.op == OpKind.DENSE:
        f["units"], f["inputs"] = (int(v) for v in arrays["W"].shape)
    return f


def title(step, translate=_same):
    """The step's title (plain Unicode, '_'/'^' scripts as in the equations)."""
    return translate(TITLES[step.op]).format(**fields(step, translate))


def about(step, translate=_same):
    """What the step does and why, for a learner."""
    f = fields(step, translate)
    op, activation = step.op, step.meta.get("activation", "")
    if op == OpKind.OUTPUT:
        template = ABOUT_BY_CHOICE[(op, activation)]
    elif op == OpKind.OUTPUT_GRAD:
        template = ABOUT_BY_CHOICE[(op, "combined" if step.meta.get("combined") else activation)]
    elif op == OpKind.POOL_GRAD:
        template = ABOUT_BY_CHOICE[(op, step.meta.get("pool", ""))]
    else:
        template = ABOUT[op]
    text = translate(template)
    if op == OpKind.CONV and any(step.meta.get("skipped", ())):
        text += translate(ABOUT_NOTES["skipped"])
    if op == OpKind.CONV_DX and step.stage.kind == StageKind.INPUT:
        text += translate(ABOUT_NOTES["saliency"])
    if op == OpKind.ACTIVATION_GRAD and activation == "relu":
        text += translate(ABOUT_NOTES["relu"])
    if op == OpKind.RERUN and not step.arrays["loss_after"] <= step.arrays["loss_before"]:
        text += translate(ABOUT_NOTES["loss rose"])
    return text.format(**f)
