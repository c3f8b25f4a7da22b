"""HTML building blocks of the inspector's explanations (no Qt): operands, small matrices,
tables of terms and the 'other terms' line."""

from convviz.gui.presentation import palette
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.texts import TEXT


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


def rest_line(d, shown, tr):
    others = d["n_terms"] - shown
    if others <= 0:
        return ""
    nz = ""
    if "n_nonzero" in d:       # most of a ReLU layer's terms are 0: say how many count
        rest_nz = max(d["n_nonzero"] - sum(1 for t in d["terms"][:shown] if t.get("product")), 0)
        nz = tr(TEXT["rest nonzero"]).format(rest_nz)
        if rest_nz == 0:        # the rest is only rounding (1e-18), not a number to show
            return tr(TEXT["rest all zero"]).format(others)
    return tr(TEXT["rest"]).format(others, nz, number(d["rest"]))
