"""Known values: Eq. 2.1 sizes, the default network's shapes, hand-computed conv, activation
and loss values from MATH.md's tables, and numerically stable outputs for huge logits."""

import math

import numpy as np
import pytest

from convviz.engine import DEFAULT_CONFIG, Network, conv_output_size, losses
from convviz.engine import activations as act
from convviz.engine.config import LOSS_NAMES, OUTPUT_ACTIVATIONS, skipped_border
from convviz.engine.conv import conv_backward, conv_forward

from engine_helpers import forward_values, small_config

# ---- Eq. 2.1 --------------------------------------------------------------------------

@pytest.mark.parametrize("n,k,p,s,size,skipped", [
    (28, 5, 0, 1, 24, 0),
    (32, 3, 1, 2, 16, 1),     # (32 − 3 + 2)/2 + 1 = 16.5 → 16: the last padded row is never reached
    (7, 3, 0, 2, 3, 0),       # (7 − 3)/2 + 1 = 3 exactly: windows at 0, 2, 4 reach row 6
    (8, 3, 0, 2, 3, 1),       # (8 − 3)/2 + 1 = 3.5 → 3: row 7 is skipped
    (5, 5, 0, 1, 1, 0),
    (24, 2, 0, 2, 12, 0),     # the default max pool
    (3, 2, 3, 1, 8, 0),
])
def test_eq_2_1(n, k, p, s, size, skipped):
    assert conv_output_size(n, k, p, s) == size
    assert skipped_border(n, k, p, s) == skipped


def test_default_shapes():
    net = Network()
    assert net.shapes() == [
        ("input", (1, 28, 28)),
        ("conv1.kernels", (8, 1, 5, 5)),
        ("conv1.feature_maps", (8, 24, 24)),
        ("conv1.activated", (8, 24, 24)),
        ("conv1.pooled", (8, 12, 12)),
        ("flatten", (1152,)),
        ("dense1.z", (64,)),
        ("dense1.a", (64,)),
        ("out.z", (10,)),
        ("out.probs", (10,)),
        ("loss", ()),
    ]
    assert [s.id.name for s in net.stages()] == [name for name, _ in net.shapes()]
    assert {k: v.shape for k, v in net.params.items()} == {
        "conv1.W": (8, 1, 5, 5), "conv1.b": (8,), "dense1.W": (64, 1152), "dense1.b": (64,),
        "out.W": (10, 64), "out.b": (10,)}
    assert net.parameter_count() == 8 * 25 + 8 + 64 * 1152 + 64 + 10 * 64 + 10
    assert net.config == {**DEFAULT_CONFIG, "conv": [{**DEFAULT_CONFIG["conv"][0], "size": [5, 5],
                                                      "stride": [1, 1], "padding": [0, 0],
                                                      "pool_size": [2, 2], "pool_stride": [2, 2]}]}


@pytest.mark.parametrize("cfg", [
    None,
    small_config([{"kernels": 3, "size": [3, 2], "stride": [2, 1], "padding": [1, 0], "pool": "avg",
                   "pool_size": [2, 3], "pool_stride": [1, 2]},
                  {"kernels": 2, "size": 2, "pool": "none"}], dense=[{"units": 7}], input=(13, 10)),
    small_config([{"kernels": 2, "size": 3, "stride": 3, "pool": "l2", "pool_size": 1},
                  {"kernels": 4, "size": 1, "pool": "max", "pool_size": 2, "pool_stride": 1},
                  {"kernels": 1, "size": 1, "padding": 2, "pool": "none"}], input=(9, 11)),
])
def test_shapes_match_what_forward_computes(cfg):
    net = Network(cfg)
    stages = dict(net.shapes())
    steps, yhat = forward_values(net, np.zeros((2, *net.config["input"])))
    for op, _a, y, _cache in steps:
        assert y.shape[1:] == stages[op.stage.name], op.stage
    assert yhat.shape[1:] == stages["out.probs"]


# ---- convolution by hand ----------------------------------------------------------------

def test_hand_computed_conv():
    I = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)      # [[1 2 3] [4 5 6] [7 8 9]]
    K = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    out, cache = conv_forward(I, K, np.array([0.5]))
    # C[0,0] = 1·1 + 2·2 + 4·3 + 5·4 = 37, C[0,1] = 2 + 6 + 15 + 24 = 47, ...
    np.testing.assert_array_equal(out, [[[[37.5, 47.5], [67.5, 77.5]]]])
    dx, dK, db = conv_backward(np.ones_like(out), cache)
    np.testing.assert_array_equal(dK, [[[[12.0, 16.0], [24.0, 28.0]]]])   # sums of the four patches
    np.testing.assert_array_equal(db, [4.0])
    # Each pixel collects the kernel weights that met it: the corner one weight, the centre all.
    np.testing.assert_array_equal(dx, [[[[1, 3, 2], [4, 10, 6], [3, 7, 4]]]])

    # Stride 2 with padding 1: the 5 × 5 padded input gives (3 − 2 + 2)/2 + 1 = 2 (rounded down).
    out, cache = conv_forward(I, K, np.array([0.0]), (2, 2), (1, 1))
    # windows at padded (0,0): [[0 0] [0 1]], (0,2): [[0 0] [2 3]], (2,0): [[0 4] [0 7]], (2,2): [[5 6] [8 9]]
    np.testing.assert_array_equal(out, [[[[4.0, 18.0], [36.0, 77.0]]]])
    dx, dK, db = conv_backward(np.ones_like(out), cache)
    np.testing.assert_array_equal(dx, [[[[4, 3, 4], [2, 1, 2], [4, 3, 4]]]])
    np.testing.assert_array_equal(dK, [[[[5.0, 10.0], [10.0, 20.0]]]])


def test_tiny_network_by_hand():
    """A 1 × 1 kernel on a 2 × 2 image, max pool, softmax over 2 classes: every number by hand."""
    cfg = {"input": [2, 2], "conv": [{"kernels": 1, "size": 1, "activation": "relu", "pool": "max",
                                      "pool_size": 2}],
           "output": {"classes": 2}}
    net = Network(cfg)
    net.params["conv1.W"][...] = 2.0
    net.params["conv1.b"][...] = -1.0
    net.params["out.W"][...] = [[1.0], [-1.0]]
    net.params["out.b"][...] = [0.0, 0.5]
    x = np.array([[0.25, 1.0], [0.5, 0.0]])
    # C = 2x − 1 = [[−0.5, 1], [0, −1]] → ReLU [[0, 1], [0, 0]] → max 1 → z = [1, −0.5]
    p = 1 / (1 + math.exp(-1.5))
    np.testing.assert_allclose(net.forward(x), [p, 1 - p], rtol=1e-14)
    loss, g = net.loss_and_gradients(x, 0)
    assert loss == pytest.approx(-math.log(p), rel=1e-15)
    dz = np.array([p - 1, 1 - p])                  # ŷ − y
    np.testing.assert_allclose(g["out.b"], dz, rtol=1e-15)
    np.testing.assert_allclose(g["out.W"], dz[:, None] * 1.0, rtol=1e-15)
    d_pool = dz @ np.array([1.0, -1.0])            # (W^(L+1))ᵀ δ = 2(p − 1)
    np.testing.assert_allclose(g["conv1.b"], [d_pool], rtol=1e-15)           # only C[0,1] live
    np.testing.assert_allclose(g["conv1.W"], [[[[d_pool * 1.0]]]], rtol=1e-15)
    np.testing.assert_allclose(g["input"], [[0, 2 * d_pool], [0, 0]], rtol=1e-15)


# ---- activations ----------------------------------------------------------------------

X = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
ACT_VALUES = {
    "identity": (X, np.ones(5)),
    "sigmoid": (1 / (1 + np.exp(-X)), np.exp(-X) / (1 + np.exp(-X)) ** 2),
    "tanh": (np.tanh(X), 1 / np.cosh(X) ** 2),
    "relu": ([0, 0, 0, 0.5, 2], [0, 0, 0, 1, 1]),                  # ReLU′(0) = 0, as PyTorch
    "leaky_relu": ([-0.02, -0.005, 0, 0.5, 2], [0.01, 0.01, 0.01, 1, 1]),
    "elu": ([math.exp(-2) - 1, math.exp(-0.5) - 1, 0, 0.5, 2], [math.exp(-2), math.exp(-0.5), 1, 1, 1]),
    "softplus": (np.log(1 + np.exp(X)), 1 / (1 + np.exp(-X))),
}


@pytest.mark.parametrize("name", list(ACT_VALUES))
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_activation_values(name, dtype):
    value, slope = ACT_VALUES[name]
    x = X.astype(dtype)
    tol = 1e-15 if dtype == np.float64 else 1e-6
    assert act.activate(name, x).dtype == dtype and act.derivative(name, x).dtype == dtype
    np.testing.assert_allclose(act.activate(name, x), value, rtol=tol, atol=tol)
    np.testing.assert_allclose(act.derivative(name, x), slope, rtol=tol, atol=tol)
    big = np.array([-1000.0, 1000.0], dtype)
    assert np.isfinite(act.activate(name, big)).all() and np.isfinite(act.derivative(name, big)).all()


def test_softmax_values():
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]])
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(act.softmax(z)[0], e / e.sum(), rtol=1e-15)
    np.testing.assert_array_equal(act.softmax(z)[1], [1.0, 0.0, 0.0])
    # the Jacobian-vector product equals (diag(ŷ) − ŷŷᵀ) v
    yhat = act.softmax(z[:1])[0]
    v = np.array([0.3, -1.0, 2.0])
    np.testing.assert_allclose(act.softmax_backward(v[None], yhat[None])[0],
                               (np.diag(yhat) - np.outer(yhat, yhat)) @ v, rtol=1e-14)


# ---- losses: MATH.md's table, through the whole network --------------------------------

def math_md_loss(loss, out_act, yhat, y):
    """L(ŷ, y) for one example, written straight from MATH.md's table."""
    t = len(y)
    if loss == "cross_entropy" and out_act == "sigmoid":
        return -sum(y[i] * math.log(yhat[i]) + (1 - y[i]) * math.log(1 - yhat[i]) for i in range(t))
    if loss == "cross_entropy":
        return -sum(y[i] * math.log(yhat[i]) for i in range(t))
    if loss == "mse":
        return sum((y[i] - yhat[i]) ** 2 for i in range(t)) / t
    if loss == "msle":
        return sum((math.log(1 + y[i]) - math.log(1 + yhat[i])) ** 2 for i in range(t)) / t
    if loss == "l2":
        return sum((y[i] - yhat[i]) ** 2 for i in range(t))
    if loss == "l1":
        return sum(abs(y[i] - yhat[i]) for i in range(t))
    if loss == "mae":
        return sum(abs(y[i] - yhat[i]) for i in range(t)) / t
    if loss == "mape":
        return 100 / t * sum(abs((y[i] - yhat[i]) / max(abs(y[i]), losses.MAPE_EPSILON)) for i in range(t))
    raise AssertionError(loss)


@pytest.mark.parametrize("out_act", OUTPUT_ACTIVATIONS)
@pytest.mark.parametrize("loss", LOSS_NAMES)
def test_loss_values_follow_math_md(loss, out_act):
    cfg = small_config([{"kernels": 1, "size": 2, "pool": "none"}], classes=4, output=out_act,
                       loss=loss, input=(4, 4))
    net = Network(cfg)
    z = np.array([0.7, -1.2, 2.0, 0.1])
    net.params["out.W"][...] = 0.0                 # z^(L+1) = b exactly
    net.params["out.b"][...] = z
    yhat = np.exp(z) / np.exp(z).sum() if out_act == "softmax" else 1 / (1 + np.exp(-z))
    x = np.random.default_rng(0).random((3, 4, 4))
    labels = np.array([2, 0, 3])
    np.testing.assert_allclose(net.forward(x), np.tile(yhat, (3, 1)), rtol=1e-15)
    expected = np.mean([math_md_loss(loss, out_act, yhat, np.eye(4)[k]) for k in labels])
    got, grads = net.loss_and_gradients(x, labels)
    assert got == pytest.approx(expected, rel=1e-13)
    # With out.W = 0 nothing flows below the output layer.
    assert np.all(grads["dense1.W" if "dense1.W" in grads else "conv1.W"] == 0)


def test_mape_epsilon():
    assert losses.MAPE_EPSILON == 1e-2
    terms = losses.loss_terms("mape", "softmax", np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]]), None)
    np.testing.assert_allclose(terms, [[100 / 2 * 0.5, 100 / 2 * 0.5 / 1e-2]])


# ---- huge logits stay finite ------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("out_act", OUTPUT_ACTIVATIONS)
def test_cross_entropy_with_logits_of_1000(out_act, dtype):
    cfg = small_config([{"kernels": 2, "size": 3}], dense=[{"units": 3}], classes=3, output=out_act,
                       input=(6, 6))
    net = Network(cfg, dtype=dtype)
    net.params["out.W"][...] = 0.0
    net.params["out.b"][...] = [1000.0, -1000.0, 0.0]
    x = np.random.default_rng(1).random((6, 6))
    if out_act == "softmax":
        # L = logsumexp(z) − z_label: 0 for the label with z = 1000, 2000 for z = −1000
        analytic = {0: 0.0, 1: 2000.0, 2: 1000.0}
    else:
        # L = Σ_i y_i·softplus(−z_i) + (1 − y_i)·softplus(z_i), softplus(±1000) = 1000 or 0
        analytic = {0: math.log(2), 1: 2000 + math.log(2), 2: 1000 + math.log(2)}
    for label, expected in analytic.items():
        loss, grads = net.loss_and_gradients(x, label)
        assert loss == pytest.approx(expected, rel=1e-6, abs=1e-6), label
        for key, g in grads.items():
            assert np.isfinite(g).all(), key
        yhat = net.forward(x)
        assert np.isfinite(yhat).all()
        np.testing.assert_allclose(grads["out.b"], yhat - np.eye(3)[label], atol=1e-6)
        trace = net.trace(x, label)
        for s in trace:
            for name, a in s.arrays.items():
                assert np.isfinite(a).all(), (s.op, name)
        assert np.isfinite(trace.loss_after)


# ---- gradient descent ------------------------------------------------------------------

def test_sgd_step():
    net = Network(small_config([{"kernels": 2, "size": 3}], dense=[{"units": 4}], input=(7, 7)), seed=3)
    x = np.random.default_rng(4).random((3, 7, 7))
    y = np.array([0, 2, 1])
    before = {k: v.copy() for k, v in net.params.items()}
    loss, grads = net.loss_and_gradients(x, y, need_input_grad=False)
    assert "input" not in grads
    assert net.sgd_step(x, y, 0.05) == loss
    for k in before:
        np.testing.assert_array_equal(net.params[k], before[k] - 0.05 * grads[k])
    assert net.loss_and_gradients(x, y)[0] < loss


def test_initialisation():
    a, b, c = Network(seed=1), Network(seed=1), Network(seed=2)
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])
        if k.endswith(".b"):
            assert np.all(a.params[k] == 0)
        else:
            assert not np.array_equal(a.params[k], c.params[k])
    # He-normal before ReLU: std √(2 / fan_in)
    assert np.std(a.params["dense1.W"]) == pytest.approx(math.sqrt(2 / 1152), rel=0.02)
    assert Network(dtype=np.float32).params["conv1.W"].dtype == np.float32
