"""This step's choice, in the window: the loss table shows the engine's numbers, the activation plot
marks the clicked element's C, σ(C) and σ′(C), and pooling shows one window under every kind."""

import numpy as np
import pytest
from editor_helpers import choose, click_apply, show_editor

from convviz.engine import OpKind, StageId, activations
from convviz.gui.panels.editor.choices import loss_table
from convviz.gui.presentation.numbers import number


@pytest.fixture
def tiny(window, qtbot):
    editor = show_editor(window, qtbot)
    choose(qtbot, editor.preset, "Tiny")
    click_apply(qtbot, editor)
    window.editor_docks.choice_dock.raise_()
    qtbot.waitExposed(window.editor_docks.choice)
    return window


def test_the_loss_steps_show_all_seven_losses_with_the_engines_numbers(tiny):
    trace = tiny.session.trace
    tiny.stepper.go(trace.find("loss").index)
    view = tiny.editor_docks.choice
    assert view.kind == "loss" and view.currentWidget() is view.text
    html = view.text.toPlainText()
    out = trace.find("output")
    rows, wrong = loss_table(out.arrays["output"], out.arrays["input"], trace.label, "softmax")
    assert len(rows) == 7
    ce = next(r for r in rows if r.loss == "cross_entropy")
    assert ce.value == trace.loss
    for r in rows:
        for v in (r.value, r.grad_target, r.grad_wrong):
            assert number(v).replace("<sup>", "").replace("</sup>", "") in html.replace("\n", "")


def test_an_activation_step_marks_the_clicked_elements_c(tiny):
    trace = tiny.session.trace
    act = next(s for s in trace if s.op == OpKind.ACTIVATION)
    tiny.stepper.go(act.index)
    tiny.panel.select(StageId("conv1", "activated"), (1, 2, 3))
    tiny.editor_docks.refresh_choice()
    view = tiny.editor_docks.choice
    c = act.arrays["input"][1, 2, 3]
    assert view.kind == "activation" and view.point == (c, max(c, 0.0), float(c > 0))
    xs, ys = view.marks.getData()
    assert list(xs) == [c, c] and list(ys) == [max(c, 0.0), float(c > 0)]
    x, y = view.sigma_curve.getData()
    np.testing.assert_array_equal(y, activations.activate("relu", x))


def test_a_pooling_step_shows_the_window_under_every_kind(tiny):
    trace = tiny.session.trace
    pool = next(s for s in trace if s.op == OpKind.POOL)
    tiny.stepper.go(pool.index)
    view = tiny.editor_docks.choice
    text = view.text.toPlainText()
    assert view.kind == "pool"
    a = pool.arrays["input"]                  # the most varied 2 × 2 window (stride 2) is shown
    windows = [(a[p, 2 * i:2 * i + 2, 2 * j:2 * j + 2], (p, i, j)) for p in range(a.shape[0])
               for i in range(a.shape[1] // 2) for j in range(a.shape[2] // 2)]
    window, (p, i, j) = max(windows, key=lambda w: w[0].max() - w[0].min())
    assert f"The window of P[{p}, {i}, {j}]" in text
    assert f"= {number(window.max())};" in text
    assert f"= {number(window.mean())};" in text
    assert f"= {number(np.sqrt((window ** 2).sum()))};" in text


def test_a_clicked_pooled_value_shows_its_own_window(tiny):
    trace = tiny.session.trace
    pool = next(s for s in trace if s.op == OpKind.POOL)
    tiny.stepper.go(pool.index)
    tiny.panel.select(StageId("conv1", "pooled"), (1, 0, 2))
    tiny.editor_docks.refresh_choice()
    text = tiny.editor_docks.choice.text.toPlainText()
    window = pool.arrays["input"][1, 0:2, 4:6]
    assert "The window of P[1, 0, 2]:" in text and f"= {number(window.max())};" in text


def test_without_a_click_the_element_the_step_moves_most_is_marked(tiny):
    trace = tiny.session.trace
    grad = next(s for s in trace if s.op == OpKind.ACTIVATION_GRAD)
    tiny.panel.clear_selection()
    tiny.stepper.go(grad.index)
    view = tiny.editor_docks.choice
    k = int(np.argmax(np.abs(grad.arrays["grad_input"].ravel())))
    c = grad.arrays["input"].ravel()[k]
    assert view.point[0] == c and "largest |δ|" in view.act_label.text()
