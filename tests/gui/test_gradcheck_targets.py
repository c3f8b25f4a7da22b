"""Which gradient a selection has (no Qt): the key and index check_element gets for each kind of
element, and when Check this element is offered."""

import numpy as np
import pytest

from convviz.engine import Network, OpKind, StageId, gradcheck
from convviz.gui.panels.gradcheck.targets import can_check, check_target

S = StageId.parse


@pytest.mark.parametrize("stage, index, expected", [
    ("conv1.kernels", (1, 0, 2, 3), ("conv1.W", (1, 0, 2, 3))),
    ("dense1.W", (4, 17), ("dense1.W", (4, 17))),
    ("conv2.b", (3,), ("conv2.b", (3,))),
    ("out.b", (9,), ("out.b", (9,))),
    ("input", (0, 12, 5), ("input", (12, 5))),
    ("conv1.feature_maps", (2, 3, 4), ("conv1.feature_maps", (2, 3, 4))),
    ("conv2.pooled", (0, 1, 1), ("conv2.pooled", (0, 1, 1))),
    ("flatten", (40,), ("flatten", (40,))),
    ("dense1.z", (7,), ("dense1.z", (7,))),
    ("out.probs", (3,), ("out.probs", (3,))),
    ("loss", (), None),
])
def test_each_element_maps_to_its_gradient(stage, index, expected):
    assert check_target(S(stage), np.array(index, int)) == expected


def test_every_target_is_checkable_on_the_default_network():
    net = Network(seed=0)
    x = np.random.default_rng(0).random((28, 28))
    for stage, index in [("conv1.kernels", (1, 0, 2, 3)), ("input", (0, 12, 5)), ("conv1.pooled", (0, 1, 1)),
                         ("flatten", (40,)), ("out.probs", (3,)), ("out.z", (3,))]:
        key, kindex = check_target(S(stage), index)
        result = gradcheck.check_element(net, x, 4, key, kindex)
        assert result.status in ("pass", "kink"), (stage, result.rel_error)


def test_offered_at_backward_and_update_steps_only():
    trace = Network(seed=0).trace(np.random.default_rng(1).random((28, 28)), 2, 0.01)
    sel = (S("conv1.kernels"), (0, 0, 0, 0))
    assert not can_check(trace.find(OpKind.CONV), sel)
    assert not can_check(trace.find(OpKind.LOSS), sel)
    assert can_check(trace.find(OpKind.CONV_DK), sel) and can_check(trace.find(OpKind.UPDATE), sel)
    assert not can_check(trace.find(OpKind.CONV_DK), None)
    assert not can_check(trace.find(OpKind.CONV_DK), (S("loss"), ()))
    assert not can_check(None, sel)


def test_the_numbers_say_pass_fail_or_why_there_is_no_derivative():
    from convviz.engine.kinks import Kink
    from convviz.gui.presentation.gradcheck_text import KINK_WHY, check_html

    def tr(context, text):
        return text

    net = Network(seed=0)
    x = np.random.default_rng(0).random((28, 28))
    ok = gradcheck.check_element(net, x, 4, "conv1.W", (0, 0, 1, 1))
    text = check_html(ok, "K", None, tr)
    assert text.index("PASS") < text.index("L(θ + ε)") and f"{ok.loss_plus:.15g}" in text
    kinked = gradcheck.ElementCheck(**{**ok.__dict__, "kink": Kink("conv1", "relu", 1, (0, 0, 3, 4), 0.0)})
    text = check_html(kinked, "K", None, tr)
    assert "AT A KINK" in text and "conv1" in text and KINK_WHY["relu"] in text and "PASS" not in text
