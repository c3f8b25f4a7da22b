"""A detail view for steps whose picture does not fit a pipeline column: dense weight
gradients as heat maps, bias gradients as bars, parameter updates (before, gradient, after)
and the rerun's probabilities before vs after."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QStackedWidget

from . import colors
from .equations import plain_number
from .mosaic import Tiling


def wants_detail(step):
    return step.op in ("dense_dW", "dense_db", "conv_dK", "conv_db", "update", "rerun")


def _style_plot(plot):
    plot.setMouseEnabled(False, False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.addLine(y=0, pen=pg.mkPen("#888"))
    for ax in ("left", "bottom"):
        plot.getAxis(ax).setPen(pg.mkPen("#666"))
        plot.getAxis(ax).setTextPen(pg.mkPen("#333"))
    return plot


def _signed_brushes(values):
    return [pg.mkBrush("#c0392b" if v > 0 else "#2e64b5") for v in values]


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


class DetailView(QStackedWidget):
    """Draws one step's detail; elementClicked(stage, index) for clicks on a weight heat map."""

    elementClicked = Signal(str, tuple)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(240)
        self.pages = {"heat": _Page(n_images=1), "bars": _Page(n_plots=1), "images2": _Page(n_images=2),
                      "images3": _Page(n_images=3),
                      "bars3": _Page(n_plots=3), "rerun": _Page(n_plots=1, legend=True)}
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

    def show_step(self, step, selection=None):
        """Fill the page this step needs (pages are built once; only data changes)."""
        if self._shown is not step:
            self._shown = step
            self._heat = []
            if step is not None and wants_detail(step):
                self._fill(step)
        self._mark(selection)

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
                    brushes = _signed_brushes(v) if name == "grad" else [pg.mkBrush("#888" if name == "before"
                                                                                      else "#1e8449")] * v.size
                    page.bars[k].setOpts(x=np.arange(v.size), height=v, brushes=brushes, width=0.8)
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
        vb.setAspectLocked(arr.ndim == 4)
        img.setLookupTable(colors.diverging_lut() if gradient else colors.grey_lut())
        lv = levels or (colors.symmetric_levels(arr) if gradient else colors.value_levels([arr]))
        img.setImage(data, autoLevels=False, levels=lv)
        vb.setRange(QRectF(0, 0, data.shape[1], data.shape[0]), padding=0.01)
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
