"""The vectorised conv and pooling (forward and backward) equal the slow loop versions in reference.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine.conv import conv_backward, conv_forward
from convviz.engine.pooling import pool_backward, pool_forward
from convviz.engine.reference import conv_backward_loop, conv_forward_loop, pool_backward_loop, pool_forward_loop


def check_conv(x, W, b, stride, padding, dout_seed=0):
    out, cache = conv_forward(x, W, b, stride, padding)
    ref = conv_forward_loop(x, W, b, stride, padding)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out, ref, rtol=1e-12, atol=1e-12)
    dout = np.random.default_rng(dout_seed).standard_normal(out.shape)
    dx, dW, db = conv_backward(dout, cache)
    rdx, rdW, rdb = conv_backward_loop(dout, x, W, stride, padding)
    assert dx.shape == x.shape and dW.shape == W.shape and db.shape == b.shape
    np.testing.assert_allclose(dx, rdx, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dW, rdW, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(db, rdb, rtol=1e-12, atol=1e-12)
    return out, dx


CONV_CASES = [
    # (N, C, H, W), (D, k1, k2), stride, padding
    ((1, 1, 6, 6), (1, 3, 3), (1, 1), (0, 0)),
    ((2, 3, 7, 9), (4, 3, 2), (2, 3), (1, 0)),     # 7 − 3 + 2 = 6 even, 9 − 2 = 7 not divisible by 3
    ((2, 2, 8, 5), (3, 2, 4), (3, 1), (0, 2)),     # 8 − 2 = 6 divisible; skipped border on neither
    ((1, 2, 5, 5), (2, 5, 5), (1, 1), (0, 0)),     # kernel = whole image: one output pixel
    ((3, 1, 4, 6), (2, 1, 1), (2, 2), (0, 0)),     # 1 × 1 kernel, stride skips every other pixel
    ((1, 1, 3, 3), (2, 2, 2), (1, 1), (3, 3)),     # padding larger than the kernel
    ((2, 2, 10, 11), (3, 4, 3), (3, 2), (2, 1)),   # 10 − 4 + 4 = 10 mod 3 = 1 skipped row
]


@pytest.mark.parametrize("xs,ws,stride,padding", CONV_CASES)
def test_conv_equals_loops(xs, ws, stride, padding):
    rng = np.random.default_rng(hash((xs, ws, stride, padding)) % 2 ** 32)
    x = rng.standard_normal(xs)
    W = rng.standard_normal((ws[0], xs[1], ws[1], ws[2]))
    b = rng.standard_normal(ws[0])
    check_conv(x, W, b, stride, padding)


def test_conv_skipped_border_gets_zero_gradient():
    """7 × 7, 3 × 3 kernel, stride 2: rows/cols 0..6 are all reached; 8 × 8 leaves row 7 and
    column 7 untouched (Eq. 2.1 rounds down), so their input gradient must be exactly 0."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal((1, 1, 8, 8))
    W = rng.standard_normal((2, 1, 3, 3))
    out, dx = check_conv(x, W, np.zeros(2), (2, 2), (0, 0))
    assert out.shape == (1, 2, 3, 3)
    assert np.all(dx[..., 7, :] == 0) and np.all(dx[..., :, 7] == 0)
    assert np.all(dx[..., :7, :7] != 0)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 2), c=st.integers(1, 3), d=st.integers(1, 3), h=st.integers(1, 9),
       w=st.integers(1, 9), k1=st.integers(1, 4), k2=st.integers(1, 4), s1=st.integers(1, 3),
       s2=st.integers(1, 3), p1=st.integers(0, 2), p2=st.integers(0, 2), seed=st.integers(0, 2 ** 32 - 1))
def test_conv_equals_loops_random(n, c, d, h, w, k1, k2, s1, s2, p1, p2, seed):
    k1, k2 = min(k1, h + 2 * p1), min(k2, w + 2 * p2)
    rng = np.random.default_rng(seed)
    check_conv(rng.standard_normal((n, c, h, w)), rng.standard_normal((d, c, k1, k2)),
               rng.standard_normal(d), (s1, s2), (p1, p2), dout_seed=seed)


def check_pool(x, kind, size, stride, dout_seed=0):
    out, cache = pool_forward(x, kind, size, stride)
    ref = pool_forward_loop(x, kind, size, stride)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out, ref, rtol=1e-12, atol=1e-14)
    dout = np.random.default_rng(dout_seed).standard_normal(out.shape)
    dx = pool_backward(dout, cache)
    assert dx.shape == x.shape
    np.testing.assert_allclose(dx, pool_backward_loop(dout, x, kind, size, stride), rtol=1e-12, atol=1e-14)
    return out, dx


POOL_CASES = [
    ((2, 2), (2, 2)),      # the common case
    ((3, 3), (2, 2)),      # overlapping windows: contributions add
    ((2, 3), (1, 2)),      # rectangular and overlapping in rows
    ((3, 2), (3, 3)),      # stride > size in columns: gaps no window covers
    ((1, 1), (1, 1)),
    ((2, 2), (3, 1)),
]


@pytest.mark.parametrize("kind", ["max", "avg", "l2"])
@pytest.mark.parametrize("size,stride", POOL_CASES)
def test_pool_equals_loops(kind, size, stride):
    rng = np.random.default_rng(11)
    check_pool(rng.standard_normal((2, 3, 9, 8)), kind, size, stride)


def test_pool_edge_cases():
    # Max takes the first of tied maxima (as PyTorch does); L2 of an all-zero window is 0 with
    # zero gradient, not NaN. The loops do the same.
    x = np.zeros((1, 1, 4, 4))
    x[0, 0, 0, 0] = x[0, 0, 0, 1] = 2.0       # a tie in the first window
    out, dx = check_pool(x, "max", (2, 2), (2, 2))
    assert dx[0, 0, 0, 0] != 0 and dx[0, 0, 0, 1] == 0
    out, dx = check_pool(x, "l2", (2, 2), (2, 2))
    assert out[0, 0, 1, 1] == 0 and np.isfinite(dx).all() and np.all(dx[0, 0, 2:, 2:] == 0)
    # ReLU output: a window of zeros in max pooling routes δ to its first element.
    check_pool(np.maximum(np.random.default_rng(5).standard_normal((2, 2, 6, 6)), 0), "max", (3, 3), (2, 2))


def test_pool_gradient_has_no_negative_zeros():
    """Positions that get no gradient hold +0.0, not −0.0 (which the app would print as "-0")."""
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 3, 8, 8))
    for size, stride in [((2, 2), (2, 2)), ((3, 3), (2, 2))]:
        out, cache = pool_forward(x, "max", size, stride)
        dx = pool_backward(-np.abs(rng.standard_normal(out.shape)), cache)
        assert not (np.signbit(dx) & (dx == 0)).any()
        assert cache[4].dtype.kind == "i" and cache[4].max() < size[0] * size[1]


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(["max", "avg", "l2"]), n=st.integers(1, 2), c=st.integers(1, 3),
       h=st.integers(1, 9), w=st.integers(1, 9), k1=st.integers(1, 4), k2=st.integers(1, 4),
       s1=st.integers(1, 4), s2=st.integers(1, 4), seed=st.integers(0, 2 ** 32 - 1))
def test_pool_equals_loops_random(kind, n, c, h, w, k1, k2, s1, s2, seed):
    k1, k2 = min(k1, h), min(k2, w)
    x = np.random.default_rng(seed).standard_normal((n, c, h, w))
    check_pool(x, kind, (k1, k2), (s1, s2), dout_seed=seed)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept(dtype):
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 2, 7, 7)).astype(dtype)
    W = rng.standard_normal((3, 2, 3, 3)).astype(dtype)
    out, cache = conv_forward(x, W, np.zeros(3, dtype), (2, 2), (1, 1))
    dx, dW, db = conv_backward(np.ones_like(out), cache)
    assert {a.dtype for a in (out, dx, dW, db)} == {np.dtype(dtype)}
    for kind in ("max", "avg", "l2"):
        p, pc = pool_forward(out, kind, (2, 2), (1, 1))
        assert p.dtype == dtype and pool_backward(np.ones_like(p), pc).dtype == dtype
