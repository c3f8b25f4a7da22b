"""The main window: drawing, live prediction and training controls on the left, the NetworkPanel beside.

The window only builds and wires: the Session owns the network, the input, the target, α, the
trace and the history; the left column and the panel are its views; the Stepper holds which
step of the session's trace is shown. The live prediction and the trace use the same input.
"""

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QSettings, QSize, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from convviz.digits import load_pretrained, load_samples
from convviz.engine import Network
from convviz.gui.models.session import DEFAULT_LR, LR_RANGE, Session
from convviz.gui.models.stepper import Stepper
from convviz.gui.panels.draw.canvas import BRUSH_RANGE, DEFAULT_BRUSH
from convviz.gui.panels.draw.left_column import LeftColumn
from convviz.gui.panels.editor.install import install as install_editor
from convviz.gui.panels.gradcheck.controls import GradCheckControls
from convviz.gui.panels.iteration.language import follow_language
from convviz.gui.panels.iteration.network_panel import MODES, SCALES, NetworkPanel
from convviz.gui.panels.lesson.lesson import install as install_lesson
from convviz.gui.panels.training.panel import TrainingPanel
from convviz.gui.shell import dialogs, translations
from convviz.gui.shell import settings as stored
from convviz.gui.shell.files import FileActions
from convviz.gui.shell.menus import Menus
from convviz.gui.shell.update_warning import UpdateWarningBar
from convviz.gui.widgets.pgsetup import configure_pyqtgraph

#: While drawing, predict at most every PREDICT_INTERVAL_MS, and never spend more than a quarter
#: of the time predicting (slow machines space predictions out; the canvas itself never waits).
PREDICT_INTERVAL_MS = 8
PREDICT_SHARE = 0.25
TRAINING_WIDTH = 400


class MainWindow(QMainWindow):
    """session: the state; left, panel: its views; stepper: the shown step; files, menus: the actions."""

    def __init__(self, net=None, settings=None, report_error=None, my_digits_path=None, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.settings = settings if settings is not None else QSettings()
        self.report = report_error or (lambda title, text: dialogs.show_error(self, title, text))
        self.setAcceptDrops(True)
        net, model_name, warning, detail = self._initial_network(net)
        # α comes back at the next launch only when the learner asked for it: a large α tried once
        # would otherwise ruin every later session's first update. Within LR_RANGE: a stored nan,
        # inf or -3 is replaced, never used.
        remember = stored.read_bool(self.settings, "train/remember_lr", False)
        lr = stored.read_float(self.settings, "train/lr", DEFAULT_LR, *LR_RANGE) if remember else DEFAULT_LR
        origin = self.tr("fresh random weights (seed 0)") if warning else self.tr("pretrained weights")
        self.session = Session(net, model_name, lr=lr, parent=self, origin=origin)
        self._last_predict = 0.0
        self._predict_cost_ms = 1.0       # running mean of preprocess + forward + bars update
        self._predict_timer = QTimer(self)
        self._predict_timer.setSingleShot(True)
        self._predict_timer.timeout.connect(self._update_prediction)

        speed = stored.read_float(self.settings, "view/speed", 2.0, 0.1, 60.0)
        self.stepper = Stepper(parent=self, steps_per_second=speed)
        self.panel = NetworkPanel(self.stepper)
        follow_language(self.panel)
        self.left = LeftColumn()
        self.update_warning = UpdateWarningBar()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.update_warning)
        lay = QHBoxLayout()
        lay.addWidget(self.left)
        self.gradcheck = GradCheckControls(self, self.session, self.panel)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.gradcheck.banner)
        right.addWidget(self.panel, 1)
        lay.addLayout(right, 1)
        outer.addLayout(lay, 1)
        self.setCentralWidget(central)
        self.files = FileActions(self, self.session, self.left, self.panel, self.settings, self.report)
        self.training = TrainingPanel(self.session, my_digits_path or self._my_digits_path(),
                                      save=lambda: self.menus.save_action.trigger(), settings=self.settings)
        self.training_dock = QDockWidget(self)
        self.training_dock.setObjectName("training")
        scroll = QScrollArea()            # a short screen scrolls the panel instead of cutting it
        scroll.setWidget(self.training)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(TRAINING_WIDTH)
        self.training_dock.setWidget(scroll)
        self.addDockWidget(Qt.RightDockWidgetArea, self.training_dock)
        self.training_dock.hide()
        self.training_dock.visibilityChanged.connect(self._fit_training_dock)
        self.menus = Menus(self, self.session, self.left, self.panel, self.files)
        self.menus.remember_lr_action.setChecked(remember)
        self.menus.remember_lr_action.toggled.connect(lambda *_: self._save_lr())
        self.model_label = QLabel()
        self.statusBar().addPermanentWidget(self.model_label)
        self.editor_docks = install_editor(self)      # the network editor and "This step's choice"
        self.menus.add_language_menu(self.editor_docks.view_menu)
        for dock in self.findChildren(QDockWidget):    # a dock floated off: the window back within the screen
            dock.topLevelChanged.connect(lambda floating: floating and QTimer.singleShot(0, self._within_screen))
        self.retranslate()
        self._restore_settings()
        self._wire()

        try:
            self.samples = load_samples()
        except Exception as e:
            self.samples = (np.zeros((0, 28, 28), np.uint8), np.zeros(0, int))
            self.statusBar().showMessage(self.tr("Sample digits unavailable: {0}").format(e), 8000)
        self.left.sample_picker.set_samples(*self.samples)
        self._update_model_label()
        if len(self.samples[1]):
            self.load_sample(self._first_sample())
        else:
            self._input_changed()
        if warning:
            self.statusBar().showMessage(warning)
            self.model_label.setToolTip(detail)
        self.lesson = install_lesson(self)      # Help ▸ Lesson, its dock and the first-launch prompt

    def _initial_network(self, net):
        """(network, its name, a start-up warning or None, its detail)."""
        if net is not None:
            return net, self.tr("network given at start"), None, None
        try:
            return load_pretrained(), self.tr("pretrained model (shipped with convviz)"), None, None
        except Exception as e:      # missing or unreadable: still open, say so
            return (Network(seed=0), self.tr("untrained network (seed 0)"),
                    self.tr("No pretrained model found: using an untrained network (seed 0), its guesses are "
                            "random until trained."), str(e))

    def _wire(self):
        s, left = self.session, self.left
        # first: the panel shows the new trace at step 0, or at the same step when it recomputes it
        s.traceChanged.connect(lambda: self.stepper.set_trace(s.trace, self.stepper.index if s.keep_step else 0))
        left.bind(s)
        s.paramsChanged.connect(self._update_model_label)
        s.updateRefused.connect(lambda text: self.report(self.tr("Update not applied"), text))
        s.networkChanged.connect(self._update_model_label)
        s.lrChanged.connect(lambda lr: self._save_lr())
        left.canvas.inkChanged.connect(self._on_ink_changed)
        left.canvas.strokeFinished.connect(self._on_stroke_finished)
        left.sample_picker.chosen.connect(self.load_sample)
        left.undo_button.clicked.connect(self.undo)
        left.clear_button.clicked.connect(self.clear)
        left.reset_button.clicked.connect(self.reset_weights)
        s.updateWarning.connect(lambda health: self.update_warning.show_health(health, s.lr))
        self.update_warning.resetClicked.connect(self.reset_weights)
        self.update_warning.smallerClicked.connect(lambda: s.set_lr(max(left.lr_spin.minimum(), s.lr / 10)))
        s.paramsChanged.connect(lambda: None if s.updates_applied else self.update_warning.hide())

    # ---- language ----------------------------------------------------------------------
    def set_language(self, name):
        """View ▸ Language: switch live (every widget gets LanguageChange) and remember the choice."""
        translations.switch_window(self, name)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self):
        self.setWindowTitle(self.tr("convviz: how a CNN computes and learns"))
        self.training_dock.setWindowTitle(self.tr("Training"))
        self.menus.retranslate()       # after the dock: its title resets the dock's menu action
        self._update_model_label()

    # ---- settings --------------------------------------------------------------------
    def _restore_settings(self):
        """Each value validated as it is read (shell/settings.py): a corrupt one is replaced, never fatal."""
        geometry = stored.read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # 1600 x 1000 where it fits; on a smaller screen (a 1366 x 768 laptop) its free area.
            size = QSize(1600, 1000)
            if self.screen() is not None:
                size = size.boundedTo(self.screen().availableGeometry().size())
            self.resize(size)
        self.left.brush_slider.setValue(stored.read_int(self.settings, "canvas/brush", DEFAULT_BRUSH, *BRUSH_RANGE))
        self.left.canvas.set_brush_width(self.left.brush_slider.value())
        dark = stored.read_bool(self.settings, "canvas/dark", True)
        self.menus.light_action.setChecked(not dark)
        self.left.canvas.set_dark(dark)
        # The panel's view (values/gradients/both) and its splitters.
        mode = stored.read_choice(self.settings, "view/mode", None, MODES)
        if mode is not None:
            self.panel.set_mode(mode)
        self.panel.set_scale(stored.read_choice(self.settings, "view/scale", "stage", SCALES))
        for name in ("split", "bottom"):
            state = stored.read_bytes(self.settings, f"view/{name}")
            if state is not None:
                getattr(self.panel, name).restoreState(state)

    def save_settings(self):
        s, left = self.settings, self.left
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("canvas/brush", int(left.canvas.brush_width))
        s.setValue("canvas/dark", left.canvas.dark)
        self._save_lr()
        s.setValue("view/speed", self.stepper.speed)
        s.setValue("view/mode", self.panel.mode)
        s.setValue("view/scale", self.panel.scale)
        for name in ("split", "bottom"):
            s.setValue(f"view/{name}", getattr(self.panel, name).saveState())
        s.sync()

    def _save_lr(self):
        """Store α for the next launch only while 'Remember α' is on (else the next launch starts at the default)."""
        remember = self.menus.remember_lr_action.isChecked()
        self.settings.setValue("train/remember_lr", remember)
        if remember:
            self.settings.setValue("train/lr", self.session.lr)
        else:
            self.settings.remove("train/lr")

    def closeEvent(self, event):
        self.training.shutdown()          # no training process outlives the window
        self.save_settings()
        super().closeEvent(event)

    def _fit_training_dock(self, visible):
        """On a screen too narrow for the window and the panel side by side (a 1366 px laptop), the
        panel floats at the screen's right edge instead of squeezing the window past the screen."""
        dock, screen = self.training_dock, self.screen()
        if not visible or dock.isFloating() or screen is None:
            return
        free = screen.availableGeometry()
        if self.centralWidget().minimumSizeHint().width() + TRAINING_WIDTH + 12 > free.width():
            dock.setFloating(True)
            width = TRAINING_WIDTH + 30
            dock.setGeometry(free.right() - width, free.top() + 30, width, free.height() - 60)

    def _within_screen(self):
        """A dock shown docked for a moment (then floated, on a narrow screen) widened the window past it."""
        free = self.screen().availableGeometry() if self.screen() is not None else None
        if free is not None and self.width() > free.width() and not self.isMaximized():
            self.resize(free.width(), self.height())

    @staticmethod
    def _my_digits_path():
        """The learner's digits file in the user's data folder (QStandardPaths' AppDataLocation)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
        return Path(folder or Path.home() / ".convviz") / "my-digits.npz"

    # ---- drawing and inputs ----------------------------------------------------------
    def _on_ink_changed(self):
        """Coalesce mouse moves: predict at most every PREDICT_INTERVAL_MS, never in the move itself."""
        if self._predict_timer.isActive():
            return
        interval = max(PREDICT_INTERVAL_MS, self._predict_cost_ms / PREDICT_SHARE)
        wait = interval - (time.perf_counter() - self._last_predict) * 1000.0
        self._predict_timer.start(max(0, int(wait)))

    def _on_stroke_finished(self):
        can = self.left.canvas.can_undo()
        self.left.undo_button.setEnabled(can)
        self.menus.undo_action.setEnabled(can)
        self._predict_timer.stop()
        self._input_changed()

    def _update_prediction(self):
        """Preprocess the canvas and predict (the session's views show the input and the bars)."""
        start = self._last_predict = time.perf_counter()
        self.session.set_image(self.left.canvas.ink_array(), new_iteration=False)
        cost = (time.perf_counter() - start) * 1000.0
        self._predict_cost_ms = 0.8 * self._predict_cost_ms + 0.2 * cost

    def _input_changed(self):
        """A new input: predict, then start a new iteration (step 0) for it."""
        self._update_prediction()
        self.session.start_iteration(keep_step=True)

    def undo(self):
        self.left.canvas.undo()

    def clear(self):
        self.session.use_predicted_label(new_iteration=False)
        self.left.sample_picker.show_none()
        self.statusBar().clearMessage()
        self.left.canvas.clear()
        if not self.left.canvas.can_undo():
            self._input_changed()

    def _first_sample(self):
        """The shipped sample the model is least sure of while still right about it.

        A sample it already gets at 100% has a loss near 0: its gradients and its update would
        show nothing. One at ~85% makes the backward pass and the update visible on the first screen.
        """
        images, labels = self.samples
        probs = self.session.net.forward(images.astype(np.float32) / 255.0)
        right = probs.argmax(axis=1) == labels
        confidence = np.where(right, probs[np.arange(len(labels)), labels], np.inf)
        return int(np.argmin(confidence)) if right.any() else 0

    def load_sample(self, i):
        """Put shipped sample i on the canvas and train towards its true label."""
        images, labels = self.samples
        self.left.sample_picker.show_index(i)
        self.session.set_label(int(labels[i]), "sample", new_iteration=False)
        self.left.canvas.set_picture(images[i].astype(np.float32) / 255.0)      # strokeFinished: retrace
        self.statusBar().showMessage(self.tr("Sample {0}: an MNIST {1}").format(i + 1, int(labels[i])), 4000)

    def reset_weights(self, *_):
        self.session.reset_weights()
        self.statusBar().showMessage(self.tr("Weights reset to {0}, as loaded").format(self.session.model_name),
                                     6000)

    # ---- drag and drop ---------------------------------------------------------------
    def dragEnterEvent(self, event):
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event):
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.files.open_dropped(urls[0].toLocalFile())

    def _update_model_label(self):
        s = self.session
        n = s.updates_applied
        applied = {0: "", 1: self.tr("1 update applied")}.get(n) if n < 2 else self.tr("{0} updates applied").format(n)
        changed = " · " + applied if applied else ""
        # Reset goes back to the model last opened, which is not always the pretrained one: say which
        tip = self.tr("Back to the weights of the model last opened: {0}, as loaded").format(s.model_name)
        self.left.reset_button.setToolTip(tip)
        self.model_label.setText(self.tr("model: {0} · {1} parameters · {2}").format(
            s.model_name, f"{s.net.parameter_count():,}", s.weights_origin) + changed)
