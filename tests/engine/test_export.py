"""The whole iteration as an .npz and a JSON index, written atomically and never non-finite."""

import json

import numpy as np
import pytest

from convviz.engine import Network
from convviz.engine.export import save_iteration


def _trace():
    x = np.zeros((28, 28), np.float32)
    x[6:22, 12:16] = 1.0
    return Network(seed=0).trace(x, 1, lr=0.01)


def test_every_step_with_its_number_op_and_equation(tmp_path):
    trace = _trace()
    npz, index_path = save_iteration(trace, tmp_path / "it")
    assert npz.name == "it.npz" and index_path.name == "it.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    assert [s["step"] for s in index["steps"]] == list(range(1, len(trace) + 1))
    with np.load(npz) as data:
        for step, rec in zip(trace, index["steps"]):
            assert rec["op"] == str(step.op) and rec["equation"] == step.equation and rec["phase"] == step.phase
            for name, a in step.arrays.items():
                np.testing.assert_array_equal(data[f"{rec['key']}/{name}"], a)
                assert rec["arrays"][name] == list(np.shape(a))
    assert index["loss"] == trace.loss and index["arrays_file"] == "it.npz"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []      # no temp file left


def test_non_finite_values_are_never_saved(tmp_path):
    trace = _trace()
    trace[3].arrays["output"] = trace[3].arrays["output"].copy()
    trace[3].arrays["output"].flat[0] = np.nan
    with pytest.raises(ValueError, match="step 4 .*non-finite"):
        save_iteration(trace, tmp_path / "bad.npz")
    assert list(tmp_path.iterdir()) == []
