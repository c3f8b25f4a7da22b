"""Check this element: under the inspector, a button that checks the selected element's ∂L/∂θ
against central differences on a copy of the session's network, and its numbers."""

import copy
import html
import threading
import time

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from convviz.engine import gradcheck, mistakes
from convviz.gui.panels.gradcheck.targets import can_check, check_target
from convviz.gui.presentation import palette
from convviz.gui.presentation.gradcheck_text import check_html
from convviz.gui.presentation.symbols import conv_layers, element_name, element_symbol
from convviz.gui.widgets.translate import Retranslating


def _translate(context, text):
    return QCoreApplication.translate(context, text)


class ElementCheckBox(Retranslating, QWidget):
    """The button and the last check's numbers; `checked(ElementCheck)` after each check.

    The check is three forward runs and one backward run on a copy of the network: ~1 ms for
    the shipped model but ~0.5 s for a wide three-block one, so it runs on a worker thread;
    a result that arrives after the selection or the trace changed is dropped (`last_ms` holds
    the time the last shown check took).
    """

    checked = Signal(object)
    _done = Signal(int, object)          # (token, (ElementCheck or None, error, ms, selection, mistake))

    def __init__(self, session, panel, parent=None):
        super().__init__(parent)
        self.session, self.panel = session, panel
        self.button = QPushButton()
        self.translated(self.button.setText, lambda: self.tr("Check this element"))
        self.translated(self.button.setToolTip, lambda: self.tr(
            "Compute ∂L/∂θ of the selected element numerically, (L(θ + ε) − L(θ − ε)) / 2ε, and compare it "
            "with backprop's"))
        self.button.clicked.connect(self.check)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color:{palette.HINT_TEXT};")
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
        self._token = 0                      # bumped by every new check and every _forget
        self._running = False
        self._done.connect(self._on_done)
        panel.selectionChanged.connect(self._forget)
        panel.stepper.traceReset.connect(self._forget)
        panel.stepper.stepChanged.connect(self._update_button)
        self._forget()

    def retranslate(self):
        super().retranslate()
        if hasattr(self, "result"):
            self._update_button()

    def _step(self):
        return self.panel.stepper.step()

    @Slot()
    def _forget(self):
        """A new selection or a new trace (new parameters, a mistake on or off): the old numbers go."""
        self._token += 1
        self._running = False
        self.last_check = None
        self.result.clear()
        self.result.setVisible(False)
        self._update_button()

    @Slot()
    def _update_button(self, *_):
        step, sel = self._step(), self.panel.selection
        ok = can_check(step, sel)
        self.button.setEnabled(ok and not self._running)
        # The numbers stay with their element and trace, shown at the steps where gradients are.
        self.result.setVisible(ok and self.last_check is not None)
        if ok and self._running:
            self.hint.setText(self.tr("Checking %s…") % element_name(*sel, conv_layers(self.panel.stepper.trace)))
        elif ok:
            self.hint.setText(self.tr("for %s") % element_name(*sel, conv_layers(self.panel.stepper.trace)))
        elif sel is None:
            self.hint.setText(self.tr("Select a weight, bias, pixel or unit to check its gradient."))
        elif step is not None and step.phase not in ("backward", "update"):
            self.hint.setText(self.tr("Gradients are checked at backward and update steps."))
        else:
            self.hint.setText(self.tr("The loss itself has no gradient to check."))

    @Slot()
    def check(self):
        """Start checking the selected element (if it can be); `checked` brings the ElementCheck."""
        sel = self.panel.selection
        if self._running or not can_check(self._step(), sel):
            return False
        key, index = check_target(*sel)
        s = self.session
        self._token += 1
        self._running = True
        self._update_button()
        # check_element nudges the parameter in place: a copy, so no view ever sees θ ± ε.
        args = (self._token, copy.deepcopy(s.net), s.net_input.copy(), s.label, key, index, sel, s.mistake)
        threading.Thread(target=self._run, args=args, daemon=True).start()
        return True

    def _run(self, token, net, x, label, key, index, sel, mistake):
        start = time.perf_counter()
        result, error = None, None
        try:
            result = gradcheck.check_element(net, x, label, key, index, mistake=mistake)
        except (ValueError, KeyError, IndexError) as e:
            error = str(e)
        try:
            self._done.emit(token, (result, error, (time.perf_counter() - start) * 1000.0, sel, mistake))
        except RuntimeError:                 # the window closed meanwhile
            pass

    @Slot(int, object)
    def _on_done(self, token, payload):
        if token != self._token:             # the selection or the trace changed meanwhile
            return
        result, error, ms, sel, mistake = payload
        self._running = False
        self._update_button()
        if error is not None:
            self.result.setHtml("<p>" + html.escape(self.tr("The check could not run: %s") % error) + "</p>")
            self.result.setVisible(True)
            return
        self.last_ms, self.last_check = ms, result
        symbol = element_symbol(*sel) or element_name(*sel, conv_layers(self.panel.stepper.trace))
        self.result.setHtml(check_html(result, symbol, mistakes.get(mistake) if mistake else None, _translate))
        self._update_button()
        self.checked.emit(result)
