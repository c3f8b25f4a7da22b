"""The public gradient check (convviz.engine.gradcheck): it passes on every activation × pooling ×
loss × output combination, shows one element's numbers, finds kinks, and fails a wrong gradient."""

import itertools

import numpy as np
import pytest

from convviz.engine import Network, gradcheck, mistakes
from convviz.engine.config import ACTIVATION_NAMES, LOSS_NAMES, OUTPUT_ACTIVATIONS, POOL_KINDS
from convviz.engine.kinks import forward_run

from engine_helpers import check_gradients, draw_point, small_config

COMBINATIONS = list(itertools.product(ACTIVATION_NAMES, POOL_KINDS, LOSS_NAMES, OUTPUT_ACTIVATIONS))


def small_net(activation="tanh", pool="max", loss="cross_entropy", output="softmax", input=(6, 6)):
    return small_config([{"kernels": 2, "size": 3, "activation": activation, "pool": pool, "pool_size": 2}],
                        dense=[{"units": 3, "activation": activation}], classes=3, output=output,
                        loss=loss, input=input)


@pytest.mark.parametrize("activation,pool,loss,output", COMBINATIONS,
                         ids=["-".join(c) for c in COMBINATIONS])
def test_every_combination_passes(activation, pool, loss, output):
    """Every element of every array, at a point away from kinks (check_gradients also fails on
    any ±ε step that crosses one and on an array whose checked gradients are all ~0)."""
    rng = np.random.default_rng(COMBINATIONS.index((activation, pool, loss, output)))
    net, x, y = draw_point(small_net(activation, pool, loss, output), 1, rng, single=True)
    errors = check_gradients(net, x, y)     # gradcheck.check_network on every element, asserted
    assert set(errors) == set(net.params) | {"input"}


def test_element_check_shows_its_numbers():
    rng = np.random.default_rng(1)
    net, x, y = draw_point(small_net(), 1, rng, single=True)
    before = {k: v.copy() for k, v in net.params.items()}
    x_before = x.copy()
    e = gradcheck.check_element(net, x, y, "conv1.W", (1, 0, 2, 0))
    # The two loss evaluations are the loss at θ ± ε, computed here by the engine itself.
    for sign, loss in ((1, e.loss_plus), (-1, e.loss_minus)):
        moved = Network(net.config)
        moved.params = {k: v.copy() for k, v in net.params.items()}
        moved.params["conv1.W"][1, 0, 2, 0] += sign * gradcheck.EPS
        assert moved.loss_and_gradients(x, y)[0] == loss
    assert e.numeric == (e.loss_plus - e.loss_minus) / (2 * e.eps)
    loss, grads = net.loss_and_gradients(x, y)
    assert e.loss == loss and e.analytic == grads["conv1.W"][1, 0, 2, 0]
    assert e.value == net.params["conv1.W"][1, 0, 2, 0]
    assert e.status == "pass" and e.rel_error < 1e-6 and e.kink is None
    # Nothing moved: parameters and the image are bit for bit what they were.
    assert all(np.array_equal(before[k], net.params[k]) for k in before)
    assert np.array_equal(x, x_before)


@pytest.mark.parametrize("key", ["input", "dense1.b", "out.W", "conv1.feature_maps", "conv1.activated",
                                 "conv1.pooled", "flatten", "dense1.z", "out.z", "out.probs"])
def test_element_check_of_parameters_pixels_and_hidden_deltas(key):
    """A feature-map pixel's δ is checked by nudging that value inside the forward run; the
    element checked is the one with the largest gradient, so it is never 0 against 0."""
    rng = np.random.default_rng(2)
    net, x, y = draw_point(small_net(), 1, rng, single=True)
    _, grads, deltas = mistakes.backward(net, x, y)
    g = grads[key] if key in grads else deltas[key]
    index = np.unravel_index(int(np.argmax(np.abs(g))), g.shape)
    e = gradcheck.check_element(net, x, y, key, index)
    assert e.status == "pass", e
    assert abs(e.analytic) > 1e-3 and e.analytic == g[index]
    assert f"= {e.numeric:.10g};  backprop: {e.analytic:.10g}" in e.numbers()


@pytest.mark.parametrize("loss,output",
                         [("cross_entropy", "softmax"), ("cross_entropy", "sigmoid"), ("mse", "softmax")])
def test_probability_delta_is_the_displayed_loss_gradient(loss, output):
    """∂L/∂ŷ is checked against the loss as a function of ŷ (its displayed form), batch of 2."""
    rng = np.random.default_rng(8)
    net, x, y = draw_point(small_net(loss=loss, output=output), 2, rng)
    indices = [(0, int(y[0])), (1, int(y[1]))]
    if (loss, output) != ("cross_entropy", "softmax"):     # there −y_i/ŷ_i is 0 off the target
        indices.append((1, (int(y[1]) + 1) % 3))
    for index in indices:
        e = gradcheck.check_element(net, x, y, "out.probs", index)
        assert e.status == "pass" and abs(e.analytic) > 1e-3, e


def test_small_networks_are_checked_whole():
    assert gradcheck.default_samples(Network(small_net())) is None
    assert gradcheck.default_samples(Network()) == gradcheck.SAMPLES


def test_a_wrong_gradient_fails_exactly_there():
    rng = np.random.default_rng(3)
    net, x, y = draw_point(small_net(), 1, rng, single=True)
    loss, grads = net.loss_and_gradients(x, y)
    wrong = {k: v.copy() for k, v in grads.items()}
    wrong["dense1.W"][1, 3] *= 1 + 1e-4         # off in the fifth digit

    class Wrapped:       # the same network, reporting one slightly wrong gradient
        def __getattr__(self, name):
            return getattr(net, name)

        def loss_and_gradients(self, x, y, need_input_grad=True):
            return loss, wrong

    result = gradcheck.check_network(Wrapped(), x, y)
    assert not result.passed
    assert [p.key for p in result.parameters if not p.passed] == ["dense1.W"]
    assert list(result["dense1.W"].failures) == [1 * net.params["dense1.W"].shape[1] + 3]


def test_sampling_progress_and_cancel():
    rng = np.random.default_rng(4)
    net, x, y = draw_point(small_net(input=(9, 9)), 1, rng, single=True)
    seen = []
    result = gradcheck.check_network(net, x, y, samples=5, seed=7, progress=lambda d, t: seen.append((d, t)))
    assert [p.checked for p in result.parameters] == [min(5, p.size) for p in result.parameters]
    assert len(set(result["input"].indices)) == 5
    total = sum(p.checked for p in result.parameters)
    assert seen == [(i, total) for i in range(1, total + 1)]
    again = gradcheck.check_network(net, x, y, samples=5, seed=7)
    assert all(np.array_equal(a.indices, b.indices) for a, b in zip(result.parameters, again.parameters))
    before = {k: v.copy() for k, v in net.params.items()}
    calls = []
    with pytest.raises(gradcheck.CheckCancelled):
        gradcheck.check_network(net, x, y, cancel=lambda: len(calls) > 3 or calls.append(1))
    assert all(np.array_equal(before[k], net.params[k]) for k in before)


def test_float32_network_is_refused_with_a_reason():
    net = Network(small_net(), dtype=np.float32)
    with pytest.raises(ValueError, match="float64"):
        gradcheck.check_network(net, np.zeros((6, 6)), 0)


# ---- kinks ------------------------------------------------------------------------------

def test_relu_at_exactly_zero_is_a_kink_not_a_failure():
    """A blank corner of the image and a zero bias put ReLU inputs at exactly 0: nudging the
    bias moves them to ±ε, onto two slopes, and the difference quotient is the mean of the two
    one-sided derivatives, not ReLU′(0) = 0. The check must say "kink", not "fail"."""
    rng = np.random.default_rng(5)
    cfg = small_config([{"kernels": 1, "size": 3, "activation": "relu", "pool": "none"}],
                       dense=[{"units": 3, "activation": "tanh"}], input=(6, 6))
    net, x, y = draw_point(cfg, 1, rng, single=True)
    x[:3, :3] = 0.0                         # one receptive field sees only zeros
    net.params["conv1.b"][:] = 0.0
    pre = forward_run(net, x, y).stages[0][2]
    assert pre[0, 0, 0, 0] == 0.0 and (pre != 0).sum() > 0
    e = gradcheck.check_element(net, x, y, "conv1.b", (0,))
    assert e.status == "kink" and e.kink.kind == "relu" and e.kink.layer == "conv1"
    assert e.rel_error > 1e-6               # it would have failed: no derivative exists there
    assert "corner at 0" in e.kink.why
    result = gradcheck.check_network(net, x, y)
    assert result.passed and result["conv1.b"].at_kink.all()
    assert any(k.kind == "relu" and k.distance == 0.0 for k in result.near_kinks)
    # A weight over that blank field does not move the zero ReLU input: no kink there.
    assert gradcheck.check_element(net, x, y, "conv1.W", (0, 0, 0, 0)).kink is None


def test_constructed_max_pool_tie_is_a_kink():
    """Two pixels of one max-pool window exactly equal, through an identity 1 × 1 conv."""
    rng = np.random.default_rng(6)
    cfg = small_config([{"kernels": 1, "size": 1, "activation": "identity", "pool": "max", "pool_size": 2}],
                       dense=[{"units": 3, "activation": "tanh"}], input=(4, 4))
    net, x, y = draw_point(cfg, 1, rng, single=True)
    net.params["conv1.W"][...] = 1.0
    net.params["conv1.b"][...] = 0.0
    x = np.full((4, 4), 0.1)
    x[0, 0] = x[1, 1] = 0.9                 # the top-left window's maximum, twice
    x[2:, 2:] = [[0.3, 0.8], [0.5, 0.2]]
    e = gradcheck.check_element(net, x, y, "input", (1, 1))
    assert e.status == "kink" and e.kink.kind == "max_pool_tie"
    assert e.rel_error > 1e-6
    # The untied window's maximum has a derivative, and the check passes there.
    assert gradcheck.check_element(net, x, y, "input", (2, 3)).status == "pass"
    near = gradcheck.kinks_near(net, x, y, margin=1e-3)
    assert near == []                       # an exact tie is judged per element, by the ±ε runs
    x[1, 1] = 0.9 + 1e-4                    # a near tie, inside the margin
    near = gradcheck.kinks_near(net, x, y, margin=1e-3)
    assert [(k.layer, k.kind, k.index) for k in near] == [("conv1", "max_pool_tie", (0, 0, 0, 0))]
    assert near[0].distance == pytest.approx(1e-4)
