"""Pick one of the shipped MNIST samples: a combo box of thumbnails and a "next" button."""

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from convviz.gui.widgets.translate import Retranslating


def _icon(img28):
    data = np.ascontiguousarray(np.asarray(img28, dtype=np.uint8))
    h, w = data.shape
    q = QImage(data.data, w, h, w, QImage.Format_Grayscale8).copy()
    return QIcon(QPixmap.fromImage(q))


class SamplePicker(Retranslating, QWidget):
    """chosen(i) is emitted when the user picks sample i (from the list or with "Next")."""

    chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._labels = np.zeros(0, int)
        self.combo = QComboBox()
        self.combo.setIconSize(QSize(28, 28))
        self.combo.setMaxVisibleItems(12)
        self.combo.setFocusPolicy(Qt.NoFocus)        # arrows and Home/End step the trace
        self.translated(self.combo.setPlaceholderText, lambda: self.tr("Shipped MNIST samples…"))
        self.translated(self.combo.setToolTip,
                        lambda: self.tr("Shipped MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0)"))
        self.next_button = QPushButton()
        self.translated(self.next_button.setText, lambda: self.tr("Next sample ▸"))
        self.next_button.setFocusPolicy(Qt.NoFocus)
        self.translated(self.next_button.setToolTip, lambda: self.tr("Load the next shipped digit"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo, 1)
        lay.addWidget(self.next_button)
        self.combo.activated.connect(self._on_activated)
        self.next_button.clicked.connect(self.next)

    def set_samples(self, images, labels):
        self._labels = np.asarray(labels).astype(int)
        self.combo.blockSignals(True)
        self.combo.clear()
        for i, img in enumerate(images[:len(self._labels)]):
            self.combo.addItem(_icon(img), self._item_text(i))
        self.combo.blockSignals(False)
        self.setEnabled(len(self._labels) > 0)

    def _item_text(self, i):
        return self.tr("sample {0} · digit {1}").format(i + 1, self._labels[i])

    def retranslate(self):
        super().retranslate()
        for i in range(self.combo.count()):
            self.combo.setItemText(i, self._item_text(i))

    def count(self):
        return self.combo.count()

    @property
    def index(self):
        return self.combo.currentIndex()

    def show_index(self, i):
        """Select sample i in the list without emitting chosen."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(i)
        self.combo.blockSignals(False)

    def show_none(self):
        """The canvas no longer shows a sample (cleared, drawn anew or an image opened)."""
        self.show_index(-1)

    def next(self):
        if self.count():
            i = (max(self.index, -1) + 1) % self.count()
            self.show_index(i)
            self.chosen.emit(i)

    def _on_activated(self, i):
        self.chosen.emit(i)
