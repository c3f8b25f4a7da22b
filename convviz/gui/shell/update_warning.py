"""The bar above the window that warns when an applied update went wrong (the loss rose, the
output saturated, most active ReLUs switched off), suggests a smaller α and offers a reset."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from convviz.gui.presentation.numbers import loss_number
from convviz.gui.widgets import colors
from convviz.gui.widgets.translate import Retranslating


class UpdateWarningBar(Retranslating, QFrame):
    """Hidden until `show_health(health, lr)`; resetClicked / smallerClicked carry the learner's choice."""

    resetClicked = Signal()
    smallerClicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("updateWarning")
        self.setStyleSheet(f"#updateWarning {{ background: {colors.WARNING_BACKGROUND}; border: 1px solid "
                           f"{colors.WARNING_BORDER}; border-radius: 4px; }} "
                           f"#updateWarning QLabel {{ color: {colors.WARNING_TEXT}; }}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        lay.addWidget(self.text, 1)
        self.smaller = QPushButton()
        self.reset, self.dismiss = QPushButton(), QPushButton()
        self.translated(self.reset.setText, lambda: self.tr("Reset weights"))
        self.translated(self.dismiss.setText, lambda: self.tr("Dismiss"))
        self._shown = None         # (health, lr) of the warning shown: said again after a language switch
        for b in (self.smaller, self.reset, self.dismiss):
            b.setFocusPolicy(Qt.NoFocus)
            lay.addWidget(b)
        self.smaller.clicked.connect(lambda *_: (self.hide(), self.smallerClicked.emit()))
        self.reset.clicked.connect(lambda *_: (self.hide(), self.resetClicked.emit()))
        self.dismiss.clicked.connect(lambda *_: self.hide())
        self.hide()

    def show_health(self, health, lr):
        """Say what the update did, why α is the likely cause, and what to do."""
        self._shown = (health, lr)
        parts = []
        if health.loss_rose:
            parts.append(self.tr("it <b>raised</b> the loss from {0} to {1}").format(
                loss_number(health.loss_before), loss_number(health.loss_after)))
        if health.saturated:
            parts.append(self.tr("the output <b>saturated</b> (ŷ is 0 or 1, so the gradients vanish and "
                                 "the network stops learning)"))
        if health.most_relus_died:
            parts.append(self.tr("<b>{0} of {1}</b> active ReLU units switched off (they pass no gradient "
                                 "now)").format(health.relu_died, health.relu_active_before))
        self.text.setText(self.tr("The last update went too far: {0}. α = {1} is probably too large: "
                                  "try a smaller α, or reset the weights.").format("; ".join(parts), f"{lr:g}"))
        self.smaller.setText(self.tr("Use α = {0}").format(f"{lr / 10:g}"))
        self.show()

    def retranslate(self):
        super().retranslate()
        if self._shown is not None and self.isVisibleTo(self.parentWidget() or self):
            self.show_health(*self._shown)
