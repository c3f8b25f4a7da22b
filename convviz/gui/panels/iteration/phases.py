"""The phase badges: Forward · Loss · Backward · Update, the current one highlighted, each a button."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from convviz.engine import PHASES
from convviz.gui.presentation import catalogue
from convviz.gui.widgets import colors
from convviz.gui.widgets.translate import catalogue_tr

#: A badge's room around its name: the style's 4 px padding and 1 px border on each side, and Qt's
#: own margin inside a tool button.
BADGE_PADDING = 2 * (4 + 1) + 8


class PhaseIndicator(QWidget):
    """Forward · Loss · Backward · Update, with the current phase highlighted; each is a button
    that jumps to its phase's first step (phaseClicked(phase))."""

    phaseClicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.labels = {}
        for p in PHASES:
            name = catalogue_tr(catalogue.PHASE_NAMES[p])
            lab = QToolButton()
            lab.setText(name)
            lab.setFocusPolicy(Qt.NoFocus)
            lab.setCursor(Qt.PointingHandCursor)
            lab.setToolTip(self.tr("Go to the first step of the {0} phase").format(name.lower()))
            lab.clicked.connect(lambda _=False, p=p: self.phaseClicked.emit(p))
            lay.addWidget(lab)
            self.labels[p] = lab
        self.current = None
        self.set_phase(None)
        self._fit()

    def _fit(self):
        """Each badge at least as wide as its name in bold (the highlighted look) with its padding:
        a narrow toolbar then shrinks the step title beside it, never a badge to '前…播'."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for lab in self.labels.values():
            lab.setMinimumWidth(max(48, metrics.horizontalAdvance(lab.text()) + BADGE_PADDING))

    def set_phase(self, phase):
        if phase == self.current and self.labels and getattr(self, "_styled", False):
            return
        self._styled = True
        self.current = phase
        for p, lab in self.labels.items():
            if p == phase:
                lab.setStyleSheet(f"background:{colors.PHASE_COLORS[p]}; color:white; font-weight:bold;"
                                  "border-radius:4px; padding:3px 4px;")
            else:
                lab.setStyleSheet(f"color:{colors.MUTED_TEXT}; border:1px solid {colors.MUTED_BORDER}; "
                                  "border-radius:4px; padding:3px 4px;")

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self):
        """The badges' names and tips in the language now installed."""
        for p, lab in self.labels.items():
            name = catalogue_tr(catalogue.PHASE_NAMES[p])
            lab.setText(name)
            lab.setToolTip(self.tr("Go to the first step of the {0} phase").format(name.lower()))
        self._fit()

    def text(self):
        """The highlighted phase's label ('' when none)."""
        return self.labels[self.current].text() if self.current else ""
