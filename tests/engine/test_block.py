"""The fused conv → ReLU → max-pool kernel against the separate ops (the general path)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convviz.engine import DEFAULT_CONFIG, Network
from convviz.engine.block import block_backward, block_forward, fuses, recorded_argmax
from convviz.engine.conv import conv_backward, conv_forward
from convviz.engine.fused import ConvReluMaxPool
from convviz.engine.ops import Activation, Conv, Pool
from convviz.engine.pooling import pool_backward, pool_forward

from engine_helpers import check_gradients, draw_point, small_config

DIGITS = {"input": [28, 28],
          "conv": [{"kernels": 8, "size": 5, "activation": "relu", "pool": "max"},
                   {"kernels": 16, "size": 5, "activation": "relu", "pool": "max"}],
          "dense": [{"units": 64, "activation": "relu"}], "output": {"classes": 10}}


def general_block(x, W, b, stride, padding, pool):
    """The separate ops: conv, ReLU, max pooling, and their backward runs, as functions of δ_P."""
    maps, conv_cache = conv_forward(x, W, b, stride, padding)
    activated = np.maximum(maps, 0)
    pooled, pool_cache = pool_forward(activated, "max", pool, pool)

    def backward(dpooled, need_input_grad=True):
        d_maps = pool_backward(dpooled, pool_cache) * (maps > 0)
        return conv_backward(d_maps, conv_cache, need_input_grad)
    return maps, pooled, pool_cache[4], backward


@st.composite
def block_cases(draw):
    """A fusable block: random channels, kernel, stride, padding and pool size, a random batch,
    and either random reals or small integers (exact arithmetic: exact max-pool ties, ReLU
    inputs exactly 0, windows of zeros)."""
    c, d = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    k1, k2 = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    s1, s2 = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    z1, z2 = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    p1, p2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h1, w1 = p1 * draw(st.integers(1, 3)), p2 * draw(st.integers(1, 3))   # feature-map size
    h, w = (h1 - 1) * s1 + k1 - 2 * z1, (w1 - 1) * s2 + k2 - 2 * z2
    extra = (draw(st.integers(0, s1 - 1)), draw(st.integers(0, s2 - 1)))  # rows no window reaches
    h, w = h + extra[0], w + extra[1]
    if h < 1 or w < 1 or k1 > h + 2 * z1 or k2 > w + 2 * z2:
        h, w, z1, z2 = (h1 - 1) * s1 + k1, (w1 - 1) * s2 + k2, 0, 0
    n = draw(st.sampled_from([1, 2, 5]))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    integers = draw(st.booleans())
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    if integers:
        x = rng.integers(-1, 3, (n, c, h, w)).astype(dtype)
        W = rng.integers(-1, 2, (d, c, k1, k2)).astype(dtype)
        b = rng.integers(-1, 2, d).astype(dtype)
    else:
        x = rng.standard_normal((n, c, h, w)).astype(dtype)
        W = rng.standard_normal((d, c, k1, k2)).astype(dtype)
        b = rng.standard_normal(d).astype(dtype)
    return x, W, b, (s1, s2), (z1, z2), (p1, p2), integers, rng


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block_cases())
def test_fused_block_equals_the_separate_ops(case):
    x, W, b, stride, padding, pool, integers, rng = case
    assert fuses("relu", "max", pool, pool, conv_forward(x, W, b, stride, padding)[0].shape[2:])
    pooled, cache, maps = block_forward(x, W, b, stride, padding, pool, keep_maps=True)
    g_maps, g_pooled, g_argmax, g_backward = general_block(x, W, b, stride, padding, pool)
    dpooled = (rng.integers(-3, 4, pooled.shape) if integers else rng.standard_normal(pooled.shape)).astype(x.dtype)
    dx, dK, db = block_backward(dpooled, cache)
    g_dx, g_dK, g_db = g_backward(dpooled)
    _, dK_only, db_only = block_backward(dpooled, cache, need_input_grad=False)
    for a in (pooled, maps, dx, dK, db):
        assert a.dtype == x.dtype
    # The kernel's own stages are exactly the separate ops': max and ReLU are exact.
    np.testing.assert_array_equal(pooled, pool_forward(np.maximum(maps, 0), "max", pool, pool)[0])
    np.testing.assert_array_equal(recorded_argmax(cache), pool_forward(np.maximum(maps, 0), "max", pool, pool)[1][4])
    np.testing.assert_array_equal(dK_only, dK)
    np.testing.assert_array_equal(db_only, db)
    if integers:
        # Small integers are exact in both dtypes: every sum is exact whatever its order, so
        # ties and zeros route δ identically (the first largest offset, nothing where P = 0).
        for mine, theirs in ((maps, g_maps), (pooled, g_pooled), (dx, g_dx), (dK, g_dK), (db, g_db)):
            np.testing.assert_array_equal(mine, theirs)
        np.testing.assert_array_equal(recorded_argmax(cache), g_argmax)
    else:
        rtol = 1e-12 if x.dtype == np.float64 else 2e-5
        scale = lambda a: rtol * max(np.abs(a).max(), 1.0)   # noqa: E731
        for mine, theirs in ((maps, g_maps), (pooled, g_pooled), (dx, g_dx), (dK, g_dK), (db, g_db)):
            np.testing.assert_allclose(mine, theirs, rtol=rtol, atol=scale(theirs))


@pytest.mark.parametrize("chunk_bytes", [1, 200_000])
def test_chunks_of_a_batch_give_the_whole_batch(monkeypatch, chunk_bytes):
    """A batch cut into chunks (one image each, or a few) gives what the separate ops give,
    and each image's results do not depend on the chunk it landed in."""
    import convviz.engine.block as block
    rng = np.random.default_rng(5)
    x = rng.random((7, 3, 12, 12))
    x[:, :, :8] = 0                                     # blank rows: windows of exact ties
    W, b = rng.standard_normal((4, 3, 5, 5)), np.array([0.1, -0.1, 0.2, 0.05])   # ties above 0 and below
    dpooled = rng.standard_normal((7, 4, 4, 4))
    monkeypatch.setattr(block, "CHUNK_BYTES", chunk_bytes)
    pooled, cache, maps = block_forward(x, W, b, (1, 1), (0, 0), (2, 2), keep_maps=True)
    assert len(cache[2].chunks) == (7 if chunk_bytes == 1 else 2)
    dx, dK, db = block_backward(dpooled, cache)
    g_maps, g_pooled, g_argmax, g_backward = general_block(x, W, b, (1, 1), (0, 0), (2, 2))
    np.testing.assert_array_equal(recorded_argmax(cache), g_argmax)
    for mine, theirs in zip((maps, pooled, dx, dK, db), (g_maps, g_pooled, *g_backward(dpooled))):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("index_bytes", [0, 2 ** 20])
@pytest.mark.parametrize("padding", [(0, 0), (2, 1)])
def test_one_image_with_and_without_the_patch_index_map(monkeypatch, index_bytes, padding):
    """One image of several channels takes the index map (gather forward, weighted count
    backward) when it is small enough, else the strided copy and the folded kernels: both give
    what the separate ops give, exactly on integers (ties and exact zeros included)."""
    import convviz.engine.block as block
    monkeypatch.setattr(block, "INDEX_BYTES", index_bytes)
    monkeypatch.setattr(block, "_GEOMETRIES", {})
    rng = np.random.default_rng(6)
    x = rng.integers(-1, 3, (1, 3, 11, 10)).astype(np.float64)
    x[:, :, :4] = 0
    W = rng.integers(-1, 2, (4, 3, 4, 3)).astype(np.float64)
    b = np.array([0.0, 1.0, -1.0, 2.0])
    dpooled = rng.integers(-3, 4, (1, 4) + block_forward(x, W, b, (1, 1), padding, (2, 2))[0].shape[2:]).astype(float)
    pooled, cache, maps = block_forward(x, W, b, (1, 1), padding, (2, 2), keep_maps=True)
    assert (cache[2].patch_index() is None) == (index_bytes == 0)
    g_maps, g_pooled, g_argmax, g_backward = general_block(x, W, b, (1, 1), padding, (2, 2))
    np.testing.assert_array_equal(recorded_argmax(cache), g_argmax)
    for mine, theirs in zip((maps, pooled, *block_backward(dpooled, cache)),
                            (g_maps, g_pooled, *g_backward(dpooled))):
        np.testing.assert_array_equal(mine, theirs)


def test_ties_and_zeros_route_like_pytorch():
    """All-equal windows send δ to their first element; windows whose max is exactly 0 (or
    below) send nothing, as ReLU′(0) = 0."""
    x = np.zeros((1, 1, 7, 7))
    x[0, 0, 4:, 4:] = 1.0             # 6 × 6 maps; 5 of the 9 pool windows see only blank input
    W = np.ones((2, 1, 2, 2))
    b = np.array([0.0, 1.0])          # kernel 0: zeros exactly where the input is blank
    pooled, cache, maps = block_forward(x, W, b, (1, 1), (0, 0), (2, 2), keep_maps=True)
    dx, dK, db = block_backward(np.ones_like(pooled), cache)
    g_maps, g_pooled, g_argmax, g_backward = general_block(x, W, b, (1, 1), (0, 0), (2, 2))
    np.testing.assert_array_equal(maps, g_maps)
    np.testing.assert_array_equal(recorded_argmax(cache), g_argmax)
    for mine, theirs in zip((dx, dK, db), g_backward(np.ones_like(pooled))):
        np.testing.assert_array_equal(mine, theirs)
    assert (pooled[0, 0] == 0).sum() == 5 and db[0] == 4.0    # kernel 0's blank windows pass nothing
    assert db[1] == 9.0                                      # kernel 1: every window passes, ties too
    assert recorded_argmax(cache)[0, 1, 0, 0] == 0 and dx[0, 0, 0, 0] == 1.0   # to the first of a tie


def test_which_blocks_fuse():
    assert [type(u).__name__ for u in Network().units][0] == "ConvReluMaxPool"
    assert [type(u).__name__ for u in Network(DIGITS).units][:2] == ["ConvReluMaxPool"] * 2
    general = [{"kernels": 2, "size": 3, "activation": "tanh", "pool": "max"},          # not ReLU
               {"kernels": 2, "size": 3, "activation": "relu", "pool": "avg"},          # not max
               {"kernels": 2, "size": 3, "activation": "relu", "pool": "max", "pool_stride": 1},
               {"kernels": 2, "size": 2, "activation": "relu", "pool": "max"}]          # 7 × 7 maps
    for block in general:
        net = Network(small_config([block], input=(8, 8)))
        assert isinstance(net.units[0], Conv) and net.ops[0].fused_pool is None
        assert net.units == net.ops


def test_a_pool_window_of_more_than_255_cells_runs_on_the_general_path():
    # The fused kernel codes each window's winner in a uint8: a 16 × 16 window (256 cells)
    # raised OverflowError there. It now takes the general path, and 15 × 15 still fuses.
    assert fuses("relu", "max", (15, 17), (15, 17), (30, 34))
    assert not fuses("relu", "max", (16, 16), (16, 16), (32, 32))
    block = {"kernels": 2, "size": 3, "activation": "relu", "pool": "max", "pool_size": 16}
    net = Network(small_config([block], input=(34, 34)))
    assert isinstance(net.units[0], Conv) and net.units == net.ops
    x = np.random.default_rng(0).random((2, 34, 34))
    loss, grads = net.loss_and_gradients(x, [1, 2])
    assert np.isfinite(loss) and grads["conv1.W"].shape == (2, 1, 3, 3)


def unfused(net):
    """The same network on the general path: every op on its own."""
    for op in net.ops:
        if isinstance(op, Conv):
            op.fused_pool = None
    net.units = list(net.ops)
    return net


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["default", "digits", "strided"]), st.sampled_from([1, 3, 20]),
       st.sampled_from([np.float64, np.float32]), st.integers(0, 2 ** 31))
def test_network_fast_path_equals_general_path(name, batch, dtype, seed):
    config = {"default": DEFAULT_CONFIG, "digits": DIGITS,
              "strided": small_config([{"kernels": 3, "size": [3, 4], "stride": [2, 1], "padding": [1, 2],
                                        "activation": "relu", "pool": "max", "pool_size": [2, 3]}],
                                      dense=[{"units": 5, "activation": "relu"}], input=(15, 14))}[name]
    fast, slow = Network(config, seed=seed % 1000, dtype=dtype), unfused(Network(config, seed=seed % 1000, dtype=dtype))
    assert isinstance(fast.units[0], ConvReluMaxPool)
    rng = np.random.default_rng(seed)
    for k in fast.params:
        if k.endswith(".b"):
            fast.params[k][...] = slow.params[k][...] = rng.normal(0, 0.1, fast.params[k].shape)
    h, w = fast.config["input"]
    x = rng.random((batch, h, w))
    x[:, : h // 3] = 0                      # blank rows: exact ties in the pool windows
    y = rng.integers(0, fast.classes, batch)
    loss, grads = fast.loss_and_gradients(x, y)
    loss_g, grads_g = slow.loss_and_gradients(x, y)
    rtol = 1e-12 if dtype == np.float64 else 5e-5
    assert loss == pytest.approx(loss_g, rel=rtol)
    for key in grads_g:
        np.testing.assert_allclose(grads[key], grads_g[key], rtol=rtol,
                                   atol=rtol * max(np.abs(grads_g[key]).max(), 1e-30), err_msg=key)
    np.testing.assert_allclose(fast.forward(x), slow.forward(x), rtol=rtol, atol=rtol)


def test_trace_of_a_fused_block_records_what_the_general_path_records():
    fast, slow = Network(seed=4), unfused(Network(seed=4))
    rng = np.random.default_rng(4)
    for k in fast.params:
        fast.params[k] += rng.normal(0, 0.05, fast.params[k].shape)
        slow.params[k][...] = fast.params[k]
    x = rng.random((28, 28))
    x[:10] = 0
    a, b = fast.trace(x, 3), slow.trace(x, 3)
    assert [(s.op, s.layer, s.stage, sorted(s.arrays)) for s in a] == \
           [(s.op, s.layer, s.stage, sorted(s.arrays)) for s in b]
    for s, t in zip(a, b):
        for name in s.arrays:
            if s.arrays[name].dtype.kind in "iu":           # argmax: ties included, identical
                np.testing.assert_array_equal(s.arrays[name], t.arrays[name])
            else:
                np.testing.assert_allclose(s.arrays[name], t.arrays[name], rtol=1e-12, atol=1e-15,
                                           err_msg=f"{s.op} {name}")


@pytest.mark.parametrize("single", [True, False])
def test_gradients_of_a_strided_padded_fused_block(single):
    """Central differences through a fused block with stride, padding and a 2 × 3 pool."""
    rng = np.random.default_rng(11)
    cfg = small_config([{"kernels": 2, "size": [3, 4], "stride": [2, 1], "padding": [1, 2],
                         "activation": "relu", "pool": "max", "pool_size": [2, 3]}],
                       dense=[{"units": 4, "activation": "tanh"}], input=(7, 8))
    net, x, y = draw_point(cfg, 3, rng, single=single)
    assert isinstance(net.units[0], ConvReluMaxPool)
    check_gradients(net, x, y)


def test_separate_ops_of_a_fused_block_match_it_bit_for_bit():
    """Conv.forward of a fused block's conv runs the block's kernel, so running the ops one by
    one (as the trace's replay and the gradient checks do) gives the block's exact numbers."""
    net = Network(DIGITS, seed=2)
    x = np.random.default_rng(2).random((5, 1, 28, 28))
    a = x
    for unit in net.units[:2]:
        pooled, _ = unit.forward(a, net.params)
        conv, act, pool = unit.ops
        assert isinstance(act, Activation) and isinstance(pool, Pool)
        maps, _ = conv.forward(a, net.params)
        activated, _ = act.forward(maps, net.params)
        np.testing.assert_array_equal(pool.forward(activated, net.params)[0], pooled)
        a = pooled
