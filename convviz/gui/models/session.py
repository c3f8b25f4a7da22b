"""The session model: the network, the input image, the target, α, the current trace and the
iteration history, in one QObject that announces every change; views subscribe to it.

Parameters change only through the session and only on the GUI thread, so a later training
worker can compute on a copy and hand its results back with `set_params`.
"""

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal

from convviz.digits import area_average, is_blank, preprocess
from convviz.engine import mistakes
from convviz.engine.health import update_health
from convviz.engine.mistake_trace import trace_with_mistake

#: α for a single example. This model's gradients are large: at 0.01 one update on a 5 labelled
#: "3" flips it to 99.7% "3" (a lesson in overfitting one example, not in descent); at 0.001 the
#: same step moves "3" from 13% to 32% and a correct label's 86% to 88%: small steps downhill.
DEFAULT_LR = 0.001
#: The α a learner can choose (the spin box's range; a stored setting outside it is replaced).
LR_RANGE = (0.0001, 5.0)


@dataclass(frozen=True)
class UpdateRecord:
    """One applied update ("Apply update"): its target and the loss and ŷ_target before and after it."""

    label: int
    loss: float
    loss_after: float
    prob: float
    prob_after: float
    lr: float


class Session(QObject):
    """One learner's session.

    predictionChanged: the input x28 or the prediction ŷ changed (also while drawing).
    traceChanged: a new trace (or None without an input): at step 0, or at the step shown
        when `keep_step` (a new drawing or α recomputes the same iteration); the target, α and
        the current iteration's loss may have changed with it.
    paramsChanged: the network's parameters changed (an update, a reset, another model).
    lrChanged(float): α changed.
    updatesChanged: the list of applied updates changed (one more, or cleared with the weights).
    updateRefused(str): an update was not applied (it would make weights infinite or NaN); why.
    networkChanged: another network (other layers, or the same layers with other choices); its
        config may differ, so editors show the new one. paramsChanged and traceChanged follow.
    mistakeChanged(object): the backward run's classic mistake (a `mistakes` name) or None;
        the trace is rebuilt with it (traceChanged follows).
    updateWarning(UpdateHealth): the update just applied raised the loss, saturated the output
        or switched off most active ReLUs (its `warnings` name which); emitted after traceChanged.
    """

    predictionChanged = Signal()
    traceChanged = Signal()
    paramsChanged = Signal()
    lrChanged = Signal(float)
    updatesChanged = Signal()
    updateRefused = Signal(str)
    networkChanged = Signal()
    mistakeChanged = Signal(object)
    updateWarning = Signal(object)

    def __init__(self, net, model_name, lr=DEFAULT_LR, parent=None, origin="pretrained weights"):
        super().__init__(parent)
        self._net = net
        self._loaded = {k: v.copy() for k, v in net.params.items()}
        self.model_name = model_name
        self.origin = origin             # where the weights came from, before any update in the app
        self._updates = 0
        self._lr = float(lr)
        self._x28 = np.zeros((28, 28), np.float32)
        self._probs = None
        self._choice = None              # the user's target label, None = follow the prediction
        self._source = "user"
        self._trace = None
        self._update_records = []        # every "Apply update" since the weights were loaded
        self._mistake = None
        self.keep_step = False           # the new trace replaces the one shown at the same step
        self._applied = []               # (loss, target) of each update applied since the model was loaded

    # ---- state (read-only outside) -----------------------------------------------------
    @property
    def net(self):
        return self._net

    @property
    def x28(self):
        """The network's input: the preprocessed 28 × 28 image (zeros when the canvas is blank)."""
        return self._x28

    @property
    def net_input(self):
        """What the network reads: x28, area-averaged to the network's input size when smaller."""
        n = self._net.config["input"][0]
        return self._x28 if n == 28 else area_average(self._x28, n)

    @property
    def weights_origin(self):
        """Which weights are loaded, in words: pretrained, trained in the app, fresh random, from a file."""
        n = self._updates
        if n:
            text = self.tr("trained in the app: 1 update applied to the {1}") if n == 1 else \
                self.tr("trained in the app: {0} updates applied to the {1}")
            return text.format(n, self.origin)
        return self.origin

    @property
    def probs(self):
        """ŷ for the input, None when there is none."""
        return self._probs

    @property
    def trace(self):
        return self._trace

    @property
    def lr(self):
        return self._lr

    @property
    def mistake(self):
        """The classic backprop mistake the trace's backward run makes (a name), or None."""
        return self._mistake

    @property
    def loss_history(self):
        """The loss of every iteration whose update was applied since the model was loaded (or
        reset), then the current iteration's: one history with the weights, whatever the input
        or target was at each (a new drawing or target does not start it over; a reset does)."""
        return [loss for loss, _ in self._applied] + ([self._trace.loss] if self._trace is not None else [])

    @property
    def target_history(self):
        """The target y of each iteration in loss_history."""
        return [y for _, y in self._applied] + ([self._trace.label] if self._trace is not None else [])

    @property
    def iteration(self):
        """The current iteration's number: updates applied to these weights so far, plus one."""
        return self._updates + 1

    @property
    def update_history(self):
        """The UpdateRecords of the updates applied with "Apply update", oldest first; a new target
        or input keeps them, new weights (reset, another model) clear them."""
        return tuple(self._update_records)

    @property
    def updates_applied(self):
        """Updates applied since the model was loaded."""
        return self._updates

    @property
    def label(self):
        """The training target y: the user's choice, else the predicted class (None when blank)."""
        if self._choice is not None:
            return self._choice
        return None if self._probs is None else int(np.argmax(self._probs))

    @property
    def label_is_chosen(self):
        return self._choice is not None

    @property
    def label_source(self):
        """Where a chosen target came from: "user" (picked it) or "sample" (a shipped sample's label)."""
        return self._source

    # ---- intent ------------------------------------------------------------------------
    def set_image(self, ink, new_iteration=True):
        """A new drawing (2-D, 1 = ink): preprocess and predict; a new iteration unless still drawing."""
        if is_blank(ink):
            self._x28, self._probs = np.zeros((28, 28), np.float32), None
        else:
            self._x28 = preprocess(ink)
            self._probs = self._net.forward(self.net_input)
        self.predictionChanged.emit()
        if new_iteration:
            self.start_iteration()

    def start_iteration(self, keep_step=False):
        """A new iteration on the current input and target: a new trace, at step 0 unless keep_step
        (a new drawing recomputes the iteration the learner is looking at: same step, new numbers)."""
        self._rebuild(keep_step)

    def set_label(self, digit, source="user", new_iteration=True):
        """Train towards y = digit (new_iteration=False: for the input about to be set)."""
        self._choice, self._source = int(digit), source
        if new_iteration:
            self._rebuild()

    def use_predicted_label(self, new_iteration=True):
        """Train towards the predicted class."""
        self._choice = None
        if new_iteration:
            self._rebuild()

    def set_lr(self, lr):
        """α for the update; the current iteration is recomputed with it (its history kept)."""
        lr = float(lr)
        if lr != self._lr:
            self._lr = lr
            self.lrChanged.emit(lr)
            self._rebuild(keep_step=True)

    def set_mistake(self, name):
        """Make the backward run a classic mistake (a name from `mistakes.NAMES`) or None for the
        engine's; the iteration is recomputed (its history kept). ValueError for an unknown name."""
        if name is not None:
            name = mistakes.get(name).name
        if name != self._mistake:
            self._mistake = name
            self.mistakeChanged.emit(name)
            self._rebuild()

    def apply_update(self):
        """θ ← the trace's updated parameters, then a new iteration on the same input.

        False without a trace, while a mistake is on (a mistaken gradient never changes the
        learner's model), or when the update would make a weight non-finite (updateRefused).
        """
        if self._trace is None or self._mistake is not None:
            return False
        t = self._trace
        bad = [k for k, v in t.params_after.items() if not np.isfinite(v).all()]
        if not np.isfinite(t.loss_after):       # finite but huge weights: the forward run overflows
            bad.append(self.tr("the loss"))
        if bad:         # α overshoots: the weights stay as they were before the update
            self.updateRefused.emit(self.tr("With α = {0} the update would make {1} infinite or NaN.\n\n"
                                            "The weights are unchanged. Try a smaller α.")
                                    .format(f"{self._lr:g}", ", ".join(bad)))
            return False
        health = update_health(t)
        self._applied.append((float(t.loss), int(t.label)))
        self._assign(t.params_after)
        self._updates += 1
        self._update_records.append(UpdateRecord(int(t.label), float(t.loss), float(t.loss_after),
                                                 float(t.probs[t.label]), float(t.probs_after[t.label]), float(t.lr)))
        self.updatesChanged.emit()
        self.paramsChanged.emit()
        self._predict()
        self._rebuild()
        if health.warnings:
            self.updateWarning.emit(health)
        return True

    def reset_weights(self):
        """Back to the parameters of the model as loaded; a new iteration starts."""
        self._assign(self._loaded)
        self._updates = 0
        self._clear_updates()
        self._applied = []
        self.paramsChanged.emit()
        self._restart()

    def set_network(self, net, model_name, origin="from a file"):
        """Another network (an opened model file, the editor's); a new iteration on the same input starts."""
        self._net = net
        self._loaded = {k: v.copy() for k, v in net.params.items()}
        self.model_name = model_name
        self.origin = origin
        self._updates = 0
        self._clear_updates()
        self._applied = []
        self.networkChanged.emit()
        self.paramsChanged.emit()
        self._restart()

    def rechoose(self, net):
        """The same parameters under other parameter-free choices (loss, activations, pooling kind):
        `net` takes the current weights bit for bit; updates, origin and Reset's weights stay."""
        if {k: v.shape for k, v in net.params.items()} != {k: v.shape for k, v in self._net.params.items()}:
            raise ValueError("rechoose: the new network's parameters differ in shape; use set_network")
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("Session parameters change only on the GUI thread")
        for key, value in self._net.params.items():
            net.params[key] = value.copy()
        self._net = net
        self.networkChanged.emit()
        self._restart()

    def set_params(self, params, updates=1):
        """Parameters computed elsewhere (e.g. a training worker, on a copy), as `updates` more updates."""
        self._assign(params)
        self._updates += int(updates)
        self.paramsChanged.emit()
        self._restart()

    def restore_params(self, params, updates_applied):
        """Back to parameters kept earlier (undo training), with the update count they had."""
        self._assign(params)
        self._updates = int(updates_applied)
        self.paramsChanged.emit()
        self._restart()

    # ---- internals ---------------------------------------------------------------------
    def _clear_updates(self):
        if self._update_records:
            self._update_records = []
            self.updatesChanged.emit()

    def _assign(self, params):
        # Qt objects and the views reading these arrays live on the GUI thread.
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("Session parameters change only on the GUI thread")
        for key, value in params.items():
            self._net.params[key] = np.array(value, copy=True)

    def _predict(self):
        if self._probs is not None:
            self._probs = self._net.forward(self.net_input)
        self.predictionChanged.emit()

    def _restart(self):
        self._predict()
        self._rebuild()

    def _rebuild(self, keep_step=False):
        self.keep_step = keep_step
        label = self.label
        if self._probs is None or label is None:
            self._trace = None
        else:
            self._trace = trace_with_mistake(self._net, self.net_input, label, self._lr, self._mistake)
        self.traceChanged.emit()
