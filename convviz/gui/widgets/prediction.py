"""Ten probability bars ŷ_0..ŷ_9, the most likely class highlighted and the training target marked."""

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from convviz.gui.presentation import palette
from convviz.gui.presentation.numbers import bar_fraction, percent
from convviz.gui.widgets.translate import Retranslating

ROW = 16
TOP_COLOUR = QColor(palette.TOP_BAR)        # the predicted class
BAR_COLOUR = QColor(palette.BAR)
TRACK_COLOUR = QColor(*palette.TRACK)
TARGET_COLOUR = QColor(palette.TARGET_BAR)


class PredictionBars(Retranslating, QWidget):
    """set_probs(probs, target) shows a prediction; set_probs(None) shows "Draw a digit".

    `revision` counts updates (benchmarks and tests wait on it); `updated` is emitted after each.
    """

    updated = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._probs = None
        self._target = None
        self._log = False
        self.revision = 0
        self.setMinimumSize(180, 10 * ROW + 4)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setFocusPolicy(Qt.NoFocus)
        self.translated(self.setToolTip, lambda: self.tr(
            "ŷ: the network's probability for each digit (softmax output). Orange: its prediction. Green mark: "
            "the training target y."))

    def sizeHint(self):
        return QSize(200, 10 * ROW + 4)

    @property
    def probs(self):
        """The probabilities shown, or None while the canvas is blank."""
        return None if self._probs is None else self._probs.copy()

    @property
    def top(self):
        return None if self._probs is None else int(np.argmax(self._probs))

    @property
    def target(self):
        return self._target

    @property
    def log_scale(self):
        return self._log

    def set_log_scale(self, on):
        """Bars on a log scale (10⁻⁶ … 1), so a runner-up at 0.01% is still visible."""
        self._log = bool(on)
        self.update()

    def set_probs(self, probs, target=None):
        self._probs = None if probs is None else np.array(probs, dtype=np.float64, copy=True)
        self._target = None if target is None else int(target)
        self.revision += 1
        self.update()
        self.updated.emit()

    def paintEvent(self, event):
        p = QPainter(self)
        text = self.palette().color(QPalette.WindowText)
        if self._probs is None:
            muted = QColor(text)
            muted.setAlpha(150)
            p.setPen(muted)
            f = p.font()
            f.setPointSizeF(f.pointSizeF() * 1.25)
            p.setFont(f)
            p.drawText(self.rect(), Qt.AlignCenter, self.tr("Draw a digit"))
            p.end()
            return
        fm = p.fontMetrics()
        digit_w = fm.horizontalAdvance("0") + 14
        pct_w = fm.horizontalAdvance("100.0%") * 1.15 + 8
        bar_x = digit_w
        bar_w = max(10, self.width() - digit_w - pct_w)
        top = self.top
        bold = QFont(p.font())
        bold.setBold(True)
        normal = QFont(p.font())
        for d, prob in enumerate(self._probs):
            y = 2 + d * ROW
            row = QRectF(0, y, self.width(), ROW - 2)
            p.setFont(bold if d == top else normal)
            if d == self._target:
                p.fillRect(QRectF(0, y, 4, ROW - 2), TARGET_COLOUR)
            p.setPen(TARGET_COLOUR.darker(130) if d == self._target else text)
            p.drawText(QRectF(6, y, digit_w - 6, ROW - 2), Qt.AlignVCenter | Qt.AlignLeft, str(d))
            p.setPen(text)
            p.fillRect(QRectF(bar_x, y + 2, bar_w, ROW - 6), TRACK_COLOUR)
            p.fillRect(QRectF(bar_x, y + 2, bar_w * bar_fraction(prob, self._log), ROW - 6),
                       TOP_COLOUR if d == top else BAR_COLOUR)
            p.drawText(row.adjusted(0, 0, -2, 0), Qt.AlignVCenter | Qt.AlignRight, percent(prob))
        p.end()


class LabelSelector(Retranslating, QWidget):
    """Ten toggle buttons for the training target y; `picked(int)` when the user clicks one.

    The window decides which button is lit (the user's choice or, until then, the prediction).
    """

    picked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.buttons = []
        for d in range(10):
            b = QToolButton()
            b.setText(str(d))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.NoFocus)
            b.setMinimumWidth(26)
            b.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            self.translated(b.setToolTip, lambda d=d: self.tr("Train towards y = {0} (key {0})").format(d))
            self.group.addButton(b, d)
            lay.addWidget(b)
            self.buttons.append(b)
        self.group.idClicked.connect(self.picked)

    def show_label(self, label, chosen):
        """Light `label`'s button; bold when the user chose it, plain when it follows the prediction."""
        for d, b in enumerate(self.buttons):
            f = b.font()
            f.setBold(chosen and d == label)
            b.setFont(f)
        if label is None:
            self.group.setExclusive(False)
            for b in self.buttons:
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[label].setChecked(True)

    def checked(self):
        i = self.group.checkedId()
        return None if i < 0 else i
