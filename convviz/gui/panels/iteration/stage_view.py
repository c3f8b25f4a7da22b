"""One stage of the pipeline as graphics items: its title, view box, image and gradient overlay,
gradient scale and marker rectangles; and the 'set only when changed' helpers its views use."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from convviz.engine import StageKind
from convviz.gui.presentation.numbers import loss_column_html
from convviz.gui.presentation.texts import TEXT
from convviz.gui.widgets import colors
from convviz.gui.widgets.cell_numbers import CellNumbers
from convviz.gui.widgets.markers import nth_marker, place_marker
from convviz.gui.widgets.shown import changed
from convviz.gui.widgets.translate import catalogue_tr

MAP_MIN_WIDTH, STRIP_WIDTH, TEXT_WIDTH, LOSS_WIDTH = 72, 26, 104, 80
# the other map columns may be this narrow (about their titles' width) so the input can be wider
NARROW_MAP_WIDTH = 60


def set_label(label, text, color=colors.TEXT):
    """LabelItem.setText only when something changed (it re-lays out the item)."""
    if changed(label, "text", (text, color)):
        label.setText(text, color=color)


_PENS = {}


def pen(color, width, style=Qt.SolidLine):
    key = (color, width, style)
    if key not in _PENS:
        _PENS[key] = pg.mkPen(color, width=width, style=style)
    return _PENS[key]


def set_html(item, text):
    if changed(item, "html", text):
        item.setHtml(text)


class LevelCache:
    """The colour levels of the current trace's arrays, computed once per array."""

    def __init__(self):
        self._cache = {}

    def clear(self):
        """A new trace: its arrays are new (ids may repeat)."""
        self._cache = {}

    def value(self, col, a):
        """The grey levels of one value array: each step's scale comes from what that step shows,
        so the forward steps never borrow the scale of the values after a (large) update."""
        if col.kind == "probs":
            return (0.0, 1.0)
        key = ("value", id(a))
        lv = self._cache.get(key)
        if lv is None:
            if col.stage.kind == StageKind.INPUT:
                finite = np.asarray(a)[np.isfinite(a)]
                lv = (0.0, max(1.0, float(finite.max()) if finite.size else 1.0))
            else:
                lv = colors.value_levels([a])
            self._cache[key] = lv
        return lv

    def grad(self, g):
        """Symmetric levels of a gradient array."""
        key = ("grad", id(g))
        lv = self._cache.get(key)
        if lv is None:
            lv = self._cache[key] = colors.symmetric_levels(g)
        return lv


def draw_markers(views, markers):
    """The marker rectangles (stage, index, rows, cols, colour) on the stages' views; the rest hidden."""
    used = {}
    for stage, index, rows, cols, color in markers:
        v = views.get(stage)
        if v is None or v.col.tiling is None:
            continue
        k = used.get(stage, 0)
        used[stage] = k + 1
        place_marker(v.marker(k), v.col.tiling.rect(index, rows, cols), color)
    for stage, v in views.items():
        for item in v.markers[used.get(stage, 0):]:
            item.setVisible(False)


class StageView:
    """The graphics items of one Column."""

    def __init__(self, layout, col, index, font):
        self.col = col
        self.label = pg.LabelItem("", justify="center", size="8.5pt", color=colors.TEXT)
        set_label(self.label, col.title, colors.DIM_TEXT)
        layout.addItem(self.label, row=0, col=index)
        # enableMenu=False: no context menu is built at all (a third of a new network's layout time)
        self.vb = layout.addViewBox(row=1, col=index, enableMenu=False)
        self.vb.setMouseEnabled(False, False)
        self.vb.invertY(True)
        self.vb.setDefaultPadding(0.02)
        self.vb.setBorder(pg.mkPen(colors.FRAME, width=1))
        self.gradlabel = pg.LabelItem("", justify="center", size="8pt", color=colors.TEXT)
        set_label(self.gradlabel, "±0.00")
        layout.addItem(self.gradlabel, row=2, col=index)
        self.img = self.ovl = self.numbers = None
        self.texts = []
        if col.tiling is not None:
            self.img = pg.ImageItem(axisOrder="row-major")
            self.img.setLookupTable(colors.grey_lut())
            self.vb.addItem(self.img)
            # Stepping mostly changes borders and markers around an image, not the image: kept
            # as a device pixmap, an unchanged image is blitted instead of scaled again.
            self.img.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
            self.ovl = pg.ImageItem(axisOrder="row-major")
            self.ovl.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
            self.ovl.setParentItem(self.img)
            self.ovl.setLookupTable(colors.diverging_lut())
            self.ovl.setZValue(1)
            h, w = col.tiling.shape
            if col.kind == "probs":
                self.vb.setRange(QRectF(0, 0, 4.0, h), padding=0.02)
                for k in range(h):
                    t = pg.TextItem("", color=colors.TEXT, anchor=(0, 0.5))
                    t.setFont(font)
                    t.setPos(1.15, k + 0.5)
                    self.vb.addItem(t)
                    self.texts.append(t)
            else:
                self.numbers = CellNumbers(self.vb, self.img, self.ovl)   # printed where cells are big enough
                self.vb.setAspectLocked(col.kind != "vector")
                self.vb.setRange(QRectF(0, 0, w, h), padding=0.02)
        else:
            t = pg.TextItem("", color=colors.TEXT, anchor=(0.5, 0.5))
            big = QFont(font)
            big.setPointSizeF(font.pointSizeF() * 1.25)
            t.setFont(big)
            t.setPos(0.5, 0.5)
            self.vb.addItem(t)
            self.texts.append(t)
            self.vb.setRange(QRectF(0, 0, 1, 1), padding=0)
        # an empty stage says when it is filled (the first screen is otherwise 13 blank boxes)
        self.pending = pg.TextItem("", color=colors.HINT_TEXT, anchor=(0.5, 0.5))
        self.pending.setFont(font)
        # (centred in what the column shows: the output column's range is its strip and its numbers)
        width = 4.0 if col.kind == "probs" else col.tiling.shape[1] if col.tiling is not None else 1
        rect = self.vb.viewRect() if col.tiling is None else QRectF(0, 0, width, col.tiling.shape[0])
        self.pending.setPos(rect.center())
        self.pending.setZValue(5)
        self.vb.addItem(self.pending, ignoreBounds=True)
        self.markers = []
        width = {"vector": STRIP_WIDTH, "probs": TEXT_WIDTH, "loss": LOSS_WIDTH}.get(col.kind)
        # it wraps inside the column (a narrow or squeezed column cut 'computed at step 12' off)
        self.pending.setTextWidth((width + STRIP_WIDTH if col.kind == "vector" else width or MAP_MIN_WIDTH) - 8)
        centred = self.pending.textItem.document().defaultTextOption()
        centred.setAlignment(Qt.AlignHCenter)
        self.pending.textItem.document().setDefaultTextOption(centred)
        if width:
            layout.layout.setColumnFixedWidth(index, width + (STRIP_WIDTH if col.kind == "vector" else 0))
        else:
            layout.layout.setColumnMinimumWidth(index, MAP_MIN_WIDTH if index == 0 else NARROW_MAP_WIDTH)
        self.levels = None
        self.shown = None          # signature of the images shown: (value id, (gradient id, mode, opacity))
        self.border = None
        self.lut_mode = None

    def set_border(self, border):
        """Highlight the stage the step writes (solid) or reads (dashed); repaint around the frame,
        since a thick border shrinking back leaves paint outside the view box's own rectangle."""
        self.border = border
        kind = border[0]
        if kind == "target":
            border_pen = pen(colors.HIGHLIGHT, 3)
        elif kind == "source":
            border_pen = pen(colors.SOURCE, 2, Qt.DashLine)
        else:
            border_pen = pen(colors.FRAME if border[1] else colors.UNREACHED_FRAME, 1)
        self.vb.setBorder(border_pen)
        self.vb.update()
        scene = self.vb.scene()
        if scene is not None:
            scene.update(self.vb.sceneBoundingRect().adjusted(-4, -4, 4, 4))

    def show_pending(self, text):
        """'computed at step n' in an empty stage ('' once it is reached)."""
        set_html(self.pending, text)

    def show_loss(self, loss, before=None):
        """The loss column: L (None: not reached yet); the rerun shows it before and after."""
        words = (catalogue_tr(TEXT["loss before"]), catalogue_tr(TEXT["loss after"]))
        set_html(self.texts[0], "" if loss is None else loss_column_html(loss, before, words))

    def show_probs(self, probs, label=None):
        """The output column's 'k: ŷ_k' lines, the prediction bold and the target y marked."""
        best = None if probs is None else int(np.argmax(probs))
        for k, t in enumerate(self.texts):
            if probs is None:
                set_html(t, "")
                continue
            txt = f"{k}: {probs[k]:.3f}"
            if k == best:
                txt = f"<b>{txt}</b>"
            if label is not None and k == int(label):
                txt = f"<span style='color:{colors.SELECT}'>{txt} y</span>"
            set_html(t, txt)

    def marker(self, k):
        return nth_marker(self.markers, self.vb, k)
