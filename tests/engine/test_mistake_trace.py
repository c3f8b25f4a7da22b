"""The trace a mistake records: the right backward run substituted gives the engine's own trace back;
a mistake changes the δ from the step where it acts down, marks that step, and its update and rerun
use the mistaken gradients."""

import numpy as np
import pytest
from test_mistakes import CASES

from convviz.engine import Network, OpKind, mistakes
from convviz.engine.mistake_trace import acting_layers, substitute, trace_with_mistake

GRADIENT_ARRAYS = ("grad_output", "grad_input", "grad_W", "grad_b", "grad", "after")


def point(config, seed):
    rng = np.random.default_rng(seed)
    net = Network(config, seed=seed)
    for key, p in net.params.items():
        if key.endswith(".b"):
            p[...] = rng.normal(0, 0.3, p.shape)
    h, w = net.config["input"]
    return net, rng.random((h, w)), int(rng.integers(net.classes))


def assert_same(a, b):
    np.testing.assert_allclose(np.asarray(a, np.float64), np.asarray(b, np.float64), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", mistakes.NAMES)
def test_substituting_the_right_backward_gives_the_engines_trace(name):
    net, x, y = point(CASES[name][0], 3)
    trace = net.trace(x, y, 0.05)
    again = substitute(net, trace, x, y, None)
    assert len(again) == len(trace)
    for s, t in zip(trace, again):
        assert s.op == t.op and s.stage == t.stage and set(s.arrays) == set(t.arrays) and "mistake" not in t.meta
        for key in s.arrays:
            assert np.shape(s.arrays[key]) == np.shape(t.arrays[key]), (s.op, key)
            assert_same(s.arrays[key], t.arrays[key])
    for key in trace.grads:
        assert_same(trace.grads[key], again.grads[key])
        assert np.shape(trace.grads[key]) == np.shape(again.grads[key])
    assert again.loss_after == pytest.approx(trace.loss_after, rel=1e-12)
    assert_same(again.probs_after, trace.probs_after)


@pytest.mark.parametrize("name", mistakes.NAMES)
def test_a_mistake_acts_at_its_step_and_spoils_what_lies_below(name):
    config, spoiled = CASES[name]
    net, x, y = point(config, 4)
    right = net.trace(x, y, 0.05)
    wrong = trace_with_mistake(net, x, y, 0.05, name)
    _, grads, _ = mistakes.backward(net, x, y, name)
    marked = [s for s in wrong if s.meta.get("mistake") == name]
    assert marked and {s.layer for s in marked} == acting_layers(net, name)
    first = min(s.index for s in marked)
    for s, t in zip(right, wrong):
        for key in GRADIENT_ARRAYS:
            if key not in s.arrays:
                continue
            same = np.allclose(s.arrays[key], t.arrays[key], rtol=1e-12, atol=1e-15)
            if s.index < first or (key == "grad_output" and s.index == first):
                assert same, (s.op, s.layer, key)        # above the mistake: the right δ
    for s in marked:                                    # where it acts, its output is wrong
        key = "grad_b" if s.op == OpKind.CONV_DB else "grad_input"
        assert not np.allclose(right[s.index].arrays[key], s.arrays[key]), (s.op, s.layer)
    for key in net.params:                              # the update applies the mistaken gradients
        step = next(s for s in wrong if s.op == OpKind.UPDATE and s.stage.name == key)
        assert_same(step.arrays["grad"], grads[key])
        assert_same(step.arrays["after"], net.params[key] - 0.05 * grads[key])
        assert_same(wrong.params_after[key], step.arrays["after"])
        assert np.allclose(wrong.grads[key], right.grads[key]) == (key not in spoiled)
    np.testing.assert_array_equal(wrong.grads["input"], grads["input"])
    assert np.allclose(wrong.grads["input"], right.grads["input"]) == ("input" not in spoiled)
    # The rerun is the forward run of the mistaken update: what net.trace would record from there.
    moved = Network(net.config)
    for key in moved.params:
        moved.params[key] = wrong.params_after[key].copy()
    assert wrong.loss_after == pytest.approx(moved.trace(x, y, 0.05).loss, rel=1e-12)
    assert_same(wrong.probs_after, moved.forward(x))


def test_without_a_mistake_the_trace_is_the_engines():
    net, x, y = point(CASES["no-sigma-prime"][0], 5)
    trace = trace_with_mistake(net, x, y, 0.1, None)
    assert all("mistake" not in s.meta for s in trace)
    assert_same(trace.grads["conv1.W"], net.trace(x, y, 0.1).grads["conv1.W"])


def test_a_mistake_with_nothing_to_act_on_marks_no_step():
    config = dict(CASES["maxpool-to-all"][0])
    config["conv"] = [dict(config["conv"][0], pool="avg")]
    net, x, y = point(config, 6)
    wrong = trace_with_mistake(net, x, y, 0.1, "maxpool-to-all")
    assert acting_layers(net, "maxpool-to-all") == set()
    assert not any("mistake" in s.meta for s in wrong)
    assert_same(wrong.grads["conv1.W"], net.trace(x, y, 0.1).grads["conv1.W"])


@pytest.mark.parametrize("activation", ["identity", "sigmoid", "relu", "leaky_relu", "elu", "softplus"])
@pytest.mark.parametrize("pool", ["max", "avg", "l2", "none"])
@pytest.mark.parametrize("loss, output", [("cross_entropy", "softmax"), ("mse", "sigmoid"), ("l1", "softmax"),
                                          ("msle", "sigmoid")])
def test_every_activation_pooling_and_loss_keeps_the_mapping(activation, pool, loss, output):
    """The right backward substituted is the engine's trace for every kind of op, strides and paddings too."""
    config = {"input": [9, 9], "conv": [{"kernels": 2, "size": 3, "stride": 2, "padding": 1,
                                          "activation": activation, "pool": pool, "pool_size": 2, "pool_stride": 1}],
              "dense": [] if pool == "l2" else [{"units": 3, "activation": activation}],
              "output": {"classes": 3, "activation": output}, "loss": loss}
    net, x, y = point(config, 7)
    trace = net.trace(x, y, 0.05)
    again = substitute(net, trace, x, y, None)
    for s, t in zip(trace, again):
        for key in s.arrays:
            assert np.shape(s.arrays[key]) == np.shape(t.arrays[key]), (s.op, key)
            assert_same(s.arrays[key], t.arrays[key])
    assert again.loss_after == pytest.approx(trace.loss_after, rel=1e-12)
