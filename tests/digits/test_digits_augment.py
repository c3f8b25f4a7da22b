"""augment: random rotation, scale, shift and stroke thickness for a whole batch at once."""

import importlib
import time

import numpy as np
import pytest

from convviz.digits import augment, default_dataset_path, load_dataset


@pytest.fixture(scope="module")
def digits():
    images, labels = load_dataset(default_dataset_path())
    return images.astype(np.float32) / 255.0, labels


def test_keeps_shape_dtype_and_range(digits):
    x = digits[0][:64]
    out = augment(x, np.random.default_rng(0))
    assert out.shape == x.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    assert out is not x and np.array_equal(x, digits[0][:64])  # the input is left alone


def test_deterministic_per_seed(digits):
    x = digits[0][:64]
    a = augment(x, np.random.default_rng(7))
    np.testing.assert_array_equal(a, augment(x, np.random.default_rng(7)))
    np.testing.assert_array_equal(a, augment(x, 7))  # a seed works too
    assert not np.array_equal(a, augment(x, np.random.default_rng(8)))


def test_changes_images_but_keeps_them_digits(digits):
    x = digits[0][:200]
    out = augment(x, np.random.default_rng(1))
    changed = np.abs(out - x).mean(axis=(1, 2))
    assert (changed > 0.005).all()  # every image was distorted
    ink_in, ink_out = x.sum(axis=(1, 2)), out.sum(axis=(1, 2))
    assert (ink_out > 0.4 * ink_in).all() and (ink_out < 3.0 * ink_in).all()  # not erased, not a blob
    # Still centred-ish: the centre of mass moves by at most the shift plus a little.
    idx = np.arange(28)
    com = lambda a: np.stack([a.sum(2) @ idx, a.sum(1) @ idx], 1) / a.sum((1, 2))[:, None]
    assert np.abs(com(out) - com(x)).max() < 5.0


def test_thickness_goes_both_ways(digits):
    x = digits[0][:500]
    ratio = augment(x, np.random.default_rng(2)).sum(axis=(1, 2)) / x.sum(axis=(1, 2))
    assert ratio.min() < 0.85 and ratio.max() > 1.3  # some strokes thinner, some bolder


def test_empty_and_blank_batches():
    assert augment(np.zeros((0, 28, 28), np.float32), 0).shape == (0, 28, 28)
    np.testing.assert_array_equal(augment(np.zeros((3, 28, 28), np.float32), 0), 0.0)
    with pytest.raises(ValueError):
        augment(np.zeros((28, 28), np.float32), 0)


def test_fast_enough_for_every_epoch(digits):
    x = digits[0]
    augment(x[:100], 0)
    best = np.inf
    for seed in range(3):  # the best of a few runs, so other busy processes do not fail it
        start = time.perf_counter()
        augment(x, seed)
        best = min(best, time.perf_counter() - start)
    assert best < 1.0  # 5000 images; measured about 0.06 s


def test_chunking_does_not_change_the_result(digits, monkeypatch):
    x = digits[0][:300]
    whole = augment(x, 3)
    module = importlib.import_module("convviz.digits.augment")  # the package's `augment` is the function
    monkeypatch.setattr(module, "CHUNK", 7)
    np.testing.assert_array_equal(augment(x, 3), whole)
