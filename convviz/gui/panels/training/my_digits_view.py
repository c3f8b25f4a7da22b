"""My digits in the app: add the current drawing with its target, browse them, delete some."""

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from convviz.digits.my_digits import MyDigits, MyDigitsError
from convviz.gui.presentation import palette
from convviz.gui.widgets.translate import Retranslating


def digit_icon(image, scale=2):
    """A uint8 28 × 28 digit as an icon (bright ink on black, as the network sees it)."""
    a = np.ascontiguousarray(np.kron(image, np.ones((scale, scale), np.uint8)))
    q = QImage(a.data, a.shape[1], a.shape[0], a.shape[1], QImage.Format_Grayscale8).copy()
    return QIcon(QPixmap.fromImage(q))


class MyDigitsView(Retranslating, QWidget):
    """The store's digits as a grid of icons labelled with their digit; Add and Delete act on the file."""

    def __init__(self, session, path, parent=None):
        super().__init__(parent)
        self.session = session
        self.store = MyDigits(path)
        self.add_button = QPushButton()
        self.translated(self.add_button.setToolTip, lambda: self.tr(
            "Store the 28×28 input with its training target y in your own data set (Ctrl+D), to train or "
            "fine-tune on your handwriting"))
        self.delete_button = QPushButton()
        self.translated(self.delete_button.setText, lambda: self.tr("Delete selected"))
        self.list = QListWidget()
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(42, 42))
        self.list.setResizeMode(QListView.Adjust)
        self.list.setMovement(QListView.Static)
        self.list.setSelectionMode(QListWidget.ExtendedSelection)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button, 1)
        buttons.addWidget(self.delete_button)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.message)
        self.add_button.clicked.connect(lambda *_: self.add_current())
        self.delete_button.clicked.connect(lambda *_: self.delete_selected())
        session.traceChanged.connect(self._on_trace)
        try:
            self.store.load()
        except MyDigitsError as e:
            self._say(self.tr("Your digits could not be read: {0}").format(e), error=True)
        self._refresh()
        self._on_trace()

    def retranslate(self):
        super().retranslate()
        if hasattr(self, "summary"):
            self._refresh_summary()
            self._on_trace()

    def _say(self, text, error=False):
        self.message.setStyleSheet(f"color: {palette.ERROR_TEXT};" if error else "")
        self.message.setText(text)

    def _on_trace(self):
        s = self.session
        ok = s.probs is not None and s.label is not None
        self.add_button.setEnabled(ok)
        self.add_button.setText(self.tr("Add the drawing to my digits as a {0}").format(s.label) if ok
                                else self.tr("Add the drawing to my digits"))

    def add_current(self):
        """Store the session's input with its target; False (and a message) when it cannot."""
        s = self.session
        if s.probs is None or s.label is None:
            self._say(self.tr("Draw a digit first."), error=True)
            return False
        try:
            self.store.add(s.x28, s.label)
        except MyDigitsError as e:
            self._say(self.tr("Not added: {0}").format(e), error=True)
            return False
        moved = self.store.moved_to
        note = self.tr(" (the unreadable old file was kept as {0})").format(moved.name) if moved else ""
        self._say(self.tr("Added a {0}; {1} digits in {2}{3}").format(s.label, len(self.store),
                                                                      self.store.path, note))
        self._refresh()
        return True

    def delete_selected(self):
        rows = sorted(self.list.row(i) for i in self.list.selectedItems())
        if not rows:
            return False
        try:
            self.store.delete(rows)
        except MyDigitsError as e:
            self._say(self.tr("Not deleted: {0}").format(e), error=True)
            return False
        self._say(self.tr("Deleted {0}; {1} left").format(len(rows), len(self.store)))
        self._refresh()
        return True

    def _refresh(self):
        self.list.clear()
        for image, label in zip(self.store.images, self.store.labels):
            item = QListWidgetItem(digit_icon(image), str(int(label)))
            item.setTextAlignment(Qt.AlignHCenter)
            self.list.addItem(item)
        self._refresh_summary()

    def _refresh_summary(self):
        counts = self.store.counts()
        per = ", ".join(f"{d}: {int(n)}" for d, n in enumerate(counts) if n)
        self.summary.setText(self.tr("{0} of your digits ({1}). Select and press Delete selected to remove "
                                     "some.").format(len(self.store), per or self.tr("none yet")))
        self.delete_button.setEnabled(len(self.store) > 0)
