"""The detail view's building blocks: which panels a step's big view shows, and the pages
that hold them (built once, refilled per step)."""

import numpy as np
import pyqtgraph as pg

from convviz.engine import OpKind, StageKind
from convviz.gui.presentation.mosaic import Strip, Tiling, best_rows
from convviz.gui.presentation.numbers import plain_number
from convviz.gui.widgets import colors
from convviz.gui.widgets.markers import nth_marker


def wants_detail(step):
    return step.op in (OpKind.DENSE_DW, OpKind.DENSE_DB, OpKind.CONV_DK, OpKind.CONV_DB, OpKind.UPDATE, OpKind.RERUN)


def _input_symbol(stage):
    """What a conv block reads, as in the equations: I (the image), P (pooled maps) or A."""
    return {StageKind.POOLED: "P", StageKind.ACTIVATED: "A"}.get(stage.kind, "I")


MAX_LABELLED = 16         # strips this short get their numbers written beside them


def big_panels(step, trace):
    """What the big view shows for a step without a page of its own, or None (nothing to show).

    [(stage, array, kind, caption)], the stage the step writes last (drawn largest). kind:
    "value" (greyscale at the stage's levels, as in the pipeline), "own" (greyscale at the
    array's own levels) or "grad" (CET-D1 at symmetric levels). A pure function of the step.
    """
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
            what = {K.FLATTEN: f"a⁰: the maps in one vector, {out.size}",
                    K.DENSE: f"z = W·a + b: {out.size} units",
                    K.ACTIVATION: f"a = {step.meta.get('activation', 'σ')}(z): {out.size}",
                    K.OUTPUT: f"ŷ = {step.meta.get('activation', '')}(z): {out.size} classes"}.get(op, step.stage.name)
            return [(prev, x, "value", f"input<br>{size}"), (step.stage, out, "value", what)]
        d, h, w = out.shape
        if op == K.INPUT:
            return [(step.stage, out, "value", f"input image I ({h} × {w})")]
        if op == K.CONV:
            n, c, k1, k2 = a["W"].shape
            x = a["input"]
            src = _input_symbol(reads[0])
            # ⋆: cross-correlation (the kernel is not flipped), as in the conv_dX equation
            return [(reads[0], x, "value", f"input {src}<br>{x.shape[0]} × {x.shape[1]} × {x.shape[2]}"),
                    (reads[1], a["W"], "value", f"kernels K<br>{n} × {k1} × {k2}" + (f" × {c}" if c > 1 else "")),
                    (step.stage, out, "value", f"feature maps C = {src} ⋆ K + b<br>{d} maps {h} × {w}")]
        if op == K.ACTIVATION:
            name = step.meta.get("activation", "σ")
            return [(prev, a["input"], "value", "before: C"),
                    (step.stage, out, "value", f"after: A = {name}(C)<br>{d} maps {h} × {w}")]
        if op == K.POOL:
            x = a["input"]
            return [(prev, x, "value", f"before: A<br>{x.shape[1]} × {x.shape[2]}"),
                    (step.stage, out, "value", f"after: P = {step.meta.get('pool', '')} pool(A)<br>{d} maps {h} × {w}")]
        return None
    if op == K.LOSS:
        probs = reads[0]
        return [(probs, a["input"], "value", "ŷ"), (probs, a["target"], "own", "target y"),
                (probs, a["terms"], "own", "terms of L, one per class<br>(click one)")]
    g = a.get("grad_input")
    if g is None or np.ndim(g) not in (1, 3) or step.phase != "backward":
        return None
    if op == K.LOSS_GRAD:
        return [(step.stage, a["input"], "value", "ŷ"), (step.stage, g, "grad", "∂L/∂ŷ")]
    if op == K.OUTPUT_GRAD:
        return [(reads[0], a["output"], "value", "ŷ"), (step.stage, g, "grad", "δ = ∂L/∂z")]
    if op == K.DENSE_DX:
        return [(reads[0], a["grad_output"], "grad", "δ from above<br>∂L/∂z"),
                (step.stage, g, "grad", "∂L/∂a = Wᵀ·δ<br>for the layer below")]
    if op == K.ACTIVATION_GRAD and np.ndim(g) == 1:
        return [(reads[0], a["grad_output"], "grad", "δ from above<br>∂L/∂a"),
                (step.stage, a["derivative"], "own", "σ′(z)"),
                (step.stage, g, "grad", "∂L/∂z = ∂L/∂a ⊙ σ′(z)<br>")]
    if np.ndim(g) != 3:
        return None
    if op == K.POOL_GRAD:
        how = "each δ goes to the max of its window" if step.meta.get("pool") == "max" else "δ spread over its window"
        return [(reads[0], a["grad_output"], "grad", "δ from above<br>∂L/∂P"),
                (step.stage, g, "grad", f"∂L/∂A<br>{how}")]
    if op == K.ACTIVATION_GRAD:
        return [(reads[0], a["grad_output"], "grad", "δ from above<br>∂L/∂A"),
                (step.stage, a["derivative"], "own", "σ′(C)"),
                (step.stage, g, "grad", "∂L/∂C = ∂L/∂A ⊙ σ′(C)<br>")]
    if op == K.UNFLATTEN:
        return [(reads[0], a["grad_output"], "grad", "∂L/∂a⁰<br>the vector"),
                (step.stage, g, "grad", "∂L/∂P<br>the same numbers back in map shape")]
    if op == K.CONV_DX:
        what = ("∂L/∂I: red pixels would raise the loss<br>(saliency)" if step.stage.kind == StageKind.INPUT
                else f"∂L/∂{_input_symbol(step.stage)}<br>for the layer below")
        return [(reads[0], a["grad_output"], "grad", "δ from above<br>∂L/∂C"),
                (reads[1], a["W"], "value", "kernels K<br> "),
                (step.stage, g, "grad", what)]
    return None


def style_plot(plot):
    plot.setMouseEnabled(False, False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.addLine(y=0, pen=pg.mkPen("#888"))
    for ax in ("left", "bottom"):
        plot.getAxis(ax).setPen(pg.mkPen("#666"))
        plot.getAxis(ax).setTextPen(pg.mkPen("#333"))
    return plot


_BRUSHES = {}


def brush(color):
    if color not in _BRUSHES:
        _BRUSHES[color] = pg.mkBrush(color)
    return _BRUSHES[color]


def signed_brushes(values):
    pos, neg = brush("#c0392b"), brush("#2e64b5")
    return [pos if v > 0 else neg for v in np.asarray(values).ravel()]


class Page(pg.GraphicsLayoutWidget):
    """One layout of the detail view, built once and refilled per step."""

    def __init__(self, n_images=0, n_plots=0, legend=False):
        super().__init__()
        self.setBackground(colors.BACKGROUND)
        self.title = self.addLabel("", row=0, col=0, colspan=max(n_images, n_plots, 1), size="9pt",
                                   color=colors.TEXT)
        self.images, self.captions, self.plots, self.bars = [], [], [], []
        for k in range(n_images):
            vb = self.addViewBox(row=1, col=k)
            vb.setMouseEnabled(False, False)
            vb.setMenuEnabled(False)
            vb.invertY(True)
            vb.setBorder(pg.mkPen(colors.FRAME))
            img = pg.ImageItem(axisOrder="row-major")
            vb.addItem(img)
            self.images.append((vb, img))
            self.captions.append(self.addLabel("", row=2, col=k, size="8pt", color=colors.TEXT))
        for k in range(n_plots):
            plot = style_plot(self.addPlot(row=1, col=k))
            bar = pg.BarGraphItem(x=[0], height=[0], width=0.8, pen=None)
            plot.addItem(bar)
            self.plots.append(plot)
            self.bars.append(bar)
        if legend:
            self.after = pg.BarGraphItem(x=[0], height=[0], width=0.4, brush="#1e8449", pen=None)
            self.plots[0].addItem(self.after)


class FixedLabel(pg.LabelItem):
    """A label whose text changes never re-lay out its page: its height is fixed at `lines`
    lines and it asks for no width (captions are kept short enough to fit)."""

    def __init__(self, lines=2, **kw):
        super().__init__("<br>".join(["Ag"] * lines), **kw)
        self._height = self.itemRect().height()
        self.setMinimumHeight(self._height)
        self.setMaximumHeight(self._height)
        self.setMinimumWidth(0)
        self.setText("")

    def updateMin(self):
        if not hasattr(self, "_height"):
            super().updateMin()


def add_label(layout, row, col, colspan=1, lines=2, size="8pt"):
    label = FixedLabel(lines, size=size, color=colors.TEXT)
    layout.addItem(label, row=row, col=col, colspan=colspan)
    return label


class BigPanel:
    """One image of the big view: a view box, its image, a caption and marker rectangles."""

    def __init__(self, layout, row, col, font_size="8pt"):
        self.number_size = 9.0 if font_size == "9pt" else 7.5
        self.vb = layout.addViewBox(row=row, col=col)
        self.vb.setMouseEnabled(False, False)
        self.vb.setMenuEnabled(False)
        self.vb.invertY(True)
        self.vb.setAspectLocked(True)
        self.vb.setDefaultPadding(0.01)
        self.vb.setBorder(pg.mkPen(colors.FRAME))
        self.img = pg.ImageItem(axisOrder="row-major")
        self.vb.addItem(self.img)
        self.caption = add_label(layout, row + 1, col, size=font_size)
        self.markers = []
        self.framed = True
        self.texts = []
        self.stage = self.tiling = None
        self.shown = None

    def set_framed(self, framed):
        """A frame around a slot in use; none around an empty one."""
        if framed != self.framed:
            self.framed = framed
            self.vb.setBorder(pg.mkPen(colors.FRAME) if framed else None)
            self.vb.update()

    def set_numbers(self, values):
        """'k: value' beside each cell of a short strip (None: no numbers)."""
        n = 0 if values is None else len(values)
        while len(self.texts) < n:
            t = pg.TextItem("", color=colors.TEXT, anchor=(0, 0.5))
            font = t.textItem.font()
            font.setPointSizeF(self.number_size)
            t.setFont(font)
            t.setPos(1.1, len(self.texts) + 0.5)
            self.vb.addItem(t)
            self.texts.append(t)
        for k, t in enumerate(self.texts):
            text = f"{k}: {plain_number(values[k], 3)}" if k < n else ""
            if getattr(t, "_shown", None) != text:
                t._shown = text
                t.setText(text)
                t.setVisible(bool(text))

    def aspect(self):
        """Height / width of the view box (1 before it has a size)."""
        w, h = self.vb.width(), self.vb.height()
        return h / w if w > 20 and h > 20 else 1.0

    def marker(self, k):
        return nth_marker(self.markers, self.vb, k)


class BigPage(pg.GraphicsLayoutWidget):
    """The big view with n source images stacked on the left and the step's stage on the right."""

    def __init__(self, n_sources):
        super().__init__()
        self.setBackground(colors.BACKGROUND)
        self.title = add_label(self.ci, 0, 0, colspan=3, lines=1, size="9pt")
        self.sources = []
        if n_sources:
            left = self.addLayout(row=1, col=0)
            left.setSpacing(2)
            self.sources = [BigPanel(left, 2 * k, 0) for k in range(n_sources)]
        main = self.addLayout(row=1, col=1)
        self.main = BigPanel(main, 0, 0, "9pt")
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=colors.grey_map(), interactive=False,
                                        width=12, pen=colors.FRAME, colorMapMenu=False)
        self.addItem(self.colorbar, row=1, col=2)
        self.ci.layout.setColumnStretchFactor(0, 2)
        self.ci.layout.setColumnStretchFactor(1, 5 if n_sources else 10)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._colorbar_shown = None
        self.on_resize = None
        self.active = []               # the panels the current step uses, sources first

    @property
    def panels(self):
        return self.sources + [self.main]

    def resizeEvent(self, ev):
        """A page gets its size when first shown: tile its maps again for it."""
        super().resizeEvent(ev)
        if getattr(self, "on_resize", None) is not None:
            self.on_resize()


def big_tiling(arr, aspect):
    """A vector (n,) as a strip; maps (D, H, W) in the grid that makes them largest in a box
    `aspect` times taller than wide; kernels (D, C, k, k) one per row when they have several
    channels (as in the pipeline)."""
    if arr.ndim == 1:
        return Strip(arr.size)
    if arr.ndim == 4:
        d, c, k1, k2 = arr.shape
        return Tiling(d, k1, k2, channels=c, kernel_index=True,
                      max_rows=best_rows(d, aspect) if c == 1 else d)
    d, h, w = arr.shape
    return Tiling(d, h, w, max_rows=best_rows(d, aspect * w / h))


def set_text(label, text):
    if getattr(label, "_shown", None) != text:
        label._shown = text
        label.setText(text)
