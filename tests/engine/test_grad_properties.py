"""Hypothesis property tests over random valid network configurations.

Each example draws a configuration (input size, 1-3 conv blocks with kernels, rectangular
sizes, strides, paddings, pooling kind/size/stride, dense layers, activations, output, loss)
and a batch, then checks a random sample of elements of every gradient array by central
differences, away from kinks as in test_gradcheck.py.
"""

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from convviz.engine import Network, losses, normalize_config
from convviz.engine.config import ACTIVATION_NAMES, LOSS_NAMES, OUTPUT_ACTIVATIONS, POOL_KINDS

from engine_helpers import check_gradients, draw_point


@st.composite
def configs(draw):
    """A valid configuration, built so every size fits (Eq. 2.1 applied as it is drawn)."""
    h, w = draw(st.integers(4, 13)), draw(st.integers(4, 13))
    cfg = {"input": [h, w], "conv": [], "dense": []}
    for _ in range(draw(st.integers(1, 3))):
        padding = [draw(st.integers(0, 2)), draw(st.integers(0, 2))]
        size = [draw(st.integers(1, min(4, h + 2 * padding[0]))),
                draw(st.integers(1, min(4, w + 2 * padding[1])))]
        stride = [draw(st.integers(1, 3)), draw(st.integers(1, 3))]
        h = (h - size[0] + 2 * padding[0]) // stride[0] + 1
        w = (w - size[1] + 2 * padding[1]) // stride[1] + 1
        pool = draw(st.sampled_from(POOL_KINDS))
        pool_size = [draw(st.integers(1, min(3, h))), draw(st.integers(1, min(3, w)))]
        pool_stride = [draw(st.integers(1, 3)), draw(st.integers(1, 3))]
        if pool != "none":
            h = (h - pool_size[0]) // pool_stride[0] + 1
            w = (w - pool_size[1]) // pool_stride[1] + 1
        cfg["conv"].append({"kernels": draw(st.integers(1, 3)), "size": size, "stride": stride,
                            "padding": padding, "activation": draw(st.sampled_from(ACTIVATION_NAMES)),
                            "pool": pool, "pool_size": pool_size, "pool_stride": pool_stride})
    for _ in range(draw(st.integers(0, 2))):
        cfg["dense"].append({"units": draw(st.integers(1, 5)),
                             "activation": draw(st.sampled_from(ACTIVATION_NAMES))})
    cfg["output"] = {"classes": draw(st.integers(2, 4)),
                     "activation": draw(st.sampled_from(OUTPUT_ACTIVATIONS))}
    cfg["loss"] = draw(st.sampled_from(LOSS_NAMES))
    return cfg


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cfg=configs(), batch=st.sampled_from([None, 1, 2, 3]), seed=st.integers(0, 2 ** 32 - 1))
def test_sampled_gradients_match_central_differences(cfg, batch, seed):
    normalize_config(cfg)   # the strategy only builds valid configurations
    rng = np.random.default_rng(seed)
    try:
        net, x, y = draw_point(cfg, batch or 1, rng, single=batch is None, tries=60)
    except AssertionError:
        assume(False)       # no kink-free point found for this network: not testable here
    errors = check_gradients(net, x, y, rng=rng, sample=6, require_nonzero=False)
    assert set(errors) == set(net.params) | {"input"}


@settings(max_examples=60, deadline=None)
@given(cfg=configs(), n=st.integers(2, 4), seed=st.integers(0, 2 ** 32 - 1))
def test_batch_rows_are_independent_and_float32_agrees(cfg, n, seed):
    """Each row of a batch is computed as if alone, and float32 tracks float64."""
    rng = np.random.default_rng(seed)
    net = Network(cfg, seed=seed % 1000)
    x = rng.random((n, *net.config["input"]))
    batch = net.forward(x)
    for i in range(n):
        np.testing.assert_allclose(net.forward(x[i]), batch[i], rtol=1e-12, atol=1e-15)
    assert np.isfinite(batch).all() and ((batch >= 0) & (batch <= 1)).all()
    if net.config["output"]["activation"] == "softmax":
        np.testing.assert_allclose(batch.sum(axis=-1), 1.0, rtol=1e-12)
    net32 = Network(cfg, seed=seed % 1000, dtype=np.float32)
    assert all(p.dtype == np.float32 for p in net32.params.values())
    y = rng.integers(0, net.classes, n)
    loss64, g64 = net.loss_and_gradients(x, y)
    loss32, g32 = net32.loss_and_gradients(x, y)
    assert all(g.dtype == np.float32 for g in g32.values())
    assert abs(loss32 - loss64) <= 1e-4 * max(1.0, abs(loss64))
    # float32 rounds the largest intermediate too: ∂L/∂ŷ, which is 100/(t·ε) = 2500 for MAPE,
    # leaves a few of its ulps in δ^(L+1) = J·∂L/∂ŷ after the softmax Jacobian cancels it down.
    yhat = net.forward(x)
    dyhat = losses.loss_gradient(net.config["loss"], net.config["output"]["activation"], yhat,
                                 np.eye(net.classes)[y])
    # (Cross-entropy never goes through ∂L/∂ŷ: its δ^(L+1) is ŷ − y directly.)
    floor = 0.0 if net.config["loss"] == "cross_entropy" else 4 * np.finfo(np.float32).eps * np.abs(dyhat).max()
    for key in g64:
        scale = max(np.abs(g64[key]).max(), 1e-3)
        np.testing.assert_allclose(g32[key], g64[key], atol=2e-4 * scale + floor, rtol=0, err_msg=key)
