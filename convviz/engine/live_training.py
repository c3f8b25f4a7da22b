"""Training that reports as it goes: snapshots every ~250 ms, pause/resume/stop, divergence caught.

`run_job` wraps `training.train` for a watcher (the app's training panel, in another process):
it trains a copy of the parameters and calls `send(message)` with a `Snapshot` a few times a
second, an `EpochDone` (validation loss, accuracy, confusion) per epoch, and one `Finished`.
Between minibatches it honours two flags: `run` (an Event; cleared = paused) and `stop`.
"""

import math
import time
from dataclasses import dataclass, field

import numpy as np

from .network import Network
from .training import train

#: A minibatch loss above this many times max(first loss, ln K) counts as exploding.
EXPLODE_FACTOR = 10.0
SNAPSHOT_SECONDS = 0.25
VALIDATION_CHUNK = 500


@dataclass
class Job:
    """What to train and how; images (N, 28, 28) uint8 (0..255) or floats in [0, 1]."""

    config: dict
    params: dict
    images: np.ndarray
    labels: np.ndarray
    val_images: np.ndarray
    val_labels: np.ndarray
    epochs: int = 2
    batch_size: int = 32
    lr: float = 0.01
    momentum: float = 0.9
    schedule: str = "constant"
    seed: int = 0
    augment: object = None          # augment(batch, rng) -> batch, a picklable module function
    dtype: str = "float32"          # float32 halves memory traffic; the app shows float64
    snapshot_seconds: float = SNAPSHOT_SECONDS


@dataclass
class Snapshot:
    """The parameters now, the minibatch losses since the last snapshot, and where training is."""

    params: dict
    batch_losses: list
    epoch: int
    epochs: int
    batch: int
    batches: int
    images_done: int
    images_total: int
    images_per_second: float
    eta: float
    lr: float
    paused: bool = False


@dataclass
class EpochDone:
    """After epoch `epoch` (0: before training): training and validation figures."""

    epoch: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    confusion: np.ndarray            # (K, K), rows: true class, columns: predicted
    val_predicted: np.ndarray        # (M,) the predicted class of every validation image


@dataclass
class Finished:
    """outcome: "done", "stopped", "diverged" or "failed"; params: the weights to use (the last
    good ones after a divergence or failure); reason: a sentence for the learner."""

    outcome: str
    params: dict
    reason: str = ""
    epochs_done: int = 0
    batches_done: int = 0
    batch_losses: list = field(default_factory=list)   # those since the last Snapshot


class _Halt(Exception):
    """Raised from the progress callback to leave `train` with the parameters as they are."""

    def __init__(self, outcome, reason=""):
        super().__init__(reason)
        self.outcome, self.reason = outcome, reason


def as_unit(images, dtype):
    """Images as `dtype` in [0, 1]: uint8 digits are divided by 255, floats kept."""
    images = np.asarray(images)
    if images.dtype == np.uint8:
        return images.astype(dtype) / dtype(255)
    return images.astype(dtype)


def validate(net, images, labels):
    """(mean loss, accuracy, confusion (K, K), predicted classes) over a labelled set, in chunks."""
    k = net.classes
    confusion = np.zeros((k, k), np.int64)
    if len(labels) == 0:
        return math.nan, math.nan, confusion, np.zeros(0, np.int64)
    loss_sum, predicted = 0.0, []
    for i in range(0, len(labels), VALIDATION_CHUNK):
        x, y = images[i:i + VALIDATION_CHUNK], labels[i:i + VALIDATION_CHUNK]
        loss, _, probs = net._run(x, y, net.params, need_input_grad=False, backward=False)
        loss_sum += loss * len(y)
        predicted.append(probs.argmax(axis=1))
    predicted = np.concatenate(predicted)
    np.add.at(confusion, (labels, predicted), 1)
    return loss_sum / len(labels), float((predicted == labels).mean()), confusion, predicted


def run_job(job, send, stop, run):
    """Train as `job` says, reporting through `send`; returns the Finished message it sent last."""
    dtype = np.dtype(job.dtype).type
    net = Network(job.config, dtype=dtype)
    for key, value in job.params.items():
        net.params[key] = np.array(value, dtype=dtype)
    x, y = as_unit(job.images, dtype), np.asarray(job.labels).astype(np.int64)
    vx, vy = as_unit(job.val_images, dtype), np.asarray(job.val_labels).astype(np.int64)
    state = {"losses": [], "last_send": 0.0, "paused_for": 0.0, "start": time.perf_counter(),
             "done": 0, "batches": 0, "epoch_loss": math.nan, "epoch_acc": math.nan, "first": None,
             # Two copies: the weights after the last minibatch (not yet judged) and the ones
             # before it, whose loss was seen to be finite and sane: the "last good" weights.
             "candidate": _copy(net.params), "good": _copy(net.params)}

    def snapshot(p, paused=False):
        elapsed = time.perf_counter() - state["start"] - state["paused_for"]
        rate = state["done"] / elapsed if elapsed > 0 else 0.0
        total = job.epochs * len(y)
        send(Snapshot(_copy(net.params), state["losses"], p.epoch, p.epochs, p.batch, p.batches, state["done"],
                      total, rate, (total - state["done"]) / rate if rate > 0 else math.inf, p.lr, paused))
        state["losses"], state["last_send"] = [], time.perf_counter()

    def progress(p):
        loss = p.batch_loss
        state["done"] += min(job.batch_size, len(y) - (p.batch - 1) * job.batch_size)
        if state["first"] is None:
            state["first"] = loss
        limit = EXPLODE_FACTOR * max(state["first"], math.log(net.classes)) if math.isfinite(state["first"]) else 0
        if not math.isfinite(loss):
            raise _Halt("diverged", f"the loss became {loss} at epoch {p.epoch}, batch {p.batch}")
        if loss > limit:
            raise _Halt("diverged", f"the loss exploded to {loss:.4g} at epoch {p.epoch}, batch {p.batch} "
                                    f"(more than {EXPLODE_FACTOR:g} × {limit / EXPLODE_FACTOR:.3g})")
        state["good"], state["candidate"] = state["candidate"], _copy(net.params)
        state["losses"].append(loss)
        state["batches"] += 1
        state["epoch_loss"], state["epoch_acc"] = p.loss, p.accuracy
        if stop.is_set():
            raise _Halt("stopped", "stopped")
        if not run.is_set():
            snapshot(p, paused=True)
            began = time.perf_counter()
            while not run.wait(0.05):
                if stop.is_set():
                    raise _Halt("stopped", "stopped")
            state["paused_for"] += time.perf_counter() - began
        if time.perf_counter() - state["last_send"] >= job.snapshot_seconds or p.batch == p.batches:
            snapshot(p)

    def on_epoch(epoch, _net):
        send(EpochDone(epoch, state["epoch_loss"], state["epoch_acc"], *validate(net, vx, vy)))

    epochs_done = [0]

    def counting_on_epoch(epoch, n):
        epochs_done[0] = epoch
        on_epoch(epoch, n)

    outcome, reason, params, said = "done", "", None, ""
    # Overflow is expected when α is too large: it is caught below as divergence, not warned about.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        send(EpochDone(0, math.nan, math.nan, *validate(net, vx, vy)))
        try:
            result = train(net, x, y, job.epochs, job.batch_size, job.lr, job.momentum, job.schedule, job.seed,
                           augment=job.augment, progress=progress, on_epoch=counting_on_epoch)
            if result.diverged:     # train() caught a non-finite loss before our progress saw it
                # its message already says what happened and suggests a smaller α
                outcome, params, said = "diverged", state["good"], result.message
        except _Halt as halt:
            outcome, reason = halt.outcome, halt.reason
            if outcome == "diverged":
                params = state["good"]
        except Exception as e:          # anything else: say what, keep the last good weights
            outcome, reason, params = "failed", f"{type(e).__name__}: {e}", state["good"]
    if params is None:
        params = _copy(net.params)
    if said:
        reason = said
    elif outcome == "diverged":
        reason += "; training stopped and the last good weights were restored. Try a smaller α."
    finished = Finished(outcome, params, reason, epochs_done[0], state["batches"], state["losses"])
    send(finished)
    return finished


def _copy(params):
    return {k: v.copy() for k, v in params.items()}
