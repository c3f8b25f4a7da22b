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


ORPHAN = """
import sys, time
sys.path[:0] = {path!r}
from convviz.digits import default_dataset_path, load_dataset
from convviz.digits.split import split_dataset
from convviz.engine import Network
from convviz.engine.live_training import Job, Snapshot
from convviz.gui.panels.training.worker import TrainingWorker
images, labels = load_dataset(default_dataset_path())
(tx, ty), (vx, vy) = split_dataset(images, labels, 0.2, seed=0, limit=300)
net = Network(seed=0)
if __name__ == "__main__":
    w = TrainingWorker(Job(net.config, net.params, tx, ty, vx, vy, epochs=10000, snapshot_seconds=0.05))
    w.start()
    while not any(isinstance(m, Snapshot) for m in w.poll()):
        time.sleep(0.02)
    open({pidfile!r}, "w").write(str(w.pid))
    import os
    os._exit(0)          # the app dies without closing the worker
"""


def test_a_worker_whose_app_died_stops_by_itself(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "orphan.py"
    pidfile = tmp_path / "worker.pid"
    script.write_text(ORPHAN.format(path=sys.path, pidfile=str(pidfile)))
    subprocess.run([sys.executable, str(script)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120, check=True)
    pid = int(pidfile.read_text())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{pid}/stat") as f:          # a zombie has finished (init reaps it)
            if f.read().split(") ")[1].startswith("Z"):
                break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        raise AssertionError("the orphaned worker was still training after 30 s")
