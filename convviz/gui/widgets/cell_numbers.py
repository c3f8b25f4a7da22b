"""Each cell's number printed in the cell of a map wherever the cells are big enough to read it (a
small network such as the editor's Tiny preset), values and gradients, in a colour that contrasts
with the cell's colour.

One graphics item per image, beside its ImageItem (and the gradient overlay drawn over it): it
reads what the images show when it paints (their data, levels, lookup tables, the overlay's
visibility and opacity), so the views that own the images need no call per step; it repaints when
an image changes. Numbers are formatted by presentation.numbers; nothing is computed here.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from convviz.gui.presentation import palette
from convviz.gui.presentation.numbers import plain_number

#: Below this font size a number is not legible: the cells stay without numbers.
MIN_POINT_SIZE = 6.0
MAX_POINT_SIZE = 8.0
#: Significant digits: 3 where they fit, else 2 (a click gives every digit).
DIGITS = (3, 2)
PAD = 1.5                   # pixels kept free on each side of a number in its cell
#: Text colours: dark on light cells, light on dark ones (by the cell's luminance).
DARK, LIGHT = QColor(palette.TEXT), QColor(palette.CELL_TEXT_LIGHT)


def shown_rgb(data, levels, lut):
    """The RGBA (…, 4) floats an ImageItem shows for `data` at `levels` through `lut` (NaN: alpha 0)."""
    lo, hi = float(levels[0]), float(levels[1])
    lut = np.asarray(lut, dtype=float)
    if lut.shape[1] == 3:
        lut = np.concatenate([lut, np.full((len(lut), 1), 255.0)], axis=1)
    scale = (len(lut) - 1) / (hi - lo) if hi > lo else 0.0
    finite = np.isfinite(data)
    idx = np.clip(np.where(finite, (np.nan_to_num(data) - lo) * scale, 0), 0, len(lut) - 1).astype(int)
    rgba = lut[idx]
    rgba[..., 3] = np.where(finite, rgba[..., 3], 0.0)
    return rgba


def _table(lut):
    """An ImageItem's lookup table as an array (grey when it has none or a function)."""
    if lut is None or callable(lut):
        return np.stack([np.arange(256)] * 3, axis=1)
    return np.asarray(lut)


def cell_texts(img, ovl=None, digits=DIGITS[0]):
    """[(row, col, lines, dark)] for every cell of `img`'s image: its value, and the overlay's
    gradient when the overlay is shown (alone when it covers the values completely); dark: the
    text should be dark for contrast with the colour shown there."""
    data = img.image
    if data is None or not img.isVisible() or data.ndim != 2:
        return []
    layers = [(data, img.levels, img.lut, 1.0)]
    over = ovl is not None and ovl.isVisible() and ovl.image is not None and ovl.image.shape == data.shape
    if over:
        layers.append((ovl.image, ovl.levels, ovl.lut, float(ovl.opacity())))
    rgb = np.zeros(data.shape + (3,))
    for k, (a, levels, lut, opacity) in enumerate(layers):
        top = shown_rgb(a, levels if levels is not None else (0.0, 1.0), _table(lut))
        alpha = top[..., 3:] / 255.0 * opacity if k else 1.0
        rgb = top[..., :3] * alpha + rgb * (1 - alpha)
    dark = (rgb @ np.array([0.299, 0.587, 0.114])) > 140
    covered = False                 # an opaque overlay (Gradients mode) hides the values beneath
    if over:
        lut = _table(ovl.lut)
        covered = float(ovl.opacity()) >= 1.0 and (lut.shape[1] == 3 or float(lut[:, 3].min()) == 255)
    out = []
    for i, j in zip(*np.nonzero(np.isfinite(data))):
        lines = [] if covered else [plain_number(data[i, j], digits)]
        if over and np.isfinite(ovl.image[i, j]):
            lines.append(plain_number(ovl.image[i, j], digits))
        out.append((int(i), int(j), tuple(lines), bool(dark[i, j])))
    return out


class CellNumbers(pg.GraphicsObject):
    """The numbers of `img` (and of the gradient overlay `ovl` over it) in its cells, added to the
    view box `vb`; printed only where every cell of the image can hold its lines legibly."""

    def __init__(self, vb, img, ovl=None):
        super().__init__()
        self.img, self.ovl = img, ovl
        self._texts = {}                    # digits -> cell_texts(), made when first painted big enough
        self._rect = QRectF()
        self.font = QFont()
        self.font.setStretch(QFont.Stretch.Condensed)     # a condensed face where the system has one
        self.setZValue(4)                   # over the image, the overlay and the pooling windows
        # painted again only when an image changes or the view is resized, not when a marker moves
        self.setCacheMode(self.CacheMode.DeviceCoordinateCache)
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresParentOpacity)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)    # clicks go to the image's cells
        vb.addItem(self, ignoreBounds=True)
        for item in (img, ovl):
            if item is not None:
                item.sigImageChanged.connect(self.refresh)
                item.visibleChanged.connect(self.refresh)

    def refresh(self, *_):
        """The images changed: read them again at the next paint."""
        self._texts = {}
        data = self.img.image
        rect = QRectF(0, 0, data.shape[1], data.shape[0]) if data is not None and data.ndim == 2 else QRectF()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def boundingRect(self):  # noqa: N802 (Qt's name)
        return self._rect

    def texts(self, digits=DIGITS[0]):
        """[(row, col, lines, dark)] of every cell (what paint prints when the cells are big enough)."""
        if digits not in self._texts:
            self._texts[digits] = cell_texts(self.img, self.ovl, digits)
        return self._texts[digits]

    def fit(self, cell_w, cell_h):
        """(font size, digits) that fit every cell's lines in a cell_w × cell_h pixel cell, or None:
        every cell of the image gets its number or none does; 3 significant digits, else 2. A value
        and its gradient (Both) are printed together or not at all: one line alone could be read
        as either."""
        if cell_w < 2 * PAD + 10 or cell_h < 2 * PAD + 7:
            return None                     # too small for any number (most networks: no work at all)
        for digits in DIGITS:
            measure = self._measure(digits)
            if measure is None:
                return None
            widest, height = measure
            size = MAX_POINT_SIZE * min(1.0, (cell_w - 2 * PAD) / widest, (cell_h - PAD) / height)
            if size >= MIN_POINT_SIZE:
                return size, digits
        return None

    def _measure(self, digits):
        """(widest line, height of the most lines) in pixels at MAX_POINT_SIZE, once per image shown."""
        key = ("measure", digits)
        if key not in self._texts:
            texts = self.texts(digits)
            lines = {line for _, _, ls, _ in texts for line in ls}
            self._texts[key] = None
            if lines:
                self.font.setPointSizeF(MAX_POINT_SIZE)
                fm = QFontMetricsF(self.font)
                n = max(len(ls) for _, _, ls, _ in texts)
                self._texts[key] = (max(fm.horizontalAdvance(line) for line in lines), n * fm.height())
        return self._texts[key]

    def printed(self):
        """[(row, col, lines)] as printed at the view box's current size ([] when the cells are too small)."""
        scene = self.scene()
        if scene is None or not scene.views() or self._rect.isEmpty() or not self.isVisible():
            return []
        t = self.deviceTransform(scene.views()[0].viewportTransform())
        cell = t.mapRect(QRectF(0, 0, 1, 1))
        fit = self.fit(abs(cell.width()), abs(cell.height()))
        return [] if fit is None else [(i, j, lines) for i, j, lines, _ in self.texts(fit[1])]

    def paint(self, painter, *_):
        if self._rect.isEmpty():
            return
        t = painter.transform()
        cell = t.mapRect(QRectF(0, 0, 1, 1))
        fit = self.fit(abs(cell.width()), abs(cell.height()))
        if fit is None:
            return
        size, digits = fit
        self.font.setPointSizeF(size)
        painter.save()
        painter.resetTransform()            # text at a fixed size in device pixels, centred in its cell
        painter.setFont(self.font)
        for i, j, lines, dark in self.texts(digits):
            if not lines:
                continue
            painter.setPen(DARK if dark else LIGHT)
            painter.drawText(t.mapRect(QRectF(j, i, 1, 1)), Qt.AlignmentFlag.AlignCenter, "\n".join(lines))
        painter.restore()


#: A bar plot prints its bars' numbers when it has at most this many bars, each this many pixels wide.
MAX_LABELLED_BARS, MIN_BAR_PX = 16, 40


def label_bars(plot, values):
    """Each bar's number at its end, inside the bar (never cut by the plot's edge), on a pale box so
    it reads over a bar or beside a short one; none when the bars are too many or too narrow.
    The text items are made once per plot and reused."""
    items = plot.__dict__.setdefault("_convviz_bar_numbers", [])
    values = np.asarray(values, dtype=float).ravel()
    vb = plot.getViewBox()
    room = vb.width() / max(1, values.size)
    n = values.size if values.size <= MAX_LABELLED_BARS and room >= MIN_BAR_PX else 0
    while len(items) < n:
        t = pg.TextItem("", color=palette.TEXT, fill=palette.BAR_LABEL_FILL)
        font = t.textItem.font()
        font.setPointSizeF(MAX_POINT_SIZE - 0.5)
        t.setFont(font)
        t.setZValue(5)
        vb.addItem(t, ignoreBounds=True)
        items.append(t)
    for k, t in enumerate(items):
        if k >= n:
            t.setVisible(False)
            continue
        v = values[k]
        t.setText(plain_number(v, DIGITS[0]))
        t.setAnchor((0.5, 0.0) if v >= 0 else (0.5, 1.0))     # hangs down from a top, stands on a bottom
        t.setPos(k, v)
        t.setVisible(True)


def bar_labels(plot):
    """The numbers a bar plot prints now (tests)."""
    return [t.toPlainText() for t in plot.__dict__.get("_convviz_bar_numbers", []) if t.isVisible()]
