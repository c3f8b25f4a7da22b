"""The training worker: `live_training.run_job` in a separate process, driven without Qt.

A process, not a thread, by measurement (2 shared cores, the shipped model at batch 32, float32;
the GUI thread running a 5 ms QTimer and a forward pass every 33 ms, as the app does):
    GUI timer lateness   median / p95 / max     training img/s
    idle                 0.09 / 0.66 / 44 ms    -
    worker thread        0.30 / 7.4  / 47 ms    1749   (the GIL: hundreds of short NumPy calls)
    worker process       0.07 / 5.7  / 19 ms    3386
A thread shares the GIL with the GUI, so each slows the other; a process only shares the cores.
`benchmarks/training.py` measures it again through the panel itself (its thread comparison run);
on the same loaded machine: process p95 1.5 and 15.0 ms at 8971 and 1095 img/s, thread p95 7.4
and 16.4 ms at 2141 and 758 img/s.

The process is started with "spawn" (a fork of a process running Qt threads is unsafe), gets
its job once, and sends messages back through a queue that the GUI drains with `poll()`.
"""

import multiprocessing
import os
import queue
import threading
import time

from convviz.engine.live_training import Finished, run_job

#: How long `close` waits for the worker to finish its minibatch before terminating it.
CLOSE_TIMEOUT = 5.0


#: How often the worker checks that the app that started it is still there.
ORPHAN_CHECK_SECONDS = 0.5


def _exit_when_orphaned(parent):
    """If the app dies without closing us (killed, crashed), end at once: nobody reads our results,
    and a normal exit would wait forever to flush the queue into a pipe nobody drains."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(0)


def _main(job, messages, stop, run, parent):
    """The worker process: run the job; every message goes to the queue."""
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    try:
        run_job(job, messages.put, stop, run)
    except BaseException as e:       # a last word, so the GUI never waits for a silent worker
        messages.put(Finished("failed", {}, f"{type(e).__name__}: {e}"))
        raise


class TrainingWorker:
    """One training run in its own process: start, pause, resume, stop, poll, close."""

    def __init__(self, job):
        ctx = multiprocessing.get_context("spawn")
        self._messages = ctx.Queue()
        self._stop = ctx.Event()
        self._run = ctx.Event()
        self._run.set()
        self._process = ctx.Process(target=_main, args=(job, self._messages, self._stop, self._run, os.getpid()),
                                    name="convviz-training", daemon=True)
        self.finished = None
        self._closed = False

    @property
    def pid(self):
        return self._process.pid

    def start(self):
        self._process.start()

    @property
    def paused(self):
        return not self._run.is_set()

    def pause(self):
        self._run.clear()

    def resume(self):
        self._run.set()

    def stop(self):
        """Ask the worker to stop after its current minibatch (it then sends Finished)."""
        self._stop.set()
        self._run.set()

    def is_alive(self):
        return self._process.is_alive()

    def poll(self, limit=1000):
        """Every message waiting (at most `limit`), without blocking."""
        out = []
        while len(out) < limit:
            try:
                message = self._messages.get_nowait()
            except (queue.Empty, OSError, ValueError):
                break
            if isinstance(message, Finished):
                self.finished = message
            out.append(message)
        return out

    def close(self, timeout=CLOSE_TIMEOUT):
        """Stop the worker and wait for it (terminating it after `timeout` s); returns what it still sent.

        The queue is drained while waiting: a child with data still in its pipe cannot exit.
        """
        if self._closed:
            return []
        pending = []
        if self._process.pid is not None:
            self.stop()
            self._process.join(0)
            waited = 0.0
            while self._process.is_alive() and waited < timeout:
                pending += self.poll()
                self._process.join(0.05)
                waited += 0.05
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(1.0)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            pending += self.poll()
            self._process.close()
        self._messages.close()
        self._messages.join_thread()
        self._closed = True
        return pending
