"""What each choice does (no Qt): the loss table equals the engine's losses and gradients, pairing
warnings, activation curves, and one window under each pooling kind checked by hand."""

import numpy as np
import pytest

from convviz.engine import Network, OpKind
from convviz.engine.config import LOSS_NAMES
from convviz.gui.panels.editor.choices import (
    activation_curve,
    activation_point,
    loss_table,
    pairing_warnings,
    pooling_kinds,
)
from convviz.gui.panels.editor.presets import TINY


@pytest.mark.parametrize("output", ["softmax", "sigmoid"])
def test_loss_table_equals_the_engines_loss_and_gradient_for_each_loss(output):
    x = np.random.default_rng(0).random((8, 8))
    rows = None
    for loss in LOSS_NAMES:
        net = Network(dict(TINY.config, loss=loss, output={"classes": 10, "activation": output}), seed=1)
        trace = net.trace(x, 3)
        out = next(s for s in trace if s.op == OpKind.OUTPUT)
        grad = next(s for s in trace if s.op == OpKind.LOSS_GRAD).arrays["grad_input"]
        rows, wrong = loss_table(out.arrays["output"], out.arrays["input"], 3, output)
        row = next(r for r in rows if r.loss == loss)
        assert row.value == trace.loss                   # the very number the iteration shows
        assert row.grad_target == grad[3] and row.grad_wrong == grad[wrong]
        probs = out.arrays["output"].copy()
        probs[3] = -1
        assert wrong == int(np.argmax(probs))
    assert [r.loss for r in rows] == list(LOSS_NAMES)


def test_cross_entropy_pushes_harder_than_mse_on_a_confident_mistake():
    yhat = np.array([0.98] + [0.02 / 9] * 9)
    z = np.log(yhat)
    rows, wrong = loss_table(yhat, z, 5, "softmax")
    by = {r.loss: r for r in rows}
    assert wrong == 0
    assert abs(by["cross_entropy"].grad_target) > 100 * abs(by["mse"].grad_target)
    np.testing.assert_allclose(by["cross_entropy"].value, -np.log(yhat[5]))
    np.testing.assert_allclose(by["mse"].grad_target, 2 / 10 * (yhat[5] - 1))


def test_pairing_warnings():
    assert "learns slowly" in pairing_warnings("mse", "sigmoid")[0]
    assert "floor ε = 0.01" in pairing_warnings("mape", "softmax")[0]
    assert pairing_warnings("cross_entropy", "sigmoid") == []
    assert pairing_warnings("mse", "softmax") == []


def test_activation_curve_and_point():
    x, s, d = activation_curve("relu", [-7.0, 2.0])
    assert x[0] == -7.0 and x[-1] == 4.0
    np.testing.assert_array_equal(s, np.maximum(x, 0))
    assert activation_point("sigmoid", 0.0) == (0.0, 0.5, 0.25)
    assert activation_point("relu", -1.5) == (-1.5, 0.0, 0.0)


def test_one_window_under_each_pooling_kind():
    w = np.array([[1.0, -3.0], [2.0, 2.0]])
    kinds = pooling_kinds(w, delta=0.5)
    p, g = kinds["max"]
    assert p == 2.0 and g.tolist() == [[0, 0], [0.5, 0]]          # the first of the tied maxima
    p, g = kinds["avg"]
    assert p == 0.5 and g.tolist() == [[0.125] * 2] * 2
    p, g = kinds["l2"]
    np.testing.assert_allclose(p, np.sqrt(18))
    np.testing.assert_allclose(g, 0.5 * w / np.sqrt(18))
