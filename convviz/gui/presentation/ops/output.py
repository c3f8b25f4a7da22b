"""The output layer and the loss: softmax, the loss terms, ∂L/∂ŷ and δ^(L+1).

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""


from convviz.engine import OpKind
from convviz.gui.presentation.html import operand, terms_table
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.texts import TEXT


def _fmt_softmax(d, step, tr):
    i = d["i"]
    if "exp" not in d:
        return (f"<div class='eq'>ŷ<sub>{i}</sub> = 1 / (1 + e<sup>−({number(d['z'])})</sup>) = "
                f"<b>{number(d['output'])}</b></div>")
    exps = ", ".join(f"{k}: {number(e, 3)}" for k, e in enumerate(d["exps"]))
    return (tr(TEXT["softmax shift"]).format(number(d["shift"])) + tr(TEXT["softmax all"]).format(exps)
            + f"e<sup>z<sub>{i}</sub> − max z</sup> = e<sup>{number(d['z'] - d['shift'])}</sup> = {number(d['exp'])};  "
            f"Σ<sub>j</sub> e<sup>z<sub>j</sub> − max z</sup> = {number(d['sum_exp'])}"
            f"<div class='eq'>ŷ<sub>{i}</sub> = {number(d['exp'])} / {number(d['sum_exp'])} = "
            f"<span class='total'>{number(d['output'])}</span></div>")


def _fmt_loss(d, step, tr):
    sel = d.get("i")
    rows = [tuple(f"<b>{v}</b>" if t["i"] == sel else v
                  for v in (t["i"], number(t["y"]), number(t["yhat"]), number(t["term"])))
            for t in d["terms"]]
    out = terms_table(("i", "y", "ŷ", tr(TEXT["term"])), rows)
    if d["loss"] == "cross_entropy" and step.meta.get("output") != "sigmoid" and d["terms"]:
        k = sel if sel is not None else max(d["terms"], key=lambda t: t["y"])["i"]
        t = d["terms"][k]
        out += (tr(TEXT["term k"]).format(k, number(t["y"]), number(t["yhat"]), number(t["term"]))
                + (tr(TEXT["only target term"]) if t["y"] == 1 else "") + "<br>")
    return out + f"<div class='eq'>{tr(TEXT['sum terms'])}<span class='total'>{number(d['total'])}</span></div>"


def _fmt_loss_grad(d, step, tr):
    i = d["i"]
    if d["loss"] == "cross_entropy" and step.meta.get("output") != "sigmoid":
        return (f"<div class='eq'>∂L/∂ŷ<sub>{i}</sub> = −y<sub>{i}</sub> / ŷ<sub>{i}</sub> = "
                f"−{number(d['y'])} / {number(d['yhat'])}"
                f" = <span class='total'>{number(d['grad'])}</span></div>"
                + (tr(TEXT["only target grad"]) if d["y"] == 0 else ""))
    return (f"ŷ<sub>{d['i']}</sub> = {number(d['yhat'])}, y<sub>{d['i']}</sub> = {number(d['y'])}"
            f"<div class='eq'>∂L/∂ŷ<sub>{d['i']}</sub> = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_output_grad(d, step, tr):
    i = d["i"]
    if d["combined"]:
        return (f"<div class='eq'>δ<sub>{i}</sub> = ŷ<sub>{i}</sub> − y<sub>{i}</sub> = "
                f"{number(d['yhat'])} − {operand(d['y'])}"
                f" = <span class='total'>{number(d['grad'])}</span></div>")
    return (f"∂L/∂ŷ<sub>{i}</sub> = {number(d['grad_output'])}"
            f"<div class='eq'>δ<sub>{i}</sub> = <span class='total'>{number(d['grad'])}</span></div>")


# explain()'s kinds and their formatters
EXPLAIN = {
    "softmax": _fmt_softmax,
    "loss": _fmt_loss,
    "loss_grad": _fmt_loss_grad,
    "output_grad": _fmt_output_grad,
}


def _panels_loss(step, cap):
    a, probs = step.arrays, step.reads[0]
    return [(probs, a["input"], "value", cap("ŷ")), (probs, a["target"], "own", cap("target")),
            (probs, a["terms"], "own", cap("terms"))]


def _panels_loss_grad(step, cap):
    a = step.arrays
    return [(step.stage, a["input"], "value", cap("ŷ")), (step.stage, a["grad_input"], "grad", cap("∂L/∂ŷ"))]


def _panels_output_grad(step, cap):
    a = step.arrays
    return [(step.reads[0], a["output"], "value", cap("ŷ")), (step.stage, a["grad_input"], "grad", cap("δ"))]


OUTLINES = {}
PANELS = {OpKind.LOSS: _panels_loss, OpKind.LOSS_GRAD: _panels_loss_grad, OpKind.OUTPUT_GRAD: _panels_output_grad}
