"""The minibatch training loop: it learns, it is reproducible, it stops cleanly when asked."""

import numpy as np
import pytest

from convviz.engine import Network
from convviz.engine.training import evaluate, learning_rate, train

SMALL = {"input": [12, 12], "conv": [{"kernels": 4, "size": 3, "pool": "max", "pool_size": 2}],
         "dense": [{"units": 16}], "output": {"classes": 3}}


def toy_data(n=90, seed=0):
    """Three classes that a CNN can tell apart: a vertical bar, a horizontal bar, a box."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 12, 12)) * 0.1
    y = np.arange(n) % 3
    for k in range(n):
        r, c = rng.integers(2, 9, size=2)
        if y[k] == 0:
            x[k, 1:11, c] = 1
        elif y[k] == 1:
            x[k, r, 1:11] = 1
        else:
            x[k, 3:9, 3] = x[k, 3:9, 8] = x[k, 3, 3:9] = x[k, 8, 3:9] = 1
    return x, y


def test_training_reduces_loss_and_learns():
    x, y = toy_data()
    net = Network(SMALL, seed=1)
    before, _ = net.loss_and_gradients(x, y)
    result = train(net, x, y, epochs=15, batch_size=16, lr=0.1, momentum=0.9, schedule="cosine")
    after, _ = net.loss_and_gradients(x, y)
    assert after < 0.5 * before
    assert result.epochs_done == 15 and not result.cancelled
    assert evaluate(net, x, y)["accuracy"] > 0.9


def test_training_is_reproducible_with_a_seed():
    x, y = toy_data()
    a, b = Network(SMALL, seed=1), Network(SMALL, seed=1)
    for net in (a, b):
        train(net, x, y, epochs=2, batch_size=16, lr=0.05, seed=7)
    for key in a.params:
        np.testing.assert_array_equal(a.params[key], b.params[key])


def test_cancel_restores_the_last_finished_epoch():
    x, y = toy_data()
    net = Network(SMALL, seed=1)
    snapshots, calls = [], []

    def on_epoch(epoch, n):
        snapshots.append({k: p.copy() for k, p in n.params.items()})

    def cancel():
        calls.append(1)
        return len(calls) == 8   # mid-way through the second epoch (6 batches per epoch)

    result = train(net, x, y, epochs=5, batch_size=16, lr=0.1, cancel=cancel, on_epoch=on_epoch)
    assert result.cancelled and result.epochs_done == 1
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], snapshots[0][key])


def test_progress_reports_every_batch():
    x, y = toy_data(32)
    seen = []
    train(Network(SMALL, seed=0), x, y, epochs=2, batch_size=10, lr=0.05, progress=seen.append)
    assert [(p.epoch, p.batch) for p in seen] == [(e, b) for e in (1, 2) for b in (1, 2, 3, 4)]
    assert all(p.batches == 4 and p.eta >= 0 for p in seen)


def test_augment_is_applied_to_each_batch():
    x, y = toy_data(20)
    shapes = []

    def augment(batch, rng):
        shapes.append(batch.shape)
        return batch[:, ::-1]

    train(Network(SMALL, seed=0), x, y, epochs=1, batch_size=8, lr=0.05, augment=augment)
    assert shapes == [(8, 12, 12), (8, 12, 12), (4, 12, 12)]


def test_schedules():
    assert learning_rate("constant", 0.1, 50, 100) == 0.1
    assert learning_rate("cosine", 0.1, 0, 100) == pytest.approx(0.1)
    assert learning_rate("cosine", 0.1, 50, 100) == pytest.approx(0.05)
    assert learning_rate("step", 0.1, 80, 100) == pytest.approx(0.001)
    with pytest.raises(ValueError, match="schedule"):
        learning_rate("warp", 0.1, 0, 1)


def test_bad_arguments_are_refused():
    x, y = toy_data(10)
    with pytest.raises(ValueError, match="labels"):
        train(Network(SMALL), x, y[:5], epochs=1)
    with pytest.raises(ValueError, match="momentum"):
        train(Network(SMALL), x, y, epochs=1, momentum=1.5)


def test_evaluate_confusion_matrix():
    x, y = toy_data(30)
    m = evaluate(Network(SMALL, seed=0), x, y)
    assert m["confusion"].sum() == 30 and m["confusion"].shape == (3, 3)
    assert m["accuracy"] == pytest.approx(np.trace(m["confusion"]) / 30)
