"""What the training panel shows, without Qt: the curves' points from the worker's messages, the
smoothed loss, and the progress line (epoch, batch, images per second, ETA)."""

import math

import numpy as np

from convviz.engine.live_training import EpochDone, Finished, Snapshot

#: Weight of a new minibatch loss in the smoothed curve (an exponential moving average over ~20).
SMOOTHING = 0.05


def format_seconds(s):
    """12 s, 3 min 05 s, 1 h 02 min; "–" when unknown."""
    if not math.isfinite(s) or s < 0:
        return "–"
    s = int(round(s))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


class TrainingRecord:
    """Every point of one training run, filled from the worker's messages in arrival order."""

    def __init__(self):
        self.batch_losses = []          # one per minibatch
        self.smoothed = []              # their exponential moving average
        self.epochs = []                # EpochDone, epoch 0 (before training) first
        self.snapshot = None            # the latest Snapshot
        self.finished = None

    def add(self, message):
        """Take one message; returns its kind ("snapshot", "epoch", "finished")."""
        if isinstance(message, (Snapshot, Finished)):
            for loss in message.batch_losses:
                prev = self.smoothed[-1] if self.smoothed else loss
                self.batch_losses.append(loss)
                self.smoothed.append(prev + SMOOTHING * (loss - prev))
        if isinstance(message, Snapshot):
            self.snapshot = message
            return "snapshot"
        if isinstance(message, EpochDone):
            self.epochs.append(message)
            return "epoch"
        if isinstance(message, Finished):
            self.finished = message
            return "finished"
        raise TypeError(f"not a training message: {type(message).__name__}")

    def batch_axis(self):
        """The x of every minibatch point, in epochs (batch 1 of epoch 1 at 1/batches)."""
        per = self.snapshot.batches if self.snapshot else max(len(self.batch_losses), 1)
        return (np.arange(len(self.batch_losses)) + 1) / per

    def epoch_points(self):
        """(epochs, train loss, validation loss, validation accuracy) as arrays; train loss NaN at 0."""
        e = self.epochs
        return (np.array([m.epoch for m in e], float), np.array([m.train_loss for m in e], float),
                np.array([m.val_loss for m in e], float), np.array([m.val_accuracy for m in e], float))

    def progress_text(self):
        """One line: epoch, batch, images per second and time left."""
        s = self.snapshot
        if s is None:
            return "starting the worker…"
        state = "paused · " if s.paused else ""
        return (f"{state}epoch {s.epoch}/{s.epochs} · batch {s.batch}/{s.batches} · "
                f"{s.images_per_second:,.0f} images/s · {format_seconds(s.eta)} left")

    def fraction(self):
        s = self.snapshot
        return 0.0 if s is None or not s.images_total else s.images_done / s.images_total
