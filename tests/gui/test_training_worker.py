"""The training worker process: messages arrive through poll(), pause/resume/stop work across
the process boundary, and close() leaves no process behind (even one that would not stop)."""

import multiprocessing
import os
import time

import numpy as np
import pytest

from convviz.digits import default_dataset_path, load_dataset
from convviz.digits.split import split_dataset
from convviz.engine import Network
from convviz.engine.live_training import EpochDone, Finished, Job, Snapshot
from convviz.gui.panels.training.worker import TrainingWorker


@pytest.fixture(scope="module")
def job():
    images, labels = load_dataset(default_dataset_path())
    (tx, ty), (vx, vy) = split_dataset(images, labels, 0.2, seed=0, limit=300)
    net = Network(seed=0)
    return Job(net.config, net.params, tx, ty, vx, vy, epochs=200, lr=0.05, snapshot_seconds=0.05)


def wait_for(worker, seen, test, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += worker.poll()
        if test(seen):
            return True
        time.sleep(0.02)
    return False


def test_messages_pause_resume_stop_and_a_clean_close(job):
    worker = TrainingWorker(job)
    worker.start()
    seen = []
    try:
        assert wait_for(worker, seen, lambda s: any(isinstance(m, Snapshot) for m in s))
        assert isinstance(seen[0], EpochDone) and seen[0].epoch == 0
        worker.pause()
        assert worker.paused
        assert wait_for(worker, seen, lambda s: isinstance(s[-1], Snapshot) and s[-1].paused)
        time.sleep(0.3)
        assert worker.poll() == []                      # nothing while paused
        worker.resume()
        count = len(seen)
        assert wait_for(worker, seen, lambda s: len(s) > count)
        worker.stop()
        assert wait_for(worker, seen, lambda s: isinstance(s[-1], Finished))
        assert seen[-1].outcome == "stopped" and worker.finished is seen[-1]
        assert all(np.isfinite(v).all() for v in seen[-1].params.values())
    finally:
        worker.close()
    assert not multiprocessing.active_children()


def test_close_ends_a_running_worker_and_one_that_never_stops(job, monkeypatch):
    worker = TrainingWorker(job)
    worker.start()
    seen = []
    assert wait_for(worker, seen, lambda s: any(isinstance(m, Snapshot) for m in s))
    pid = worker.pid
    worker.close()
    assert not multiprocessing.active_children()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    # A worker that ignores stop (paused forever, say) is terminated after the timeout.
    stubborn = TrainingWorker(job)
    stubborn.start()
    monkeypatch.setattr(stubborn, "stop", lambda: None)
    stubborn.pause()
    stubborn.close(timeout=0.5)
    assert not multiprocessing.active_children()


def test_close_before_start_is_harmless(job):
    TrainingWorker(job).close()
    assert not multiprocessing.active_children()
