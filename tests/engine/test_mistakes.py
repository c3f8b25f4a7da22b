"""The classic backprop mistakes: each fails the gradient check, and only in the arrays it should affect.

Every element is checked, at points away from kinks, in a network chosen so the mistake acts.
"""

import numpy as np
import pytest

from convviz.engine import gradcheck, mistakes
from convviz.engine.conv import conv_backward, conv_forward
from convviz.engine.kinks import forward_run

from engine_helpers import draw_point, small_config


def block(activation="tanh", pool="avg", kernels=2, size=3, **kw):
    return {"kernels": kernels, "size": size, "activation": activation, "pool": pool, "pool_size": 2} | kw


# For each mistake, a network where it acts, and the arrays it must spoil there.
CASES = {
    "no-sigma-prime": (small_config([block("tanh", "avg")], dense=[{"units": 4, "activation": "sigmoid"}],
                                    input=(7, 7)),
                       {"conv1.W", "conv1.b", "dense1.W", "dense1.b", "input"}),
    # Two blocks: conv2's ∂L/∂P reaches conv1's parameters, conv1's reaches only the input.
    "flipped-kernel": (small_config([block("tanh", "none", padding=1), block("tanh", "avg")],
                                    dense=[{"units": 3, "activation": "tanh"}], input=(7, 7)),
                       {"conv1.W", "conv1.b", "input"}),
    "maxpool-to-all": (small_config([block("tanh", "max")], dense=[{"units": 4, "activation": "tanh"}],
                                    input=(8, 8)),
                       {"conv1.W", "conv1.b", "input"}),
    "avgpool-no-mean": (small_config([block("tanh", "avg")], dense=[{"units": 4, "activation": "tanh"}],
                                     input=(8, 8)),
                        {"conv1.W", "conv1.b", "input"}),
    "bias-no-sum": (small_config([block("tanh", "max", padding=1), block("softplus", "none", padding=1)],
                                 dense=[{"units": 3, "activation": "tanh"}], input=(7, 7)),
                    {"conv1.b", "conv2.b"}),
}


def test_every_mistake_has_a_case_name_and_sentence():
    assert set(CASES) == set(mistakes.NAMES) and len(set(mistakes.NAMES)) == len(mistakes.MISTAKES)
    for m in mistakes.MISTAKES:
        assert m.explanation.endswith(".") and m.wrong != m.right and m.needs
        assert mistakes.get(m.name) is m
    with pytest.raises(ValueError, match="no-sigma-prime"):
        mistakes.get("nope")


@pytest.mark.parametrize("name", mistakes.NAMES)
def test_mistake_fails_the_check_only_where_it_acts(name):
    config, spoiled = CASES[name]
    rng = np.random.default_rng(10 + mistakes.NAMES.index(name))
    net, x, y = draw_point(config, 2, rng)
    assert mistakes.get(name).affects(net) == spoiled
    result = gradcheck.check_network(net, x, y, mistake=name)
    assert result.mistake == name
    failed = {p.key for p in result.parameters if not p.passed}
    assert failed == spoiled
    for p in result.parameters:
        assert not p.at_kink.any(), p.key
        if p.key in spoiled:
            # Not a rounding slip: wrong in the first digits somewhere.
            assert p.worst > 1e-3, p.key
    # The engine itself is untouched by it: its own gradients still pass.
    assert gradcheck.check_network(net, x, y).passed


@pytest.mark.parametrize("name", mistakes.NAMES)
def test_without_a_mistake_the_walk_is_the_engines(name):
    config, _ = CASES[name]
    rng = np.random.default_rng(20 + mistakes.NAMES.index(name))
    net, x, y = draw_point(config, 3, rng)
    loss, grads = net.loss_and_gradients(x, y)
    loss2, grads2, deltas = mistakes.backward(net, x, y)
    assert loss2 == loss and set(grads2) == set(grads)
    for key in grads:
        np.testing.assert_allclose(grads2[key], grads[key], rtol=1e-12, atol=1e-15, err_msg=key)
    # A δ per stage, in that stage's shape (checked by value in test_gradcheck_api).
    for op, _a, out in forward_run(net, x, y).stages:
        assert deltas[op.stage.name].shape == out.shape, op.stage


def test_own_input_gradient_with_the_right_kernel_is_the_engines():
    """The flipped-kernel mistake flips the kernel in a hand-written ∂L/∂I; unflipped, that same
    code gives the engine's ∂L/∂I, so the flip is the only difference."""
    rng = np.random.default_rng(30)
    x = rng.standard_normal((2, 3, 7, 6))
    W = rng.standard_normal((4, 3, 3, 2))
    for stride, padding in [((1, 1), (0, 0)), ((2, 1), (1, 2)), ((2, 3), (0, 1))]:
        out, cache = conv_forward(x, W, np.zeros(4), stride, padding)
        dout = rng.standard_normal(out.shape)
        expected = conv_backward(dout, cache)[0]
        np.testing.assert_allclose(mistakes.input_gradient(dout, W, x.shape, stride, padding), expected,
                                   rtol=1e-12, atol=1e-12)


def test_a_mistake_with_nothing_to_act_on_changes_nothing():
    config, _ = CASES["maxpool-to-all"]            # max pooling: no average pool to drop 1/N from
    rng = np.random.default_rng(40)
    net, x, y = draw_point(config, 1, rng)
    assert mistakes.get("avgpool-no-mean").affects(net) == set()
    assert gradcheck.check_network(net, x, y, mistake="avgpool-no-mean").passed
    one_by_one = small_config([block("tanh", "avg", size=1)], input=(4, 4))
    net, x, y = draw_point(one_by_one, 1, rng)
    assert mistakes.get("flipped-kernel").affects(net) == set()    # a 1 × 1 kernel is its own flip
    assert gradcheck.check_network(net, x, y, mistake="flipped-kernel").passed
