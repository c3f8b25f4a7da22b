"""The main window: drawing, live prediction and training controls on the left, the NetworkPanel beside.

The window owns the Network, the current 28x28 input, the training target and α. Whenever one
of them changes it builds `net.trace(x28, label, lr)` and hands it to the Stepper; the panel
replays it. The live prediction and the trace use the same preprocessed array.
"""

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFileDialog, QFrame, QHBoxLayout, QLabel,
                               QMainWindow, QPushButton, QScrollArea, QSlider, QToolButton, QVBoxLayout,
                               QWidget)

from convviz.digits import ImageLoadError, is_blank, load_image, load_pretrained, load_samples, preprocess
from convviz.engine import ModelFileError, Network

from . import dialogs
from .canvas import BRUSH_RANGE, DEFAULT_BRUSH, DrawingCanvas, to_ink
from .network_panel import NetworkPanel
from .prediction import LabelSelector, PredictionBars
from .preview import InputPreview
from .samples import SamplePicker
from .stepper import Stepper

#: Live prediction at most this often while drawing (compute is ~1 ms; this caps a 1 kHz mouse).
PREDICT_INTERVAL_MS = 12
LEFT_WIDTH = 330
START_SAMPLE = 70            # the first 7 of the shipped samples: a clear first screen
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp);;All files (*)"


class LogSpinBox(QDoubleSpinBox):
    """α with 1-2-5 steps (0.001, 0.002, 0.005, 0.01, ...); any value can still be typed."""

    LADDER = [m * 10.0 ** e for e in range(-3, 1) for m in (1, 2, 5)] + [1.0, 2.0, 5.0]

    def stepBy(self, steps):
        v = self.value()
        for _ in range(abs(steps)):
            if steps > 0:
                v = next((x for x in self.LADDER if x > v * (1 + 1e-9)), self.maximum())
            else:
                v = next((x for x in reversed(self.LADDER) if x < v * (1 - 1e-9)), self.minimum())
        self.setValue(v)


class MainWindow(QMainWindow):
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
        model_note = None
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
        self.trace = None
        self.x28 = np.zeros((28, 28), np.float32)
        self.probs = None
        self._choice = None              # the user's target label, None = follow the prediction
        self._choice_source = "your choice"
        self.loss_history = []
        self._last_predict = 0.0
        self._predict_timer = QTimer(self)
        self._predict_timer.setSingleShot(True)
        self._predict_timer.timeout.connect(self._on_predict_timer)

        self.stepper = Stepper(parent=self)
        self.panel = NetworkPanel(self.stepper)
        self._build_left()
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self._left_scroll)
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
            self.load_sample(min(START_SAMPLE, len(self.samples[1]) - 1))
        else:
            self._input_changed()
        if getattr(self, "_startup_warning", None):
            self.statusBar().showMessage(self._startup_warning)
            self._model_label.setToolTip(self._startup_detail)

    # ---- layout ----------------------------------------------------------------------
    def _build_left(self):
        self.canvas = DrawingCanvas()
        self.canvas.inkChanged.connect(self._on_ink_changed)
        self.canvas.strokeFinished.connect(self._on_stroke_finished)
        self.preview = InputPreview(scale=4)
        self.prediction = PredictionBars()
        self.label_selector = LabelSelector()
        self.label_selector.picked.connect(self.set_label)
        self.sample_picker = SamplePicker()
        self.sample_picker.chosen.connect(self.load_sample)

        self.brush_slider = QSlider(Qt.Horizontal)
        self.brush_slider.setRange(*BRUSH_RANGE)
        self.brush_slider.setValue(DEFAULT_BRUSH)
        self.brush_slider.setFocusPolicy(Qt.NoFocus)
        self.brush_slider.setToolTip("Brush width")
        self.brush_slider.valueChanged.connect(self._on_brush)
        self.eraser_button = self._tool("Eraser", "Left button erases (the right button always does). Key E",
                                        checkable=True)
        self.eraser_button.toggled.connect(self.canvas.set_eraser)
        self.undo_button = self._tool("Undo", "Undo the last stroke (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        self.clear_button = self._tool("Clear", "Clear the canvas (Delete); Ctrl+Z brings it back")
        self.clear_button.clicked.connect(self.clear)

        self.lr_spin = LogSpinBox()
        self.lr_spin.setRange(0.001, 5.0)
        self.lr_spin.setDecimals(3)
        self.lr_spin.setValue(0.1)
        self.lr_spin.setKeyboardTracking(False)     # retrace when typing is done, not per digit
        self.lr_spin.setFocusPolicy(Qt.ClickFocus)  # never the default focus: arrows step the trace
        self.lr_spin.setToolTip("Learning rate α of the update θ ← θ − α·∂L/∂θ")
        self.lr_spin.valueChanged.connect(self._on_lr_changed)
        self.lr_spin.editingFinished.connect(self.lr_spin.clearFocus)

        self.apply_button = QPushButton("Apply update ▸ next iteration")
        self.apply_button.setToolTip("Keep the updated weights θ − α·∂L/∂θ and run a new iteration "
                                     "on the same input (U)")
        self.apply_button.clicked.connect(self.apply_update)
        self.reset_button = QPushButton("Reset weights")
        self.reset_button.setToolTip("Back to the weights of the model as loaded")
        self.reset_button.clicked.connect(self.reset_weights)
        for b in (self.apply_button, self.reset_button):
            b.setFocusPolicy(Qt.NoFocus)

        self.target_text = QLabel()
        self.target_text.setWordWrap(True)
        self.auto_label = QCheckBox("use the prediction as target")
        self.auto_label.setFocusPolicy(Qt.NoFocus)
        self.auto_label.setToolTip("Follow the network's predicted class (A); press 0-9 to choose")
        self.auto_label.clicked.connect(lambda on: self.use_predicted_label() if on else
                                        self.set_label(self.label if self.label is not None else 0))
        self.loss_text = QLabel()
        self.loss_text.setWordWrap(True)
        self.loss_text.setTextFormat(Qt.RichText)

        col = QVBoxLayout()
        col.setSpacing(6)
        col.addWidget(self._heading("1 · Draw a digit"))
        tools = QHBoxLayout()
        tools.addWidget(QLabel("Brush"))
        tools.addWidget(self.brush_slider, 1)
        for b in (self.eraser_button, self.undo_button, self.clear_button):
            tools.addWidget(b)
        col.addLayout(tools)
        col.addWidget(self.canvas, 0, Qt.AlignHCenter)
        col.addWidget(self.sample_picker)
        col.addWidget(self._heading("2 · What the network sees and predicts"))
        row = QHBoxLayout()
        seen = QVBoxLayout()
        seen.addWidget(self.preview)
        cap = QLabel("input I, 28×28")
        cap.setAlignment(Qt.AlignHCenter)
        seen.addWidget(cap)
        seen.addStretch(1)
        row.addLayout(seen)
        row.addWidget(self.prediction, 1, Qt.AlignTop)
        col.addLayout(row)
        col.addWidget(self._heading("3 · Train one iteration"))
        col.addWidget(self.label_selector)
        col.addWidget(self.auto_label)
        col.addWidget(self.target_text)
        lr_row = QHBoxLayout()
        lr_row.addWidget(QLabel("Learning rate α"))
        lr_row.addWidget(self.lr_spin)
        lr_row.addStretch(1)
        col.addLayout(lr_row)
        col.addWidget(self.loss_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button, 1)
        buttons.addWidget(self.reset_button)
        col.addLayout(buttons)
        col.addStretch(1)
        left = QWidget()
        left.setLayout(col)
        self._left_scroll = QScrollArea()
        self._left_scroll.setWidget(left)
        self._left_scroll.setWidgetResizable(True)
        self._left_scroll.setFrameShape(QFrame.NoFrame)
        self._left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._left_scroll.setFixedWidth(LEFT_WIDTH)
        self._left_scroll.setFocusPolicy(Qt.NoFocus)

    @staticmethod
    def _heading(text):
        h = QLabel(text)
        f = h.font()
        f.setBold(True)
        h.setFont(f)
        return h

    @staticmethod
    def _tool(text, tip, checkable=False):
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setCheckable(checkable)
        b.setFocusPolicy(Qt.NoFocus)
        return b

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
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1600, 1000)
        self.brush_slider.setValue(int(s.value("canvas/brush", DEFAULT_BRUSH)))
        dark = str(s.value("canvas/dark", "true")).lower() in ("true", "1")
        self.light_action.setChecked(not dark)
        self.canvas.set_dark(dark)
        self.lr_spin.blockSignals(True)
        self.lr_spin.setValue(float(s.value("train/lr", 0.1)))
        self.lr_spin.blockSignals(False)

    def save_settings(self):
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("canvas/brush", int(self.canvas.brush_width))
        s.setValue("canvas/dark", self.canvas.dark)
        s.setValue("train/lr", self.lr)
        s.sync()

    def closeEvent(self, event):
        self.save_settings()
        super().closeEvent(event)

    def _on_brush(self, value):
        self.canvas.set_brush_width(value)

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
        wait = PREDICT_INTERVAL_MS - (time.perf_counter() - self._last_predict) * 1000.0
        self._predict_timer.start(max(0, int(wait)))

    def _on_predict_timer(self):
        self._update_prediction()

    def _on_stroke_finished(self):
        self._predict_timer.stop()
        self._input_changed()

    def _update_prediction(self):
        """Preprocess the canvas, run the network forward, show the 28x28 input and the bars."""
        self._last_predict = time.perf_counter()
        ink = self.canvas.ink_array()
        if is_blank(ink):
            self.x28 = np.zeros((28, 28), np.float32)
            self.probs = None
        else:
            self.x28 = preprocess(ink)
            self.probs = self.net.forward(self.x28)
        self.preview.set_array(self.x28)
        self.prediction.set_probs(self.probs, self.label)
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
        self.canvas.clear()
        if not self.canvas.can_undo():
            self._input_changed()

    def load_sample(self, i):
        """Put shipped sample i on the canvas and train towards its true label."""
        images, labels = self.samples
        self.sample_picker.show_index(i)
        self._choice, self._choice_source = int(labels[i]), "the sample's label"
        self.canvas.set_picture(images[i].astype(np.float32) / 255.0)
        self.statusBar().showMessage(f"Sample {i + 1}: an MNIST {int(labels[i])}", 4000)

    def open_image(self, path):
        """Load a picture file onto the canvas (File ▸ Open image…, drag and drop); False on error."""
        try:
            picture = load_image(path)
        except (ImageLoadError, OSError, ValueError) as e:
            self._report("Could not open the image", f"{path}\n\n{e}\n\nThe drawing was kept.")
            return False
        self._choice = None
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
        for key, value in self.trace.params_after.items():
            self.net.params[key] = np.array(value, copy=True)
        history = self.loss_history
        self._update_prediction()
        self._rebuild_trace()
        self.loss_history = history + [self.trace.loss]
        self._update_texts()
        return True

    def reset_weights(self):
        for key, value in self._loaded_params.items():
            self.net.params[key] = value.copy()
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
        why = self._choice_source if chosen else "predicted; press 0-9 to choose"
        self.target_text.setText(f"Training target y = <b>{label}</b> ({why})")
        if self.trace is None:
            self.loss_text.setText("")
            return
        t = self.trace
        n = len(self.loss_history)
        past = " → ".join(f"{v:.4g}" for v in self.loss_history[-5:])
        self.loss_text.setText(
            f"Iteration {n}: loss L = <b>{t.loss:.4g}</b>, after this update "
            f"{t.loss_after:.4g} (ŷ<sub>{label}</sub> {t.probs[label]:.1%} → {t.probs_after[label]:.1%})"
            + (f"<br>losses so far: {past}" if n > 1 else ""))

    def _update_model_label(self):
        self._model_label.setText(f"model: {self.model_name} · {self.net.parameter_count():,} parameters")

    # ---- files -----------------------------------------------------------------------
    def open_model(self, path):
        """Replace the network with one saved by convviz; on any error the current one stays."""
        try:
            net = Network.load(path)
            if list(net.config["input"]) != [28, 28] or net.classes != 10:
                raise ModelFileError(f"{Path(path).name}: expects {net.config['input']} inputs and "
                                     f"{net.classes} classes; convviz draws 28×28 digits 0-9")
        except (ModelFileError, OSError, ValueError) as e:
            self._report("Could not open the model", f"{path}\n\n{e}\n\nThe current model was kept.")
            return False
        self.net = net
        self._loaded_params = {k: v.copy() for k, v in net.params.items()}
        self.model_name = Path(path).name
        self._update_model_label()
        self._input_changed()
        self.statusBar().showMessage(f"Opened model {Path(path).name}", 6000)
        return True

    def save_model(self, path):
        try:
            self.net.save(path)
        except (OSError, ValueError) as e:
            self._report("Could not save the model", f"{path}\n\n{e}")
            return False
        self.statusBar().showMessage(f"Saved the model to {path}", 6000)
        return True

    def export_step_arrays(self, path):
        arrays = self.panel.current_step_arrays()
        if not arrays:
            self._report("Nothing to export", "There is no current step: draw a digit first.")
            return False
        try:
            np.savez(path, **{k: np.asarray(v) for k, v in arrays.items()})
        except (OSError, ValueError) as e:
            self._report("Could not export the step", f"{path}\n\n{e}")
            return False
        self.statusBar().showMessage(f"Saved {len(arrays)} arrays to {path}", 6000)
        return True

    def export_window_png(self, path):
        return self._saved(self.grab().save(str(path)), path)

    def export_stage_png(self, path):
        return self._saved(bool(self.panel.export_stage_png(str(path))), path)

    def _saved(self, ok, path):
        if not ok:
            self._report("Could not save the picture", f"{path}\n\nThe file could not be written.")
        else:
            self.statusBar().showMessage(f"Saved {path}", 6000)
        return ok

    def ask_path(self, title, pattern, save=False):
        """A file dialog (menu actions only; tests call the methods above with a path)."""
        fn = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = fn(self, title, "", pattern)
        return path or None

    # ---- drag and drop ---------------------------------------------------------------
    def dragEnterEvent(self, event):
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event):
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            path = urls[0].toLocalFile()
            if path.lower().endswith(".npz"):
                self.open_model(path)
            else:
                self.open_image(path)
