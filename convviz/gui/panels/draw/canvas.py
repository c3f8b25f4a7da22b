"""The drawing canvas: strokes of ink painted on a 280x280 QImage, with eraser, undo and clear.

Ink is stored as 0..255 on 0 (MNIST's polarity: ink bright, paper dark) whatever the canvas
looks like on screen; light/dark only changes the colours shown. The network never waits on
this widget: it only paints and emits signals; the window decides when to predict.
"""

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from convviz.gui.presentation import palette
from convviz.gui.widgets.translate import Retranslating

SIZE = 280
DEFAULT_BRUSH = 22          # px on the 280 canvas: ~2 px strokes once scaled into MNIST's 20 px box
BRUSH_RANGE = (4, 48)
DARK_COLOURS = ((0x12, 0x16, 0x1c), (0xff, 0xff, 0xff))      # (paper, ink)
LIGHT_COLOURS = ((0xf6, 0xf4, 0xee), (0x1a, 0x1a, 0x1a))
CLEAR = "clear"             # a history entry that wipes the canvas (so Clear can be undone)


@dataclass
class Stroke:
    width: float
    erase: bool
    points: list = field(default_factory=list)


def to_ink(image):
    """A picture (2-D, 0..1, 1 = white) as ink on 0..1, bright ink on dark paper, for display.

    The border is mostly paper, so its median tells which way round the picture is (the
    same rule preprocess uses); the drawing shown is what the user keeps drawing on.
    """
    a = np.asarray(image, dtype=np.float32)
    border = np.concatenate((a[0], a[-1], a[1:-1, 0], a[1:-1, -1]))
    paper = float(np.median(border))
    ink = paper - a if paper > 0.5 else a - paper
    peak = float(ink.max()) if ink.size else 0.0
    return np.clip(ink / peak, 0.0, 1.0) if peak > 0 else np.zeros_like(ink)


def _colour_table(paper, ink):
    t = np.linspace(0.0, 1.0, 256)[:, None]
    rgb = np.round(np.array(paper) * (1 - t) + np.array(ink) * t).astype(np.uint32)
    return [int(0xff000000 | (r << 16) | (g << 8) | b) for r, g, b in rgb]


_TABLES = {True: _colour_table(*DARK_COLOURS), False: _colour_table(*LIGHT_COLOURS)}


class DrawingCanvas(Retranslating, QWidget):
    """Left button draws (or erases in eraser mode), right button always erases.

    inkChanged: the ink changed (every mouse move of a stroke; coalesce before heavy work).
    strokeFinished: a change is complete (button released, undo, clear, new picture).
    """

    inkChanged = Signal()
    strokeFinished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._base = self._blank()
        self._ink = self._blank()
        self._history = []           # Stroke or CLEAR, oldest first
        self._stroke = None
        self._hover = None
        self._brush = DEFAULT_BRUSH
        self._eraser = False
        self._dark = True
        self.setFixedSize(SIZE, SIZE)
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setFocusPolicy(Qt.NoFocus)      # stepping keys belong to the window
        self.setMouseTracking(True)          # for the brush outline
        self.setCursor(Qt.CrossCursor)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.translated(self.setToolTip,
                        lambda: self.tr("Left button draws, right button erases. Ctrl+Z undoes the last stroke."))

    # ---- properties ------------------------------------------------------------------
    def sizeHint(self):
        return QSize(SIZE, SIZE)

    @property
    def brush_width(self):
        return self._brush

    def set_brush_width(self, width):
        self._brush = float(min(max(width, BRUSH_RANGE[0]), BRUSH_RANGE[1]))
        self.update()

    @property
    def eraser(self):
        return self._eraser

    def set_eraser(self, on):
        self._eraser = bool(on)
        self.update()

    @property
    def dark(self):
        return self._dark

    def set_dark(self, dark):
        """Dark: white ink on a dark square (how the network sees it); light: pencil on paper."""
        self._dark = bool(dark)
        self.update()

    # ---- content ---------------------------------------------------------------------
    @staticmethod
    def _blank():
        img = QImage(SIZE, SIZE, QImage.Format_Grayscale8)
        img.fill(0)
        return img

    def ink_array(self):
        """(280, 280) float32 on 0..1, ink 1 on paper 0: the picture handed to preprocess."""
        a = np.frombuffer(self._ink.constBits(), np.uint8).reshape(SIZE, self._ink.bytesPerLine())
        return a[:, :SIZE].astype(np.float32) * np.float32(1.0 / 255.0)

    def has_ink(self):
        return bool(np.frombuffer(self._ink.constBits(), np.uint8).any())

    @property
    def stroke_count(self):
        return len(self._history)

    def can_undo(self):
        return bool(self._history)

    def set_picture(self, ink):
        """Start over from a picture (2-D ink on 0..1, any size), scaled to fit and centred.

        Drawing continues on top of it; the history starts empty (undo stops at the picture).
        """
        ink = np.clip(np.asarray(ink, dtype=np.float32), 0.0, 1.0)
        h, w = ink.shape
        data = np.ascontiguousarray(np.round(ink * 255.0).astype(np.uint8))
        src = QImage(data.data, w, h, w, QImage.Format_Grayscale8).copy()
        scaled = src.scaled(SIZE, SIZE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
        base = self._blank()
        p = QPainter(base)
        p.drawImage((SIZE - scaled.width()) // 2, (SIZE - scaled.height()) // 2, scaled)
        p.end()
        self._base = base
        self._history = []
        self._stroke = None
        self._render()
        self.strokeFinished.emit()

    def clear(self):
        """Wipe the canvas (undoable with Ctrl+Z)."""
        if not self.has_ink() and not self._history:
            self._base = self._blank()
            return
        self._stroke = None
        self._history.append(CLEAR)
        self._render()
        self.strokeFinished.emit()

    def undo(self):
        """Take back the last stroke (or Clear); False when there is nothing to undo."""
        if not self._history:
            return False
        self._stroke = None
        self._history.pop()
        self._render()
        self.strokeFinished.emit()
        return True

    def _render(self):
        """Redraw the ink from the base picture and the history (after undo or clear)."""
        self._ink = self._base.copy()
        p = QPainter(self._ink)
        p.setRenderHint(QPainter.Antialiasing)
        for entry in self._history:
            if entry is CLEAR:
                self._ink.fill(0)
            else:
                self._paint_stroke(p, entry)
        p.end()
        self.update()

    @staticmethod
    def _pen(stroke):
        colour = QColor(0, 0, 0) if stroke.erase else QColor(255, 255, 255)
        return QPen(colour, stroke.width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)

    def _paint_stroke(self, p, stroke):
        p.setPen(self._pen(stroke))
        # Exactly as drawn live (a dot, then one segment per mouse move), so redrawing after an
        # undo reproduces the earlier strokes to the bit.
        pts = stroke.points
        p.drawPoint(pts[0])
        for a, b in zip(pts, pts[1:]):
            p.drawLine(a, b)

    # ---- mouse -----------------------------------------------------------------------
    def _to_image(self, pos):
        return QPointF(pos.x() * SIZE / max(1, self.width()), pos.y() * SIZE / max(1, self.height()))

    def _dirty(self, a, b, width):
        r = QRectF(a, b).normalized().adjusted(-width, -width, width, width)
        sx, sy = self.width() / SIZE, self.height() / SIZE
        return QRect(int(r.x() * sx) - 2, int(r.y() * sy) - 2, int(r.width() * sx) + 5, int(r.height() * sy) + 5)

    def mousePressEvent(self, event):
        button = event.button()
        if button not in (Qt.LeftButton, Qt.RightButton) or self._stroke is not None:
            event.ignore()
            return
        focus = self.window().focusWidget()
        if focus is not None:
            focus.clearFocus()            # e.g. the α box: finish its edit, give the arrow keys back
        pt = self._to_image(event.position())
        hint_shown = not self.has_ink()
        self._stroke = Stroke(self._brush, button == Qt.RightButton or self._eraser, [pt])
        p = QPainter(self._ink)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(self._pen(self._stroke))
        p.drawPoint(pt)
        p.end()
        if hint_shown:
            self.update()                 # wipe the "Draw a digit here" hint everywhere
        else:
            self.update(self._dirty(pt, pt, self._brush))
        self.inkChanged.emit()
        event.accept()

    def mouseMoveEvent(self, event):
        pt = self._to_image(event.position())
        old_hover, self._hover = self._hover, pt
        stroke = self._stroke
        if stroke is None:
            self.update(self._dirty(pt, old_hover or pt, self._brush))
            return
        last = stroke.points[-1]
        stroke.points.append(pt)
        p = QPainter(self._ink)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(self._pen(stroke))
        p.drawLine(last, pt)
        p.end()
        self.update(self._dirty(last, pt, stroke.width))
        self.inkChanged.emit()
        event.accept()

    def mouseReleaseEvent(self, event):
        if self._stroke is None:
            event.ignore()
            return
        stroke, self._stroke = self._stroke, None
        self._history.append(stroke)
        self.strokeFinished.emit()
        event.accept()

    def leaveEvent(self, event):
        self._hover = None
        self.update()
        super().leaveEvent(event)

    # ---- painting --------------------------------------------------------------------
    def paintEvent(self, event):
        p = QPainter(self)
        # The ink bytes shown through a colour table: no copy, any polarity.
        view = QImage(self._ink.constBits(), SIZE, SIZE, self._ink.bytesPerLine(), QImage.Format_Indexed8)
        view.setColorTable(_TABLES[self._dark])
        p.setRenderHint(QPainter.SmoothPixmapTransform)
        p.drawImage(self.rect(), view)
        fg = QColor(*(DARK_COLOURS if self._dark else LIGHT_COLOURS)[1])
        if self._stroke is None and not self.has_ink():
            fg.setAlpha(110)
            p.setPen(fg)
            f = p.font()
            f.setPointSizeF(f.pointSizeF() * 1.3)
            p.setFont(f)
            p.drawText(self.rect(), Qt.AlignCenter, self.tr("Draw a digit here\n(or open an image)"))
        if self._hover is not None and self._stroke is None:
            fg.setAlpha(140)
            p.setRenderHint(QPainter.Antialiasing)
            p.setPen(QPen(fg, 1, Qt.DashLine if (self._eraser) else Qt.SolidLine))
            r = self._brush * self.width() / SIZE / 2
            p.drawEllipse(QPointF(self._hover.x() * self.width() / SIZE,
                                  self._hover.y() * self.height() / SIZE), r, r)
        p.setPen(QColor(palette.CANVAS_HINT))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()
