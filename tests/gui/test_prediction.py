"""Live prediction: the bars and the 28x28 view follow the drawing, from the same preprocessed array."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from convviz.digits import preprocess
from convviz.gui.panels.draw.prediction import LabelSelector, PredictionBars


def test_bars_show_draw_a_digit_when_blank(qtbot):
    bars = PredictionBars()
    qtbot.addWidget(bars)
    bars.set_probs(None)
    assert bars.probs is None and bars.top is None
    bars.grab()                                   # paints without a prediction


def test_bars_highlight_the_top_class_and_mark_the_target(qtbot):
    bars = PredictionBars()
    qtbot.addWidget(bars)
    p = np.full(10, 0.05)
    p[3] = 0.55
    rev = bars.revision
    with qtbot.waitSignal(bars.updated):
        bars.set_probs(p, target=8)
    assert bars.top == 3 and bars.target == 8 and bars.revision == rev + 1
    np.testing.assert_allclose(bars.probs, p)
    img = bars.grab().toImage()
    assert not img.isNull()


def test_label_selector_lights_one_button(qtbot):
    sel = LabelSelector()
    qtbot.addWidget(sel)
    sel.show_label(4, chosen=False)
    assert sel.checked() == 4
    sel.show_label(None, chosen=False)
    assert sel.checked() is None
    with qtbot.waitSignal(sel.picked) as blocker:
        qtbot.mouseClick(sel.buttons[9], Qt.LeftButton)
    assert blocker.args == [9]


def _expected(win):
    x28 = preprocess(win.left.canvas.ink_array())
    return x28, win.session.net.forward(x28)


def test_bars_update_while_drawing_before_the_stroke_ends(window, qtbot, send_mouse):
    window.clear()
    assert window.left.prediction.probs is None and window.session.trace is None
    send_mouse(window.left.canvas, "press", 140, 40)
    for y in range(40, 240, 10):
        send_mouse(window.left.canvas, "move", 140, y)
    # The button is still down: the bars follow (throttled), the trace waits for the release.
    qtbot.waitUntil(lambda: window.left.prediction.probs is not None, timeout=1000)
    assert window.session.trace is None
    x28, probs = _expected(window)
    np.testing.assert_allclose(window.left.prediction.probs, probs, rtol=1e-6)
    np.testing.assert_array_equal(window.left.preview.array(), x28)
    send_mouse(window.left.canvas, "release", 140, 240)
    assert window.session.trace is not None


def test_prediction_and_trace_use_the_same_array(window, stroke):
    window.clear()
    stroke(window.left.canvas, [(80, 60), (200, 60), (120, 240)])       # a 7
    x28, probs = _expected(window)
    np.testing.assert_array_equal(window.session.x28, x28)
    np.testing.assert_array_equal(window.left.preview.array(), x28)
    np.testing.assert_allclose(window.left.prediction.probs, probs, rtol=1e-6)
    first = window.session.trace.steps[0]
    np.testing.assert_array_equal(first.arrays["output"][0], x28)
    np.testing.assert_allclose(window.session.trace.probs, probs, rtol=1e-6)
    assert window.stepper.index == 0


def test_the_target_defaults_to_the_prediction(window, stroke):
    window.clear()
    stroke(window.left.canvas, [(140, 40), (140, 240)])                 # a 1
    assert not window.session.label_is_chosen
    assert window.session.label == int(np.argmax(window.left.prediction.probs))
    assert window.session.trace.label == window.session.label
    assert "(predicted" in window.left.target_text.text()
    assert window.left.label_selector.checked() == window.session.label
    assert window.left.prediction.target == window.session.label


@pytest.mark.parametrize("steps", [1, 3])
def test_lr_spin_steps_on_a_1_2_5_ladder(window, steps):
    window.left.lr_spin.setValue(0.1)
    window.left.lr_spin.stepBy(steps)
    assert window.session.lr == pytest.approx({1: 0.2, 3: 1.0}[steps])
    window.left.lr_spin.stepBy(-steps)
    assert window.session.lr == pytest.approx(0.1)
    assert window.session.trace.lr == pytest.approx(0.1)


points = st.lists(st.tuples(st.integers(0, 279), st.integers(0, 279)), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strokes=st.lists(st.tuples(points, st.booleans()), min_size=1, max_size=4))
def test_any_drawing_shows_what_the_network_computes(window, stroke, strokes):
    """Whatever is drawn or erased: bars = net.forward(preprocess(canvas)), trace of the same x28."""
    window.clear()
    for pts, erase in strokes:
        stroke(window.left.canvas, pts, button=Qt.RightButton if erase else Qt.LeftButton)
    x28 = preprocess(window.left.canvas.ink_array())
    np.testing.assert_array_equal(window.session.x28, x28)
    if window.left.prediction.probs is None:
        assert x28.max() == 0.0 and window.session.trace is None
    else:
        np.testing.assert_allclose(window.left.prediction.probs, window.session.net.forward(x28), rtol=1e-6)
        np.testing.assert_array_equal(window.session.trace.steps[0].arrays["output"][0], x28)
        assert window.session.trace.label == window.session.label == int(np.argmax(window.left.prediction.probs))


def test_percentages_never_round_to_certainty():
    from convviz.gui.presentation.numbers import percent
    assert percent(0.0) == "0.0%" and percent(1.0) == "100.0%"
    assert percent(1e-9) == "<0.1%" and percent(1 - 1e-9) == ">99.9%"
    assert percent(0.25) == "25.0%"
