"""The 28x28 picture the network actually sees, drawn with crisp (unsmoothed) pixels."""

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from convviz.gui.presentation import palette
from convviz.gui.widgets.translate import Retranslating


class InputPreview(Retranslating, QWidget):
    """Shows a (28, 28) array on 0..1 as gray levels, ink bright as in the network's input I."""

    def __init__(self, scale=4, parent=None):
        super().__init__(parent)
        self._scale = scale
        self._array = np.zeros((28, 28), np.float32)
        self._image = self._to_image(self._array)
        self.setFixedSize(28 * scale + 2, 28 * scale + 2)
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setFocusPolicy(Qt.NoFocus)
        self.translated(self.setToolTip, lambda: self.tr(
            "The 28×28 input I the network sees: your drawing cropped, scaled into a 20×20 box and centred by "
            "its centre of mass, as MNIST was prepared."))

    def sizeHint(self):
        return QSize(28 * self._scale + 2, 28 * self._scale + 2)

    @staticmethod
    def _to_image(a):
        data = np.ascontiguousarray(np.round(np.clip(a, 0.0, 1.0) * 255.0).astype(np.uint8))
        h, w = data.shape
        return QImage(data.data, w, h, w, QImage.Format_Grayscale8).copy()

    def set_array(self, a):
        """Show a new (H, W) array on 0..1."""
        self._array = np.array(a, dtype=np.float32, copy=True)
        self._image = self._to_image(self._array)
        self.update()

    def array(self):
        """The array shown (a copy)."""
        return self._array.copy()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.SmoothPixmapTransform, False)   # one block per input pixel
        p.drawImage(QRect(1, 1, self.width() - 2, self.height() - 2), self._image)
        p.setPen(QColor(palette.CANVAS_HINT))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()
