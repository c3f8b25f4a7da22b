"""The pipeline's stages as data: columns, their values and gradients, targets and sources of steps."""

import numpy as np

from convviz.engine import Network
from convviz.gui.presentation.stages import build_columns, structure_key


def test_columns_follow_the_network_and_every_step_targets_one():
    net = Network(seed=0)
    trace = net.trace(np.eye(28), 4)
    cols = build_columns(trace)
    names = [c.stage for c in cols]
    assert names == [s.id for s in trace.stages]
    assert [n.name for n in names[:2]] == ["input", "conv1.kernels"]
    for s in trace:
        assert s.target in names, s.title
        assert all(src in names for src in s.reads), s.title
    by = {c.stage.name: c for c in cols}
    # kernels: W at the conv step, then `after` at its update; feature maps get δ_C
    assert [i for i, _ in by["conv1.kernels"].values] == [1, trace.find("update").index]
    assert by["conv1.feature_maps"].latest(by["conv1.feature_maps"].grads, len(trace))[0] == \
        trace.find("activation_grad", "conv1").index
    assert by["conv1.pooled"].latest(by["conv1.pooled"].values, 0) is None      # not reached at step 0


def test_structure_key_ignores_values():
    net = Network(seed=0)
    a, b = net.trace(np.eye(28), 1), net.trace(np.zeros((28, 28)), 2)
    assert structure_key(a) == structure_key(b)
    other = Network({"input": [28, 28], "conv": [{"kernels": 4, "size": 3, "stride": 1, "padding": 0,
                                                  "activation": "relu", "pool": "max", "pool_size": 2,
                                                  "pool_stride": 2}],
                     "dense": [], "output": {"classes": 10, "activation": "softmax"}, "loss": "cross_entropy"})
    assert structure_key(a) != structure_key(other.trace(np.eye(28), 1))
