"""The update's health: a loss that rose, a saturated output, ReLUs that switched off."""

import numpy as np

from convviz.engine import Network, OpKind
from convviz.engine.health import UpdateHealth, update_health


def _digit():
    x = np.zeros((28, 28), np.float32)
    x[5:23, 12:16] = 1.0
    return x


def test_a_small_step_is_healthy_and_counts_are_the_relu_units():
    net = Network(seed=0)
    t = net.trace(_digit(), 3, lr=1e-4)
    h = update_health(t)
    assert h.warnings == () and h.loss_after < h.loss_before
    relus = [s for s in t if s.phase == "forward" and s.op == OpKind.ACTIVATION and s.meta["activation"] == "relu"]
    assert h.relu_active_before == sum(int((s.arrays["output"] > 0).sum()) for s in relus) > 0


def test_a_huge_step_is_reported():
    net = Network(seed=0)
    t = net.trace(_digit(), 3, lr=500.0)
    h = update_health(t)
    assert h.warnings, h
    rerun = t.find(OpKind.RERUN)
    assert h.loss_after == float(rerun.arrays["loss_after"])


def test_each_warning_alone():
    assert UpdateHealth(1.0, 2.0, False, 10, 0).warnings == ("loss_rose",)
    assert UpdateHealth(1.0, float("nan"), False, 10, 0).warnings == ("loss_rose",)
    assert UpdateHealth(1.0, 0.5, True, 10, 0).warnings == ("saturated",)
    assert UpdateHealth(1.0, 0.5, False, 10, 6).warnings == ("relus_died",)
    assert UpdateHealth(1.0, 0.5, False, 10, 5).warnings == ()
