"""What a learner trips over (issue 14), driven with real keys and clicks."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from convviz.engine import OpKind, StageId
from convviz.gui.widgets import colors


def _type_lr(window, qtbot, text):
    """Type α into its box and press Return, as a learner would."""
    window.left.lr_spin.setFocus()
    window.left.lr_spin.selectAll()
    qtbot.keyClicks(window.left.lr_spin, text)
    qtbot.keyClick(window.left.lr_spin, Qt.Key_Return)


def _press(window, qtbot, key, times=1):
    for _ in range(times):
        qtbot.keyClick(window, key)


# ---- 1: forward colour scales come from what the step shows ----------------------------
def test_forward_scales_do_not_depend_on_alpha(window, qtbot):
    conv1, conv2 = StageId.parse("conv1.feature_maps"), StageId.parse("conv2.feature_maps")
    _press(window, qtbot, Qt.Key_Home)
    _press(window, qtbot, Qt.Key_Right, 4)
    pipe = window.panel.pipeline
    small = {s: pipe.views[s].levels for s in (conv1, conv2) if pipe.shown_image(s) is not None}
    assert conv1 in small
    _type_lr(window, qtbot, "5")
    assert window.session.lr == 5
    _press(window, qtbot, Qt.Key_Home)
    _press(window, qtbot, Qt.Key_Right, 4)
    big = {s: window.panel.pipeline.views[s].levels for s in small}
    assert big == small
    trace = window.session.trace
    shown = trace[window.stepper.index]
    # the scale is that of the array the step shows, nothing else
    col = next(c for c in window.panel.pipeline.columns if c.stage == conv1)
    assert window.panel.pipeline.views[conv1].levels == colors.value_levels([col.latest(col.values, shown.index)[1]])
    # after the update the rerun shows the new values on their own scale
    _press(window, qtbot, Qt.Key_End)
    after = col.latest(col.values, window.stepper.index)[1]
    assert window.panel.pipeline.views[conv1].levels == colors.value_levels([after])


# ---- 7: one history with the weights ---------------------------------------------------
def test_changing_the_target_keeps_the_history_of_these_weights(window, qtbot):
    s = window.session
    qtbot.keyClick(window, Qt.Key_U)
    qtbot.keyClick(window, Qt.Key_U)
    assert s.updates_applied == 2 and s.iteration == 3 and len(s.loss_history) == 3
    first_two = s.loss_history[:2]
    qtbot.keyClick(window, Qt.Key_4)                        # another target: same weights, same history
    assert s.label == 4 and s.updates_applied == 2 and s.iteration == 3
    assert s.loss_history[:2] == first_two and s.loss_history[2] == s.trace.loss
    assert "Iteration 3" in window.left.loss_text.text()
    qtbot.keyClick(window, Qt.Key_U)
    assert s.iteration == 4 and s.target_history[-2:] == [4, 4]
    assert "(y=4)" in window.left.loss_text.text()           # the change of target is marked
    qtbot.mouseClick(window.left.reset_button, Qt.LeftButton)   # the weights start over: so does the history
    assert s.updates_applied == 0 and s.iteration == 1 and s.loss_history == [s.trace.loss]
    assert "Iteration 1" in window.left.loss_text.text()


# ---- 8: drawing keeps the step ---------------------------------------------------------
def test_drawing_at_step_20_stays_at_step_20_of_the_new_trace(window, qtbot, stroke):
    _press(window, qtbot, Qt.Key_Right, 19)
    old = window.session.trace
    assert window.stepper.index == 19
    stroke(window.left.canvas, [(60, 60), (200, 220)])
    assert window.session.trace is not old and window.stepper.trace is window.session.trace
    assert window.stepper.index == 19
    assert "Step 20 /" in window.panel.counter.text()
    _type_lr(window, qtbot, "0.002")                       # α recomputes the same iteration too
    assert window.session.trace.lr == 0.002 and window.stepper.index == 19
    qtbot.keyClick(window, Qt.Key_U)                      # an applied update starts a new iteration
    assert window.stepper.index == 0


# ---- 6: the phase badges are buttons ---------------------------------------------------
@pytest.mark.parametrize("phase", ["loss", "backward", "update", "forward"])
def test_phase_badges_jump_to_their_first_step(window, qtbot, phase):
    trace = window.session.trace
    _press(window, qtbot, Qt.Key_End)
    badge = window.panel.phase.labels[phase]
    qtbot.mouseClick(badge, Qt.LeftButton)
    first = next(s.index for s in trace if s.phase == phase)
    assert window.stepper.index == first and window.panel.phase.current == phase
    assert first == 0 or trace[first - 1].phase != phase


# ---- 3: α's range is shown, and a large α does not come back unasked ---------------------
def test_alpha_range_is_shown_and_the_next_launch_starts_at_the_default(make_window, qtbot):
    from convviz.gui.models.session import DEFAULT_LR
    win = make_window()
    lo, hi = win.left.lr_spin.minimum(), win.left.lr_spin.maximum()
    assert win.left.lr_range.isVisible() and win.left.lr_range.text() == f"{lo:g} – {hi:g}"
    assert f"{hi:g}" in win.left.lr_spin.toolTip()
    _type_lr(win, qtbot, "5")
    assert win.session.lr == 5
    win.close()
    again = make_window()
    assert again.session.lr == DEFAULT_LR and again.left.lr_spin.value() == DEFAULT_LR
    _type_lr(again, qtbot, "0.02")
    again.menus.remember_lr_action.trigger()                # the learner asks to keep it
    again.close()
    third = make_window()
    assert third.session.lr == 0.02 and third.menus.remember_lr_action.isChecked()


# ---- 2: a large α warns, suggests a smaller one and offers a reset -----------------------
def test_a_ruinous_update_warns_and_offers_reset_and_a_smaller_alpha(window, qtbot):
    bar = window.update_warning
    qtbot.keyClick(window, Qt.Key_U)                         # the default α: no warning
    assert not bar.isVisible()
    qtbot.keyClick(window, Qt.Key_4)                         # a wrong target ...
    _type_lr(window, qtbot, "5")                             # ... and a huge α
    before = window.session.trace
    qtbot.keyClick(window, Qt.Key_U)
    assert bar.isVisible()
    text = bar.text.text()
    assert "α = 5" in text and "saturated" in text
    rerun = before.find(OpKind.RERUN)
    assert ("raised" in text) == bool(rerun.arrays["loss_after"] > rerun.arrays["loss_before"])
    qtbot.mouseClick(bar.smaller, Qt.LeftButton)             # α ÷ 10, the model is kept
    assert window.session.lr == 0.5 and not bar.isVisible() and window.session.updates_applied == 2
    qtbot.keyClick(window, Qt.Key_U)
    if bar.isVisible():
        qtbot.mouseClick(bar.reset, Qt.LeftButton)           # Reset from the message
        assert window.session.updates_applied == 0 and not bar.isVisible()


def test_the_rerun_says_when_the_loss_rose(window, qtbot):
    from convviz.gui.presentation import catalogue
    rerun = window.session.trace.find(OpKind.RERUN)
    rose = dict(rerun.arrays, loss_after=np.float64(rerun.arrays["loss_before"] + 1))
    fell = dict(rerun.arrays, loss_after=np.float64(rerun.arrays["loss_before"] - 1))
    from dataclasses import replace
    assert "loss rose" in catalogue.about(replace(rerun, arrays=rose))
    assert "loss rose" not in catalogue.about(replace(rerun, arrays=fell))


# ---- 4: one gradient scale for the step, or each stage its own, and the legend says which ---
def test_gradient_scale_one_for_the_step_or_each_stage(window, qtbot):
    panel, pipe = window.panel, window.panel.pipeline
    _press(window, qtbot, Qt.Key_Home)
    _press(window, qtbot, Qt.Key_Right, 15)                 # step 16: several stages have gradients
    shown = {c.stage: pipe.shown_overlay(c.stage) for c in pipe.columns if c.tiling is not None}
    shown = {s: o for s, o in shown.items() if o is not None}
    assert len(shown) >= 2
    own = {tuple(o[1]) for o in shown.values()}
    assert len(own) >= 2 and "own scale" in pipe.colorbar_label.text
    box = panel.scale_box
    box.setCurrentIndex(box.findData("step"))                # as the combo box does when a learner picks it
    assert panel.scale == "step"
    one = {s: tuple(pipe.shown_overlay(s)[1]) for s in shown}
    top = max(lv[1] for lv in own)
    assert set(one.values()) == {(-top, top)}
    assert "one scale" in pipe.colorbar_label.text
    assert tuple(pipe.colorbar.levels()) == pytest.approx((-top, top))
    labels = {pipe.views[s].gradlabel.text for s in shown}
    assert len(labels) == 1


# ---- 5: Values / Gradients / Both also change the big view; the saliency shows the digit -----
def test_modes_change_the_big_view_and_the_saliency_shows_the_digit(window, qtbot):
    from convviz.engine import StageKind
    panel, trace = window.panel, window.session.trace
    saliency = next(s for s in trace if s.op == OpKind.CONV_DX and s.stage.kind == StageKind.INPUT)
    qtbot.mouseClick(panel.phase.labels["backward"], Qt.LeftButton)
    panel.stepper.go(saliency.index)
    digit = window.panel.pipeline.columns[0].tiling.compose(trace[0].arrays["output"])
    grad = saliency.arrays["grad_input"]

    def click_mode(k):
        qtbot.mouseClick(panel.mode_buttons.button(k), Qt.LeftButton)

    click_mode(2)                                            # Both: the digit under its gradient
    (stage, image, levels, lut), = panel.detail.shown_big()[-1:]
    np.testing.assert_array_equal(image, digit)
    overlay = panel.detail.shown_big_overlays()[-1][1]
    assert overlay is not None and np.array_equal(overlay, panel.pipeline.columns[0].tiling.compose(grad))
    click_mode(1)                                            # Gradients: the gradient alone
    image = panel.detail.shown_big()[-1][1]
    assert panel.detail.shown_big_overlays()[-1][1] is None
    np.testing.assert_array_equal(image, panel.pipeline.columns[0].tiling.compose(grad))
    click_mode(0)                                            # Values: the values alone
    image = panel.detail.shown_big()[-1][1]
    assert panel.detail.shown_big_overlays()[-1][1] is None
    np.testing.assert_array_equal(image, digit)


# ---- 9: the update's change Δ = −α·∇ on its own scale, and its size in numbers ------------
@pytest.mark.parametrize("which", ["conv1.W", "out.b"])
def test_update_shows_delta_on_its_own_scale(window, qtbot, which):
    from convviz.gui.presentation.numbers import plain_number
    trace = window.session.trace
    step = next(s for s in trace if s.op == OpKind.UPDATE and s.stage.name == which)
    qtbot.mouseClick(window.panel.phase.labels["update"], Qt.LeftButton)
    _press(window, qtbot, Qt.Key_Right, step.index - window.stepper.index)
    assert window.stepper.index == step.index
    detail = window.panel.detail
    page = detail.currentWidget()
    delta = step.arrays["delta"]
    np.testing.assert_array_equal(step.arrays["before"] + delta, step.arrays["after"])
    top = float(np.abs(delta).max())
    assert top > 0 and f"|Δ| = {plain_number(top, 2)}" in page.title.text
    if step.arrays["before"].ndim >= 2:
        vb, img = page.images[2]
        assert tuple(img.levels) == pytest.approx((-top, top))     # its own scale, not the weights'
        assert "Δ = −α·∇" in page.captions[2].text
        assert tuple(page.images[0][1].levels)[1] > 10 * top       # on the weights' scale Δ would vanish
    else:
        heights = page.bars[2].opts["height"]
        np.testing.assert_array_equal(heights, delta)


# ---- 10: the first screen says what to do and names the empty stages ----------------------
def test_first_screen_hints_to_step_and_empty_stages_say_when_they_fill(window, qtbot):
    panel, pipe = window.panel, window.panel.pipeline
    assert window.stepper.index == 0
    assert panel.readout.isVisible() and "Press →" in panel.readout.text()
    empty = [c for c in pipe.columns if c.latest(c.values, 0) is None]
    assert len(empty) >= 10
    for c in empty:
        assert f"{c.forward_index + 1}" == pipe.views[c.stage].pending.textItem.toPlainText().split()[-1]
    filled = pipe.views[pipe.columns[0].stage].pending.textItem.toPlainText()
    assert filled == ""
    qtbot.keyClick(window, Qt.Key_Right)
    assert "Press →" not in panel.readout.text()
    conv = next(c for c in pipe.columns if c.forward_index == 1)
    assert pipe.views[conv.stage].pending.textItem.toPlainText() == ""
    qtbot.keyClick(window, Qt.Key_Home)
    assert "Press →" not in panel.readout.text()             # once stepped, the hint stays away


# ---- 16: the runner-up and a log scale for the bars ------------------------------------------
def test_runner_up_is_named_and_bars_can_use_a_log_scale(window, qtbot, stroke):
    from convviz.gui.presentation.numbers import bar_fraction, precise_percent
    left = window.left
    probs = window.session.probs
    order = np.argsort(probs)
    second = int(order[-2])
    assert left.runner_up.text() == f"2nd: {second} ({precise_percent(probs[second])})"
    assert precise_percent(1.2e-5) == "0.0012%" and precise_percent(0.081) == "8.1%"
    assert not left.prediction.log_scale
    qtbot.mouseClick(left.log_bars, Qt.LeftButton)
    assert left.prediction.log_scale
    assert bar_fraction(1e-4, True) == pytest.approx(1 / 3) and bar_fraction(1.0, True) == 1.0
    assert bar_fraction(1e-9, True) == 0.0 and bar_fraction(0.25) == 0.25
    qtbot.mouseClick(left.log_bars, Qt.LeftButton)
    assert not left.prediction.log_scale


# ---- 17: Reset says which model it returns to ------------------------------------------------
def test_reset_names_the_model_it_returns_to(window, qtbot, tmp_path):
    left = window.left
    assert "pretrained" in left.reset_button.toolTip()
    path = tmp_path / "mine.npz"
    window.session.net.save(path)
    assert window.files.open_model(str(path))
    assert "mine.npz" in left.reset_button.toolTip() and "pretrained" not in left.reset_button.toolTip()
    qtbot.keyClick(window, Qt.Key_U)
    qtbot.mouseClick(left.reset_button, Qt.LeftButton)
    assert window.session.updates_applied == 0
    assert "mine.npz" in window.statusBar().currentMessage()


# ---- 14: at 1366 × 768 the selected element's numbers come first, the legend stays in view ----
def test_laptop_screen_numbers_first_and_legend_in_view(window, qtbot):
    from PySide6.QtCore import QPoint
    window.resize(1366, 768)
    panel, pipe = window.panel, window.panel.pipeline
    qtbot.waitUntil(lambda: not pipe.relayout_pending, timeout=3000)
    _press(window, qtbot, Qt.Key_Right)                      # step 2: conv1
    qtbot.waitUntil(lambda: not pipe.relayout_pending, timeout=3000)
    pos = pipe.element_widget_pos("conv1.feature_maps", (0, 10, 10))
    qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    assert panel.selection is not None
    from convviz.gui.presentation import catalogue
    text = panel.inspector.toPlainText()
    about = catalogue.about(panel.stepper.step())[:30]
    assert about in text and "Selected:" in text
    assert text.index("Selected:") < text.index(about)       # the numbers come before the general text
    _press(window, qtbot, Qt.Key_Right, 14)                  # a backward step: the gradient legend
    legend = pipe.legend
    assert legend.isVisible() and pipe.colorbar.isVisible()
    right = legend.mapTo(window, QPoint(legend.width(), 0)).x()
    assert right <= window.width()


# ---- 11: one grid for a stage's maps within the big view (the δ beside the maps it feeds) -------
def test_maps_beside_each_other_share_one_grid(window, qtbot):
    panel = window.panel
    trace = window.session.trace
    checked = 0
    for s in trace:
        if s.op not in (OpKind.POOL_GRAD, OpKind.ACTIVATION_GRAD, OpKind.CONV_DX, OpKind.ACTIVATION):
            continue
        panel.stepper.go(s.index)
        page = panel.detail.currentWidget()
        grids = {}
        for big in page.active:
            t = big.tiling
            if t is None or not hasattr(t, "rows") or t.channels != 1:
                continue
            grids.setdefault(t.n, set()).add((t.rows, t.cols))
        for n, seen in grids.items():
            assert len(seen) == 1, (s.index, s.op, n, seen)
            checked += 1
    assert checked >= 4


# ---- 15: exports: the step's stage only, the step numbered as shown, the whole iteration ------
def test_exports_name_the_step_and_the_whole_iteration(window, qtbot, tmp_path):
    import json

    from PySide6.QtGui import QImage
    _press(window, qtbot, Qt.Key_Right, 4)                   # "Step 5"
    step = window.stepper.step()
    assert window.files.export_step_arrays(str(tmp_path / "s.npz"))
    with np.load(tmp_path / "s.npz") as d:
        assert int(d["step"]) == 5 and str(d["op"]) == str(step.op) and str(d["equation"]) == step.equation
    assert window.files.export_stage_png(str(tmp_path / "stage.png"))
    stage = QImage(str(tmp_path / "stage.png"))
    whole = window.panel.pipeline.graphics.grab()
    assert 0 < stage.width() < whole.width() / 3                 # one stage, not the strip with blank columns
    assert window.files.export_iteration(str(tmp_path / "it.npz"))
    index = json.loads((tmp_path / "it.json").read_text(encoding="utf-8"))
    assert len(index["steps"]) == len(window.session.trace) and index["steps"][4]["op"] == str(step.op)
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert any("whole iteration" in t for t in titles)


# ---- 13 (part): hover readout in the big view, the whole step title at hand ----------------------
def test_big_view_hover_reads_out_and_the_title_is_whole(window, qtbot):
    from convviz.gui.presentation.equations import title_text
    from convviz.gui.widgets.translate import step_title
    panel = window.panel
    _press(window, qtbot, Qt.Key_Right)                       # conv1: the big view shows its maps
    detail = panel.detail
    pos = detail.big_element_pos(len(detail.currentWidget().active) - 1, (2, 5, 7))
    qtbot.mouseMove(detail.currentWidget().viewport(), pos)
    qtbot.waitUntil(lambda: "conv1 C[p=2, i=5, j=7]" in panel.readout.text(), timeout=2000)
    assert "value" in panel.readout.text()
    assert panel.counter.toolTip() == title_text(step_title(panel.stepper.step()))


# ---- 12 (part): the pooling windows are drawn over the maps they pool, and over ∂L/∂A ---------
@pytest.mark.parametrize("op", [OpKind.POOL, OpKind.POOL_GRAD])
def test_pooling_windows_are_drawn(window, qtbot, op):
    from convviz.gui.presentation.mosaic import window_lines
    trace = window.session.trace
    step = next(s for s in trace if s.op == op)
    window.panel.stepper.go(step.index)
    page = window.panel.detail.currentWidget()
    source = step.arrays["input" if op == OpKind.POOL else "grad_input"]
    drawn = [p for p in page.active if p.windows is not None and p.windows.isVisible()]
    assert len(drawn) == 1 and (drawn[0].tiling.h, drawn[0].tiling.w) == source.shape[1:]
    lines = window_lines(drawn[0].tiling, step.meta["pool_size"], step.meta["pool_stride"])
    d, h, w = source.shape
    ph, pw = step.meta["pool_size"]
    assert len(lines) == d * ((w // pw + 1) + (h // ph + 1))     # 2 × 2 windows on 24 × 24: 13 + 13 lines a map
    _press(window, qtbot, Qt.Key_Home)                            # no pooling: no grid
    assert not any(p.windows is not None and p.windows.isVisible() for p in page.panels)


# ---- 12 (part): playing a convolution step slides its receptive field -----------------------
def test_playing_a_conv_step_slides_the_receptive_field(window, qtbot):
    panel, stepper = window.panel, window.stepper
    conv = window.session.trace.find(OpKind.CONV)
    stepper.go(conv.index - 1)
    seen = []
    stepper.set_speed(1.0)
    qtbot.keyClick(window, Qt.Key_Space)                     # play
    qtbot.waitUntil(lambda: stepper.index == conv.index, timeout=3000)
    for _ in range(40):
        if panel.selection is not None and panel.selection[0] == conv.stage:
            seen.append(panel.selection[1])
        qtbot.wait(25)
        if len(set(seen)) >= 3 or stepper.index != conv.index:
            break
    assert len(set(seen)) >= 3                               # the window moved across the map
    assert all(p == 0 and i == conv.arrays["output"].shape[1] // 2 for p, i, _ in seen)
    qtbot.keyClick(window, Qt.Key_Space)                     # pause: the learner's selection (none) is back
    assert not stepper.playing and panel.selection is None
