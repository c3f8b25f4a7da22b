"""Dense layers: a unit's weighted sum, a weight's and a bias's gradient, an input's gradient.

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""


from convviz.engine import OpKind
from convviz.gui.presentation import palette
from convviz.gui.presentation.html import operand, rest_line, terms_table
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.ops.flatten import pooled_stage
from convviz.gui.presentation.symbols import is_conv_step
from convviz.gui.presentation.texts import TEXT


def _src(t):
    return "" if t.get("source") is None else "P<sub>%d</sub>[%d, %d]" % t["source"]


def _fmt_dense_unit(d, step, tr):
    with_src = any(t.get("source") for t in d["terms"])
    rows = [((t["i"], _src(t)) if with_src else (t["i"],)) + (number(t["w"]), number(t["a"]), number(t["product"]))
            for t in d["terms"]]
    heads = (("i", tr(TEXT["from"])) if with_src else ("i",)) + ("W", "a", "W·a")
    outlined = tr(TEXT["outlined pooled"]) if with_src else ""
    return (tr(TEXT["contributions"]).format(d["j"], d["n_terms"], d["n_nonzero"], outlined) +
            terms_table(heads, rows) + rest_line(d, len(rows), tr) +
            f"<div class='eq'>z<sub>{d['j']}</sub> = Σ W·a + b = {number(d['sum'])} + {operand(d['bias'])} = "
            f"<span class='total'>{number(d['z'])}</span></div>")


def _fmt_dense_weight_grad(d, step, tr):
    return (f"<div class='eq'>∂L/∂W<sub>{d['j']},{d['i']}</sub> = δ<sub>{d['j']}</sub> · a<sub>{d['i']}</sub> = "
            f"{number(d['delta'])} × {operand(d['a'])} = <span class='total'>{number(d['grad'])}</span></div>"
            + tr(TEXT["weight itself"]).format(number(d["weight"]))
            + (tr(TEXT["pooled value"]).format(d["i"], _src(d)) if d.get("source") else ")"))


def _fmt_bias_grad(d, step, tr):
    # said first: the selection may be a kernel weight or a unit, whose bias this is
    key = "bias of kernel" if is_conv_step(step) else "bias of unit"
    what = tr(TEXT[key]).format(d["p"], number(d["bias"]))
    if d["n_terms"] == 1:
        return what + (f"<div class='eq'>∂L/∂b<sub>{d['p']}</sub> = δ<sub>{d['p']}</sub> = "
                       f"<span class='total'>{number(d['grad'])}</span></div>")
    return (what + f"<div class='eq'>∂L/∂b<sub>{d['p']}</sub> = Σ<sub>i,j</sub> δ<sub>{d['p']}</sub>[i, j] "
            + tr(TEXT["over positions"]).format(d["n_terms"])
            + f" = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_dense_input_grad(d, step, tr):
    rows = [(t["j"], number(t["w"]), number(t["delta"]), number(t["product"])) for t in d["terms"]]
    return (tr(TEXT["largest terms dense"]).format(d["i"], d["n_terms"]) +
            terms_table(("j", "W", "δ", "W·δ"), rows) + rest_line(d, len(rows), tr) +
            f"<div class='eq'>∂L/∂a<sub>{d['i']}</sub> = <span class='total'>{number(d['grad'])}</span></div>")


# explain()'s kinds and their formatters
EXPLAIN = {
    "dense_unit": _fmt_dense_unit,
    "dense_weight_grad": _fmt_dense_weight_grad,
    "bias_grad": _fmt_bias_grad,
    "dense_input_grad": _fmt_dense_input_grad,
}


def _outline_dense_unit(trace, step, d):
    out = [(step.reads[0], (t["i"],), (0, 1), (0, 1), palette.HIGHLIGHT) for t in d["terms"]]
    pooled = pooled_stage(trace)
    out += [(pooled, t["source"], (0, 1), (0, 1), palette.HIGHLIGHT)
            for t in d["terms"] if t.get("source") is not None and pooled is not None]
    return out


def _outline_dense_weight_grad(trace, step, d):            # W_ji joins input i to unit j: outline both
    fwd = next((s for s in trace if s.op == OpKind.DENSE and s.layer == step.layer), None)
    out = [(step.target, (d["j"],), (0, 1), (0, 1), palette.HIGHLIGHT)]
    if fwd is not None:
        out.append((fwd.reads[0], (d["i"],), (0, 1), (0, 1), palette.HIGHLIGHT))
    if d.get("source") is not None:
        out.append((pooled_stage(trace), d["source"], (0, 1), (0, 1), palette.HIGHLIGHT))
    return out


def _panels_dense_dx(step, cap):
    return [(step.reads[0], step.arrays["grad_output"], "grad", cap("δ z")),
            (step.stage, step.arrays["grad_input"], "grad", cap("dense dx"))]


OUTLINES = {"dense_unit": _outline_dense_unit, "dense_weight_grad": _outline_dense_weight_grad}
PANELS = {OpKind.DENSE_DX: _panels_dense_dx}
