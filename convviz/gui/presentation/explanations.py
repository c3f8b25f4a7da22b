"""The clicked element's equation with its numbers, as HTML (no Qt): one formatter per kind of
`convviz.engine.explain` result, all numbers formatted by `presentation.equations`."""

import numpy as np

from convviz.engine import StageKind
from convviz.gui.presentation import palette
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.symbols import MAP_SYMBOLS, element_symbol, is_conv_layer


def operand(x):
    """A number as an operand: negative ones in parentheses, so '+ (−1.4)' reads right."""
    return number(x) if float(x) >= 0 else f"({number(x)})"


def matrix(a, mark=None, sign=False):
    """A small 2-D array as an HTML table; `mark` = (r, c) drawn bold."""
    rows = []
    for r in range(a.shape[0]):
        cells = []
        for c in range(a.shape[1]):
            v = number(a[r, c], 3)
            style = ""
            if sign and a[r, c] != 0:
                style = f" style='color:{palette.NUMBER_POSITIVE if a[r, c] > 0 else palette.NUMBER_NEGATIVE}'"
            cells.append(f"<td{style}><b>{v}</b></td>" if mark == (r, c) else f"<td{style}>{v}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table class='m' cellspacing='0'>" + "".join(rows) + "</table>"


def terms_table(headers, rows):
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table class='t' cellspacing='0'>{head}{body}</table>"


def _rest(d, shown):
    others = d["n_terms"] - shown
    if others <= 0:
        return ""
    nz = ""
    if "n_nonzero" in d:       # most of a ReLU layer's terms are 0: say how many count
        rest_nz = max(d["n_nonzero"] - sum(1 for t in d["terms"][:shown] if t.get("product")), 0)
        nz = f" ({rest_nz} non-zero)"
        if rest_nz == 0:        # the rest is only rounding (1e-18), not a number to show
            return f"+ {others} other terms, all 0<br>"
    return f"+ {others} other terms{nz}: {number(d['rest'])}<br>"


def format_explanation(kind, d, step):
    """HTML for explain's (kind, data); '' for a kind without a formatter."""
    f = _FORMATTERS.get(kind)
    return f(d, step) if f else ""


def _fmt_conv_pixel(d, step):
    r0, c0, r1, c1 = d["receptive_field"]
    p, i, j = d["p"], d["i"], d["j"]
    patch, kernel, prods = d["patch"], d["kernel"], d["products"]
    many = patch.shape[0] > 1
    what = "Σ<sub>c</sub> Σ products" if many else "Σ products"
    # the result first: at the default size the tables below need scrolling
    out = [f"<div class='eq'>C<sub>{p}</sub>[{i}, {j}] = {what} + b<sub>{p}</sub> = "
           f"{number(d['sum'])} + {operand(d['bias'])}"
           f" = <span class='total'>{number(d['z'])}</span></div>",
           f"Receptive field: input rows {r0}…{r1 - 1}, columns {c0}…{c1 - 1} (outlined on the input).<br>"]
    c = 0
    if many:
        sums = d["channel_sums"]
        out.append("Sum of products per input channel c: " +
                   ", ".join(f"c={c}: {number(v)}" for c, v in enumerate(sums)) + "<br>")
        c = int(np.argmax(np.abs(sums)))
        out.append(f"Channel {c} (largest):")
    # One table under the other: three k × k tables side by side overflow the inspector's width.
    src = MAP_SYMBOLS.get(step.reads[0].kind, "I")
    out.append(f"<table><tr><td>patch {src}<sub>{c}</sub></td><td>{matrix(patch[c])}</td></tr>"
               f"<tr><td>⊙ kernel K<sub>{p},{c}</sub></td><td>{matrix(kernel[c], sign=True)}</td></tr>"
               f"<tr><td>= products</td><td>{matrix(prods[c], sign=True)}</td></tr>"
               f"<tr><td></td><td>Σ = {number(prods[c].sum())}</td></tr></table>")
    return "".join(out)


def _fmt_input_pixel(d, step):
    c, r, s = d["index"]
    return (f"<div class='eq'>I<sub>{c}</sub>[{r}, {s}] = <span class='total'>{number(d['value'])}</span></div>"
            f"0 is paper, 1 is full ink. Every later stage is computed from these "
            f"{step.arrays['output'].size} numbers.")


def _activation_names(idx):
    """(pre-activation, activation) names of one element: (C_p[i, j], A_p[i, j]) or (z_j, a_j)."""
    if len(idx) == 3:
        at = f"<sub>{idx[0]}</sub>[{idx[1]}, {idx[2]}]"
        return f"C{at}", f"A{at}"
    if len(idx) == 1:
        return f"z<sub>{idx[0]}</sub>", f"a<sub>{idx[0]}</sub>"
    return "C", "A"


def _fmt_activation(d, step):
    inp, out = _activation_names(d["index"])
    return (f"<div class='eq'>{out} = σ({inp}) = {d['activation']}({number(d['input'])}) = "
            f"<span class='total'>{number(d['output'])}</span></div>")


def _fmt_pool_window(d, step):
    r0, c0 = d["origin"]
    k1, k2 = d["size"]
    p, i, j = d["p"], d["i"], d["j"]
    what = {"max": "the largest value (bold) wins", "avg": "their mean", "l2": "√(Σ x²)"}[d["kind"]]
    if d["kind"] == "max" and np.count_nonzero(d["window"] == d["window"].max()) > 1:
        what += " (a tie: the first in reading order, as in PyTorch)"
    return (f"Window of A<sub>{p}</sub>: rows {r0}…{r0 + k1 - 1}, columns {c0}…{c0 + k2 - 1}; {what}.<br>"
            f"{matrix(d['window'], mark=d['argmax'])}"
            f"<div class='eq'>P<sub>{p}</sub>[{i}, {j}] = <span class='total'>{number(d['output'])}</span></div>")


def _fmt_flatten(d, step):
    h, w = d["hw"]
    value = f" = <span class='total'>{number(d['value'])}</span>" if "value" in d else ""
    return (f"<div class='eq'>a⁰[{d['k']}] = P<sub>{d['p']}</sub>[{d['i']}, {d['j']}]{value}</div>"
            f"k = p·{h * w} + i·{w} + j = {d['p']}·{h * w} + {d['i']}·{w} + {d['j']} = {d['k']}")


def _src(t):
    return "" if t.get("source") is None else "P<sub>%d</sub>[%d, %d]" % t["source"]


def _fmt_dense_unit(d, step):
    with_src = any(t.get("source") for t in d["terms"])
    rows = [((t["i"], _src(t)) if with_src else (t["i"],)) + (number(t["w"]), number(t["a"]), number(t["product"]))
            for t in d["terms"]]
    heads = (("i", "from") if with_src else ("i",)) + ("W", "a", "W·a")
    return (f"Largest contributions W<sub>{d['j']},i</sub> · a<sub>i</sub> (of {d['n_terms']} inputs, "
            f"{d['n_nonzero']} non-zero{'; outlined on the pooled maps' if with_src else ''}):" +
            terms_table(heads, rows) + _rest(d, len(rows)) +
            f"<div class='eq'>z<sub>{d['j']}</sub> = Σ W·a + b = {number(d['sum'])} + {operand(d['bias'])} = "
            f"<span class='total'>{number(d['z'])}</span></div>")


def _fmt_softmax(d, step):
    i = d["i"]
    if "exp" not in d:
        return (f"<div class='eq'>ŷ<sub>{i}</sub> = 1 / (1 + e<sup>−({number(d['z'])})</sup>) = "
                f"<b>{number(d['output'])}</b></div>")
    exps = ", ".join(f"{k}: {number(e, 3)}" for k, e in enumerate(d["exps"]))
    return (f"Subtracting max z = {number(d['shift'])} first cancels in the ratio and keeps e<sup>z</sup> finite.<br>"
            f"All e<sup>z<sub>j</sub> − max z</sup>: {exps}<br>"
            f"e<sup>z<sub>{i}</sub> − max z</sup> = e<sup>{number(d['z'] - d['shift'])}</sup> = {number(d['exp'])};  "
            f"Σ<sub>j</sub> e<sup>z<sub>j</sub> − max z</sup> = {number(d['sum_exp'])}"
            f"<div class='eq'>ŷ<sub>{i}</sub> = {number(d['exp'])} / {number(d['sum_exp'])} = "
            f"<span class='total'>{number(d['output'])}</span></div>")


def _fmt_loss(d, step):
    sel = d.get("i")
    rows = [tuple(f"<b>{v}</b>" if t["i"] == sel else v
                  for v in (t["i"], number(t["y"]), number(t["yhat"]), number(t["term"])))
            for t in d["terms"]]
    out = terms_table(("i", "y", "ŷ", "term"), rows)
    if d["loss"] == "cross_entropy" and step.meta.get("output") != "sigmoid" and d["terms"]:
        k = sel if sel is not None else max(d["terms"], key=lambda t: t["y"])["i"]
        t = d["terms"][k]
        out += (f"term<sub>{k}</sub> = −y<sub>{k}</sub> · ln ŷ<sub>{k}</sub> = "
                f"−{number(t['y'])} · ln {number(t['yhat'])}"
                f" = {number(t['term'])}" + ("; y is 0 for every other class, so only the target's term counts."
                                        if t["y"] == 1 else "") + "<br>")
    return out + f"<div class='eq'>L = Σ terms = <span class='total'>{number(d['total'])}</span></div>"


def _fmt_loss_grad(d, step):
    i = d["i"]
    if d["loss"] == "cross_entropy" and step.meta.get("output") != "sigmoid":
        return (f"<div class='eq'>∂L/∂ŷ<sub>{i}</sub> = −y<sub>{i}</sub> / ŷ<sub>{i}</sub> = "
                f"−{number(d['y'])} / {number(d['yhat'])}"
                f" = <span class='total'>{number(d['grad'])}</span></div>"
                + ("Only the target class has y = 1, so every other ∂L/∂ŷ is 0." if d["y"] == 0 else ""))
    return (f"ŷ<sub>{d['i']}</sub> = {number(d['yhat'])}, y<sub>{d['i']}</sub> = {number(d['y'])}"
            f"<div class='eq'>∂L/∂ŷ<sub>{d['i']}</sub> = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_output_grad(d, step):
    i = d["i"]
    if d["combined"]:
        return (f"<div class='eq'>δ<sub>{i}</sub> = ŷ<sub>{i}</sub> − y<sub>{i}</sub> = "
                f"{number(d['yhat'])} − {operand(d['y'])}"
                f" = <span class='total'>{number(d['grad'])}</span></div>")
    return (f"∂L/∂ŷ<sub>{i}</sub> = {number(d['grad_output'])}"
            f"<div class='eq'>δ<sub>{i}</sub> = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_dense_weight_grad(d, step):
    return (f"<div class='eq'>∂L/∂W<sub>{d['j']},{d['i']}</sub> = δ<sub>{d['j']}</sub> · a<sub>{d['i']}</sub> = "
            f"{number(d['delta'])} × {operand(d['a'])} = <span class='total'>{number(d['grad'])}</span></div>"
            f"(the weight itself is {number(d['weight'])}"
            + (f"; input {d['i']} is the pooled value {_src(d)})" if d.get("source") else ")"))


def _fmt_bias_grad(d, step):
    # said first: the selection may be a kernel weight or a unit, whose bias this is
    what = f"The bias of {'kernel' if is_conv_layer(step.stage) else 'unit'} {d['p']} (now {number(d['bias'])}):"
    if d["n_terms"] == 1:
        return what + (f"<div class='eq'>∂L/∂b<sub>{d['p']}</sub> = δ<sub>{d['p']}</sub> = "
                       f"<span class='total'>{number(d['grad'])}</span></div>")
    return (what + f"<div class='eq'>∂L/∂b<sub>{d['p']}</sub> = Σ<sub>i,j</sub> δ<sub>{d['p']}</sub>[i, j] "
            f"over {d['n_terms']} positions"
            f" = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_dense_input_grad(d, step):
    rows = [(t["j"], number(t["w"]), number(t["delta"]), number(t["product"])) for t in d["terms"]]
    return (f"Largest terms W<sub>j,{d['i']}</sub> · δ<sub>j</sub> (of {d['n_terms']}):" +
            terms_table(("j", "W", "δ", "W·δ"), rows) + _rest(d, len(rows)) +
            f"<div class='eq'>∂L/∂a<sub>{d['i']}</sub> = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_activation_grad(d, step):
    pre, post = _activation_names(d["index"])
    return (f"{pre} = {number(d['input'])}, so σ′({pre}) = {number(d['derivative'])}"
            f"<div class='eq'>∂L/∂{pre} = ∂L/∂{post} · σ′({pre}) = "
            f"{number(d['grad_output'])} × {operand(d['derivative'])} = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


def _fmt_unflatten(d, step):
    return (f"<div class='eq'>δ<sub>P</sub>[{d['p']}, {d['i']}, {d['j']}] = ∂L/∂a⁰[{d['k']}] = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


def _fmt_pool_grad(d, step):
    lines = []
    for part in d["parts"]:
        i, j = part["window"]
        if d["kind"] == "max":
            sh, sw = step.meta["pool_stride"]
            r, c = i * sh + part["argmax"][0], j * sw + part["argmax"][1]
            verdict = ("held the maximum: it gets all of δ" if part["won"]
                       else f"lost to A<sub>{d['p']}</sub>[{r}, {c}] (bold), the window's maximum: it gets 0")
            lines.append(f"window P[{i}, {j}] with δ = {number(part['delta'])}: this value {verdict}"
                         f"{matrix(part['values'], mark=part['argmax'])}")
        else:
            lines.append(f"window P[{i}, {j}] with δ = {number(part['delta'])} sends {number(part['share'])}")
    if not lines:
        lines.append("no pooling window covers this value (skipped border): gradient 0")
    return ("<br>".join(lines) +
            f"<div class='eq'>∂L/∂A<sub>{d['p']}</sub>[{d['r']}, {d['c']}] = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


def _fmt_conv_kernel_grad(d, step):
    rows = [(f"({t['i']}, {t['j']})", f"({t['row']}, {t['col']})",
             number(t["delta"]), number(t["x"]), number(t["product"]))
            for t in d["terms"]]
    p, c, m, n = d["p"], d["c"], d["m"], d["n"]
    if d["n_nonzero"] == 0:
        return (f"All {d['n_terms']} products δ<sub>{p}</sub>[i, j] · I<sub>{c}</sub>[…] are 0 (δ is 0 wherever "
                f"input channel {c} is not), so this weight gets no gradient."
                f"<div class='eq'>∂L/∂K<sub>{p},{c}</sub>[{m}, {n}] = "
                f"<span class='total'>{number(d['grad'])}</span></div>")
    return (f"Sum over all {d['n_terms']} positions of the feature map ({d['n_nonzero']} non-zero). Largest terms:" +
            terms_table(("(i, j)", "input pixel", "δ", "I", "δ·I"), rows) + _rest(d, len(rows)) +
            f"<div class='eq'>∂L/∂K<sub>{p},{c}</sub>[{m}, {n}] = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_conv_input_grad(d, step):
    rows = [(f"{t['p']}", f"({t['i']}, {t['j']})", f"({t['m']}, {t['n']})",
             number(t["delta"]), number(t["w"]), number(t["product"]))
            for t in d["terms"]]
    return (f"This pixel met {d['n_terms']} (kernel weight, output position) pairs. Largest terms:" +
            terms_table(("p", "(i, j)", "(m, n)", "δ", "K", "δ·K"), rows) + _rest(d, len(rows)) +
            f"<div class='eq'>∂L/∂{element_symbol(step.stage, (d['c'], d['r'], d['s'])) or 'I'} = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


def _param_symbol(step, index):
    """The updated element in the paper's notation: K_p,c[m, n], W_j,i or b_p (θ otherwise)."""
    kind = step.stage.kind
    if kind == StageKind.WEIGHTS and len(index) == 4:
        p, c, m, n = index
        return f"K<sub>{p},{c}</sub>[{m}, {n}]", ""
    if kind == StageKind.WEIGHTS and len(index) == 2:
        return f"W<sub>{index[0]},{index[1]}</sub>", ""
    if kind == StageKind.BIAS and len(index) == 1:
        what = "kernel" if is_conv_layer(step.stage) else "unit"
        return f"b<sub>{index[0]}</sub>", f"the bias of {what} {index[0]}"
    return "θ", ""


def _fmt_update(d, step):
    sym, note = _param_symbol(step, d["index"])
    change = d["after"] - d["before"]
    # enough digits that before and after differ on screen (a step is often 10⁻⁵ of the weight)
    digits = 4
    if change != 0:
        scale = max(abs(d["before"]), abs(d["after"]))
        digits = int(min(10, max(4, np.ceil(np.log10(scale / abs(change))) + 2))) if scale > 0 else 4
    lines = [f"<div class='eq'>{sym} ← {number(d['before'], digits)} − {number(d['lr'])} × {operand(d['grad'])} = "
             f"<span class='total'>{number(d['after'], digits)}</span></div>"]
    if d["grad"] == 0:
        lines.append("Its gradient is 0, so this step leaves it unchanged.")
    else:
        lines.append(f"It moves by −α · ∂L/∂θ = {number(-d['lr'] * d['grad'])}, against its gradient.")
    if note:                # a kernel or unit selected: its bias is what this step updates
        lines.insert(0, f"{note[0].upper()}{note[1:]}:")
    return "".join(lines)


def _fmt_rerun(d, step):
    return (f"<div class='eq'>ŷ<sub>{d['i']}</sub>: {number(d['before'])} → <b>{number(d['after'])}</b></div>"
            f"L: {number(d['loss_before'])} → <b>{number(d['loss_after'])}</b>")


# explain()'s kinds and their formatters
_FORMATTERS = {
    "conv_pixel": _fmt_conv_pixel,
    "input_pixel": _fmt_input_pixel,
    "activation": _fmt_activation,
    "pool_window": _fmt_pool_window,
    "flatten": _fmt_flatten,
    "dense_unit": _fmt_dense_unit,
    "softmax": _fmt_softmax,
    "loss": _fmt_loss,
    "loss_grad": _fmt_loss_grad,
    "output_grad": _fmt_output_grad,
    "dense_weight_grad": _fmt_dense_weight_grad,
    "bias_grad": _fmt_bias_grad,
    "dense_input_grad": _fmt_dense_input_grad,
    "activation_grad": _fmt_activation_grad,
    "unflatten": _fmt_unflatten,
    "pool_grad": _fmt_pool_grad,
    "conv_kernel_grad": _fmt_conv_kernel_grad,
    "conv_input_grad": _fmt_conv_input_grad,
    "update": _fmt_update,
    "rerun": _fmt_rerun,
}
