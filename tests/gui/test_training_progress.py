"""The training panel's Qt-free parts: the record of a run's points and its progress line, and the
data choices (shipped, file, mine, mixed) with their validation split."""

import math

import numpy as np
import pytest

from convviz.digits.my_digits import MyDigits
from convviz.engine.live_training import EpochDone, Finished, Snapshot
from convviz.gui.panels.training.data import training_data
from convviz.gui.panels.training.progress import SMOOTHING, TrainingRecord, format_seconds


def snap(losses, batch, paused=False):
    return Snapshot({}, losses, 1, 2, batch, 4, batch * 10, 80, 123.4, 75.0, 0.01, paused)


def test_the_record_keeps_one_point_per_batch_and_epoch():
    r = TrainingRecord()
    assert r.progress_text().startswith("starting")
    k = np.eye(2, dtype=int)
    assert r.add(EpochDone(0, math.nan, math.nan, 2.3, 0.1, k, np.zeros(2, int))) == "epoch"
    assert r.add(snap([2.0, 1.0], 2)) == "snapshot"
    assert r.add(snap([3.0], 3, paused=True)) == "snapshot"
    assert r.add(Finished("stopped", {}, "", 0, 4, [0.5])) == "finished"
    assert r.batch_losses == [2.0, 1.0, 3.0, 0.5]
    s1 = 2.0 + SMOOTHING * (1.0 - 2.0)
    assert r.smoothed[:2] == [2.0, s1] and r.smoothed[2] == s1 + SMOOTHING * (3.0 - s1)
    assert list(r.batch_axis()) == [0.25, 0.5, 0.75, 1.0]
    epochs, train, val, acc = r.epoch_points()
    assert list(epochs) == [0] and math.isnan(train[0]) and list(val) == [2.3] and list(acc) == [0.1]
    assert r.progress_text() == "paused · epoch 1/2 · batch 3/4 · 123 images/s · 1 min 15 s left"
    assert r.fraction() == 30 / 80
    with pytest.raises(TypeError):
        r.add("nonsense")


def test_format_seconds():
    assert [format_seconds(s) for s in (4.4, 65, 3725, math.inf, -1)] == ["4 s", "1 min 05 s", "1 h 02 min", "–", "–"]


def test_data_sources(tmp_path):
    (tx, ty), (vx, vy) = training_data("shipped", limit=200)
    assert len(ty) + len(vy) == 200 and np.bincount(vy, minlength=10).tolist() == [2] * 10
    assert tx.dtype == np.uint8 and tx.shape[1:] == (28, 28)
    mine = MyDigits(tmp_path / "m.npz")
    with pytest.raises(ValueError, match="at least two"):
        training_data("mine", my_digits=mine)
    rng = np.random.default_rng(0)
    for label in (1, 1, 2, 2, 2):
        mine.add(rng.random((28, 28)), label)
    (mx, my), (mvx, mvy) = training_data("mine", my_digits=mine, validation_fraction=0.4)
    assert sorted(my.tolist() + mvy.tolist()) == [1, 1, 2, 2, 2] and len(mvy) == 2
    (bx, by), (bvx, bvy) = training_data("mine+shipped", my_digits=mine, limit=100, validation_fraction=0.4)
    assert len(by) + len(bvy) == 105
    assert any((bvx == mine.images[i]).all(axis=(1, 2)).any() for i in range(5))   # my digits validate too
    with pytest.raises(ValueError, match="choose"):
        training_data("file")
    np.savez(tmp_path / "set.npz", images=mine.images, labels=mine.labels)
    assert len(np.concatenate([a[1] for a in training_data("file", path=tmp_path / "set.npz")])) == 5
