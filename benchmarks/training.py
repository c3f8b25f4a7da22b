"""Benchmark of training throughput: the engine's loop alone, the app's training panel with the
window open, and PyTorch CPU eager on the same network; and the GUI's event latency while training.

    python benchmarks/training.py [--epochs N] [--rounds R] [--no-torch] [--no-thread]

The shipped two-block model (resources/models/digits.npz: its config and weights), float32,
batch 32, α 0.02, momentum 0.9, no augmentation, on the shipped 5,000 digits (the app holds
10% out for validation, so it trains on 4,500; the others train on the same 4,500).
(a) `training.train` in this process; (c) the same network in PyTorch eager, same batches;
they alternate for `rounds` rounds and the best round counts (PITFALLS.md: a single pass is
often hit by a scheduler stall). (b) the MainWindow (offscreen unless QT_QPA_PLATFORM is set)
trains through its panel's worker process; images per second are the worker's own (after its
start-up). The GUI latency is how late a 5 ms QTimer fires while (b) runs (median, p95).
Goals (issue 12): (b) ≥ 0.9 × (a); (a) ≥ PyTorch; p95 < 16 ms.
Unless --no-thread, (b) runs once more with the panel's worker swapped for a thread running the
same job in the GUI's process: the measurement behind choosing a process (worker.py).

Mind OPENBLAS_CORETYPE (PITFALLS.md): for a figure to quote, unset it in that one command:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/training.py
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from convviz.digits import default_dataset_path, load_dataset, load_pretrained  # noqa: E402
from convviz.digits.split import split_dataset  # noqa: E402
from convviz.engine import Network  # noqa: E402
from convviz.engine.training import train  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    torch = None

BATCH, LR, MOMENTUM = 32, 0.02, 0.9


def data():
    images, labels = load_dataset(default_dataset_path())
    (tx, ty), _ = split_dataset(images, labels, 0.1, seed=0)
    return tx.astype(np.float32) / np.float32(255), ty.astype(np.int64)


def engine_rate(shipped, x, y, epochs):
    net = Network(shipped.config, dtype=np.float32)
    for k, v in shipped.params.items():
        net.params[k] = v.astype(np.float32)
    start = time.perf_counter()
    train(net, x, y, epochs, BATCH, LR, MOMENTUM, seed=0)
    return epochs * len(y) / (time.perf_counter() - start)


def torch_rate(shipped, x, y, epochs):
    cfg = shipped.config
    p = {k: torch.tensor(v, dtype=torch.float32, requires_grad=True) for k, v in shipped.params.items()}
    velocity = {k: torch.zeros_like(v) for k, v in p.items()}
    blocks = len(cfg["conv"])
    xt, yt = torch.from_numpy(x)[:, None], torch.from_numpy(y)
    rng = np.random.default_rng(0)
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(y)))
        for b in range(0, len(y), BATCH):
            idx = order[b:b + BATCH]
            a = xt[idx]
            for i in range(1, blocks + 1):
                a = F.max_pool2d(F.relu(F.conv2d(a, p[f"conv{i}.W"], p[f"conv{i}.b"])), 2)
            a = F.relu(F.linear(a.flatten(1), p["dense1.W"], p["dense1.b"]))
            loss = F.cross_entropy(F.linear(a, p["out.W"], p["out.b"]), yt[idx])
            grads = torch.autograd.grad(loss, list(p.values()))
            with torch.no_grad():
                for (k, v), g in zip(p.items(), grads):
                    velocity[k].mul_(MOMENTUM).sub_(LR * g)
                    v.add_(velocity[k])
    return epochs * len(y) / (time.perf_counter() - start)


class ThreadWorker:
    """The TrainingWorker's interface over a thread in this process (for the comparison only)."""

    def __init__(self, job):
        import queue
        import threading

        from convviz.engine.live_training import run_job

        self._messages, self._stop, self._run = queue.Queue(), threading.Event(), threading.Event()
        self._run.set()
        self._thread = threading.Thread(target=run_job, args=(job, self._messages.put, self._stop, self._run))
        self.finished = None
        self.pid = None

    def start(self):
        self._thread.start()

    paused = property(lambda self: not self._run.is_set())
    pause = lambda self: self._run.clear()  # noqa: E731
    resume = lambda self: self._run.set()  # noqa: E731
    is_alive = lambda self: self._thread.is_alive()  # noqa: E731

    def stop(self):
        self._stop.set()
        self._run.set()

    def poll(self, limit=1000):
        from convviz.engine.live_training import Finished

        out = []
        while len(out) < limit and not self._messages.empty():
            out.append(self._messages.get_nowait())
            if isinstance(out[-1], Finished):
                self.finished = out[-1]
        return out

    def close(self, timeout=5.0):
        self.stop()
        self._thread.join(timeout)
        return self.poll()


def app_rate(epochs, thread=False):
    """(images/s of the panel's worker, GUI timer lateness in ms, finished?) with the window open."""
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from convviz.gui.panels.training import panel as panel_module
    from convviz.gui.shell.main_window import MainWindow

    if thread:
        panel_module.TrainingWorker = ThreadWorker

    app = QApplication.instance() or QApplication([])
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"convviz-bench-{os.getpid()}"
    win = MainWindow(settings=QSettings(str(folder / "s.ini"), QSettings.IniFormat),
                     my_digits_path=folder / "my-digits.npz")
    win.show()
    win.training_dock.show()
    p = win.training
    p.epochs.setValue(epochs)
    p.batch.setValue(BATCH)
    p.lr.setValue(LR)
    p.momentum.setValue(MOMENTUM)
    p.augment.setChecked(False)
    late, clock = [], QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick():
        now = clock.nsecsElapsed()
        if p.record.snapshot is not None:          # count only while the worker trains
            late.append((now - last[0]) / 1e6 - 5.0)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    p.stateChanged.connect(lambda state: state == "idle" and app.quit())
    timer.start()
    p.start()
    app.exec()
    timer.stop()
    rate = p.record.snapshot.images_per_second
    ok = p.record.finished is not None and p.record.finished.outcome == "done"
    win.close()
    return rate, late, ok


def report(what, rate, late, ok):
    """Print one app run; returns (median, p95) of the GUI timer's lateness."""
    late = sorted(late)
    median = statistics.median(late) if late else float("nan")
    p95 = late[int(0.95 * (len(late) - 1))] if late else float("nan")
    print(f"app ({what}, window open): {rate:.0f} img/s{'' if ok else ' (run did not finish)'}; "
          f"GUI 5 ms timer lateness over {len(late)} ticks: median {median:.2f} ms, p95 {p95:.2f} ms, "
          f"max {late[-1] if late else float('nan'):.1f} ms")
    return median, p95


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-torch", action="store_true")
    ap.add_argument("--no-thread", action="store_true", help="skip the worker-thread comparison")
    args = ap.parse_args()
    use_torch = torch is not None and not args.no_torch
    shipped = load_pretrained()
    x, y = data()
    print(f"shipped model {shipped.parameter_count():,} parameters, float32, batch {BATCH}, "
          f"{len(y)} images × {args.epochs} epochs; load average {os.getloadavg()[0]:.2f}; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}"
          + (f"; torch {torch.__version__}, {torch.get_num_threads()} threads" if use_torch else ""))
    engine, pytorch = [], []
    for r in range(args.rounds):
        engine.append(engine_rate(shipped, x, y, args.epochs))
        if use_torch:
            pytorch.append(torch_rate(shipped, x, y, args.epochs))
        print(f"round {r + 1}: engine {engine[-1]:7.0f} img/s" + (f", pytorch {pytorch[-1]:7.0f} img/s" if use_torch
                                                                   else ""))
    app, late, ok = app_rate(args.epochs)
    median, p95 = report("worker process", app, late, ok)
    if not args.no_thread:
        report("worker thread (for comparison)", *app_rate(args.epochs, thread=True))
    e, t = max(engine), (max(pytorch) if pytorch else float("nan"))
    print(f"ratios: app/engine {app / e:.2f} (goal ≥ 0.9), engine/pytorch {e / t:.2f} (goal ≥ 1)")
    print(f"training: app {app:.0f} img/s, engine {e:.0f} img/s, pytorch {t:.0f} img/s, ui p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
