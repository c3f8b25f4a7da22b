"""The left column: canvas and its tools, the 28x28 input, the prediction bars and training controls.

A view of the Session: `bind(session)` shows its input, prediction, target and losses and
sends the training controls' intent (target, α, update) back to it.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from convviz.gui.models.session import DEFAULT_LR, LR_RANGE
from convviz.gui.panels.draw.canvas import BRUSH_RANGE, DEFAULT_BRUSH, SIZE, DrawingCanvas
from convviz.gui.panels.draw.preview import InputPreview
from convviz.gui.panels.draw.samples import SamplePicker
from convviz.gui.presentation.numbers import loss_number, precise_percent, probability, runner_up
from convviz.gui.widgets.prediction import LabelSelector, PredictionBars
from convviz.gui.widgets.translate import Retranslating

LEFT_WIDTH = 330
MIN_CANVAS = 200


class LogSpinBox(QDoubleSpinBox):
    """α with 1-2-5 steps (0.0001, 0.0002, 0.0005, 0.001, ...); any value can still be typed."""

    LADDER = [m * 10.0 ** e for e in range(-4, 1) for m in (1, 2, 5)] + [1.0, 2.0, 5.0]

    def stepBy(self, steps):
        v = self.value()
        for _ in range(abs(steps)):
            if steps > 0:
                v = next((x for x in self.LADDER if x > v * (1 + 1e-9)), self.maximum())
            else:
                v = next((x for x in reversed(self.LADDER) if x < v * (1 - 1e-9)), self.minimum())
        self.setValue(v)


class LeftColumn(Retranslating, QScrollArea):
    """Steps 1-3 of the workflow, top to bottom: draw, see what the network sees, train."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.canvas = DrawingCanvas()
        self.preview = InputPreview(scale=4)
        self.prediction = PredictionBars()
        self.label_selector = LabelSelector()
        self.sample_picker = SamplePicker()

        self.brush_slider = QSlider(Qt.Horizontal)
        self.brush_slider.setRange(*BRUSH_RANGE)
        self.brush_slider.setValue(DEFAULT_BRUSH)
        self.brush_slider.setFocusPolicy(Qt.NoFocus)
        self.translated(self.brush_slider.setToolTip, lambda: self.tr("Brush width"))
        self.eraser_button = self._tool(lambda: self.tr("Eraser"),
                                        lambda: self.tr("Left button erases (the right button always does). Key E"),
                                        checkable=True)
        self.light_button = self._tool(lambda: "◐", lambda: self.tr(
            "Light or dark canvas (I). Only the look changes: the network always sees bright ink on a dark square"),
            checkable=True)
        self.undo_button = self._tool(lambda: self.tr("Undo"), lambda: self.tr("Undo the last stroke (Ctrl+Z)"))
        self.clear_button = self._tool(lambda: self.tr("Clear"),
                                       lambda: self.tr("Clear the canvas (Delete); Ctrl+Z brings it back"))

        self.lr_spin = LogSpinBox()
        self.lr_spin.setRange(*LR_RANGE)
        self.lr_spin.setDecimals(4)
        self.lr_spin.setValue(DEFAULT_LR)
        self.lr_spin.setKeyboardTracking(False)     # retrace when typing is done, not per digit
        self.lr_spin.setFocusPolicy(Qt.ClickFocus)  # never the default focus: arrows step the trace
        lo, hi = self.lr_spin.minimum(), self.lr_spin.maximum()
        self.translated(self.lr_spin.setToolTip, lambda: self.tr(
            "Learning rate α of the update θ ← θ − α·∂L/∂θ, from {0} to {1}. Each launch starts at {2} unless you "
            "ask to remember it (Train menu)").format(f"{lo:g}", f"{hi:g}", f"{DEFAULT_LR:g}"))
        self.lr_range = QLabel(self.tr("{0} – {1}").format(f"{lo:g}", f"{hi:g}"))
        self.translated(self.lr_range.setToolTip, self.lr_spin.toolTip)     # set just above
        self.lr_range.setStyleSheet("color: gray;")
        self.lr_spin.editingFinished.connect(self.lr_spin.clearFocus)   # give the arrow keys back

        self.apply_button = QPushButton()
        self.translated(self.apply_button.setText, lambda: self.tr("Apply update ▸ next iteration"))
        self.translated(self.apply_button.setToolTip, lambda: self.tr(
            "Keep the updated weights θ − α·∂L/∂θ and run a new iteration on the same input (U)"))
        self.reset_button = QPushButton()
        self.translated(self.reset_button.setText, lambda: self.tr("Reset weights"))
        self.reset_button.setToolTip(self.tr("Back to the weights of the model as loaded"))   # the window names it
        for b in (self.apply_button, self.reset_button):
            b.setFocusPolicy(Qt.NoFocus)

        self.runner_up = QLabel()
        # its text changes with every prediction while drawing: a fixed size never re-lays out the column
        self.runner_up.setFixedSize(150, self.runner_up.fontMetrics().height() + 4)
        self.translated(self.runner_up.setToolTip,
                        lambda: self.tr("The second most likely digit: a confident prediction hides it"))
        self.log_bars = QCheckBox()
        self.translated(self.log_bars.setText, lambda: self.tr("log"))
        self.log_bars.setFocusPolicy(Qt.NoFocus)
        self.translated(self.log_bars.setToolTip, lambda: self.tr(
            "Bars on a log scale from 0.0001% to 100%: small probabilities become visible"))
        self.log_bars.toggled.connect(self.prediction.set_log_scale)
        self.target_text = QLabel()
        self.target_text.setWordWrap(True)
        self.auto_label = QCheckBox()
        self.translated(self.auto_label.setText, lambda: self.tr("use the prediction as target"))
        self.auto_label.setFocusPolicy(Qt.NoFocus)
        self.translated(self.auto_label.setToolTip,
                        lambda: self.tr("Follow the network's predicted class (A); press 0-9 to choose"))
        self.loss_text = QLabel()
        self.loss_text.setWordWrap(True)
        self.loss_text.setTextFormat(Qt.RichText)

        col = QVBoxLayout()
        col.setSpacing(6)
        col.addWidget(self._heading(lambda: self.tr("1 · Draw a digit")))
        tools = QHBoxLayout()
        tools.addWidget(self._label(lambda: self.tr("Brush")))
        tools.addWidget(self.brush_slider, 1)
        for b in (self.eraser_button, self.light_button, self.undo_button, self.clear_button):
            tools.addWidget(b)
        col.addLayout(tools)
        col.addWidget(self.canvas, 0, Qt.AlignHCenter)
        col.addWidget(self.sample_picker)
        col.addWidget(self._heading(lambda: self.tr("2 · What the network sees and predicts")))
        row = QHBoxLayout()
        seen = QVBoxLayout()
        seen.addWidget(self.preview)
        self.input_caption = cap = QLabel(self.tr("input I, {0}×{1}").format(28, 28))
        cap.setAlignment(Qt.AlignHCenter)
        seen.addWidget(cap)
        seen.addStretch(1)
        row.addLayout(seen)
        row.addWidget(self.prediction, 1, Qt.AlignTop)
        col.addLayout(row)
        under = QHBoxLayout()
        under.addStretch(1)
        under.addWidget(self.runner_up)
        under.addWidget(self.log_bars)
        col.addLayout(under)
        col.addWidget(self._heading(lambda: self.tr("3 · Train one iteration")))
        col.addWidget(self.target_text)
        col.addWidget(self.label_selector)
        col.addWidget(self.auto_label)
        lr_row = QHBoxLayout()
        lr_row.addWidget(self._label(lambda: self.tr("Learning rate α")))
        lr_row.addWidget(self.lr_spin)
        lr_row.addWidget(self.lr_range)
        lr_row.addStretch(1)
        col.addLayout(lr_row)
        # The buttons above the loss text: that text grows a line ("losses so far") after the
        # first update, which would move the buttons away from under the pointer.
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button, 1)
        buttons.addWidget(self.reset_button)
        col.addLayout(buttons)
        col.addWidget(self.loss_text)
        col.addStretch(1)
        self._inner = inner = QWidget()
        inner.setLayout(col)
        self.setWidget(inner)
        self.setWidgetResizable(True)          # scrolls only when the window is short (laptops)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFixedWidth(LEFT_WIDTH)
        self.setFocusPolicy(Qt.NoFocus)

    # ---- the session -------------------------------------------------------------------
    def bind(self, session):
        """Show `session` and send the training controls' intent to it."""
        self.session = session
        self.brush_slider.valueChanged.connect(self.canvas.set_brush_width)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.label_selector.picked.connect(session.set_label)
        self.auto_label.clicked.connect(self._on_auto_label)
        self.lr_spin.setValue(session.lr)
        if self.lr_spin.value() != session.lr:          # the box rounds (4 decimals) and clamps
            session.set_lr(self.lr_spin.value())
        self.lr_spin.valueChanged.connect(session.set_lr)
        session.lrChanged.connect(self._on_lr_changed)
        self.apply_button.clicked.connect(lambda *_: session.apply_update())
        session.predictionChanged.connect(self._on_prediction)
        session.traceChanged.connect(self._on_trace)

    def _on_auto_label(self, on):
        s = self.session
        if on:
            s.use_predicted_label()
        else:
            s.set_label(s.label if s.label is not None else 0)

    def _on_lr_changed(self, lr):
        if self.lr_spin.value() != lr:
            self.lr_spin.blockSignals(True)
            self.lr_spin.setValue(lr)
            self.lr_spin.blockSignals(False)

    def _on_prediction(self):
        # what the network reads: smaller than 28 × 28 when the editor chose a smaller input
        x = self.session.net_input
        self.preview.set_array(x)
        self.input_caption.setText(self.tr("input I, {0}×{1}").format(x.shape[0], x.shape[1]))
        self.prediction.set_probs(self.session.probs, self.session.label)
        second = None if self.session.probs is None else runner_up(self.session.probs)
        text = "" if second is None else self.tr("2nd: {0} ({1})").format(second[0], precise_percent(second[1]))
        if text != self.runner_up.text():
            self.runner_up.setText(text)

    def _on_trace(self):
        s = self.session
        self.prediction.set_probs(s.probs, s.label)
        label, chosen = s.label, s.label_is_chosen
        self.label_selector.show_label(label, chosen)
        self.auto_label.setChecked(not chosen)
        self.apply_button.setEnabled(s.trace is not None and s.mistake is None)   # a mistake is never applied
        if label is None:
            self.target_text.setText(self.tr("Training target y: draw a digit first."))
            self.loss_text.setText("")
            return
        sources = {"user": self.tr("your choice"), "sample": self.tr("the sample's label")}
        why = sources.get(s.label_source, s.label_source) if chosen else self.tr("predicted; keys 0-9 choose")
        self.target_text.setText(self.tr("Training target y = <b>{0}</b> ({1})").format(label, why))
        if s.trace is None:
            self.loss_text.setText("")
            return
        t, history, targets = s.trace, s.loss_history, s.target_history
        # one history with the weights: a change of target is marked where it happened
        parts = []
        for k in range(max(0, len(history) - 5), len(history)):
            mark = f"(y={targets[k]}) " if k > 0 and targets[k] != targets[k - 1] else ""
            parts.append(mark + loss_number(history[k]))
        text = self.tr("Iteration {0}: loss L = <b>{1}</b>; after this update L = {2}, "
                       "ŷ<sub>{3}</sub> {4} → {5}").format(
            s.iteration, loss_number(t.loss), loss_number(t.loss_after), label, probability(t.probs[label]),
            probability(t.probs_after[label]))
        if len(history) > 1:
            text += "<br>" + self.tr("losses so far: {0}").format(" → ".join(parts))
        self.loss_text.setText(text)

    def retranslate(self):
        """Static texts (Retranslating), then the session's texts again (target, loss, runner-up)."""
        super().retranslate()
        if getattr(self, "session", None) is not None:
            self._on_prediction()
            self._on_trace()

    def _label(self, text):
        label = QLabel()
        self.translated(label.setText, text)
        return label

    def _heading(self, text):
        h = self._label(text)
        f = h.font()
        f.setBold(True)
        h.setFont(f)
        return h

    def _tool(self, text, tip, checkable=False):
        b = QToolButton()
        self.translated(b.setText, text)
        self.translated(b.setToolTip, tip)
        b.setCheckable(checkable)
        b.setFocusPolicy(Qt.NoFocus)
        return b

    def resizeEvent(self, event):
        """On short windows shrink the canvas (down to 200 px) before anything has to scroll."""
        super().resizeEvent(event)
        side = self.canvas.width()
        lay = self._inner.layout()
        need = lay.heightForWidth(self.viewport().width()) if lay.hasHeightForWidth() else lay.sizeHint().height()
        spare = self.viewport().height() - need
        new = max(MIN_CANVAS, min(SIZE, side + spare))
        if new != side:
            self.canvas.setFixedSize(new, new)
