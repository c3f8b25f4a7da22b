"""The text catalogue: every op kind has a title and an explanation, filled in from the step's
own fields, translated before it is filled; the engine records no prose."""

import numpy as np
import pytest

from convviz.engine import Network, OpKind, StageId
from convviz.gui.presentation import catalogue

CONFIGS = [None, {"input": [28, 28],
                  "conv": [{"kernels": 3, "size": [5, 4], "stride": [3, 2], "padding": [1, 0], "activation": "relu",
                            "pool": "max", "pool_size": 2, "pool_stride": 2},
                           {"kernels": 2, "size": 2, "stride": 1, "padding": 0, "activation": "tanh",
                            "pool": "avg", "pool_size": [2, 1], "pool_stride": 1}],
                  "dense": [{"units": 7, "activation": "sigmoid"}],
                  "output": {"classes": 10, "activation": "sigmoid"}, "loss": "mse"}]


@pytest.fixture(params=range(len(CONFIGS)))
def trace(request):
    return Network(CONFIGS[request.param], seed=1).trace(np.random.default_rng(0).random((28, 28)), 3, lr=0.01)


def test_every_op_kind_has_a_title_and_an_explanation():
    assert set(catalogue.TITLES) == set(OpKind)
    choices = {op for op, _ in catalogue.ABOUT_BY_CHOICE}
    assert set(catalogue.ABOUT) | choices == set(OpKind)


def test_every_step_gets_filled_in_texts(trace):
    for s in trace:
        title, about = catalogue.title(s), catalogue.about(s)
        assert title and about and "{" not in title + about, s.op
        assert not hasattr(s, "title") and not hasattr(s, "about")     # the engine keeps no prose
    conv = trace.find(OpKind.CONV)
    d, h, w = conv.arrays["output"].shape
    assert catalogue.title(conv) == "conv1: convolution"
    assert f"{d} kernels give {d} feature maps of {h} × {w}." in catalogue.about(conv)
    update = next(s for s in trace if s.op == OpKind.UPDATE and s.stage == StageId.parse("conv1.W"))
    assert catalogue.title(update) == "update conv1.W"


def test_notes_follow_the_network(trace):
    conv = trace.find(OpKind.CONV)
    assert ("never covered" in catalogue.about(conv)) == any(conv.meta["skipped"])
    saliency = trace.find(OpKind.CONV_DX, "conv1")
    assert "saliency" in catalogue.about(saliency)
    relu = trace.find(OpKind.ACTIVATION_GRAD, "conv1")
    assert ("ReLU lets it through" in catalogue.about(relu)) == (relu.meta["activation"] == "relu")


def test_the_template_is_translated_before_it_is_filled_in(trace):
    conv = trace.find(OpKind.CONV)
    german = {catalogue.TITLES[OpKind.CONV]: "{layer}: Faltung"}
    assert catalogue.title(conv, lambda t: german.get(t, t)) == "conv1: Faltung"
    assert catalogue.about(conv, lambda t: "» " + t).startswith("» Each kernel slides")
