"""The training panel's pictures: loss and accuracy curves, conv1's kernels, the confusion matrix
(click a cell to see those digits) and a strip of digits; each only draws what it is given."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from convviz.gui.widgets.colors import diverging_lut, grey_lut
from convviz.gui.widgets.translate import Retranslating

BATCH_COLOUR = (100, 140, 200, 90)
SMOOTH_COLOUR = (100, 140, 200)
TRAIN_COLOUR = (245, 158, 11)
VAL_COLOUR = (34, 197, 94)


def name_curves(legend, names):
    """The legend's entries renamed: names {curve: text}."""
    for sample, label in legend.items:
        if sample.item in names:
            sample.item.opts["name"] = names[sample.item]
            label.setText(names[sample.item])


def tile(images, cols, gap=1, fill=np.nan):
    """Images (n, h, w) side by side in rows of `cols`, `gap` pixels of `fill` between them."""
    n, h, w = images.shape
    rows = max(1, -(-n // cols))
    out = np.full((rows * (h + gap) - gap, cols * (w + gap) - gap), fill, float)
    for i in range(n):
        r, c = divmod(i, cols)
        out[r * (h + gap):r * (h + gap) + h, c * (w + gap):c * (w + gap) + w] = images[i]
    return out


class LossCurves(Retranslating, pg.GraphicsLayoutWidget):
    """Loss per minibatch (faint), smoothed, per epoch (training and validation); validation accuracy."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackground(None)
        self.setMinimumHeight(300)
        self.loss_plot = self.addPlot(row=0, col=0)
        self.legend = self.loss_plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.acc_plot = self.addPlot(row=1, col=0)
        self.acc_plot.setYRange(0, 1)
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 2)
        self.batch = self.loss_plot.plot(pen=pg.mkPen(BATCH_COLOUR, width=1), name="-")
        self.smooth = self.loss_plot.plot(pen=pg.mkPen(SMOOTH_COLOUR, width=2), name="-")
        self.train = self.loss_plot.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2), symbol="o", symbolSize=6,
                                         symbolBrush=TRAIN_COLOUR, name="-")
        self.val = self.loss_plot.plot(pen=pg.mkPen(VAL_COLOUR, width=2), symbol="s", symbolSize=6,
                                       symbolBrush=VAL_COLOUR, name="-")
        self.acc = self.acc_plot.plot(pen=pg.mkPen(VAL_COLOUR, width=2), symbol="s", symbolSize=6,
                                      symbolBrush=VAL_COLOUR)
        self.retranslate()

    def retranslate(self):
        super().retranslate()
        self.loss_plot.setTitle(self.tr("loss L"))
        self.loss_plot.setLabel("bottom", self.tr("epoch"))
        self.acc_plot.setTitle(self.tr("validation accuracy"))
        self.acc_plot.setLabel("bottom", self.tr("epoch"))
        name_curves(self.legend, {self.batch: self.tr("per batch"), self.smooth: self.tr("smoothed"),
                                  self.train: self.tr("training, per epoch"),
                                  self.val: self.tr("validation, per epoch")})

    def show_record(self, record):
        x = record.batch_axis()
        self.batch.setData(x, np.asarray(record.batch_losses, float))
        self.smooth.setData(x, np.asarray(record.smoothed, float))
        epochs, train, val, acc = record.epoch_points()
        keep = np.isfinite(train)
        self.train.setData(epochs[keep], train[keep])
        self.val.setData(epochs, val)
        self.acc.setData(epochs, acc)

    def point_counts(self):
        """(minibatch points, epoch points of the validation curve): what the curves hold now."""
        return len(self.batch.getData()[0] if self.batch.getData()[0] is not None else []), \
            len(self.val.getData()[0] if self.val.getData()[0] is not None else [])


class KernelsView(pg.GraphicsLayoutWidget):
    """conv1's kernels side by side, blue negative, white 0, red positive, one scale for all."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackground(None)
        self.view = self.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.image = pg.ImageItem()
        self.image.setLookupTable(diverging_lut())
        self.view.addItem(self.image)
        self.setFixedHeight(120)
        self.kernels = None

    def show_kernels(self, w):
        """w: (D, C, k, k); the first input channel of each kernel is shown."""
        self.kernels = np.asarray(w[:, 0], float)
        top = float(np.abs(self.kernels).max()) or 1.0
        cols = len(self.kernels) if len(self.kernels) <= 4 else -(-len(self.kernels) // 2)
        self.image.setImage(tile(self.kernels, cols), levels=(-top, top), autoLevels=False)
        self.view.autoRange(padding=0.02)


class ConfusionView(Retranslating, pg.GraphicsLayoutWidget):
    """The validation confusion matrix as a heat map with counts; clicking a cell emits (true, predicted)."""

    cellClicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackground(None)
        self.plot = self.addPlot()
        self.translated(lambda text: self.plot.setLabel("left", text), lambda: self.tr("true digit"))
        self.translated(lambda text: self.plot.setLabel("bottom", text), lambda: self.tr("predicted digit"))
        self.plot.invertY(True)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        ticks = [[(i, str(i)) for i in range(10)]]
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setTicks(ticks)
        self.image = pg.ImageItem()
        self.image.setLookupTable(grey_lut()[::-1].copy())
        self.image.setRect(-0.5, -0.5, 10, 10)
        self.plot.addItem(self.image)
        self.plot.setRange(xRange=(-0.5, 9.5), yRange=(-0.5, 9.5), padding=0)
        self.labels = []
        self.confusion = None
        self.image.mouseClickEvent = self._on_click

    def show_confusion(self, confusion):
        self.confusion = np.asarray(confusion)
        k = self.confusion.shape[0]
        self.image.setRect(-0.5, -0.5, k, k)
        # Off the diagonal the mistakes matter: a log scale keeps a few of them visible.
        self.image.setImage(np.log1p(self.confusion.astype(float)), autoLevels=True)
        for item in self.labels:
            self.plot.removeItem(item)
        self.labels = []
        top = self.confusion.max() or 1
        for i in range(k):
            for j in range(k):
                n = int(self.confusion[i, j])
                if n:
                    dark = np.log1p(n) / np.log1p(top) > 0.5
                    t = pg.TextItem(str(n), color=QColor("white") if dark else QColor("black"), anchor=(0.5, 0.5))
                    t.setPos(j, i)
                    self.plot.addItem(t)
                    self.labels.append(t)

    def _on_click(self, event):
        if self.confusion is None:
            return
        p = event.pos()
        # The image's pixel (column j, row i) is predicted j, true i.
        j, i = int(p.x()), int(p.y())
        if 0 <= i < self.confusion.shape[0] and 0 <= j < self.confusion.shape[1]:
            event.accept()
            self.cellClicked.emit(i, j)


class DigitStrip(QWidget):
    """A caption and up to `limit` digits in rows (the validation images behind a confusion cell)."""

    def __init__(self, limit=60, parent=None):
        super().__init__(parent)
        self.limit = limit
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground(None)
        self.view = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.image = pg.ImageItem()
        self.image.setLookupTable(grey_lut())
        self.view.addItem(self.image)
        self.canvas.setMinimumHeight(60)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.caption)
        lay.addWidget(self.canvas, 1)
        self.shown = 0

    def show_digits(self, images, caption):
        self.caption.setText(caption)
        images = np.asarray(images)[:self.limit]
        self.shown = len(images)
        self.canvas.setVisible(self.shown > 0)
        if self.shown:
            self.image.setImage(tile(images.astype(float), 15, gap=2, fill=60.0), levels=(0, 255), autoLevels=False)
            self.view.autoRange(padding=0.02)
