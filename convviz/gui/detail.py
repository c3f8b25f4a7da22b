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

from convviz.engine import OpKind

from . import colors
from .equations import plain_number, title_rich
from .markers import place_marker
from .mosaic import Strip, Tiling

from .detail_pages import (MAX_LABELLED, BigPage, Page, big_panels, big_tiling, brush, set_text,
                           signed_brushes, wants_detail)


class DetailView(QStackedWidget):
    """Draws one step's detail; elementClicked(stage, index) for clicks on a weight heat map."""

    elementClicked = Signal(object, tuple)   # (StageId, index)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(240)
        self.pages = {"heat": Page(n_images=1), "bars": Page(n_plots=1), "images2": Page(n_images=2),
                      "images3": Page(n_images=3),
                      "bars3": Page(n_plots=3), "rerun": Page(n_plots=1, legend=True)}
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

    def invalidate(self):
        """A new trace: the next show_step refills its page even for an equal step."""
        self._shown = None

    def clear(self):
        """No step: drop what the pages show."""
        self._shown = self._big = None
        self._heat = []
        for page in self.pages.values():
            if isinstance(page, BigPage):
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
            page = self.pages[name] = BigPage(2)
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
                set_text(panel.caption, "")
        if self.currentWidget() is not page:     # first: the page's size decides the tiling
            self.setCurrentWidget(page)
        self._big = (step, panels)
        what = "an element" if panels[-1][1].ndim == 1 else "a pixel"
        set_text(page.title, f"{title_rich(step.title)} · click {what} for its numbers")
        main_levels = None
        for panel, (stage, arr, kind, caption) in zip(page.active, panels):
            levels = self._levels(stage, arr, kind)
            if panel is page.main:
                main_levels = (kind, levels)
            tiling = big_tiling(arr, panel.aspect())
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
            set_text(panel.caption, caption + extra)
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
                place_marker(item, t.rect(index, rows, cols), color)
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
        if step.op == OpKind.DENSE_DW:
            page = self._page("heat")
            page.title.setText(f"∂L/∂W of {step.layer}<br>{a['grad_W'].shape[0]} units (rows) × "
                               f"{a['grad_W'].shape[1]} inputs (columns) · click a weight")
            self._set_image(page, 0, a["grad_W"], step.stage, True)
            page.captions[0].setText(f"gradient ±{plain_number(np.abs(a['grad_W']).max(), 2)}")
        elif step.op == OpKind.CONV_DK:
            page = self._page("images2")
            d, c, k1, k2 = a["W"].shape
            page.title.setText(f"{step.layer}: {d} kernels {k1} × {k2}" + (f" × {c} channels (one kernel per row)"
                                                                          if c > 1 else "") +
                               "<br>the kernels K and their gradient ∂L/∂K · click a weight")
            self._set_image(page, 0, a["W"], step.target, False, colors.value_levels([a["W"]]))
            self._set_image(page, 1, a["grad_W"], step.target, True)
            page.captions[0].setText("K")
            page.captions[1].setText(f"∂L/∂K (±{plain_number(np.abs(a['grad_W']).max(), 2)})")
        elif step.op in (OpKind.DENSE_DB, OpKind.CONV_DB):
            page = self._page("bars")
            page.title.setText(f"∂L/∂b of {step.layer}<br>one bar per {'unit' if step.op == OpKind.DENSE_DB else 'kernel'}"
                               " · click a bar")
            g = a["grad_b"]
            page.bars[0].setOpts(x=np.arange(g.size), height=g, brushes=signed_brushes(g), width=0.8, pens=None)
            self._heat.append((page.plots[0].getViewBox(), step.stage, g.shape, ("bars", page.bars[0])))
        elif step.op == OpKind.UPDATE:
            key, lr = step.stage, step.meta["lr"]
            if a["before"].ndim >= 2:
                page = self._page("images3")
                lv = colors.value_levels([a["before"], a["after"]])
                stage = step.target if a["before"].ndim == 4 else key
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
                    brushes = signed_brushes(v) if name == "grad" else [brush("#888" if name == "before"
                                                                                   else "#1e8449")] * v.size
                    page.bars[k].setOpts(x=np.arange(v.size), height=v, brushes=brushes, width=0.8)
                    self._heat.append((page.plots[k].getViewBox(), key, v.shape, ("bars", page.bars[k])))
                    if getattr(page.plots[k], "_titled", None) != name:
                        page.plots[k]._titled = name
                        page.plots[k].setTitle({"before": "before", "grad": "gradient", "after": "after"}[name],
                                               color="#333", size="8pt")
            page.title.setText(f"{key.name}<br>after = before − α · gradient,   α = {lr:g} · click "
                               + ("a weight" if a["before"].ndim >= 2 else "a bar"))
        elif step.op == OpKind.RERUN:
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
            if isinstance(tiling, tuple):         # ("bars", item): outline the selected bar
                y0, y1 = vb.viewRange()[1]
                height = float(tiling[1].opts["height"][index[0]])
                x, y, w, h = index[0] - 0.45, min(0.0, height), 0.9, abs(height) or (y1 - y0) * 0.01
            elif tiling is not None:
                x, y, w, h = tiling.rect(index)
            else:
                (y, x), w, h = index, 1, 1
            if self._marker.scene() is not vb.scene() or self._marker.parentItem() is not vb.childGroup:
                if self._marker.scene() is not None:
                    self._marker.scene().removeItem(self._marker)
                vb.addItem(self._marker, ignoreBounds=True)
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
            if isinstance(tiling, tuple):         # a bar plot: the nearest bar
                k = int(round(p.x()))
                idx = (k,) if 0 <= k < shape[0] else None
            elif tiling is not None:
                idx = tiling.locate(p.x(), p.y())
            else:
                j, i = int(np.floor(p.y())), int(np.floor(p.x()))
                idx = (j, i) if 0 <= j < shape[0] and 0 <= i < shape[1] else None
            if idx is not None:
                self.elementClicked.emit(stage, tuple(int(v) for v in idx))
            return
