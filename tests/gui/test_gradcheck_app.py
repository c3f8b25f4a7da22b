"""The gradient check inside the app, driven by keys and clicks: Check this element gives the numbers
of central differences for the selected element; Ctrl+G (Train ▸ Check gradients…) opens the view on
a copy, fills it, and can be cancelled; mistakes mode changes the backward overlays, the check fails
only where the mistake acts, and turning it off restores the engine's backward run."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt

from convviz.engine import OpKind, StageId, gradcheck, mistakes
from convviz.gui.presentation.gradcheck_text import KINK_WHY, MISTAKE_NEEDS, MISTAKE_TITLE, MISTAKE_WHAT


def go_to(qtbot, window, step):
    """Step with the Right and Left keys, as a learner does, to `step`."""
    while window.stepper.index != step.index:
        qtbot.keyClick(window, Qt.Key_Right if window.stepper.index < step.index else Qt.Key_Left)


def click_element(qtbot, window, stage, index):
    pipe = window.panel.pipeline
    pos = pipe.element_widget_pos(stage, index)
    qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    assert window.panel.selection == (StageId.parse(stage), tuple(index))


def check_with_button(qtbot, window):
    box = window.gradcheck.element
    assert box.button.isEnabled()
    with qtbot.waitSignal(box.checked, timeout=10000) as blocker:
        qtbot.mouseClick(box.button, Qt.LeftButton)
    assert box.result.isVisible()
    return blocker.args[0], box.result.toPlainText()


def g(x, digits):
    return f"{float(x):.{digits}g}".replace("-", "−")


# (the step to stand at, the stage clicked, the index, the key and index check_element gets)
ELEMENTS = [
    ((OpKind.CONV_DK, "conv1"), "conv1.kernels", (2, 0, 1, 3), "conv1.W", (2, 0, 1, 3)),
    ((OpKind.CONV_DX, "conv1"), "input", (0, 12, 14), "input", (12, 14)),
    ((OpKind.ACTIVATION_GRAD, "conv1"), "conv1.feature_maps", (3, 10, 9), "conv1.feature_maps", (3, 10, 9)),
    ((OpKind.DENSE_DX, "out"), "dense1.a", (5,), "dense1.a", (5,)),
    ((OpKind.UPDATE, None), "conv2.kernels", (7, 4, 2, 2), "conv2.W", (7, 4, 2, 2)),
]


@pytest.mark.parametrize("where, stage, index, key, kindex", ELEMENTS)
def test_check_this_element_gives_both_values_and_both_losses(window, qtbot, where, stage, index, key, kindex):
    s = window.session
    before = {k: v.copy() for k, v in s.net.params.items()}
    go_to(qtbot, window, s.trace.find(*where))
    click_element(qtbot, window, stage, index)
    result, text = check_with_button(qtbot, window)
    expected = gradcheck.check_element(s.net, s.x28, s.label, key, kindex)
    assert (result.key, result.index) == (expected.key, expected.index)
    for field in ("value", "loss_plus", "loss_minus", "numeric", "analytic", "rel_error", "eps"):
        assert getattr(result, field) == getattr(expected, field), field
    if key in s.trace.grads:             # backprop's number is the trace's, to the last digit
        assert result.analytic == s.trace.grads[key][kindex]
    assert result.status == "pass"
    for number in (g(result.loss_plus, 15), g(result.loss_minus, 15), g(result.numeric, 10),
                   g(result.analytic, 10), g(result.rel_error, 3), g(result.eps, 3)):
        assert number in text
    assert "PASS" in text and "L(θ + ε)" in text and "L(θ − ε)" in text
    assert all(np.array_equal(before[k], s.net.params[k]) for k in before)     # the model untouched
    qtbot.keyClick(window, Qt.Key_Home)                                          # a forward step
    assert not window.gradcheck.element.button.isEnabled() and not window.gradcheck.element.result.isVisible()


def test_the_button_waits_for_a_selection_and_a_gradient(window, qtbot):
    box = window.gradcheck.element
    go_to(qtbot, window, window.session.trace.find(OpKind.CONV_DK, "conv1"))
    assert window.panel.selection is None and not box.button.isEnabled()
    assert "Select" in box.hint.text()
    go_to(qtbot, window, window.session.trace.find(OpKind.LOSS))
    window.panel.select("loss", ())
    qtbot.keyClick(window, Qt.Key_Right)                     # a backward step, but ∂L/∂L needs no check
    assert not box.button.isEnabled() and "loss" in box.hint.text()


def test_a_dense_weight_and_a_bias_are_checked(window, qtbot):
    s = window.session
    step = s.trace.find(OpKind.DENSE_DW, "dense1")
    go_to(qtbot, window, step)
    page = window.panel.detail.currentWidget()
    vb = page.images[0][0]
    pos = page.mapFromScene(vb.mapViewToScene(pg.Point(40.5, 3.5)))
    qtbot.mouseClick(page.viewport(), Qt.LeftButton, pos=pos)
    sel_stage, sel_index = window.panel.selection
    assert sel_stage.name == "dense1.W"
    result, text = check_with_button(qtbot, window)
    assert result.key == "dense1.W" and result.index == sel_index and result.status == "pass"
    assert result.analytic == s.trace.grads["dense1.W"][sel_index] and "W" in text
    window.panel.select("conv2.b", (5,))
    result, _ = check_with_button(qtbot, window)
    assert result.key == "conv2.b" and result.analytic == s.trace.grads["conv2.b"][5] and result.status == "pass"


def table(view):
    return {view.table.item(r, 0).text(): view.table.item(r, 4).text() for r in range(view.table.rowCount())}


def test_ctrl_g_opens_the_view_on_a_copy_fills_it_and_cancels(window, qtbot):
    s = window.session
    before = {k: v.copy() for k, v in s.net.params.items()}
    qtbot.keyClick(window, Qt.Key_G, Qt.ControlModifier)
    view = window.gradcheck.view
    assert view is not None and view.isVisible() and view.is_running()
    assert view.mistake.currentData() is None
    qtbot.waitUntil(lambda: view.result() is not None, timeout=60000)
    result = view.result()
    assert result.passed and table(view) == {k: "pass" for k in list(s.net.params) + ["input"]}
    assert all(p.checked == min(gradcheck.SAMPLES, p.size) for p in result.parameters)
    assert len(view.plot.getPlotItem().listDataItems()) == len(s.net.params) + 1
    assert view._net is not s.net and all(np.array_equal(before[k], s.net.params[k]) for k in before)
    qtbot.mouseClick(view.every, Qt.LeftButton)                  # every element: long enough to cancel
    with qtbot.waitSignal(view.progress.valueChanged, timeout=60000):
        qtbot.mouseClick(view.run_button, Qt.LeftButton)
    with qtbot.waitSignal(view.cancelled, timeout=60000):
        qtbot.mouseClick(view.cancel_button, Qt.LeftButton)
    assert view.result() is None and view.table.rowCount() == 0 and "Cancelled" in view.status.text()
    view.close()
    qtbot.waitUntil(lambda: window.gradcheck.view is None, timeout=5000)


def test_without_an_input_ctrl_g_says_what_is_missing(window, qtbot):
    qtbot.keyClick(window, Qt.Key_Delete)                   # clear the canvas
    assert window.session.trace is None
    qtbot.keyClick(window, Qt.Key_G, Qt.ControlModifier)
    assert window.gradcheck.view is None and "Draw a digit" in window.statusBar().currentMessage()


def mistake_action(window, name):
    return next(a for a in window.gradcheck.mistake_actions if a.data() == name)


def test_mistakes_mode_changes_the_overlays_and_turning_it_off_restores_them(window, qtbot):
    s, pipe = window.session, window.panel.pipeline
    right = s.trace
    step = right.find(OpKind.ACTIVATION_GRAD, "conv1")
    go_to(qtbot, window, step)
    shown_right = pipe.shown_overlay("conv1.feature_maps")[0].copy()
    above = right.find(OpKind.ACTIVATION_GRAD, "dense1")
    assert not window.gradcheck.banner.isVisible()
    with qtbot.waitSignal(s.traceChanged):
        mistake_action(window, "no-sigma-prime").trigger()
    assert s.mistake == "no-sigma-prime" and window.gradcheck.banner.isVisible()
    banner = window.gradcheck.banner.text.text()
    assert MISTAKE_TITLE["no-sigma-prime"] in banner and MISTAKE_WHAT["no-sigma-prime"] in banner
    assert "conv1, conv2, dense1" in banner
    wrong = s.trace
    _, grads, deltas = mistakes.backward(s.net, s.x28, s.label, "no-sigma-prime")
    go_to(qtbot, window, step)
    assert "The mistake acts at this step" in window.panel.inspector.toPlainText()
    marked = [r for r in range(window.panel.steps.count()) if "✗" in window.panel.steps.item(r).text()]
    assert marked == [t.index for t in wrong if t.meta.get("mistake")] and step.index in marked
    assert {wrong[r].layer for r in marked} == {"conv1", "conv2", "dense1"}
    shown = pipe.shown_overlay("conv1.feature_maps")[0]
    col = next(c for c in pipe.columns if c.stage == StageId.parse("conv1.feature_maps"))
    np.testing.assert_array_equal(wrong[step.index].arrays["grad_input"], deltas["conv1.feature_maps"][0])
    assert np.array_equal(np.nan_to_num(shown), np.nan_to_num(col.tiling.compose(deltas["conv1.feature_maps"][0])))
    assert not np.array_equal(np.nan_to_num(shown), np.nan_to_num(shown_right))
    # Above the mistake (out's δ, reaching dense1.a) nothing changes: it acts from dense1's σ′ down.
    np.testing.assert_array_equal(wrong[above.index].arrays["grad_output"], right[above.index].arrays["grad_output"])
    qtbot.keyClick(window, Qt.Key_U)                         # no mistaken update reaches the model
    assert s.updates_applied == 0 and not window.left.apply_button.isEnabled()
    with qtbot.waitSignal(s.traceChanged):
        qtbot.mouseClick(window.gradcheck.banner.off_button, Qt.LeftButton)
    assert s.mistake is None and not window.gradcheck.banner.isVisible() and window.left.apply_button.isEnabled()
    assert mistake_action(window, None).isChecked()
    go_to(qtbot, window, step)
    assert np.array_equal(np.nan_to_num(pipe.shown_overlay("conv1.feature_maps")[0]), np.nan_to_num(shown_right))
    assert "The mistake acts" not in window.panel.inspector.toPlainText()
    assert not any("✗" in window.panel.steps.item(r).text() for r in range(window.panel.steps.count()))
    for key in right.grads:
        np.testing.assert_array_equal(s.trace.grads[key], right.grads[key])


def test_the_check_fails_only_where_the_mistake_acts(window, qtbot):
    s = window.session
    name = "bias-no-sum"                                     # spoils conv1.b and conv2.b only
    mistake_action(window, name).trigger()
    step = s.trace.find(OpKind.CONV_DK, "conv1")
    go_to(qtbot, window, step)
    click_element(qtbot, window, "conv1.kernels", (1, 0, 2, 2))
    result, text = check_with_button(qtbot, window)
    assert result.status == "pass" and "with the mistake" in text
    window.panel.select("conv1.b", (1,))
    result, text = check_with_button(qtbot, window)
    assert result.status == "fail" and "FAIL" in text and MISTAKE_WHAT[name] in text
    assert result.analytic == s.trace.grads["conv1.b"][1] != pytest.approx(result.numeric, rel=1e-3)
    qtbot.keyClick(window, Qt.Key_G, Qt.ControlModifier)    # the whole network, with the mistake picked
    view = window.gradcheck.view
    assert view.mistake.currentData() == name
    qtbot.waitUntil(lambda: view.result() is not None, timeout=60000)
    assert {p.key for p in view.result().parameters if not p.passed} == {"conv1.b", "conv2.b"}
    assert {k for k, v in table(view).items() if v == "FAIL"} == {"conv1.b", "conv2.b"}
    view.close()


def test_every_sentence_has_a_catalogue_entry():
    from convviz.engine.kinks import WHY

    assert set(KINK_WHY) == set(WHY) and all(KINK_WHY[k] == WHY[k] for k in WHY)
    for m in mistakes.MISTAKES:           # the engine's English is the catalogue's source text
        assert (MISTAKE_TITLE[m.name], MISTAKE_WHAT[m.name], MISTAKE_NEEDS[m.name]) == (m.title, m.explanation,
                                                                                       m.needs)


def test_an_unknown_mistake_is_refused_and_changes_nothing(window):
    s = window.session
    trace = s.trace
    with pytest.raises(ValueError, match="no-sigma-prime"):
        s.set_mistake("forget-everything")
    assert s.mistake is None and s.trace is trace


WIDE = {"input": [28, 28],
        "conv": [{"kernels": 16, "size": 5, "padding": 2, "activation": "relu", "pool": "max"},
                 {"kernels": 48, "size": 5, "padding": 2, "activation": "relu", "pool": "max"}],
        "dense": [{"units": 64, "activation": "relu"}], "output": {"classes": 10}}


def test_a_slow_check_runs_off_the_gui_thread_and_a_stale_one_is_dropped(make_window, qtbot):
    from convviz.engine import Network

    window = make_window(net=Network(WIDE, seed=0))          # a check takes ~0.2 s here
    box = window.gradcheck.element
    qtbot.keyClick(window, Qt.Key_End)
    go_to(qtbot, window, window.session.trace.find(OpKind.UPDATE, "conv1"))
    click_element(qtbot, window, "conv1.kernels", (4, 0, 1, 1))
    shown = []
    box.checked.connect(shown.append)
    qtbot.mouseClick(box.button, Qt.LeftButton)
    assert not box.button.isEnabled() and "Checking" in box.hint.text()
    index = window.stepper.index
    qtbot.keyClick(window, Qt.Key_Left)                        # the app answers meanwhile
    assert window.stepper.index == index - 1
    click_element(qtbot, window, "conv1.kernels", (5, 0, 1, 1))  # another element: the first result is stale
    assert box.button.isEnabled()
    qtbot.wait(1000)
    assert box.last_check is None and not box.result.isVisible() and shown == []
    result, text = check_with_button(qtbot, window)
    assert (result.key, result.index) == ("conv1.W", (5, 0, 1, 1)) and result.status == "pass"


def test_closing_the_app_closes_the_check_window_and_stops_its_check(window, qtbot):
    from convviz.gui.panels.gradcheck import view as view_module

    qtbot.keyClick(window, Qt.Key_G, Qt.ControlModifier)
    view = window.gradcheck.view
    qtbot.waitUntil(lambda: view.result() is not None, timeout=60000)
    qtbot.mouseClick(view.every, Qt.LeftButton)               # every element: seconds of work
    with qtbot.waitSignal(view.progress.valueChanged, timeout=60000):
        qtbot.mouseClick(view.run_button, Qt.LeftButton)
    window.close()
    qtbot.waitUntil(lambda: window.gradcheck.view is None, timeout=5000)
    qtbot.waitUntil(lambda: all(t.isFinished() for t in view_module._THREADS), timeout=10000)


def test_a_check_that_cannot_run_says_why_and_keeps_the_app(make_window, qtbot):
    from convviz.engine import Network

    window = make_window(net=Network(seed=0, dtype=np.float32))
    box = window.gradcheck.element
    qtbot.keyClick(window, Qt.Key_End)
    go_to(qtbot, window, window.session.trace.find(OpKind.UPDATE, "conv1"))
    click_element(qtbot, window, "conv1.kernels", (1, 0, 1, 1))
    qtbot.mouseClick(box.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: box.result.isVisible(), timeout=10000)
    text = box.result.toPlainText()
    assert "could not run" in text and "float64" in text and box.last_check is None
    assert box.button.isEnabled() and window.session.trace is not None
