"""Convolution: a feature-map pixel, a kernel weight's gradient, an input pixel's gradient.

Everything the GUI shows for these ops, together: the explanation of a clicked element
(EXPLAIN), what it outlines (OUTLINES) and the big view's panels (PANELS)."""

import numpy as np

from convviz.engine import OpKind, StageKind
from convviz.gui.presentation import palette
from convviz.gui.presentation.html import matrix, operand, rest_line, terms_table
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.symbols import MAP_SYMBOLS, element_symbol
from convviz.gui.presentation.texts import TEXT


def _fmt_conv_pixel(d, step, tr):
    r0, c0, r1, c1 = d["receptive_field"]
    p, i, j = d["p"], d["i"], d["j"]
    patch, kernel, prods = d["patch"], d["kernel"], d["products"]
    many = patch.shape[0] > 1
    what = tr(TEXT["sum products c"]) if many else tr(TEXT["sum products"])
    # the result first: at the default size the tables below need scrolling
    out = [f"<div class='eq'>C<sub>{p}</sub>[{i}, {j}] = {what} + b<sub>{p}</sub> = "
           f"{number(d['sum'])} + {operand(d['bias'])}"
           f" = <span class='total'>{number(d['z'])}</span></div>",
           tr(TEXT["receptive"]).format(r0, r1 - 1, c0, c1 - 1)]
    c = 0
    if many:
        sums = d["channel_sums"]
        out.append(tr(TEXT["channel sums"]) +
                   ", ".join(f"c={c}: {number(v)}" for c, v in enumerate(sums)) + "<br>")
        c = int(np.argmax(np.abs(sums)))
        out.append(tr(TEXT["largest channel"]).format(c))
    # One table under the other, each under its name: three k × k tables side by side overflow the
    # inspector's width, and a name beside its table was squeezed to a letter a line.
    src = MAP_SYMBOLS.get(step.reads[0].kind, "I")
    patch_label, kernel_label = tr(TEXT["patch"]).format(src, c), tr(TEXT["kernel"]).format(p, c)
    out.append("<table>" + "".join(
        f"<tr><td style='white-space:nowrap'>{label}</td></tr><tr><td>{table}</td></tr>"
        for label, table in ((patch_label, matrix(patch[c])), (kernel_label, matrix(kernel[c], sign=True)),
                             (tr(TEXT["products"]), matrix(prods[c], sign=True))))
        + f"<tr><td>Σ = {number(prods[c].sum())}</td></tr></table>")
    return "".join(out)


def _fmt_conv_kernel_grad(d, step, tr):
    rows = [(f"({t['i']}, {t['j']})", f"({t['row']}, {t['col']})",
             number(t["delta"]), number(t["x"]), number(t["product"]))
            for t in d["terms"]]
    p, c, m, n = d["p"], d["c"], d["m"], d["n"]
    if d["n_nonzero"] == 0:
        return (tr(TEXT["dead kernel"]).format(d["n_terms"], p, c)
                + f"<div class='eq'>∂L/∂K<sub>{p},{c}</sub>[{m}, {n}] = "
                f"<span class='total'>{number(d['grad'])}</span></div>")
    return (tr(TEXT["kernel sum"]).format(d["n_terms"], d["n_nonzero"]) +
            terms_table(("(i, j)", tr(TEXT["input pixel head"]), "δ", "I", "δ·I"), rows) + rest_line(d, len(rows), tr) +
            f"<div class='eq'>∂L/∂K<sub>{p},{c}</sub>[{m}, {n}] = <span class='total'>{number(d['grad'])}</span></div>")


def _fmt_conv_input_grad(d, step, tr):
    rows = [(f"{t['p']}", f"({t['i']}, {t['j']})", f"({t['m']}, {t['n']})",
             number(t["delta"]), number(t["w"]), number(t["product"]))
            for t in d["terms"]]
    return (tr(TEXT["pixel met"]).format(d["n_terms"]) +
            terms_table(("p", "(i, j)", "(m, n)", "δ", "K", "δ·K"), rows) + rest_line(d, len(rows), tr) +
            f"<div class='eq'>∂L/∂{element_symbol(step.stage, (d['c'], d['r'], d['s'])) or 'I'} = "
            f"<span class='total'>{number(d['grad'])}</span></div>")


# explain()'s kinds and their formatters
EXPLAIN = {
    "conv_pixel": _fmt_conv_pixel,
    "conv_kernel_grad": _fmt_conv_kernel_grad,
    "conv_input_grad": _fmt_conv_input_grad,
}


def input_symbol(stage):
    """What a conv block reads, as in the equations: I (the image), P (pooled maps) or A."""
    return {StageKind.POOLED: "P", StageKind.ACTIVATED: "A"}.get(stage.kind, "I")


def _outline_conv_pixel(trace, step, d):
    r0, c0, r1, c1 = d["receptive_field"]
    src, kernels = step.reads
    out = [(src, (c, r0, c0), (0, r1 - r0), (0, c1 - c0), palette.HIGHLIGHT)
           for c in range(step.arrays["input"].shape[0])]
    w = step.arrays["W"]
    out.append((kernels, (d["p"], 0, 0, 0), (0, w.shape[2]),
                (0, w.shape[1] * (w.shape[3] + 1) - 1), palette.HIGHLIGHT))
    return out


def _outline_conv_kernel_grad(trace, step, d):
    maps, src = step.reads
    out = []
    for t in d["terms"]:
        out.append((src, (d["c"], t["row"], t["col"]), (0, 1), (0, 1), palette.HIGHLIGHT))
        out.append((maps, (d["p"], t["i"], t["j"]), (0, 1), (0, 1), palette.HIGHLIGHT))
    return out


def _panels_conv(step, cap):
    a, reads = step.arrays, step.reads
    out = a["output"]
    d, h, w = out.shape
    n, c, k1, k2 = a["W"].shape
    x = a["input"]
    src = input_symbol(reads[0])
    kernels = f"{n} × {k1} × {k2}" + (f" × {c}" if c > 1 else "")
    # ⋆: cross-correlation (the kernel is not flipped), as in the conv_dX equation
    return [(reads[0], x, "value", cap("conv input", src=src, c=x.shape[0], hin=x.shape[1], win=x.shape[2])),
            (reads[1], a["W"], "value", cap("conv kernels", kernels=kernels)),
            (step.stage, out, "value", cap("conv output", src=src, d=d, h=h, w=w))]


def _panels_conv_dx(step, cap):
    a, reads, g = step.arrays, step.reads, step.arrays["grad_input"]
    if np.ndim(g) != 3:
        return None
    what = (cap("saliency") if step.stage.kind == StageKind.INPUT
            else cap("conv dx", src=input_symbol(step.stage)))
    return [(reads[0], a["grad_output"], "grad", cap("δ C")), (reads[1], a["W"], "value", cap("kernels")),
            (step.stage, g, "grad", what)]


OUTLINES = {"conv_pixel": _outline_conv_pixel, "conv_kernel_grad": _outline_conv_kernel_grad}
PANELS = {OpKind.CONV: _panels_conv, OpKind.CONV_DX: _panels_conv_dx}
