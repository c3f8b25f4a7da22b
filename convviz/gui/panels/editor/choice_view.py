""""This step's choice": beside the iteration, what the current step's choice does. At the loss steps
all seven losses for the current ŷ and y; at activation steps σ and σ′ plotted with the selected
element marked; at pooling steps one window under max, average and L2, forward and backward."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from convviz.engine import OpKind
from convviz.engine.explain import explain
from convviz.gui.panels.editor.choices import (
    LOSS_LABELS,
    POOL_FORMULAS,
    activation_curve,
    activation_point,
    loss_table,
    pairing_warnings,
    pooling_kinds,
)
from convviz.gui.panels.editor.fields import say, tr_editor
from convviz.gui.presentation import palette
from convviz.gui.presentation.html import matrix
from convviz.gui.presentation.numbers import number
from convviz.gui.widgets.translate import Retranslating

_CSS = ("<style>table.t td { padding: 1px 6px; text-align: right; font-family: 'DejaVu Sans Mono', monospace; }"
        f" table.t th {{ padding: 1px 6px; color: {palette.TABLE_HEAD}; }} .warn {{ color: {palette.NOTE_TEXT}; }}"
        f" .hint {{ color: {palette.HINT_TEXT}; }}"
        " table.m td { padding: 0 3px; text-align: right; font-family: 'DejaVu Sans Mono', monospace; }</style>")
_LOSS_OPS = (OpKind.LOSS, OpKind.LOSS_GRAD, OpKind.OUTPUT_GRAD)
_POOL_OPS = (OpKind.POOL, OpKind.POOL_GRAD)
_ACT_OPS = (OpKind.ACTIVATION, OpKind.ACTIVATION_GRAD)


def _fill(text, *args):
    """Qt-style %1, %2… placeholders filled in (a translation may reorder them)."""
    for k in range(len(args), 0, -1):          # %10 before %1
        text = text.replace(f"%{k}", str(args[k - 1]))
    return text


def _most_varied_window(step):
    """((p, i, j), window) of the pooling window whose values differ most: the kinds differ most there."""
    k1, k2 = step.meta["pool_size"]
    s1, s2 = step.meta["pool_stride"]
    a = step.arrays["input"]
    views = np.lib.stride_tricks.sliding_window_view(a, (k1, k2), axis=(1, 2))[:, ::s1, ::s2]
    spread = views.max(axis=(-2, -1)) - views.min(axis=(-2, -1))
    p, i, j = np.unravel_index(int(np.argmax(spread)), spread.shape)
    return (int(p), int(i), int(j)), views[p, i, j]


class ChoiceView(Retranslating, QStackedWidget):
    """show(trace, step, selection): a page for the step's kind (loss, activation, pooling, none)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.none_page = QLabel()
        self.none_page.setWordWrap(True)
        self.none_page.setStyleSheet(f"color:{palette.HINT_TEXT}; padding:8px;")
        self.text = QTextBrowser()
        self.act_page = QWidget()
        lay = QVBoxLayout(self.act_page)
        lay.setContentsMargins(2, 2, 2, 2)
        self.act_label = QLabel()
        self.act_label.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMouseEnabled(False, False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.addLegend(offset=(10, 10))
        self.sigma_curve = self.plot.plot(pen=pg.mkPen(palette.CURVE_SIGMA, width=2), name="σ(x)")
        self.deriv_curve = self.plot.plot(pen=pg.mkPen(palette.CURVE_DERIVATIVE, width=2, style=pg.QtCore.Qt.DashLine),
                                          name="σ′(x)")
        self.marks = pg.ScatterPlotItem(size=11, pen=pg.mkPen("k"), brush=pg.mkBrush(palette.CURVE_MARK))
        self.plot.addItem(self.marks)
        self.c_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(palette.MUTED_TEXT, style=pg.QtCore.Qt.DotLine))
        self.plot.addItem(self.c_line)
        lay.addWidget(self.act_label)
        lay.addWidget(self.plot, 1)
        for w in (self.none_page, self.text, self.act_page):
            self.addWidget(w)
        self.kind = None
        self.point = None           # (C, σ(C), σ′(C)) of the marked element
        self._shown = None          # (trace, step, selection) last shown, to show again after a language switch
        self.retranslate()

    def retranslate(self):
        """The static text in the current language, and the page shown again in it."""
        self.none_page.setText(self.tr("Step to a loss, activation or pooling step to see what that "
                                       "choice does, and how the others would do it."))
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, trace, step, selection=None):
        """Fill the page for `step` of `trace`; selection: (StageId, index) or None."""
        self._shown = (trace, step, selection)
        if step is None:
            return self._none()
        if step.op in _LOSS_OPS:
            return self._loss(trace, step)
        if step.op in _ACT_OPS:
            return self._activation(step, selection)
        if step.op in _POOL_OPS:
            return self._pool(step, selection)
        return self._none()

    def _none(self):
        self.kind = None
        self.setCurrentWidget(self.none_page)

    # ---- loss ------------------------------------------------------------------------
    def _loss(self, trace, step):
        self.kind = "loss"
        out = next(s for s in trace if s.op == OpKind.OUTPUT)
        loss_step = next(s for s in trace if s.op == OpKind.LOSS)
        chosen, output = loss_step.meta["loss"], loss_step.meta["output"]
        rows, wrong = loss_table(out.arrays["output"], out.arrays["input"], trace.label, output)
        yhat = out.arrays["output"]
        head = _fill(self.tr("<p>ŷ<sub>%1</sub> = %2 for the target y = %1; the largest wrong class is %3 "
                             "with ŷ<sub>%3</sub> = %4. Every loss under this %5 output:</p>"),
                     trace.label, number(yhat[trace.label]), wrong, number(yhat[wrong]), output)
        cells = []
        for r in rows:
            style = f" style='background:{palette.CHOSEN_ROW}; font-weight:bold'" if r.loss == chosen else ""
            cells.append(f"<tr{style}><td style='text-align:left'>{tr_editor(LOSS_LABELS[r.loss])}</td>"
                         f"<td>{number(r.value)}</td><td>{number(r.grad_target)}</td>"
                         f"<td>{number(r.grad_wrong)}</td></tr>")
        header = _fill(self.tr("<tr><th>loss</th><th>L</th><th>∂L/∂ŷ<sub>%1</sub> (target)</th>"
                                "<th>∂L/∂ŷ<sub>%2</sub> (wrong)</th></tr>"), trace.label, wrong)
        table = f"<table class='t'>{header}{''.join(cells)}</table>"
        why = self.tr("<p class='hint'>The larger |∂L/∂ŷ|, the harder the backward pass pushes. On a confident "
                      "mistake (ŷ of the target near 0) cross-entropy's −1/ŷ grows without bound, while MSE's "
                      "2(ŷ − y)/t stays below 2/t.</p>")
        warns = "".join(f"<p class='warn'>⚠ {say(w)}</p>" for w in pairing_warnings(chosen, output))
        self.text.setHtml(_CSS + f"<h3>{self.tr('The chosen loss beside the other six')}</h3>"
                          + head + table + warns + why)
        self.setCurrentWidget(self.text)

    # ---- activations -----------------------------------------------------------------
    def _activation(self, step, selection):
        self.kind = "activation"
        name = step.meta.get("activation")
        c = step.arrays["input"]
        x, s, d = activation_curve(name, c)
        self.sigma_curve.setData(x, s)
        self.deriv_curve.setData(x, d)
        self.point = None
        if selection is not None:
            try:
                found = explain(step, *selection)
            except (IndexError, ValueError, KeyError):
                found = None
            if found is not None and "input" in found[1]:
                self.point = activation_point(name, found[1]["input"])
        note = ""
        if self.point is None and np.size(c):
            # nothing of this step clicked: the element the step moves most (largest |δ| going
            # back, largest |σ(C)| going forward), so the curves always show a worked point
            key = step.arrays["grad_input"] if step.op == OpKind.ACTIVATION_GRAD else step.arrays["output"]
            self.point = activation_point(name, np.ravel(c)[int(np.argmax(np.abs(np.ravel(key))))])
            note = " " + self.tr("(the element with the largest |δ|; click another)") if \
                step.op == OpKind.ACTIVATION_GRAD else " " + self.tr("(the element with the largest |σ(C)|; "
                                                                    "click another)")
        if self.point is None:
            self.marks.setData([], [])
            self.c_line.setVisible(False)
            text = self.tr("σ = %1 and its derivative σ′. Click an element to mark its C.").replace("%1", name)
        else:
            cval, sval, dval = self.point
            self.marks.setData([cval, cval], [sval, dval])
            self.c_line.setValue(cval)
            self.c_line.setVisible(True)
            text = _fill(self.tr("σ = %1: at C = %2, σ(C) = %3 and σ′(C) = %4."), name, number(cval),
                         number(sval), number(dval))
            text += note
            if step.op == OpKind.ACTIVATION_GRAD:
                text += " " + self.tr("The gradient through this element is scaled by σ′(C).")
        self.act_label.setText(text)
        self.setCurrentWidget(self.act_page)

    # ---- pooling -----------------------------------------------------------------------
    def _pool(self, step, selection):
        self.kind = "pool"
        window, where = None, ""
        if selection is not None:
            try:
                found = explain(step, *selection)
            except (IndexError, ValueError, KeyError):
                found = None
            if found and found[0] == "pool_window":
                window, where = found[1]["window"], f"P[{found[1]['p']}, {found[1]['i']}, {found[1]['j']}]"
            elif found and found[0] == "pool_grad" and found[1]["parts"]:
                window, where = found[1]["parts"][0]["values"], self.tr("the selected value's window")
        if window is None:
            (p, i, j), window = _most_varied_window(step)
            where = _fill(self.tr("P[%1, %2, %3], the most varied window (click a pooled value for another)"),
                          p, i, j)
        chosen = step.meta["pool"]
        lines = [_fill(self.tr("<p>The window of %1:</p>"), where) + matrix(np.asarray(window))]
        for kind, (value, grad) in pooling_kinds(window).items():
            forward, backward = POOL_FORMULAS[kind]
            mark = f" style='background:{palette.CHOSEN_ROW}'" if kind == chosen else ""
            lines.append(f"<div{mark}>" + _fill(self.tr("<b>%1</b> pooling: %2 = <b>%3</b>; backward: %4. With "
                                                         "δ = 1 the window's gradient is"),
                                                 kind, tr_editor(forward), number(value), tr_editor(backward))
                         + f"{matrix(grad)}</div>")
        self.text.setHtml(_CSS + f"<h3>{self.tr('This window under each pooling kind')}</h3>" + "".join(lines))
        self.setCurrentWidget(self.text)
