"""My digits: round trip through the file, atomic writes, a corrupt file gives a clear message and
is kept (moved aside) while a new set starts; the file is a data set the loader reads."""

import os

import numpy as np
import pytest

from convviz.digits import load_dataset
from convviz.digits.my_digits import MyDigits, MyDigitsError, to_uint8


def drawing(seed):
    return np.random.default_rng(seed).random((28, 28))


def test_round_trip_through_the_file(tmp_path):
    path = tmp_path / "sub" / "my-digits.npz"
    store = MyDigits(path).load()
    assert len(store) == 0 and not path.exists()
    for i, label in enumerate([3, 7, 3]):
        assert store.add(drawing(i), label) == i
    again = MyDigits(path).load()
    assert list(again.labels) == [3, 7, 3] and again.images.dtype == np.uint8
    assert np.array_equal(again.images[1], to_uint8(drawing(1)))
    assert np.abs(again.images[1] / 255.0 - drawing(1)).max() <= 0.5 / 255 + 1e-12
    assert list(again.counts()) == [0, 0, 0, 2, 0, 0, 0, 1, 0, 0]
    again.delete([0])
    third = MyDigits(path).load()
    assert list(third.labels) == [7, 3] and np.array_equal(third.images, again.images)
    images, labels = load_dataset(path)                  # an ordinary data set
    assert np.array_equal(images, third.images) and np.array_equal(labels, third.labels)
    assert [p.name for p in path.parent.iterdir()] == ["my-digits.npz"]   # no temporary files left


def test_a_corrupt_file_is_reported_and_kept(tmp_path):
    path = tmp_path / "my-digits.npz"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    store = MyDigits(path)
    with pytest.raises(MyDigitsError, match="my-digits.npz.*left as it is"):
        store.load()
    assert len(store) == 0 and store.problem
    assert path.read_bytes() == b"PK\x03\x04 not really a zip"         # untouched by reading
    store.add(drawing(0), 5)
    assert store.moved_to is not None and store.moved_to.read_bytes() == b"PK\x03\x04 not really a zip"
    assert list(MyDigits(path).load().labels) == [5]


def test_wrong_arrays_and_labels_are_refused(tmp_path):
    path = tmp_path / "my-digits.npz"
    np.savez(path, images=np.zeros((2, 28, 28), np.uint8), labels=np.array([1, 12], np.uint8))
    with pytest.raises(MyDigitsError, match="12"):
        MyDigits(path).load()
    store = MyDigits(tmp_path / "ok.npz")
    with pytest.raises(MyDigitsError, match="0-9"):
        store.add(drawing(0), 10)
    with pytest.raises(MyDigitsError, match="28 × 28"):
        store.add(np.zeros((27, 28)), 1)
    with pytest.raises(MyDigitsError, match="28 × 28"):
        store.add(np.full((28, 28), np.nan), 1)
    assert len(store) == 0 and not (tmp_path / "ok.npz").exists()


def test_a_failed_write_keeps_the_old_file_and_the_set(tmp_path, monkeypatch):
    path = tmp_path / "my-digits.npz"
    store = MyDigits(path)
    store.add(drawing(0), 1)
    before = path.read_bytes()

    def fail(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(MyDigitsError, match="No space left"):
        store.add(drawing(1), 2)
    assert path.read_bytes() == before and list(store.labels) == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["my-digits.npz"]
