"""Area averaging of the preprocessed 28 × 28 image down to a smaller network input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.digits import area_average
from convviz.digits.resize import area_weights


def test_14_is_the_mean_of_each_2x2_block():
    x = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    want = x.reshape(14, 2, 14, 2).mean(axis=(1, 3))
    np.testing.assert_allclose(area_average(x, 14), want, rtol=1e-6)


def test_28_is_the_image_itself():
    x = np.random.default_rng(1).random((28, 28)).astype(np.float32)
    np.testing.assert_array_equal(area_average(x, 28), x)


def test_8_splits_pixels_by_area():
    # 28/8 = 3.5 source pixels per output pixel: output 0 takes pixels 0, 1, 2 whole and half of 3.
    r = area_weights(8)
    np.testing.assert_allclose(r[0, :5], [1 / 3.5, 1 / 3.5, 1 / 3.5, 0.5 / 3.5, 0])
    np.testing.assert_allclose(r[1, 3:8], [0.5 / 3.5, 1 / 3.5, 1 / 3.5, 1 / 3.5, 0])
    one = np.zeros((28, 28))
    one[3, 3] = 1.0
    out = area_average(one, 8)
    np.testing.assert_allclose(out[:2, :2], np.array([[0.25, 0.25], [0.25, 0.25]]) / 3.5 ** 2, rtol=1e-6)
    assert np.count_nonzero(out) == 4


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 28), seed=st.integers(0, 2 ** 16))
def test_keeps_the_mean_and_the_range(n, seed):
    x = np.random.default_rng(seed).random((28, 28))
    out = area_average(x, n)
    assert out.shape == (n, n) and out.dtype == np.float32
    assert abs(float(out.mean()) - x.mean()) < 1e-5
    assert out.min() >= x.min() - 1e-6 and out.max() <= x.max() + 1e-6


@pytest.mark.parametrize("n", [0, 29, 3.5, "8"])
def test_refuses_sizes_it_cannot_make(n):
    with pytest.raises(ValueError, match="input size"):
        area_average(np.zeros((28, 28)), n)
