"""The detail view's pages for steps about parameters: dense ∂L/∂W as a heat map, kernels and
∂L/∂K, bias gradients as bars, updates (before, gradient, after) and the rerun's ŷ before vs
after. Built once, refilled per step; a click maps back to (stage, index)."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QObject, QRectF
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from convviz.engine import OpKind
from convviz.gui.panels.iteration.detail_pages import Page, brush, set_text, signed_brushes
from convviz.gui.presentation.mosaic import Tiling, kernel_rows
from convviz.gui.presentation.numbers import plain_number
from convviz.gui.widgets import colors
from convviz.gui.widgets.cell_numbers import label_bars
from convviz.gui.widgets.shown import changed

# Heights of a page's 3-line title and of one caption line (9pt, 8pt), to choose a kernels layout.
TITLE_HEIGHT, CAPTION_LINE = 52, 15
# Pixels per weight below which K and ∂L/∂K are shown one at a time (a 5 × 5 kernel is then 20 px)
MIN_WEIGHT_PX = 4.0
# The paper's symbol for the kernels: notation, the same in every language (not translated).
KERNELS_SYMBOL = "K"


class ParamPages(QObject):
    """The pages of `stack` (a QStackedWidget) for parameter steps; on_click(page, event) gets their
    clicks, on_move(page, scene position) the pointer's moves."""

    def __init__(self, stack, on_click, on_move=None):
        super().__init__(stack)
        self.stack = stack
        self.pages = {"heat": Page(n_images=1, indexed=True), "bars": Page(n_plots=1), "images2": Page(n_images=2),
                      "images2v": Page(n_images=2, stacked=True),
                      "kernels1": Page(n_images=1, title_lines=2, caption_lines=1),
                      "images4": Page(n_images=4),
                      "bars4": Page(n_plots=4), "rerun": Page(n_plots=1, legend=True)}
        for plot in self.pages["bars4"].plots:     # the index axis says little here and costs a repaint
            plot.hideAxis("bottom")
        # the one-image kernels page: ∂L/∂K over K in Both (the blend the pipeline uses)
        one = self.pages["kernels1"]
        one.overlay = pg.ImageItem(axisOrder="row-major")
        one.overlay.setLookupTable(colors.blend_lut())
        one.overlay.setParentItem(one.images[0][1])
        one.overlay.setZValue(1)
        for page in self.pages.values():
            stack.addWidget(page)
            page.scene().sigMouseClicked.connect(lambda ev, page=page: on_click(page, ev))
            page.on_double = self.show_all
            if on_move is not None:
                page.scene().sigMouseMoved.connect(lambda pos, page=page: on_move(page, pos))
        self.heat = []             # [(viewbox, stage, shape, tiling or None)] clickable images now
        self.tiled = False
        self.marker = QGraphicsRectItem()
        pen = QPen(QColor(colors.SELECT))
        pen.setWidthF(2)
        pen.setCosmetic(True)
        self.marker.setPen(pen)
        self.marker.setZValue(10)

    def fill(self, step, mode="both"):
        """Show `step`'s page; mode (values, gradients, both: the view's buttons) picks what the
        kernels' page shows when K and ∂L/∂K side by side would be too small to read."""
        a = step.arrays
        self.tiled = False             # True when a page tiles kernels for its box's shape (refill on resize)
        if step.op == OpKind.DENSE_DW:
            page = self.page("heat")
            set_text(page.title, self.tr("∂L/∂W of {0}<br>{1} units (rows) × {2} inputs (columns) · click a weight")
                               .format(step.layer, a["grad_W"].shape[0], a["grad_W"].shape[1]))
            self.set_image(page, 0, a["grad_W"], step.stage, True, centred=True)
            plot = page.axes[0]
            if changed(plot, "labels", QLocale().name()):
                # the paper's W_ji (docs/MATH.md: z_j = Σ_i W_ji · a_i): row j is the unit, column i the input
                plot.setLabel("left", self.tr("output unit j (row)"), color=colors.PLOT_TEXT)
                plot.setLabel("bottom", self.tr("input unit i (column)"), color=colors.PLOT_TEXT)
            set_text(page.captions[0], self.tr("gradient ±{0} · wheel: zoom, drag: pan, double-click: all")
                     .format(plain_number(np.abs(a["grad_W"]).max(), 2)))
        elif step.op == OpKind.CONV_DK:
            self._fill_kernels(step, mode)
        elif step.op in (OpKind.DENSE_DB, OpKind.CONV_DB):
            page = self.page("bars")
            per = self.tr("unit") if step.op == OpKind.DENSE_DB else self.tr("kernel")
            set_text(page.title, self.tr("∂L/∂b of {0}<br>one bar per {1} · click a bar").format(step.layer, per))
            g = a["grad_b"]
            page.bars[0].setOpts(x=np.arange(g.size), height=g, brushes=signed_brushes(g), width=0.8, pens=None)
            label_bars(page.plots[0], g)           # each bar's number, where there is room
            self.heat.append((page.plots[0].getViewBox(), step.stage, g.shape, ("bars", page.bars[0])))
        elif step.op == OpKind.UPDATE:
            self._fill_update(step)
        elif step.op == OpKind.RERUN:
            page = self.page("rerun")
            before, after = a["probs_before"].reshape(-1), a["probs_after"].reshape(-1)
            set_text(page.title, self.tr("ŷ before (<span style='color:{0}'>grey</span>) and after "
                                       "(<span style='color:{1}'>green</span>) the update<br>L: {2} → {3}")
                               .format(colors.BEFORE_WORD, colors.AFTER_BAR, plain_number(a["loss_before"]),
                                       plain_number(a["loss_after"])))
            x = np.arange(before.size)
            page.bars[0].setOpts(x=x - 0.2, height=before, width=0.4, brush=colors.BEFORE_PROBS, brushes=None)
            page.after.setOpts(x=x + 0.2, height=after, width=0.4)
            page.plots[0].setYRange(0, 1, padding=0.02)
            page.plots[0].getAxis("bottom").setTicks([[(int(k), str(k)) for k in x]])

        # the plots' new ranges (and so their axes' ticks) now, not in the first paint, whose
        # range change would ask for a second one
        for plot in getattr(self.stack.currentWidget(), "plots", ()):
            plot.getViewBox().prepareForPaint()

    def _fill_update(self, step):
        """before, gradient, Δ = −α·∇ on its own scale (the change is invisible on the weights' scale
        at a small α), after; the size of the change in numbers in the title."""
        a, key, lr = step.arrays, step.stage, step.meta["lr"]
        names = ("before", "grad", "delta", "after")
        delta_top = colors.symmetric_levels(a["delta"])[1] if np.any(a["delta"]) else 0.0
        theta_top = float(np.abs(a["before"]).max()) if a["before"].size else 0.0
        if a["before"].ndim >= 2:
            page = self.page("images4")
            lv = colors.value_levels([a["before"], a["after"]])
            stage = step.target if a["before"].ndim == 4 else key
            for k, name in enumerate(names):
                signed = name in ("grad", "delta")
                self.set_image(page, k, a[name], stage, signed, None if signed else lv)
            set_text(page.captions[0], self.tr("before"))
            set_text(page.captions[1], self.tr("gradient (±{0})").format(plain_number(np.abs(a["grad"]).max(), 2)))
            set_text(page.captions[2], self.tr("Δ = −α·∇ (±{0})").format(plain_number(delta_top, 2)))
            set_text(page.captions[3], self.tr("after"))
        else:
            page = self.page("bars4")
            titles = {"before": self.tr("before"), "grad": self.tr("gradient"), "delta": self.tr("Δ = −α·∇"),
                      "after": self.tr("after")}
            for k, name in enumerate(names):
                v = a[name]
                brushes = signed_brushes(v) if name in ("grad", "delta") else \
                    [brush(colors.BEFORE_BAR if name == "before" else colors.AFTER_BAR)] * v.size
                page.bars[k].setOpts(x=np.arange(v.size), height=v, brushes=brushes, width=0.8)
                label_bars(page.plots[k], v)
                self.heat.append((page.plots[k].getViewBox(), key, v.shape, ("bars", page.bars[k])))
                if changed(page.plots[k], "title", name):
                    page.plots[k].setTitle(titles[name], color=colors.PLOT_TEXT, size="8pt")
        what = self.tr("a weight") if a["before"].ndim >= 2 else self.tr("a bar")
        share = self.tr(" ({0}% of the largest |θ|)").format(plain_number(100 * delta_top / theta_top, 2)) \
            if theta_top > 0 else ""
        set_text(page.title, self.tr("{0}: after = before + Δ, Δ = −α · gradient, α = {1} · click {2}<br>"
                                   "largest change |Δ| = {3}{4}")
                           .format(key.name, f"{lr:g}", what, plain_number(delta_top, 2), share))

    def refill(self, step, selection, mode):
        """The same step again for the view's new size (kernels take the grid that fits it)."""
        self.heat = []
        self.fill(step, mode)
        self.mark(selection)

    def _fill_kernels(self, step, mode):
        """K and ∂L/∂K as two images where each weight gets ≥ MIN_WEIGHT_PX pixels, else one image
        as large as the view allows: K (Values), ∂L/∂K (Gradients), or ∂L/∂K over K (Both, as the
        pipeline blends them)."""
        a = step.arrays
        d, c, k1, k2 = a["W"].shape
        name, size = self._kernels_page(a["W"].shape)
        if size < MIN_WEIGHT_PX:
            name = "kernels1"
        page = self.page(name)
        channels = self.tr(" × {0} channels (side by side)").format(c) if c > 1 else ""
        top = plain_number(np.abs(a["grad_W"]).max(), 2)
        what = self.tr("the kernels K and their gradient ∂L/∂K · click a weight") if name != "kernels1" \
            else self.tr("click a weight")
        set_text(page.title, self.tr("{0}: {1} kernels {2} × {3}").format(step.layer, d, k1, k2) + channels
                           + "<br>" + what)
        lv = colors.value_levels([a["W"]])
        if name != "kernels1":
            self.set_image(page, 0, a["W"], step.target, False, lv)
            self.set_image(page, 1, a["grad_W"], step.target, True)
            set_text(page.captions[0], KERNELS_SYMBOL)
            set_text(page.captions[1], self.tr("∂L/∂K (±{0})").format(top))
            return
        vb, img = page.images[0]
        if mode == "gradients":
            self.set_image(page, 0, a["grad_W"], step.target, True)
            caption = self.tr("∂L/∂K (±{0}) · Values: K, Both: both").format(top)
        else:
            self.set_image(page, 0, a["W"], step.target, False, lv)
            caption = self.tr("K · Gradients: ∂L/∂K, Both: both") if mode == "values" else \
                self.tr("K with ∂L/∂K over it (±{0}) · Values or Gradients: one alone").format(top)
        ovl = page.overlay
        ovl.setVisible(mode == "both")
        if mode == "both":
            ovl.setImage(self.heat[-1][3].compose(a["grad_W"]), autoLevels=False,
                         levels=colors.symmetric_levels(a["grad_W"]))
        set_text(page.captions[0], caption)

    def _kernels_page(self, shape):
        """(page, pixels per weight): K and ∂L/∂K side by side ("images2") or one above the other
        ("images2v"), whichever shows a weight larger in the detail view as it is now."""
        d, c, k1, k2 = shape
        width, height = self.stack.width() - 16, self.stack.height() - 16 - TITLE_HEIGHT

        def weight(w, h):                  # pixels per weight in a w × h box, in its best grid
            if w < 20 or h < 20:
                return 0.0
            t = Tiling(d, k1, k2, channels=c, kernel_index=True, max_rows=kernel_rows(d, c, k1, k2, (h / w,)))
            return min(w / t.shape[1], h / t.shape[0])

        side = weight(width / 2 - 8, height - 2 * CAPTION_LINE)
        stacked = weight(width, height / 2 - CAPTION_LINE - 8)
        return ("images2v", stacked) if stacked > side else ("images2", side)

    def page(self, name):
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        return page

    def set_image(self, page, k, arr, stage, gradient, levels=None, centred=False):
        """Show `arr` in image k of `page`; centred: element (i, j) is drawn centred on (j, i), so
        an index axis's whole-number ticks name it."""
        vb, img = page.images[k]
        off = -0.5 if centred else 0.0
        tiling = ("cells", off)
        if arr.ndim == 4:
            d, c, k1, k2 = arr.shape
            # the grid that makes a weight largest in this box (conv2's 16 kernels of 8 channels:
            # one per row in a tall box, two or four per row in a wide one)
            w, h = vb.width(), vb.height()
            aspect = h / w if w > 20 and h > 20 else None
            rows = kernel_rows(d, c, k1, k2, (aspect,)) if aspect else (4 if c == 1 else d)
            tiling = Tiling(d, k1, k2, channels=c, kernel_index=True, max_rows=rows)
            self.tiled = True
            data = tiling.compose(arr)
        else:
            data = arr
        lut = colors.diverging_lut() if gradient else colors.grey_lut()
        if changed(img, "lut", id(lut)):
            img.setLookupTable(lut)
        lv = levels or (colors.symmetric_levels(arr) if gradient else colors.value_levels([arr]))
        img.setImage(data, autoLevels=False, levels=lv)
        rect = vb.full_rect = QRectF(off, off, data.shape[1], data.shape[0])
        if changed(img, "rect", (off, data.shape)):
            img.setRect(rect)
        # range set once per shape (and after a zoom), at once; zoom and pan stay within the data
        if changed(vb, "shape", (arr.ndim, data.shape, off)) or getattr(vb, "zoomed", False):
            vb.zoomed = False
            vb.setAspectLocked(arr.ndim == 4)
            # (kernels keep their aspect, so their view is wider or taller than the data: no bounds)
            bounds = {} if arr.ndim == 4 else dict(xMin=rect.left(), xMax=rect.right(), yMin=rect.top(),
                                                   yMax=rect.bottom())
            vb.setLimits(**{"xMin": None, "xMax": None, "yMin": None, "yMax": None, **bounds},
                         minXRange=min(4, rect.width()), minYRange=min(4, rect.height()))
            vb.setRange(rect, padding=0.01)
            vb.prepareForPaint()
        self.heat.append((vb, stage, arr.shape, tiling))

    def mark(self, selection):
        self.marker.setVisible(False)
        if selection is None:
            return
        stage, index = selection
        for vb, st, shape, tiling in self.heat:
            if st != stage or len(index) != len(shape):
                continue
            kind = tiling[0] if isinstance(tiling, tuple) else "tiles"
            if kind == "bars":                    # ("bars", item): outline the selected bar
                y0, y1 = vb.viewRange()[1]
                height = float(tiling[1].opts["height"][index[0]])
                x, y, w, h = index[0] - 0.45, min(0.0, height), 0.9, abs(height) or (y1 - y0) * 0.01
            elif kind == "cells":                 # ("cells", offset): one cell per element
                (y, x), w, h = (v + tiling[1] for v in index), 1, 1
            else:
                x, y, w, h = tiling.rect(index)
            if self.marker.scene() is not vb.scene() or self.marker.parentItem() is not vb.childGroup:
                if self.marker.scene() is not None:
                    self.marker.scene().removeItem(self.marker)
                vb.addItem(self.marker, ignoreBounds=True)
            self.marker.setRect(QRectF(x, y, w, h))
            self.marker.setVisible(True)
            return

    def locate(self, scene_pos):
        """(stage, index) of the clickable element at `scene_pos` of the current page, or None."""
        for vb, stage, shape, tiling in self.heat:
            if not vb.sceneBoundingRect().contains(scene_pos):
                continue
            p = vb.mapSceneToView(scene_pos)
            kind = tiling[0] if isinstance(tiling, tuple) else "tiles"
            if kind == "bars":                    # a bar plot: the nearest bar
                k = int(round(p.x()))
                idx = (k,) if 0 <= k < shape[0] else None
            elif kind == "cells":                 # the cell under the point, exactly
                j, i = int(np.floor(p.y() - tiling[1])), int(np.floor(p.x() - tiling[1]))
                idx = (j, i) if 0 <= j < shape[0] and 0 <= i < shape[1] else None
            else:
                idx = tiling.locate(p.x(), p.y())
            return None if idx is None else (stage, tuple(int(v) for v in idx))
        return None

    def show_all(self, scene_pos):
        """Double-click: the image under `scene_pos` zoomed out to all of it again."""
        for vb, *_ in self.heat:
            if vb.sceneBoundingRect().contains(scene_pos) and getattr(vb, "zoomed", False):
                vb.zoomed = False
                vb.setRange(vb.full_rect, padding=0.01)
