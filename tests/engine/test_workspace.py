"""Scratch buffers: per thread, bounded, and never shared between a training worker and the GUI."""

import threading

import numpy as np

from convviz.engine import DEFAULT_CONFIG, Network, workspace

DIGITS = {"input": [28, 28],
          "conv": [{"kernels": 8, "size": 5, "activation": "relu", "pool": "max"},
                   {"kernels": 16, "size": 5, "activation": "relu", "pool": "max"}],
          "dense": [{"units": 64, "activation": "relu"}], "output": {"classes": 10}}


def test_buffers_are_reused_and_bounded():
    workspace.clear()
    a = workspace.buffer("t.a", (3, 4), np.float64)
    assert workspace.buffer("t.a", (2, 5), np.float64).ctypes.data == a.ctypes.data   # reused
    assert not np.shares_memory(workspace.buffer("t.b", (3, 4), np.float64), a)       # own tag
    assert workspace.buffer("t.a", (3, 4), np.float32).dtype == np.float32            # own dtype
    for i in range(3 * workspace.MAX_BUFFERS):
        workspace.buffer(f"t.{i}", (i + 1, 100), np.float64)
    count, size = workspace.stats()
    assert count <= workspace.MAX_BUFFERS and size <= workspace.MAX_BYTES
    workspace.buffer("t.huge", (workspace.MAX_BYTES // 8 + 1,), np.float64)   # given, not kept
    assert workspace.stats()[1] <= workspace.MAX_BYTES
    workspace.clear()
    assert workspace.stats() == (0, 0)


def test_buffers_belong_to_their_thread():
    mine = workspace.buffer("t.thread", (64,), np.float64)
    theirs = []
    t = threading.Thread(target=lambda: theirs.append(workspace.buffer("t.thread", (64,), np.float64)))
    t.start()
    t.join()
    assert not np.shares_memory(mine, theirs[0])


def _work(net, x, y, rounds, out, barrier=None):
    if barrier is not None:
        barrier.wait()
    results = []
    for _ in range(rounds):
        loss, grads = net.loss_and_gradients(x, y)
        results.append((loss, {k: v.copy() for k, v in grads.items()}, net.forward(x[:1])))
    out.extend(results)


def test_threads_at_once_give_the_serial_results():
    """A training worker and the GUI's network run at the same time (different batch sizes,
    dtypes and networks, so their scratch would collide if it were shared): each gets
    exactly what it gets alone."""
    rng = np.random.default_rng(0)
    jobs = [(Network(DEFAULT_CONFIG, seed=1), rng.random((32, 28, 28)), rng.integers(0, 10, 32)),
            (Network(DIGITS, seed=2), rng.random((5, 28, 28)), rng.integers(0, 10, 5)),
            (Network(DIGITS, seed=3, dtype=np.float32), rng.random((32, 28, 28)), rng.integers(0, 10, 32)),
            (Network(DEFAULT_CONFIG, seed=4), rng.random((1, 28, 28)), rng.integers(0, 10, 1)),
            (Network(DIGITS, seed=5), rng.random((1, 28, 28)), rng.integers(0, 10, 1))]   # index-map paths
    serial = []
    for net, x, y in jobs:
        out = []
        _work(net, x, y, 1, out)
        serial.append(out[0])
    barrier = threading.Barrier(len(jobs))
    outs = [[] for _ in jobs]
    threads = [threading.Thread(target=_work, args=(net, x, y, 6, out, barrier))
               for (net, x, y), out in zip(jobs, outs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for (loss, grads, probs), out in zip(serial, outs):
        assert len(out) == 6
        for loss_t, grads_t, probs_t in out:
            assert loss_t == loss
            np.testing.assert_array_equal(probs_t, probs)
            for key in grads:
                np.testing.assert_array_equal(grads_t[key], grads[key], err_msg=key)
