"""Minibatch training by gradient descent (optional momentum, lr schedule), and evaluation.

The loop is the app's `sgd_step` at scale: same forward, backward and update, over shuffled
minibatches, with a progress callback and cancellation so a GUI or the CLI can drive it.
"""

import math
import time
from dataclasses import dataclass, field

import numpy as np

SCHEDULES = ("constant", "cosine", "step")


@dataclass
class Progress:
    """What a progress callback receives after every minibatch."""

    epoch: int          # 1-based
    epochs: int
    batch: int          # 1-based, within the epoch
    batches: int
    loss: float         # running mean loss over the epoch so far
    accuracy: float     # running training accuracy over the epoch so far
    lr: float
    elapsed: float      # seconds since training started
    eta: float          # estimated seconds left
    batch_loss: float = math.nan    # this minibatch's mean loss, before its update


@dataclass
class TrainResult:
    epochs_done: int = 0
    cancelled: bool = False
    history: list = field(default_factory=list)   # one dict per finished epoch
    diverged: bool = False      # the loss or a weight became non-finite; the last good weights are back
    message: str = ""           # for a person: what happened and what to try


def learning_rate(schedule, lr, step, total_steps):
    """α at a given step: constant, cosine decay to 0, or ×0.1 at 50% and again at 75%."""
    if schedule == "constant":
        return lr
    frac = step / max(total_steps, 1)
    if schedule == "cosine":
        return lr * 0.5 * (1 + math.cos(math.pi * frac))
    if schedule == "step":
        return lr * (0.1 if frac >= 0.5 else 1.0) * (0.1 if frac >= 0.75 else 1.0)
    raise ValueError(f"schedule: unknown name {schedule!r}; choose one of {', '.join(SCHEDULES)}")


def check_arguments(epochs, batch_size, lr, momentum):
    """ValueError naming the first argument train() cannot work with."""
    for name, value in (("epochs", epochs), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"train: {name} must be a whole number ≥ 1, got {value!r}")
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError(f"train: lr (α) must be a finite number > 0, got {lr!r}")
    if not 0 <= momentum < 1:        # also false for NaN
        raise ValueError(f"train: momentum must be in 0 ≤ μ < 1, got {momentum!r}")


def _finite(net, x, y):
    """Finite weights that also give a finite loss on (x, y): huge but finite weights overflow."""
    if not all(np.isfinite(p).all() for p in net.params.values()):
        return False
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return bool(np.isfinite(net._run(x, y, net.params, need_input_grad=False, backward=False)[0]))


def train(net, images, labels, epochs, batch_size=64, lr=0.05, momentum=0.0, schedule="constant",
          seed=0, augment=None, progress=None, cancel=None, on_epoch=None):
    """Train `net` in place on images (N, H, W) in [0, 1] and integer labels (N,).

    Momentum keeps a velocity v ← μ·v − α·∂L/∂θ and moves θ ← θ + v (μ = 0 is plain SGD).
    `augment(batch, rng)` returns a transformed copy of each minibatch; `progress(Progress)`
    is called after every minibatch; when `cancel()` returns True training stops after the
    current minibatch and the parameters are put back to the end of the last finished epoch.
    `on_epoch(epoch, net)` is called after each finished epoch.
    """
    images = np.asarray(images)
    labels = np.asarray(labels)
    if images.shape[0] != labels.shape[0] or images.shape[0] == 0:
        raise ValueError(f"train: {images.shape[0]} images but {labels.shape[0]} labels")
    check_arguments(epochs, batch_size, lr, momentum)
    learning_rate(schedule, lr, 0, 1)  # validates the name before any work
    rng = np.random.default_rng(seed)
    n = images.shape[0]
    batches = math.ceil(n / batch_size)
    total = epochs * batches
    velocity = {k: np.zeros_like(p) for k, p in net.params.items()}
    result = TrainResult()
    start = time.perf_counter()
    snapshot = {k: p.copy() for k, p in net.params.items()}
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        loss_sum = correct = seen = 0
        for b in range(batches):
            idx = order[b * batch_size:(b + 1) * batch_size]
            x = images[idx].astype(net.dtype)
            if augment is not None:
                x = augment(x, rng)
            y = labels[idx]
            step = (epoch - 1) * batches + b
            alpha = learning_rate(schedule, lr, step, total)
            # Overflow is expected when α is far too large; it is caught below by value.
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                loss, grads, probs = net._run(x, y, net.params, need_input_grad=False)
                for key, p in net.params.items():
                    v = velocity[key]
                    v *= momentum
                    v -= alpha * grads[key]
                    p += v
            if not math.isfinite(loss):
                return _diverged(net, result, snapshot, epoch, b + 1, f"the loss became {loss}", lr)
            loss_sum += loss * len(idx)
            correct += int((probs.argmax(axis=1) == y).sum())
            seen += len(idx)
            if progress is not None:
                elapsed = time.perf_counter() - start
                progress(Progress(epoch, epochs, b + 1, batches, loss_sum / seen, correct / seen,
                                  alpha, elapsed, elapsed / (step + 1) * (total - step - 1), loss))
            if cancel is not None and cancel():
                # Keep what a whole epoch produced, not a half-updated mixture.
                for key, p in net.params.items():
                    p[...] = snapshot[key]
                result.cancelled = True
                return result
        if not _finite(net, x, y):  # the epoch's last update; never saved, never kept
            return _diverged(net, result, snapshot, epoch, batches, "the weights became non-finite or "
                             "overflow the loss", lr)
        snapshot = {k: p.copy() for k, p in net.params.items()}
        result.epochs_done = epoch
        result.history.append({"epoch": epoch, "loss": loss_sum / seen, "accuracy": correct / seen,
                               "seconds": time.perf_counter() - start})
        if on_epoch is not None:
            on_epoch(epoch, net)
    return result


def _diverged(net, result, snapshot, epoch, batch, what, lr):
    for key, p in net.params.items():
        p[...] = snapshot[key]
    result.diverged = True
    kept = (f"the weights are back to the end of epoch {result.epochs_done}" if result.epochs_done
            else "the weights are back to where training started")
    result.message = (f"training diverged in epoch {epoch}, batch {batch}: {what}; {kept}. "
                      f"Try a smaller learning rate α (now {lr:g}; e.g. {lr / 10:g}).")
    return result


def predict(net, images, batch_size=500):
    """Class probabilities for images (N, H, W), in chunks to bound memory."""
    images = np.asarray(images)
    return np.concatenate([net.forward(images[i:i + batch_size].astype(net.dtype))
                           for i in range(0, len(images), batch_size)])


def evaluate(net, images, labels, batch_size=500):
    """Accuracy, per-class accuracy and the confusion matrix (rows: true, columns: predicted)."""
    k = net.classes
    labels = _class_labels(np.asarray(labels), len(images), k)
    predicted = predict(net, images, batch_size).argmax(axis=1)
    confusion = np.zeros((k, k), int)
    np.add.at(confusion, (labels, predicted), 1)
    per_class = np.divide(np.diag(confusion), confusion.sum(axis=1),
                          out=np.zeros(k), where=confusion.sum(axis=1) > 0)
    return {"accuracy": float((predicted == labels).mean()), "per_class": per_class,
            "confusion": confusion, "count": int(len(labels))}


def _class_labels(labels, n, k):
    """Labels as ints in 0..k−1, or ValueError: a −1 must not count as class k−1, nor 3.7 as 3."""
    if labels.shape != (n,):
        raise ValueError(f"evaluate: {n} images but {labels.size} labels")
    if n == 0:
        raise ValueError("evaluate: no examples to evaluate")
    if not np.issubdtype(labels.dtype, np.integer):
        whole = np.issubdtype(labels.dtype, np.floating) and np.isfinite(labels)
        whole = whole & (labels == np.round(labels)) if np.issubdtype(labels.dtype, np.floating) else whole
        if not np.all(whole):
            odd = labels[~whole][0] if np.ndim(whole) else labels.flat[0]
            raise ValueError(f"evaluate: labels must be whole numbers, got {labels.dtype} values "
                             f"such as {odd}")
    bad = (labels < 0) | (labels >= k)
    if bad.any():
        raise ValueError(f"evaluate: label {labels[bad][0]:g} is outside 0..{k - 1}")
    return labels.astype(int)
