"""Issue 8, item 2: training that goes non-finite stops, puts back the last good weights and
says so with a suggestion; a non-finite α is refused up front; sgd_step never half-applies."""

import numpy as np
import pytest
from test_training_loop import SMALL, toy_data

from convviz.engine import DivergenceError, Network
from convviz.engine.training import train


def snapshot(net):
    return {k: v.copy() for k, v in net.params.items()}


def assert_same(a, b):
    assert set(a) == set(b)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k], err_msg=k)


@pytest.mark.parametrize("kw, words", [({"lr": np.inf}, "lr"), ({"lr": np.nan}, "lr"), ({"lr": -1.0}, "lr"),
                                       ({"lr": 0.0}, "lr"), ({"momentum": np.nan}, "momentum"),
                                       ({"momentum": 1.0}, "momentum"), ({"epochs": 0}, "epochs"),
                                       ({"batch_size": 0}, "batch_size")])
def test_impossible_arguments_are_refused_before_any_work(kw, words):
    x, y = toy_data(12)
    net = Network(SMALL)
    before = snapshot(net)
    args = {"epochs": 1, "lr": 0.05} | kw
    with pytest.raises(ValueError, match=words):
        train(net, x, y, **args)
    assert_same(net.params, before)


def test_divergence_in_the_first_epoch_restores_the_initial_weights():
    x, y = toy_data(60)
    net = Network(SMALL, seed=1)
    before = snapshot(net)
    saved = []
    result = train(net, x, y, epochs=3, batch_size=10, lr=1e30, momentum=0.9,
                   on_epoch=lambda e, n: saved.append(e))
    assert result.diverged and result.epochs_done == 0 and saved == []
    assert "smaller" in result.message and "α" in result.message
    assert_same(net.params, before)
    assert all(np.isfinite(p).all() for p in net.params.values())


def test_divergence_later_restores_the_last_finished_epoch():
    x, y = toy_data(60)
    net = Network(SMALL, seed=1)
    after_epoch = {}

    def on_epoch(epoch, n):
        after_epoch[epoch] = snapshot(n)

    def progress(p):
        if p.epoch == 2 and p.batch == 2:          # fault injection: a weight blows up mid-epoch
            net.params["out.b"][0] = np.inf

    result = train(net, x, y, epochs=4, batch_size=10, lr=0.05, progress=progress, on_epoch=on_epoch)
    assert result.diverged and result.epochs_done == 1 and sorted(after_epoch) == [1]
    assert "epoch 2" in result.message and "epoch 1" in result.message
    assert_same(net.params, after_epoch[1])


def test_a_non_finite_last_batch_never_reaches_on_epoch():
    x, y = toy_data(20)
    net = Network(SMALL, seed=1)
    before = snapshot(net)
    saved = []

    def progress(p):
        if p.batch == p.batches:                   # after the epoch's last update
            net.params["conv1.W"][0, 0, 0, 0] = np.nan

    result = train(net, x, y, epochs=1, batch_size=10, lr=0.05, progress=progress,
                   on_epoch=lambda e, n: saved.append(e))
    assert result.diverged and saved == []
    assert_same(net.params, before)


def test_sgd_step_refuses_a_non_finite_update_and_changes_nothing():
    x, y = toy_data(4)
    net = Network(SMALL, seed=1)
    with pytest.raises(DivergenceError, match="smaller α"):   # a few steps of a huge α overflow
        for _ in range(10):
            before = snapshot(net)
            net.sgd_step(x, y, 1e300)
    assert_same(net.params, before)
    fresh = Network(SMALL, seed=1)
    start = snapshot(fresh)
    fresh.sgd_step(x, y, 0.01)                     # a sane α still updates
    assert not np.array_equal(fresh.params["out.W"], start["out.W"])


def test_finite_weights_that_overflow_the_loss_are_not_kept():
    x, y = toy_data(20)
    net = Network(SMALL, seed=1)
    before = snapshot(net)
    saved = []

    def progress(p):
        if p.batch == p.batches:                   # finite, but the next forward run overflows
            for key, value in net.params.items():
                if key.endswith(".W"):
                    value[...] = 1e300

    result = train(net, x, y, epochs=1, batch_size=10, lr=0.05, progress=progress,
                   on_epoch=lambda e, n: saved.append(e))
    assert result.diverged and saved == []
    assert_same(net.params, before)
