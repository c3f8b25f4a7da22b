"""A detail view for the current step: dense weight gradients as heat maps, bias gradients as
bars, parameter updates (before, gradient, after), the rerun's probabilities before vs after,
and for every other step that writes maps the big view: its stage's maps as large as they fit,
with what the step reads beside them (the input and kernels of a conv, the maps before a pool).
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QStackedWidget

from . import colors
from .equations import plain_number, to_rich
from .mosaic import Strip, Tiling, best_rows
from .stages import source_stages


def wants_detail(step):
    return step.op in ("dense_dW", "dense_db", "conv_dK", "conv_db", "update", "rerun")


MAX_LABELLED = 16         # strips this short get their numbers written beside them


def big_panels(step, trace):
    """What the big view shows for a step without a page of its own, or None (nothing to show).

    [(stage, array, kind, caption)], the stage the step writes last (drawn largest). kind:
    "value" (greyscale at the stage's levels, as in the pipeline), "own" (greyscale at the
    array's own levels) or "grad" (CET-D1 at symmetric levels). A pure function of the step.
    """
    a, op, layer = step.arrays, step.op, step.layer
    if step.phase == "forward":
        out = a.get("output")
        if out is None or np.ndim(out) not in (1, 3):
            return None
        prev = trace[step.index - 1].stage if step.index > 0 else None
        if np.ndim(out) == 1:                      # a vector, as a strip (as in the pipeline)
            x = a["input"]
            size = " × ".join(str(v) for v in x.shape)
            what = {"flatten": f"a⁰: the maps in one vector, {out.size}",
                    "dense": f"z = W·a + b: {out.size} units",
                    "activation": f"a = {step.meta.get('activation', 'σ')}(z): {out.size}",
                    "output": f"ŷ = {step.meta.get('activation', '')}(z): {out.size} classes"}.get(op, step.stage)
            return [(prev, x, "value", f"input<br>{size}"), (step.stage, out, "value", what)]
        d, h, w = out.shape
        if op == "input":
            return [("input", out, "value", f"input image I ({h} × {w})")]
        if op == "conv":
            n, c, k1, k2 = a["W"].shape
            x = a["input"]
            return [(step.meta["input_stage"], x, "value", f"input I<br>{x.shape[0]} × {x.shape[1]} × {x.shape[2]}"),
                    (f"{layer}.kernels", a["W"], "value", f"kernels K<br>{n} × {k1} × {k2}" + (f" × {c}" if c > 1 else "")),
                    (step.stage, out, "value", f"feature maps C = I ∗ K + b<br>{d} maps {h} × {w}")]
        if op == "activation":
            name = step.meta.get("activation", "σ")
            return [(prev, a["input"], "value", "before: C"),
                    (step.stage, out, "value", f"after: A = {name}(C)<br>{d} maps {h} × {w}")]
        if op == "pool":
            x = a["input"]
            return [(prev, x, "value", f"before: A<br>{x.shape[1]} × {x.shape[2]}"),
                    (step.stage, out, "value", f"after: P = {step.meta.get('pool', '')} pool(A)<br>{d} maps {h} × {w}")]
        return None
    if op == "loss":
        return [("out.probs", a["input"], "value", "ŷ"), ("out.probs", a["target"], "own", "target y"),
                ("out.probs", a["terms"], "own", "terms of L, one per class<br>(click one)")]
    g = a.get("grad_input")
    if g is None or np.ndim(g) not in (1, 3) or step.phase != "backward":
        return None
    if op == "loss_grad":
        return [("out.probs", a["input"], "value", "ŷ"), ("out.probs", g, "grad", "∂L/∂ŷ")]
    if op == "output_grad":
        return [("out.probs", a["output"], "value", "ŷ"), (step.stage, g, "grad", "δ = ∂L/∂z")]
    if op == "dense_dx":
        return [(f"{layer}.z", a["grad_output"], "grad", "δ from above<br>∂L/∂z"),
                (step.stage, g, "grad", "∂L/∂a = Wᵀ·δ<br>for the layer below")]
    if op == "activation_grad" and np.ndim(g) == 1:
        return [(source_stages(trace, step)[0], a["grad_output"], "grad", "δ from above<br>∂L/∂a"),
                (step.stage, a["derivative"], "own", "σ′(z)"),
                (step.stage, g, "grad", "∂L/∂z = ∂L/∂a ⊙ σ′(z)<br>")]
    if np.ndim(g) != 3:
        return None
    if op == "pool_grad":
        how = "each δ goes to the max of its window" if step.meta.get("pool") == "max" else "δ spread over its window"
        return [(f"{layer}.pooled", a["grad_output"], "grad", "δ from above<br>∂L/∂P"),
                (step.stage, g, "grad", f"∂L/∂A<br>{how}")]
    if op == "activation_grad":
        return [(source_stages(trace, step)[0], a["grad_output"], "grad", "δ from above<br>∂L/∂A"),
                (step.stage, a["derivative"], "own", "σ′(C)"),
                (step.stage, g, "grad", "∂L/∂C = ∂L/∂A ⊙ σ′(C)<br>")]
    if op == "unflatten":
        return [("flatten", a["grad_output"], "grad", "∂L/∂a⁰<br>the vector"),
                (step.stage, g, "grad", "∂L/∂P<br>the same numbers back in map shape")]
    if op == "conv_dX":
        what = "∂L/∂I: red pixels would raise the loss<br>(saliency)" if step.stage == "input" else "∂L/∂I"
        return [(f"{layer}.feature_maps", a["grad_output"], "grad", "δ from above<br>∂L/∂C"),
                (f"{layer}.kernels", a["W"], "value", "kernels K<br> "),
                (step.stage, g, "grad", what)]
    return None


def _style_plot(plot):
    plot.setMouseEnabled(False, False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.addLine(y=0, pen=pg.mkPen("#888"))
    for ax in ("left", "bottom"):
        plot.getAxis(ax).setPen(pg.mkPen("#666"))
        plot.getAxis(ax).setTextPen(pg.mkPen("#333"))
    return plot


_BRUSHES = {}


def _brush(color):
    if color not in _BRUSHES:
        _BRUSHES[color] = pg.mkBrush(color)
    return _BRUSHES[color]


def _signed_brushes(values):
    pos, neg = _brush("#c0392b"), _brush("#2e64b5")
    return [pos if v > 0 else neg for v in np.asarray(values).ravel()]


class _Page(pg.GraphicsLayoutWidget):
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
            plot = _style_plot(self.addPlot(row=1, col=k))
            bar = pg.BarGraphItem(x=[0], height=[0], width=0.8, pen=None)
            plot.addItem(bar)
            self.plots.append(plot)
            self.bars.append(bar)
        if legend:
            self.after = pg.BarGraphItem(x=[0], height=[0], width=0.4, brush="#1e8449", pen=None)
            self.plots[0].addItem(self.after)


class _FixedLabel(pg.LabelItem):
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


def _add_label(layout, row, col, colspan=1, lines=2, size="8pt"):
    label = _FixedLabel(lines, size=size, color=colors.TEXT)
    layout.addItem(label, row=row, col=col, colspan=colspan)
    return label


class _BigPanel:
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
        self.caption = _add_label(layout, row + 1, col, size=font_size)
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
        while len(self.markers) <= k:
            item = QGraphicsRectItem()
            item.setZValue(10)
            self.vb.addItem(item)
            self.markers.append(item)
        return self.markers[k]


class _BigPage(pg.GraphicsLayoutWidget):
    """The big view with n source images stacked on the left and the step's stage on the right."""

    def __init__(self, n_sources):
        super().__init__()
        self.setBackground(colors.BACKGROUND)
        self.title = _add_label(self.ci, 0, 0, colspan=3, lines=1, size="9pt")
        self.sources = []
        if n_sources:
            left = self.addLayout(row=1, col=0)
            left.setSpacing(2)
            self.sources = [_BigPanel(left, 2 * k, 0) for k in range(n_sources)]
        main = self.addLayout(row=1, col=1)
        self.main = _BigPanel(main, 0, 0, "9pt")
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


class DetailView(QStackedWidget):
    """Draws one step's detail; elementClicked(stage, index) for clicks on a weight heat map."""

    elementClicked = Signal(str, tuple)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(240)
        self.pages = {"heat": _Page(n_images=1), "bars": _Page(n_plots=1), "images2": _Page(n_images=2),
                      "images3": _Page(n_images=3),
                      "bars3": _Page(n_plots=3), "rerun": _Page(n_plots=1, legend=True)}
        for plot in self.pages["bars3"].plots:     # the index axis says little here and costs a repaint
            plot.hideAxis("bottom")
        for name, page in self.pages.items():
            self.addWidget(page)
            page.scene().sigMouseClicked.connect(lambda ev, page=page: self._on_click(page, ev))
        self._heat = []            # [(viewbox, stage, shape, tiling or None)] clickable images now
        self._marker = QGraphicsRectItem()
        pen = QPen(QColor(colors.SELECT))
        pen.setWidthF(2)
        pen.setCosmetic(True)
        self._marker.setPen(pen)
        self._marker.setZValue(10)
        self._shown = None
        self._big = None               # the big view's (step, panels) when it is the current page
        self.levels_for = lambda stage: None
        self._retile = QTimer(self)
        self._retile.setSingleShot(True)
        self._retile.setInterval(100)
        self._retile.timeout.connect(self._on_retile)
        self._markers = ()
        self.big_page()                # built now, not on the first step that needs it

    def has_page(self, step, trace):
        """True when the step has something to show here (a page of its own or the big view)."""
        return step is not None and (wants_detail(step) or big_panels(step, trace) is not None)

    def show_step(self, step, selection=None, trace=None, markers=()):
        """Fill the page this step needs (pages are built once; only data changes).

        trace: the step's trace (for the big view); markers: the pipeline's marker rectangles
        (stage, index, rows, cols, colour), drawn on the big view's images of those stages.
        """
        if self._shown is not step:
            self._shown = step
            self._heat = []
            self._big = None
            if step is not None and wants_detail(step):
                self._fill(step)
            elif step is not None and trace is not None:
                panels = big_panels(step, trace)
                if panels is not None:
                    self._fill_big(step, panels)
        self._markers = tuple(markers)
        if self._big is not None:
            self._mark_big(self._markers)
        else:
            self._mark(selection)

    def clear(self):
        """No step: drop what the pages show."""
        self._shown = self._big = None
        self._heat = []
        for page in self.pages.values():
            if isinstance(page, _BigPage):
                for panel in page.panels:
                    panel.img.clear()
                    panel.img.setVisible(False)
                    panel.set_numbers(None)
                    panel.shown = None

    # ---- the big view -----------------------------------------------------------------
    def big_page(self):
        """The big view's one page: two source slots and the step's stage. One page for every
        step, so stepping never switches pages or re-lays them out (one repaint per step)."""
        name = "big"
        if name not in self.pages:
            page = self.pages[name] = _BigPage(2)
            page.on_resize = self._retile.start
            self.addWidget(page)
            page.scene().sigMouseClicked.connect(lambda ev, page=page: self._on_big_click(page, ev))
        return self.pages[name]

    def _fill_big(self, step, panels):
        page = self.big_page()
        page.active = page.sources[:len(panels) - 1] + [page.main]
        for panel in page.sources[len(panels) - 1:]:      # unused slots: empty
            if panel.stage is not None or panel.framed:
                panel.stage = panel.tiling = panel.shown = None
                panel.img.setVisible(False)
                panel.set_numbers(None)
                panel.set_framed(False)
                _set_text(panel.caption, "")
        if self.currentWidget() is not page:     # first: the page's size decides the tiling
            self.setCurrentWidget(page)
        self._big = (step, panels)
        what = "an element" if panels[-1][1].ndim == 1 else "a pixel"
        _set_text(page.title, f"{to_rich(step.title)} · click {what} for its numbers")
        main_levels = None
        for panel, (stage, arr, kind, caption) in zip(page.active, panels):
            levels = self._levels(stage, arr, kind)
            if panel is page.main:
                main_levels = (kind, levels)
            tiling = _big_tiling(arr, panel.aspect())
            sig = (id(arr), kind, levels, getattr(tiling, "rows", 0), getattr(tiling, "cols", 0))
            panel.stage = stage
            if sig != panel.shown:
                panel.shown = sig
                panel.tiling = tiling
                lut = colors.diverging_lut() if kind == "grad" else colors.grey_lut()
                if getattr(panel, "lut", None) is not lut:
                    panel.lut = lut
                    panel.img.setLookupTable(lut)
                data = tiling.compose(arr)
                panel.img.setImage(data, autoLevels=False, levels=levels)
                if getattr(panel, "data_shape", None) != data.shape:
                    panel.data_shape = data.shape
                    panel.vb.setAspectLocked(arr.ndim != 1)
                    if arr.ndim == 1:              # a strip a third as wide, its numbers beside it when few
                        wide = 3 if panel is page.main else 4
                        rect = QRectF(0, 0, wide, arr.size) if arr.size <= MAX_LABELLED else QRectF(-1, 0, 3, arr.size)
                    else:
                        rect = QRectF(0, 0, data.shape[1], data.shape[0])
                    panel.vb.setRange(rect, padding=0.01)
                    panel.vb.prepareForPaint()     # the new range now, not in a second repaint
                panel.set_numbers(arr if arr.ndim == 1 and arr.size <= MAX_LABELLED else None)
            panel.img.setVisible(True)
            panel.set_framed(True)
            extra = f" (±{plain_number(levels[1], 2)})" if kind == "grad" else ""
            _set_text(panel.caption, caption + extra)
        kind, levels = main_levels
        if page._colorbar_shown != main_levels:
            page._colorbar_shown = main_levels
            page.colorbar.setColorMap(colors.diverging_map() if kind == "grad" else colors.grey_map())
            colors.set_colorbar(page.colorbar, levels)

    def _levels(self, stage, arr, kind):
        if kind == "grad":
            return colors.symmetric_levels(arr)
        if kind == "value":
            lv = self.levels_for(stage)
            if lv is not None:
                return tuple(lv)
        return colors.value_levels([arr])

    def _mark_big(self, markers):
        page = self.currentWidget()
        used = {}
        for stage, index, rows, cols, color in markers:
            for panel in page.panels:
                t = panel.tiling
                dims = 1 if isinstance(t, Strip) else (4 if t is not None and t.kernel_index else 3)
                if panel.stage != stage or t is None or len(index) != dims \
                        or not 0 <= index[0] < t.n:
                    continue
                k = used.get(id(panel), 0)
                used[id(panel)] = k + 1
                item = panel.marker(k)
                rect = t.rect(index, rows, cols)
                if getattr(item, "_shown", None) != (rect, color):
                    item._shown = (rect, color)
                    item.setRect(QRectF(*rect))
                    pen = QPen(QColor(color))
                    pen.setWidthF(2.0)
                    pen.setCosmetic(True)
                    item.setPen(pen)
                item.setVisible(True)
        for panel in page.panels:
            for item in panel.markers[used.get(id(panel), 0):]:
                item.setVisible(False)

    def shown_big(self):
        """[(stage, image data, levels, lookup table)] of the big view as shown, or None."""
        if self._big is None:
            return None
        page = self.currentWidget()
        return [(p.stage, p.img.image, tuple(p.img.levels), p.lut) for p in page.active]

    def big_element_pos(self, k, index):
        """Viewport position of element `index` in the big view's panel k (for tests and tours)."""
        panel = self.currentWidget().active[k]
        x, y, w, h = panel.tiling.rect(index)
        return self.currentWidget().mapFromScene(panel.vb.mapViewToScene(pg.Point(x + w / 2, y + h / 2)))

    def _on_big_click(self, page, ev):
        if ev.button() != Qt.LeftButton or page is not self.currentWidget() or self._big is None:
            return
        for panel in page.panels:
            if panel.tiling is None or not panel.vb.sceneBoundingRect().contains(ev.scenePos()):
                continue
            p = panel.vb.mapSceneToView(ev.scenePos())
            idx = panel.tiling.locate(p.x(), p.y())
            if idx is not None:
                self.elementClicked.emit(panel.stage, tuple(int(v) for v in idx))
            return

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        self._retile.start()

    def showEvent(self, ev):
        super().showEvent(ev)
        if not getattr(self, "_warmed", False):
            self._warmed = True
            QTimer.singleShot(300, self._warm_up)

    def _warm_up(self):
        """Once, when idle after the window shows: lay out and draw every hidden page off screen,
        so the first step that shows one does not pay for its first layout (fonts, axes)."""
        for page in self.pages.values():
            if page is not self.currentWidget() and self.isVisible():
                page.resize(self.currentWidget().size())
                page.grab()

    def _on_retile(self):
        """After a resize: tile the big view's maps again to fill the new shape."""
        if self._big is not None:
            step, panels = self._big
            self._fill_big(step, panels)
            self._mark_big(self._markers)

    def _fill(self, step):
        a = step.arrays
        if step.op == "dense_dW":
            page = self._page("heat")
            page.title.setText(f"∂L/∂W of {step.layer}<br>{a['grad_W'].shape[0]} units (rows) × "
                               f"{a['grad_W'].shape[1]} inputs (columns) · click a weight")
            self._set_image(page, 0, a["grad_W"], f"{step.layer}.W", True)
            page.captions[0].setText(f"gradient ±{plain_number(np.abs(a['grad_W']).max(), 2)}")
        elif step.op == "conv_dK":
            page = self._page("images2")
            d, c, k1, k2 = a["W"].shape
            page.title.setText(f"{step.layer}: {d} kernels {k1} × {k2}" + (f" × {c} channels (one kernel per row)"
                                                                          if c > 1 else "") +
                               "<br>the kernels K and their gradient ∂L/∂K · click a weight")
            self._set_image(page, 0, a["W"], f"{step.layer}.kernels", False, colors.value_levels([a["W"]]))
            self._set_image(page, 1, a["grad_W"], f"{step.layer}.kernels", True)
            page.captions[0].setText("K")
            page.captions[1].setText(f"∂L/∂K (±{plain_number(np.abs(a['grad_W']).max(), 2)})")
        elif step.op in ("dense_db", "conv_db"):
            page = self._page("bars")
            page.title.setText(f"∂L/∂b of {step.layer}<br>one bar per {'unit' if step.op == 'dense_db' else 'kernel'}")
            g = a["grad_b"]
            page.bars[0].setOpts(x=np.arange(g.size), height=g, brushes=_signed_brushes(g), width=0.8)
        elif step.op == "update":
            key, lr = step.stage, step.meta["lr"]
            if a["before"].ndim >= 2:
                page = self._page("images3")
                lv = colors.value_levels([a["before"], a["after"]])
                stage = key.replace(".W", ".kernels") if a["before"].ndim == 4 else key
                for k, name in enumerate(("before", "grad", "after")):
                    self._set_image(page, k, a[name], stage, name == "grad", None if name == "grad" else lv)
                page.captions[0].setText("before")
                page.captions[1].setText(f"gradient (±{plain_number(np.abs(a['grad']).max(), 2)})")
                change = float(np.abs(a["after"] - a["before"]).max())
                page.captions[2].setText(f"after (largest change {plain_number(change, 2)})")
            else:
                page = self._page("bars3")
                for k, name in enumerate(("before", "grad", "after")):
                    v = a[name]
                    brushes = _signed_brushes(v) if name == "grad" else [_brush("#888" if name == "before"
                                                                                   else "#1e8449")] * v.size
                    page.bars[k].setOpts(x=np.arange(v.size), height=v, brushes=brushes, width=0.8)
                    if getattr(page.plots[k], "_titled", None) != name:
                        page.plots[k]._titled = name
                        page.plots[k].setTitle({"before": "before", "grad": "gradient", "after": "after"}[name],
                                               color="#333", size="8pt")
            page.title.setText(f"{key}<br>after = before − α · gradient,   α = {lr:g}")
        elif step.op == "rerun":
            page = self._page("rerun")
            before, after = a["probs_before"].reshape(-1), a["probs_after"].reshape(-1)
            page.title.setText(f"ŷ before (<span style='color:#808080'>grey</span>) and after "
                               f"(<span style='color:#1e8449'>green</span>) the update<br>"
                               f"L: {plain_number(a['loss_before'])} → {plain_number(a['loss_after'])}")
            x = np.arange(before.size)
            page.bars[0].setOpts(x=x - 0.2, height=before, width=0.4, brush="#9a9a9a", brushes=None)
            page.after.setOpts(x=x + 0.2, height=after, width=0.4)
            page.plots[0].setYRange(0, 1, padding=0.02)
            page.plots[0].getAxis("bottom").setTicks([[(int(k), str(k)) for k in x]])

    def _page(self, name):
        page = self.pages[name]
        self.setCurrentWidget(page)
        return page

    def _set_image(self, page, k, arr, stage, gradient, levels=None):
        vb, img = page.images[k]
        tiling = None
        if arr.ndim == 4:
            d, c, k1, k2 = arr.shape
            tiling = Tiling(d, k1, k2, channels=c, kernel_index=True, max_rows=4 if c == 1 else d)
            data = tiling.compose(arr)
        else:
            data = arr
        lut = colors.diverging_lut() if gradient else colors.grey_lut()
        if getattr(img, "_lut", None) is not lut:
            img._lut = lut
            img.setLookupTable(lut)
        lv = levels or (colors.symmetric_levels(arr) if gradient else colors.value_levels([arr]))
        img.setImage(data, autoLevels=False, levels=lv)
        if getattr(vb, "_shape", None) != (arr.ndim, data.shape):      # range set once per shape, at once
            vb._shape = (arr.ndim, data.shape)
            vb.setAspectLocked(arr.ndim == 4)
            vb.setRange(QRectF(0, 0, data.shape[1], data.shape[0]), padding=0.01)
            vb.prepareForPaint()
        self._heat.append((vb, stage, arr.shape, tiling))

    def _mark(self, selection):
        self._marker.setVisible(False)
        if selection is None:
            return
        stage, index = selection
        for vb, st, shape, tiling in self._heat:
            if st != stage or len(index) != len(shape):
                continue
            if tiling is not None:
                x, y, w, h = tiling.rect(index)
            else:
                (y, x), w, h = index, 1, 1
            if self._marker.scene() is not vb.scene() or self._marker.parentItem() is not vb.childGroup:
                if self._marker.scene() is not None:
                    self._marker.scene().removeItem(self._marker)
                vb.addItem(self._marker)
            self._marker.setRect(QRectF(x, y, w, h))
            self._marker.setVisible(True)
            return

    def _on_click(self, page, ev):
        if ev.button() != Qt.LeftButton or page is not self.currentWidget():
            return
        for vb, stage, shape, tiling in self._heat:
            if not vb.sceneBoundingRect().contains(ev.scenePos()):
                continue
            p = vb.mapSceneToView(ev.scenePos())
            if tiling is not None:
                idx = tiling.locate(p.x(), p.y())
            else:
                j, i = int(np.floor(p.y())), int(np.floor(p.x()))
                idx = (j, i) if 0 <= j < shape[0] and 0 <= i < shape[1] else None
            if idx is not None:
                self.elementClicked.emit(stage, tuple(int(v) for v in idx))
            return


def _big_tiling(arr, aspect):
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


def _set_text(label, text):
    if getattr(label, "_shown", None) != text:
        label._shown = text
        label.setText(text)
