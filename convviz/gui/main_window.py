"""The main window: drawing, live prediction and training controls on the left, the NetworkPanel beside.

The window owns the Network, the current 28x28 input, the training target and α. Whenever one
of them changes it builds `net.trace(x28, label, lr)` and hands it to the Stepper; the panel
replays it. The live prediction and the trace use the same preprocessed array.
"""

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from convviz.digits import is_blank, load_image, load_pretrained, load_samples, preprocess
from convviz.engine import Network

from . import dialogs
from . import settings as stored
from .canvas import BRUSH_RANGE, DEFAULT_BRUSH, to_ink
from .files import FileActions
from .left_column import DEFAULT_LR, LeftColumn
from . import network_panel
from .network_panel import NetworkPanel
from .stepper import Stepper

#: While drawing, predict at most every PREDICT_INTERVAL_MS, and never spend more than a quarter
#: of the time predicting (slow machines space predictions out; the canvas itself never waits).
PREDICT_INTERVAL_MS = 8
PREDICT_SHARE = 0.25
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp);;All files (*)"


def _num(v):
    """A loss for a learner: 4 decimals, or scientific notation when that would show 0.0000."""
    return f"{v:.4f}" if abs(v) >= 1e-3 or v == 0 else f"{v:.1e}"


def _pct(p):
    return f"{100 * p:.1f}%" if 0.001 <= p <= 0.999 or p in (0, 1) else f"{100 * p:.3g}%"


class MainWindow(FileActions, QMainWindow):
    """traceRebuilt: a new trace was handed to the stepper; predictionUpdated: the bars changed."""

    traceRebuilt = Signal()
    predictionUpdated = Signal()

    def __init__(self, net=None, settings=None, report_error=None, parent=None):
        super().__init__(parent)
        from .app import configure_pyqtgraph
        configure_pyqtgraph()
        self.settings = settings if settings is not None else QSettings()
        self._report = report_error or (lambda title, text: dialogs.show_error(self, title, text))
        self.setWindowTitle("convviz: how a CNN computes and learns")
        self.setAcceptDrops(True)
        model_note = "network given at start" if net is not None else None
        self._startup_warning = None
        if net is None:
            try:
                net = load_pretrained()
                model_note = "pretrained model (resources/models/digits.npz)"
            except Exception as e:      # missing or unreadable: still open, say so
                net = Network(seed=0)
                model_note = None
                self._startup_warning = ("No pretrained model found: using an untrained network "
                                         "(seed 0), its guesses are random until trained.")
                self._startup_detail = str(e)
        self.net = net
        self._loaded_params = {k: v.copy() for k, v in net.params.items()}
        self.model_name = model_note or "untrained network (seed 0)"
        self.updates_applied = 0          # updates applied since the model was loaded
        self.trace = None
        self.x28 = np.zeros((28, 28), np.float32)
        self.probs = None
        self._choice = None              # the user's target label, None = follow the prediction
        self._choice_source = "your choice"
        self.loss_history = []
        self._last_predict = 0.0
        self._predict_cost_ms = 1.0       # running mean of preprocess + forward + bars update
        self._predict_timer = QTimer(self)
        self._predict_timer.setSingleShot(True)
        self._predict_timer.timeout.connect(self._on_predict_timer)

        speed = stored.read_float(self.settings, "view/speed", 2.0, 0.1, 60.0)
        self.stepper = Stepper(parent=self, steps_per_second=speed)
        self.panel = NetworkPanel(self.stepper)
        self._build_left()
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.left)
        lay.addWidget(self.panel, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._model_label = QLabel()
        self.statusBar().addPermanentWidget(self._model_label)
        self._restore_settings()

        try:
            self.samples = load_samples()
        except Exception as e:
            self.samples = (np.zeros((0, 28, 28), np.uint8), np.zeros(0, int))
            self.statusBar().showMessage(f"Sample digits unavailable: {e}", 8000)
        self.sample_picker.set_samples(*self.samples)
        self._update_model_label()
        if len(self.samples[1]):
            self.load_sample(self._first_sample())
        else:
            self._input_changed()
        if self._startup_warning:
            self.statusBar().showMessage(self._startup_warning)
            self._model_label.setToolTip(self._startup_detail)

    # ---- layout ----------------------------------------------------------------------
    def _build_left(self):
        self.left = left = LeftColumn()
        for name in LeftColumn.WIDGETS:                 # short names for the window and tests
            setattr(self, name, getattr(left, name))
        self.canvas.inkChanged.connect(self._on_ink_changed)
        self.canvas.strokeFinished.connect(self._on_stroke_finished)
        self.label_selector.picked.connect(self.set_label)
        self.sample_picker.chosen.connect(self.load_sample)
        self.brush_slider.valueChanged.connect(self.canvas.set_brush_width)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.undo_button.clicked.connect(self.undo)
        self.clear_button.clicked.connect(self.clear)
        self.lr_spin.valueChanged.connect(self._on_lr_changed)
        self.apply_button.clicked.connect(self.apply_update)
        self.reset_button.clicked.connect(self.reset_weights)
        self.auto_label.clicked.connect(lambda on: self.use_predicted_label() if on else
                                        self.set_label(self.label if self.label is not None else 0))

    def _action(self, menu, text, slot, keys=(), tip=None, checkable=False):
        a = QAction(text, self)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.WindowShortcut)
        if tip:
            a.setStatusTip(tip)
        a.setCheckable(checkable)
        (a.toggled if checkable else a.triggered).connect(slot)
        menu.addAction(a)
        self.addAction(a)
        return a

    def _build_menus(self):
        from .menus import build_menus
        build_menus(self)

    # ---- settings --------------------------------------------------------------------
    def _restore_settings(self):
        """Each value validated as it is read (settings.py): a corrupt one is replaced, never fatal."""
        geometry = stored.read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # 1600 x 1000 where it fits; on a smaller screen (a 1366 x 768 laptop) its free area.
            size = QSize(1600, 1000)
            if self.screen() is not None:
                size = size.boundedTo(self.screen().availableGeometry().size())
            self.resize(size)
        self.brush_slider.setValue(stored.read_int(self.settings, "canvas/brush", DEFAULT_BRUSH, *BRUSH_RANGE))
        dark = stored.read_bool(self.settings, "canvas/dark", True)
        self.light_action.setChecked(not dark)
        self.canvas.set_dark(dark)
        self.lr_spin.blockSignals(True)
        self.lr_spin.setValue(stored.read_float(self.settings, "train/lr", DEFAULT_LR,
                                                self.lr_spin.minimum(), self.lr_spin.maximum()))
        self.lr_spin.blockSignals(False)
        # The panel's view (values/gradients/both) and its splitters, if this panel has them.
        mode = stored.read_choice(self.settings, "view/mode", None, getattr(network_panel, "MODES", ()))
        if mode is not None and hasattr(self.panel, "set_mode"):
            self.panel.set_mode(mode)
        for name in ("split", "bottom"):
            state = stored.read_bytes(self.settings, f"view/{name}")
            if state is not None and hasattr(getattr(self.panel, name, None), "restoreState"):
                getattr(self.panel, name).restoreState(state)

    def save_settings(self):
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("canvas/brush", int(self.canvas.brush_width))
        s.setValue("canvas/dark", self.canvas.dark)
        s.setValue("train/lr", self.lr)
        s.setValue("view/speed", self.stepper.speed)
        if hasattr(self.panel, "mode"):
            s.setValue("view/mode", self.panel.mode)
        for name in ("split", "bottom"):
            if hasattr(getattr(self.panel, name, None), "saveState"):
                s.setValue(f"view/{name}", getattr(self.panel, name).saveState())
        s.sync()

    def closeEvent(self, event):
        self.save_settings()
        super().closeEvent(event)

    def set_light_canvas(self, light):
        self.canvas.set_dark(not light)

    # ---- state -----------------------------------------------------------------------
    @property
    def lr(self):
        return float(self.lr_spin.value())

    def set_lr(self, lr):
        self.lr_spin.setValue(lr)       # valueChanged retraces

    @property
    def label(self):
        """The training target y: the user's choice, else the predicted class (None when blank)."""
        if self._choice is not None:
            return self._choice
        return None if self.probs is None else int(np.argmax(self.probs))

    @property
    def label_is_chosen(self):
        return self._choice is not None

    def set_label(self, digit, source="your choice"):
        """Train towards y = digit; starts a new iteration at step 0."""
        self._choice = int(digit)
        self._choice_source = source
        self.loss_history = []
        self._rebuild_trace()

    def use_predicted_label(self):
        self._choice = None
        self.loss_history = []
        self._rebuild_trace()

    # ---- drawing and inputs ----------------------------------------------------------
    def _on_ink_changed(self):
        """Coalesce mouse moves: predict at most every PREDICT_INTERVAL_MS, never in the move itself."""
        if self._predict_timer.isActive():
            return
        interval = max(PREDICT_INTERVAL_MS, self._predict_cost_ms / PREDICT_SHARE)
        wait = interval - (time.perf_counter() - self._last_predict) * 1000.0
        self._predict_timer.start(max(0, int(wait)))

    def _on_predict_timer(self):
        self._update_prediction()

    def _on_stroke_finished(self):
        self.undo_button.setEnabled(self.canvas.can_undo())
        self.undo_action.setEnabled(self.canvas.can_undo())
        self._predict_timer.stop()
        self._input_changed()

    def _update_prediction(self):
        """Preprocess the canvas, run the network forward, show the 28x28 input and the bars."""
        start = self._last_predict = time.perf_counter()
        ink = self.canvas.ink_array()
        if is_blank(ink):
            self.x28 = np.zeros((28, 28), np.float32)
            self.probs = None
        else:
            self.x28 = preprocess(ink)
            self.probs = self.net.forward(self.x28)
        self.preview.set_array(self.x28)
        self.prediction.set_probs(self.probs, self.label)
        cost = (time.perf_counter() - start) * 1000.0
        self._predict_cost_ms = 0.8 * self._predict_cost_ms + 0.2 * cost
        self.predictionUpdated.emit()

    def _input_changed(self):
        """A new input: predict, then start a new iteration (step 0) for it."""
        self.loss_history = []
        self._update_prediction()
        self._rebuild_trace()

    def undo(self):
        self.canvas.undo()

    def clear(self):
        self._choice = None
        self.sample_picker.show_none()
        self.statusBar().clearMessage()
        self.canvas.clear()
        if not self.canvas.can_undo():
            self._input_changed()

    def _first_sample(self):
        """The shipped sample the model is least sure of while still right about it.

        A sample it already gets at 100% has a loss near 0: its gradients and its update would
        show nothing. One at ~85% makes the backward pass and the update visible on the first screen.
        """
        images, labels = self.samples
        probs = self.net.forward(images.astype(np.float32) / 255.0)
        right = probs.argmax(axis=1) == labels
        confidence = np.where(right, probs[np.arange(len(labels)), labels], np.inf)
        return int(np.argmin(confidence)) if right.any() else 0

    def load_sample(self, i):
        """Put shipped sample i on the canvas and train towards its true label."""
        images, labels = self.samples
        self.sample_picker.show_index(i)
        self._choice, self._choice_source = int(labels[i]), "the sample's label"
        self.canvas.set_picture(images[i].astype(np.float32) / 255.0)
        self.statusBar().showMessage(f"Sample {i + 1}: an MNIST {int(labels[i])}", 4000)

    def open_image(self, path):
        """Load a picture file onto the canvas (File ▸ Open image…, drag and drop); False on error."""
        ok, picture = self._attempt(self.tr("Could not open the image"), path, lambda: load_image(path),
                                    self.tr("The canvas was not changed."))
        if not ok:
            return False
        self._choice = None
        self.sample_picker.show_none()
        self.canvas.set_picture(to_ink(picture))
        note = "no ink found in it" if self.probs is None else f"{picture.shape[1]}×{picture.shape[0]} px"
        self.statusBar().showMessage(f"Opened {Path(path).name} ({note})", 6000)
        return True

    # ---- the trace -------------------------------------------------------------------
    def _rebuild_trace(self):
        label = self.label
        if self.probs is None or label is None:
            self.trace = None
        else:
            self.trace = self.net.trace(self.x28, label, self.lr)
            if not self.loss_history:
                self.loss_history = [self.trace.loss]
        self.stepper.set_trace(self.trace)
        self.prediction.set_probs(self.probs, label)
        self._update_texts()
        self.traceRebuilt.emit()

    def _on_lr_changed(self, _value):
        self.save_settings_value("train/lr", self.lr)
        self._rebuild_trace()

    def save_settings_value(self, key, value):
        self.settings.setValue(key, value)

    def apply_update(self):
        """θ ← trace.params_after, then a new iteration on the same input: the loss falls."""
        if self.trace is None:
            return False
        bad = [k for k, v in self.trace.params_after.items() if not np.isfinite(v).all()]
        if bad:         # α overshoots: keep the weights from before the update
            self._report(self.tr("Update not applied"),
                         self.tr("With α = {0} the update would make {1} infinite or NaN.\n\nThe weights "
                                 "are unchanged. Try a smaller α.").format(f"{self.lr:g}", ", ".join(bad)))
            return False
        for key, value in self.trace.params_after.items():
            self.net.params[key] = np.array(value, copy=True)
        self.updates_applied += 1
        self._update_model_label()
        history = self.loss_history
        self._update_prediction()
        self._rebuild_trace()
        self.loss_history = history + [self.trace.loss]
        self._update_texts()
        return True

    def reset_weights(self):
        for key, value in self._loaded_params.items():
            self.net.params[key] = value.copy()
        self.updates_applied = 0
        self._update_model_label()
        self.statusBar().showMessage("Weights reset to the model as loaded", 4000)
        self._input_changed()

    def _update_texts(self):
        label = self.label
        chosen = self._choice is not None
        self.label_selector.show_label(label, chosen)
        self.auto_label.setChecked(not chosen)
        self.apply_button.setEnabled(self.trace is not None)
        if label is None:
            self.target_text.setText("Training target y: draw a digit first.")
            self.loss_text.setText("")
            return
        why = self._choice_source if chosen else "predicted; keys 0-9 choose"
        self.target_text.setText(f"Training target y = <b>{label}</b> ({why})")
        if self.trace is None:
            self.loss_text.setText("")
            return
        t = self.trace
        n = len(self.loss_history)
        past = " → ".join(_num(v) for v in self.loss_history[-5:])
        self.loss_text.setText(
            f"Iteration {n}: loss L = <b>{_num(t.loss)}</b>; after this update L = {_num(t.loss_after)}, "
            f"ŷ<sub>{label}</sub> {_pct(t.probs[label])} → {_pct(t.probs_after[label])}"
            + (f"<br>losses so far: {past}" if n > 1 else ""))

    def _update_model_label(self):
        changed = {0: "", 1: " · 1 update applied"}.get(self.updates_applied,
                                                          f" · {self.updates_applied} updates applied")
        self._model_label.setText(f"model: {self.model_name} · {self.net.parameter_count():,} parameters{changed}")
