"""Check this element: under the inspector, a button that checks the selected element's ∂L/∂θ
against central differences on a copy of the session's network, and its numbers."""

import copy
import time

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from convviz.engine import gradcheck, mistakes
from convviz.gui.panels.gradcheck.targets import can_check, check_target
from convviz.gui.presentation.gradcheck_text import check_html
from convviz.gui.presentation.symbols import element_name, element_symbol


def _translate(context, text):
    return QCoreApplication.translate(context, text)


class ElementCheckBox(QWidget):
    """The button and the last check's numbers; `checked(ElementCheck)` after each check.

    The check runs on the GUI thread: it is two forward runs and one backward run on a copy
    (~6 ms for the shipped model; `last_ms` holds the time taken), shorter than a trace.
    """

    checked = Signal(object)

    def __init__(self, session, panel, parent=None):
        super().__init__(parent)
        self.session, self.panel = session, panel
        self.button = QPushButton(self.tr("Check this element"))
        self.button.setToolTip(self.tr("Compute ∂L/∂θ of the selected element numerically, "
                                       "(L(θ + ε) − L(θ − ε)) / 2ε, and compare it with backprop's"))
        self.button.clicked.connect(self.check)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#777;")
        self.result = QTextBrowser()
        self.result.setVisible(False)
        self.result.setMinimumHeight(60)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.hint, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.result)
        self.last_check, self.last_ms = None, None
        panel.selectionChanged.connect(self._forget)
        panel.stepper.traceReset.connect(self._forget)
        panel.stepper.stepChanged.connect(self._update_button)
        self._forget()

    def _step(self):
        return self.panel.stepper.step()

    @Slot()
    def _forget(self):
        """A new selection or a new trace (new parameters, a mistake on or off): the old numbers go."""
        self.last_check = None
        self.result.clear()
        self.result.setVisible(False)
        self._update_button()

    @Slot()
    def _update_button(self, *_):
        step, sel = self._step(), self.panel.selection
        ok = can_check(step, sel)
        self.button.setEnabled(ok)
        # The numbers stay with their element and trace, shown at the steps where gradients are.
        self.result.setVisible(ok and self.last_check is not None)
        if ok:
            self.hint.setText(self.tr("for %s") % element_name(*sel))
        elif sel is None:
            self.hint.setText(self.tr("Select a weight, bias, pixel or unit to check its gradient."))
        elif step is not None and step.phase not in ("backward", "update"):
            self.hint.setText(self.tr("Gradients are checked at backward and update steps."))
        else:
            self.hint.setText(self.tr("The loss itself has no gradient to check."))

    @Slot()
    def check(self):
        """Check the selected element (if it can be) and show the numbers; returns the ElementCheck."""
        sel = self.panel.selection
        if not can_check(self._step(), sel):
            return None
        key, index = check_target(*sel)
        s = self.session
        start = time.perf_counter()
        # check_element nudges the parameter in place: a copy, so no view sees θ ± ε.
        try:
            result = gradcheck.check_element(copy.deepcopy(s.net), s.x28, s.label, key, index,
                                             mistake=s.mistake)
        except (ValueError, KeyError, IndexError) as e:
            self.result.setHtml("<p>" + self.tr("The check could not run: %s") % e + "</p>")
            self.result.setVisible(True)
            return None
        self.last_ms = (time.perf_counter() - start) * 1000.0
        self.last_check = result
        mistake = mistakes.get(s.mistake) if s.mistake else None
        symbol = element_symbol(*sel) or element_name(*sel)
        self.result.setHtml(check_html(result, symbol, mistake, _translate))
        self.result.setVisible(True)
        self.checked.emit(result)
        return result
