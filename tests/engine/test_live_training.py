"""live_training.run_job: the same numbers as training.train, reported batch by batch and epoch by
epoch; pause, resume and stop between minibatches; divergence restores the last good weights."""

import math
import threading
import time

import numpy as np
import pytest

from convviz.digits import default_dataset_path, load_dataset
from convviz.digits.split import split_dataset
from convviz.engine import Network
from convviz.engine.live_training import EpochDone, Finished, Job, Snapshot, as_unit, run_job, validate
from convviz.engine.training import train


@pytest.fixture(scope="module")
def data():
    images, labels = load_dataset(default_dataset_path())
    return split_dataset(images, labels, 0.25, seed=1, limit=400)


def job_for(data, **kw):
    (tx, ty), (vx, vy) = data
    net = Network(seed=0)
    kw = {"epochs": 2, "lr": 0.05, "momentum": 0.9, "batch_size": 32, **kw}
    return net, Job(net.config, {k: v.copy() for k, v in net.params.items()}, tx, ty, vx, vy, **kw)


def running():
    e = threading.Event()
    e.set()
    return e


def run(job):
    messages = []
    finished = run_job(job, messages.append, threading.Event(), running())
    return messages, finished


def losses_of(messages):
    return [v for m in messages if isinstance(m, (Snapshot, Finished)) for v in m.batch_losses]


def test_training_lowers_the_validation_loss_and_reports_every_batch_and_epoch(data):
    _, job = job_for(data)
    messages, finished = run(job)
    epochs = [m for m in messages if isinstance(m, EpochDone)]
    batches = math.ceil(len(job.labels) / job.batch_size)
    assert finished.outcome == "done" and finished is messages[-1]
    assert [e.epoch for e in epochs] == [0, 1, 2]
    assert epochs[-1].val_loss < 0.6 * epochs[0].val_loss
    assert epochs[-1].val_accuracy > epochs[0].val_accuracy + 0.3
    assert len(losses_of(messages)) == finished.batches_done == job.epochs * batches
    last = [m for m in messages if isinstance(m, Snapshot)][-1]
    assert (last.epoch, last.batch, last.images_done) == (2, batches, 2 * len(job.labels))
    assert epochs[-1].confusion.sum() == len(job.val_labels)
    assert np.array_equal(np.diag(epochs[-1].confusion).sum() / len(job.val_labels), epochs[-1].val_accuracy)


def test_the_numbers_are_the_engine_loops_to_the_last_bit(data):
    net, job = job_for(data, epochs=1)
    messages, finished = run(job)
    ref = Network(net.config, dtype=np.float32)
    for k, v in net.params.items():
        ref.params[k] = v.astype(np.float32)
    seen = []
    train(ref, as_unit(job.images, np.float32), job.labels.astype(np.int64), 1, 32, 0.05, 0.9,
          progress=lambda p: seen.append(p.batch_loss))
    assert losses_of(messages) == seen
    for k in ref.params:
        assert np.array_equal(finished.params[k], ref.params[k])
    loss, acc, confusion, predicted = validate(ref, as_unit(job.val_images, np.float32), job.val_labels.astype(int))
    last = [m for m in messages if isinstance(m, EpochDone)][-1]
    assert (last.val_loss, last.val_accuracy) == (loss, acc)
    assert np.array_equal(last.confusion, confusion) and np.array_equal(last.val_predicted, predicted)


def spoiled_at(batch):
    """An 'augmentation' that leaves batches alone until `batch`, then blows the ink up 10⁴ times."""
    calls = [0]

    def augment(x, rng):
        calls[0] += 1
        return x * 1e4 if calls[0] >= batch else x
    return augment


@pytest.mark.parametrize("lr, augment, good", [(10.0, None, 1), (0.05, spoiled_at(4), 3)])
def test_divergence_stops_and_restores_the_last_good_weights(data, lr, augment, good):
    net, job = job_for(data, lr=lr, momentum=0.9, epochs=1, augment=augment)
    messages, finished = run(job)
    assert finished.outcome == "diverged" and "exploded" in finished.reason and "smaller α" in finished.reason
    assert finished.batches_done == good          # minibatches whose loss was sane
    # The last good weights are those the last sane loss was computed with: after good - 1 updates.
    ref = Network(net.config, dtype=np.float32)
    for k, v in net.params.items():
        ref.params[k] = v.astype(np.float32)

    class Enough(Exception):
        pass

    def after(p):
        if p.batch == good - 1:
            raise Enough

    if good > 1:
        with pytest.raises(Enough):
            train(ref, as_unit(job.images, np.float32), job.labels.astype(np.int64), 1, 32, lr, 0.9, progress=after)
    start = {k: v.astype(np.float32) for k, v in net.params.items()}
    assert any(not np.array_equal(ref.params[k], start[k]) for k in ref.params) == (good > 1)
    for k in ref.params:
        assert np.isfinite(finished.params[k]).all()
        assert np.array_equal(finished.params[k], ref.params[k])


def test_a_non_finite_loss_is_divergence_too(data):
    net, job = job_for(data, epochs=1)
    job.params["out.b"] = job.params["out.b"].copy()
    job.params["out.W"] = np.full_like(job.params["out.W"], np.inf)
    messages, finished = run(job)
    assert finished.outcome == "diverged" and "became" in finished.reason and finished.batches_done == 0


def test_pause_resume_and_stop_between_minibatches(data):
    _, job = job_for(data, epochs=50, snapshot_seconds=0.0)
    messages, stop, go = [], threading.Event(), running()
    worker = threading.Thread(target=run_job, args=(job, messages.append, stop, go))
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while not any(isinstance(m, Snapshot) for m in messages) and time.monotonic() < deadline:
            time.sleep(0.01)
        go.clear()
        while not any(isinstance(m, Snapshot) and m.paused for m in messages) and time.monotonic() < deadline:
            time.sleep(0.01)
        count = len(messages)
        paused_at = [m for m in messages if isinstance(m, Snapshot)][-1]
        assert paused_at.paused
        time.sleep(0.3)
        assert len(messages) == count                 # nothing happens while paused
        go.set()
        while len(messages) == count and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(messages) > count                  # resumed
        stop.set()
        worker.join(30)
    finally:
        stop.set()
        go.set()
        worker.join(30)
    assert not worker.is_alive()
    finished = messages[-1]
    assert isinstance(finished, Finished) and finished.outcome == "stopped"
    assert finished.epochs_done < 50
