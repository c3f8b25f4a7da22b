"""The trace copies an array that several steps show once: every step still holds exactly what
it held when recorded, as if each had its own copy."""

import json
from pathlib import Path

import numpy as np
import pytest

from convviz.engine import Network
from convviz.engine import trace as trace_module

from engine_helpers import small_config

DIGITS = json.loads((Path(__file__).resolve().parents[2] / "resources/models/digits.json").read_text())
CONFIGS = {
    "default": None,
    "digits": DIGITS,
    "general ops": small_config(
        [{"kernels": 3, "size": 3, "padding": 1, "activation": "tanh", "pool": "l2"},
         {"kernels": 2, "size": 2, "activation": "relu", "pool": "avg"}],
        dense=[{"units": 5, "activation": "elu"}], classes=3, output="sigmoid", loss="mse", input=(10, 10)),
}


def _every_array_copied(monkeypatch):
    """Recorders that copy every array of every step anew (the behaviour before sharing)."""
    monkeypatch.setattr(trace_module.Recorder, "_copy", lambda self, arr: np.array(arr, copy=True))
    monkeypatch.setattr(trace_module.Recorder, "own", lambda self, arrays: None)


@pytest.mark.parametrize("name", CONFIGS)
@pytest.mark.parametrize("batch", [None, 4])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_shared_copies_equal_copies_of_their_own(name, batch, dtype, monkeypatch):
    net = Network(CONFIGS[name], seed=3, dtype=dtype)
    rng = np.random.default_rng(4)
    for p in net.params.values():
        p += rng.normal(0, 0.05, p.shape).astype(dtype)
    h, w = net.config["input"]
    x = rng.random((h, w)) if batch is None else rng.random((batch, h, w))
    y = 2 if batch is None else rng.integers(0, net.classes, batch)
    shared = net.trace(x, y, lr=0.3)
    shared_ids = {id(a) for s in shared for a in s.arrays.values()}
    with monkeypatch.context() as m:
        _every_array_copied(m)
        own = net.trace(x, y, lr=0.3)
    own_ids = {id(a) for s in own for a in s.arrays.values()}
    assert len(shared_ids) < len(own_ids)           # sharing happened
    assert [(s.op, s.layer, s.stage) for s in shared] == [(s.op, s.layer, s.stage) for s in own]
    for a, b in zip(shared, own):
        assert a.arrays.keys() == b.arrays.keys()
        for key in a.arrays:
            np.testing.assert_array_equal(a.arrays[key], b.arrays[key], err_msg=f"{a.op} {a.layer} {key}")
            assert np.asarray(a.arrays[key]).dtype == np.asarray(b.arrays[key]).dtype
    updates = [s for s in shared if s.op.value == "update"]
    assert len(updates) == len(net.params)
    for key, upd in zip(net.params, updates):
        np.testing.assert_array_equal(shared.params_after[key], own.params_after[key])
        # the update's Δ and θ after it: before + Δ = after exactly, and after = θ − α·∂L/∂θ
        np.testing.assert_array_equal(upd.arrays["before"] + upd.arrays["delta"], upd.arrays["after"])
        np.testing.assert_array_equal(upd.arrays["after"], net.params[key] - 0.3 * shared.grads[key])


def test_recorded_arrays_do_not_follow_later_changes():
    """Sharing copies keeps them copies: changing the parameters afterwards (a training step)
    leaves every recorded array as it was."""
    net = Network(None, seed=1)
    x = np.random.default_rng(2).random((28, 28))
    tr = net.trace(x, 5)
    frozen = [{k: np.array(v, copy=True) for k, v in s.arrays.items()} for s in tr]
    net.sgd_step(x[None], [5], 0.5)
    x[...] = 0
    for s, before in zip(tr, frozen):
        for k, v in before.items():
            np.testing.assert_array_equal(s.arrays[k], v)
