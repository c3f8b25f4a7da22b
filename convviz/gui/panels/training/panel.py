"""The training panel: choose data and settings, Start / Pause / Stop, watch the curves, conv1's
kernels and the drawing's prediction change, then keep the result or undo it.

Training runs in a worker process (worker.py says why) on a copy of the parameters; its
messages are polled here on the GUI thread, and only a finished run changes the Session.
"""

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from convviz.digits import DatasetError, augment
from convviz.engine import Network
from convviz.engine.live_training import Job
from convviz.gui.panels.training.data import training_data
from convviz.gui.panels.training.my_digits_view import MyDigitsView
from convviz.gui.panels.training.progress import TrainingRecord
from convviz.gui.panels.training.settings_form import TrainingSettings
from convviz.gui.panels.training.updates_view import UpdatesView
from convviz.gui.panels.training.views import ConfusionView, DigitStrip, KernelsView, LossCurves
from convviz.gui.panels.training.worker import TrainingWorker
from convviz.gui.presentation import palette
from convviz.gui.widgets.prediction import PredictionBars
from convviz.gui.widgets.translate import Retranslating

POLL_MS = 40
ERROR_STYLE = f"color: {palette.ERROR_TEXT};"


class TrainingPanel(Retranslating, QWidget):
    """session: whose network trains; my_digits_path: the learner's digits file; save(): File ▸ Save model;
    settings: a QSettings keeping the form's choices (saved at each Start).

    stateChanged(str): "idle", "running", "paused" (tests and the window follow it).
    """

    stateChanged = Signal(str)

    def __init__(self, session, my_digits_path, save=None, settings=None, parent=None):
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.worker = None
        self.record = TrainingRecord()
        self._before = None          # (params, updates applied) before the last run: for Undo
        self._val = None             # the validation images and labels of the last run
        self._live_net = None
        self._net = None
        self._note = ""
        self._my_digits_path = my_digits_path
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._build(save)
        if settings is not None:
            self.form.restore(settings)
        self._set_state("idle")
        session.predictionChanged.connect(self._show_live_prediction)

    # ---- layout ------------------------------------------------------------------------
    def _build(self, save):
        f = self.form = TrainingSettings()
        # The settings' widgets, by name (tests and the window set them directly).
        self.source, self.limit, self.epochs, self.batch = f.source, f.limit, f.epochs, f.batch
        self.lr, self.momentum, self.schedule, self.augment = f.lr, f.momentum, f.schedule, f.augment

        t = self.translated
        self.start_button, self.pause_button, self.stop_button = QPushButton(), QPushButton(), QPushButton()
        self.undo_button, self.save_button = QPushButton(), QPushButton()
        t(self.start_button.setText, lambda: self.tr("Start"))
        t(self.pause_button.setText, lambda: self._pause_text(getattr(self, "_state", "idle")))
        t(self.stop_button.setText, lambda: self.tr("Stop"))
        t(self.undo_button.setText, lambda: self.tr("Undo training"))
        t(self.undo_button.setToolTip, lambda: self.tr("Back to the weights from before the last training run"))
        t(self.save_button.setText, lambda: self.tr("Save model…"))
        t(self.save_button.setToolTip, lambda: self.tr("Save the network in use (File ▸ Save model)"))
        self.start_button.clicked.connect(lambda *_: self.start())
        self.pause_button.clicked.connect(lambda *_: self.toggle_pause())
        self.stop_button.clicked.connect(lambda *_: self.stop())
        self.undo_button.clicked.connect(lambda *_: self.undo())
        self.save_button.clicked.connect(lambda *_: save and save())
        self.save_button.setEnabled(save is not None)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(b)
        after = QHBoxLayout()
        for b in (self.undo_button, self.save_button):
            after.addWidget(b)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setFormat("%p %")
        self.status = QLabel()
        # the first line follows a language switch; a run's messages stay as said until the next one
        t(lambda text: None if getattr(self, "_said", False) else self.status.setText(text),
          lambda: self.tr("Press Start to train the network in use on many digits."))
        self.status.setWordWrap(True)

        self.curves = LossCurves()
        self.kernels = KernelsView()
        self.live_probs = PredictionBars()
        live = QWidget()
        lay = QVBoxLayout(live)
        lay.setContentsMargins(0, 0, 0, 0)
        # What changes while it learns on top, where it is seen without scrolling; curves below.
        kernels_caption = QLabel()
        t(kernels_caption.setText, lambda: self.tr("conv1's kernels K (blue < 0 < red), live"))
        kernels_caption.setWordWrap(True)
        self.live_caption = QLabel()
        t(self.live_caption.setText, lambda: self.tr("your drawing's ŷ, live"))
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(kernels_caption)
        left.addWidget(self.kernels, 1)
        top.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.live_caption)
        right.addWidget(self.live_probs)
        right.addStretch(1)
        top.addLayout(right)
        self.live_probs.setMinimumWidth(150)
        self.live_probs.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        lay.addLayout(top)
        lay.addWidget(self.curves, 1)
        self.confusion = ConfusionView()
        self.digits = DigitStrip()
        conf = QWidget()
        lay = QVBoxLayout(conf)
        lay.setContentsMargins(0, 0, 0, 0)
        caption = QLabel()
        t(caption.setText, lambda: self.tr("Validation confusion: rows the true digit, columns the prediction. "
                                           "Click a cell to see those digits."))
        caption.setWordWrap(True)
        lay.addWidget(caption)
        lay.addWidget(self.confusion, 3)
        lay.addWidget(self.digits, 2)
        self.confusion.cellClicked.connect(self.show_cell)
        self.my_digits = MyDigitsView(self.session, self._my_digits_path)
        self.updates = UpdatesView(self.session)
        self.tabs = QTabWidget()
        self.tabs.setMinimumHeight(430)
        tabs = ((live, lambda: self.tr("Learning")), (conf, lambda: self.tr("Confusion")),
                (self.my_digits, lambda: self.tr("My digits")), (self.updates, lambda: self.tr("Updates by hand")))
        for k, (page, title) in enumerate(tabs):
            self.tabs.addTab(page, "")
            t(lambda text, k=k: self.tabs.setTabText(k, text), title)

        outer = QVBoxLayout(self)
        outer.addWidget(self.form)
        outer.addLayout(buttons)
        outer.addLayout(after)
        outer.addWidget(self.progress)
        outer.addWidget(self.status)
        outer.addWidget(self.tabs, 1)
        self.kernels.show_kernels(self.session.net.params["conv1.W"])

    # ---- running -----------------------------------------------------------------------
    @property
    def state(self):
        return self._state

    def _set_state(self, state):
        self._state = state
        running = state != "idle"
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(self._pause_text(state))
        self.stop_button.setEnabled(running)
        self.undo_button.setEnabled(not running and self._before is not None)
        self.form.setEnabled(not running)
        self.stateChanged.emit(state)

    def _pause_text(self, state):
        return self.tr("Resume") if state == "paused" else self.tr("Pause")

    def _say(self, text, error=False):
        self._said = True
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def start(self):
        """Start a run with the settings shown; False (and a message) when it cannot start."""
        if self.worker is not None:
            return False
        if self.settings is not None:
            self.form.save(self.settings)
        h, w = self.session.net.config["input"]
        if (h, w) != (28, 28):      # the data sets hold 28 × 28 digits, augmented at that size
            self._say(self.tr("Cannot train: this network reads {0}×{1} images, the digits are 28×28. "
                              "Choose a 28 × 28 input in the network editor to train on many digits.")
                      .format(h, w), error=True)
            return False
        try:
            (tx, ty), (vx, vy) = training_data(self.source.currentData(), self.form.path, self.my_digits.store,
                                               self.limit.value() or None)
        except (DatasetError, ValueError, OSError) as e:
            self._say(self.tr("Cannot train: {0}").format(e), error=True)
            return False
        net = self.session.net
        self._net = net
        self._before = ({k: v.copy() for k, v in net.params.items()}, self.session.updates_applied)
        self._val = (vx, vy)
        self._live_net = Network(net.config, dtype=np.float32)
        start = Network(net.config, seed=self.form.seed.value()).params if self.form.fresh.isChecked() else net.params
        job = Job(net.config, {k: v.copy() for k, v in start.items()}, tx, ty, vx, vy,
                  epochs=self.epochs.value(), batch_size=self.batch.value(), lr=self.lr.value(),
                  momentum=self.momentum.value(), schedule=self.schedule.currentData(),
                  augment=augment if self.augment.isChecked() else None)
        self.record = TrainingRecord()
        self.curves.show_record(self.record)
        self.progress.setValue(0)
        self.worker = TrainingWorker(job)
        self.worker.start()
        self._timer.start()
        note = ""
        if not self.form.fresh.isChecked() and "shipped" in self.source.currentData():
            note = self.tr(" (the shipped model learnt from these digits: its validation figures flatter it; "
                           "start from random weights for an honest measure)")
        self._note = note
        self._say(self.tr("Training on {0} digits, validating on {1} held out{2}…").format(len(ty), len(vy), note))
        self._set_state("running")
        return True

    def toggle_pause(self):
        if self.worker is None:
            return
        if self.worker.paused:
            self.worker.resume()
            self._set_state("running")
        else:
            self.worker.pause()
            self._set_state("paused")

    def stop(self):
        """Stop after the current minibatch; the weights so far are then put in use."""
        if self.worker is not None:
            self.worker.stop()
            self._say(self.tr("Stopping after this minibatch…"))

    def poll(self):
        """Take the worker's messages (the timer calls this every POLL_MS)."""
        if self.worker is None:
            return
        kinds = {self.record.add(m) for m in self.worker.poll()}
        if not kinds and not self.worker.is_alive() and self.worker.finished is None:
            kinds = {self.record.add(m) for m in self.worker.close()}
        if kinds & {"snapshot", "epoch", "finished"}:
            self.curves.show_record(self.record)
            self.progress.setValue(round(1000 * self.record.fraction()))
        if "epoch" in kinds and self.record.epochs:
            self.confusion.show_confusion(self.record.epochs[-1].confusion)
        if "snapshot" in kinds:
            self._live(self.record.snapshot.params)
            if self.state != "idle":
                self._say(self.record.progress_text() + self._note)
        if self.record.finished is not None:
            self._finish(self.record.finished)
        elif not self.worker.is_alive() and not self.worker.poll(1):
            self._finish(None)

    def _live(self, params):
        for k, v in params.items():
            self._live_net.params[k] = v
        self.kernels.show_kernels(params["conv1.W"])
        self._show_live_prediction()

    def _show_live_prediction(self):
        probs = self.session.probs      # not training: the session's own prediction, not a second forward run
        if probs is not None and self._live_net is not None and self.worker is not None:
            probs = self._live_net.forward(self.session.net_input)
        self.live_probs.set_probs(probs, self.session.label)

    def _finish(self, finished):
        self._timer.stop()
        self.worker.close()
        self.worker = None
        if finished is None:
            self._say(self.tr("The training process ended without a result; the network was not changed."), True)
        elif self.session.net is not self._net:
            self._say(self.tr("Another model was opened during training: the result was not applied."), True)
        elif finished.outcome == "failed":
            self._say(self.tr("Training failed: {0}. The network was not changed.").format(finished.reason), True)
        else:
            dtype = self.session.net.dtype
            params = {k: np.asarray(v, dtype) for k, v in finished.params.items()}
            self.session.set_params(params, updates=finished.batches_done)
            done = self.tr("{0} updates in {1} epochs").format(finished.batches_done, finished.epochs_done)
            if finished.outcome == "diverged":
                self._say(self.tr("Training diverged: {0}").format(finished.reason), True)
            else:
                what = self.tr("Stopped") if finished.outcome == "stopped" else self.tr("Done")
                self._say(self.tr("{0}: {1}. The network in use now has the trained weights, and the iteration "
                                  "view shows it; Undo training returns to the weights before.").format(what, done))
        self._set_state("idle")
        self._show_live_prediction()
        self.kernels.show_kernels(self.session.net.params["conv1.W"])

    def undo(self):
        """The weights from before the last run, bit for bit."""
        if self._before is None or self.worker is not None:
            return False
        params, updates = self._before
        self.session.restore_params(params, updates)
        self._before = None
        self._set_state("idle")
        self.kernels.show_kernels(self.session.net.params["conv1.W"])
        self._say(self.tr("Back to the weights from before training."))
        return True

    def set_source(self, key, path=None):
        self.form.set_source(key, path)

    def show_cell(self, true, predicted):
        """The validation digits of class `true` that the last epoch predicted as `predicted`."""
        if not self.record.epochs or self._val is None:
            return
        predicted_all = self.record.epochs[-1].val_predicted
        vx, vy = self._val
        pick = (vy == true) & (predicted_all == predicted)
        self.digits.show_digits(vx[pick], self.tr("{0} validation images of a {1} predicted as {2}")
                                .format(int(pick.sum()), true, predicted))

    def shutdown(self):
        """Stop and wait for the worker (the window is closing); nothing is applied."""
        self._timer.stop()
        if self.worker is not None:
            self.worker.close()
            self.worker = None
