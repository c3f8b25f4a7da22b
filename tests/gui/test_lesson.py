"""The lesson, driven as a learner drives it: every page's set-up puts the app in the state it
describes (network, step, selection, view, mistake), and every task is completed by the real mouse
and key events it asks for, after which the page says "Done — …" with the numbers seen."""

import html

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from convviz.engine import OpKind, StageId
from convviz.gui.panels.lesson.setups import SETUPS, TINY, find_step, state_matches
from convviz.gui.panels.lesson.tasks import CHECKS, forward_value
from convviz.gui.presentation.equations import equation_html
from convviz.gui.presentation.numbers import number


@pytest.fixture(scope="module")
def win(qapp, tmp_path_factory):
    """One window for the module's tests (building a window is slow); its own settings file."""
    from convviz.gui.shell.main_window import MainWindow
    folder = tmp_path_factory.mktemp("lesson")
    settings = QSettings(str(folder / "convviz.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings, my_digits_path=folder / "my-digits.npz", report_error=lambda *a: None)
    w.show()
    w.activateWindow()
    yield w
    w.training.shutdown()
    w.close()
    w.deleteLater()


def go_to_page(qtbot, win, page_id):
    lesson = win.lesson
    if not lesson.is_open:
        qtbot.mouseClick(lesson.prompt.start_button, Qt.LeftButton) if lesson.prompt.isVisible() else lesson.open()
    position = next(k for k, (_, p) in enumerate(lesson.pages) if p.id == page_id)
    if position == lesson.position:
        qtbot.mouseClick(lesson.pane.setup_button, Qt.LeftButton)
    lesson.go(position)
    qtbot.waitUntil(lambda: not win.panel.pipeline.relayout_pending, timeout=5000)
    win.activateWindow()
    return lesson


def click(qtbot, win, stage, index):
    pipe = win.panel.pipeline
    pos = pipe.element_widget_pos(stage, index)
    qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    assert win.panel.selection == (StageId.parse(stage), tuple(index))


def choose(qtbot, combo, data):
    """Pick the item holding `data` with the arrow keys, as a learner on the keyboard does."""
    combo.setFocus()
    key = Qt.Key_Down if combo.findData(data) > combo.currentIndex() else Qt.Key_Up
    while combo.currentData() != data:
        qtbot.keyClick(combo, key)


def apply(qtbot, win):
    editor = win.editor_docks.editor
    assert editor.apply_button.isEnabled()
    qtbot.mouseClick(editor.apply_button, Qt.LeftButton)


def assert_done(win, task_id, *expected):
    lesson = win.lesson
    line = lesson.done.get(task_id)
    assert line and line.startswith("Done — "), (task_id, line)
    for text in expected:
        assert text in line, (task_id, line, text)
    assert html.escape(line) in lesson.pane.tasks.text()           # the page says so


# ---- every page's set-up -------------------------------------------------------------------
@pytest.mark.parametrize("page_id", list(SETUPS))
def test_each_page_sets_the_app_up_as_it_says(qtbot, win, page_id):
    go_to_page(qtbot, win, page_id)
    setup = SETUPS[page_id]
    assert state_matches(win, setup)
    trace = win.session.trace
    assert win.session.net.config["input"] == ([8, 8] if setup.network == TINY else [28, 28])
    assert win.stepper.step().op == setup.step[0]
    if setup.step[1] is not None:
        assert win.stepper.step().layer == setup.step[1]
    assert win.stepper.index == find_step(trace, setup.step)
    assert win.panel.mode == setup.mode and win.session.mistake == setup.mistake
    if setup.selection is None:
        assert win.panel.selection is None
    else:
        assert win.panel.selection == (StageId.parse(setup.selection[0]), setup.selection[1])
    if setup.dock == "editor":
        assert win.editor_docks.editor_dock.isVisible()
    if setup.dock == "training":
        assert win.training_dock.isVisible()
    assert win.lesson.pane.title.text() and win.lesson.page.id == page_id
    # the page's equation typeset as the inspector's are (C_p -> C<sub>p</sub>), not as plain text
    assert win.lesson.pane.equation.text() == equation_html(win.lesson.page.equation)
    assert ("_" in win.lesson.page.equation) <= ("<sub>" in win.lesson.pane.equation.text())
    assert QApplication.activeModalWidget() is None


def test_every_task_has_a_check_and_every_page_a_setup(win):
    pages = [p for _, p in win.lesson.pages]
    assert {p.id for p in pages} == set(SETUPS)
    assert {t.id for p in pages for t in p.tasks} == set(CHECKS)


# ---- chapters 1–6: clicks on the pipeline ---------------------------------------------------
CLICKS = [("input-pixel", "click-input-pixel", "input", (0, 14, 14)),
          ("conv-sum", "click-second-map", "conv1.feature_maps", (1, 2, 3)),
          ("act-forward", "click-activated", "conv1.activated", (0, 2, 2)),
          ("act-derivative", "click-activation-grad", "conv1.feature_maps", (0, 3, 2)),
          ("pool-forward", "click-pooled", "conv1.pooled", (1, 1, 1)),
          ("pool-grad", "click-pool-grad", "conv1.activated", (0, 2, 3)),
          ("dense-flatten", "click-flatten", "flatten", (5,)),
          ("dense-layer", "click-dense", "dense1.z", (2,)),
          ("output-softmax", "click-probs", "out.probs", (4,)),
          ("back-weights", "click-kernel-grad", "conv1.kernels", (1, 0, 2, 0))]


@pytest.mark.parametrize("page_id, task_id, stage, index", CLICKS)
def test_clicking_the_element_the_task_asks_for_completes_it(qtbot, win, page_id, task_id, stage, index):
    lesson = go_to_page(qtbot, win, page_id)
    assert task_id not in lesson.done or lesson.done[task_id] == ""
    click(qtbot, win, stage, index)
    step = win.stepper.step()
    if step.phase == "forward":          # the number on the Done line is the one the forward step wrote
        value = forward_value(win.session.trace, StageId.parse(stage), index)
        assert value == float(np.asarray(win.session.trace[find_step(win.session.trace, (step.op, step.layer))]
                                         .arrays["output"])[index]) or stage != step.stage.name
    assert_done(win, task_id)


def test_a_click_on_the_wrong_map_does_not_complete_the_task(qtbot, win):
    lesson = go_to_page(qtbot, win, "conv-sum")
    lesson.done.pop("click-second-map", None)
    click(qtbot, win, "conv1.feature_maps", (0, 1, 1))       # the first map, not the second
    assert "click-second-map" not in lesson.done
    click(qtbot, win, "conv1.activated", (1, 1, 1))          # another stage
    assert "click-second-map" not in lesson.done
    click(qtbot, win, "conv1.feature_maps", (1, 1, 1))
    value = float(np.asarray(win.session.trace.find(OpKind.CONV).arrays["output"])[1, 1, 1])
    assert_done(win, "click-second-map", f"C_1[1, 1] = {number(value)}")


# ---- the editor: stride, padding, activation, pooling, loss ---------------------------------
def test_stride_two_in_the_editor_shows_eq_2_1(qtbot, win):
    go_to_page(qtbot, win, "conv-stride")
    spin = win.editor_docks.editor.convs[0].stride
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key_Up)
    apply(qtbot, win)
    assert win.session.net.config["conv"][0]["stride"] == [2, 2]
    assert_done(win, "stride-two", "(8 − 3 + 2·0)/2 + 1 = 3")
    assert win.stepper.step().op == OpKind.CONV                  # back at the convolution, now 3 × 3


def test_padding_one_in_the_editor(qtbot, win):
    go_to_page(qtbot, win, "conv-padding")
    assert win.session.net.config["conv"][0]["stride"] == [1, 1]      # the page set Tiny up again
    spin = win.editor_docks.editor.convs[0].padding
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key_Up)
    apply(qtbot, win)
    assert_done(win, "padding-one", "(8 − 3 + 2·1)/1 + 1 = 8")


@pytest.mark.parametrize("page_id, task_id, field, value", [("act-choose", "activation-tanh", "activation", "tanh"),
                                                            ("pool-kinds", "pool-average", "pool", "avg")])
def test_a_choice_in_the_editor(qtbot, win, page_id, task_id, field, value):
    go_to_page(qtbot, win, page_id)
    before = {k: v.copy() for k, v in win.session.net.params.items()}
    choose(qtbot, getattr(win.editor_docks.editor.convs[0], field), value)
    apply(qtbot, win)
    assert win.session.net.config["conv"][0][field] == value
    assert all(np.array_equal(before[k], v) for k, v in win.session.net.params.items())     # same weights
    assert_done(win, task_id)


def test_mse_compares_the_loss_gradient_with_cross_entropys(qtbot, win):
    go_to_page(qtbot, win, "loss-compare")
    trace = win.session.trace
    ce = float(np.asarray(trace.find(OpKind.LOSS_GRAD).arrays["grad_input"])[trace.label])
    choose(qtbot, win.editor_docks.editor.loss, "mse")
    apply(qtbot, win)
    trace = win.session.trace
    mse = float(np.asarray(trace.find(OpKind.LOSS_GRAD).arrays["grad_input"])[trace.label])
    assert_done(win, "loss-mse", number(ce), number(mse))
    assert win.stepper.step().op == OpKind.LOSS_GRAD
    assert ce != mse


# ---- chapters 7–9: keys, view buttons, the gradient check, descent --------------------------
def test_the_right_key_reaches_the_output_weights_gradient(qtbot, win):
    go_to_page(qtbot, win, "back-delta")
    qtbot.keyClick(win, Qt.Key_Right)
    assert win.stepper.step().op == OpKind.DENSE_DW
    assert_done(win, "reach-dense-dw", f"step {win.stepper.index + 1}")
    assert "All done here." in win.lesson.pane.tasks.text()


def test_the_gradients_button(qtbot, win):
    go_to_page(qtbot, win, "back-overlay")
    from convviz.gui.panels.iteration.panel_widgets import MODES
    qtbot.mouseClick(win.panel.mode_buttons.button(MODES.index("gradients")), Qt.LeftButton)
    assert_done(win, "gradients-view")


@pytest.mark.parametrize("page_id, task_id", [("check-element", "run-element-check"),
                                              ("check-mistake", "catch-mistake")])
def test_check_this_element(qtbot, win, page_id, task_id):
    go_to_page(qtbot, win, page_id)
    box = win.gradcheck.element
    with qtbot.waitSignal(box.checked, timeout=20000):
        qtbot.mouseClick(box.button, Qt.LeftButton)
    assert (box.last_check.status == "fail") == (page_id == "check-mistake")
    assert_done(win, task_id)


def test_u_applies_the_update(qtbot, win):
    go_to_page(qtbot, win, "descent-update")
    loss = win.session.trace.loss
    qtbot.keyClick(win, Qt.Key_U)
    assert_done(win, "apply-update", number(loss))


def test_alpha_in_its_box(qtbot, win):
    go_to_page(qtbot, win, "descent-alpha")
    spin = win.left.lr_spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key_Up)
    assert_done(win, "set-alpha", f"α = {win.session.lr:g}")


def test_start_in_the_training_panel(qtbot, win):
    go_to_page(qtbot, win, "descent-train")
    try:
        qtbot.mouseClick(win.training.start_button, Qt.LeftButton)
        assert_done(win, "train-run")
    finally:
        win.training.shutdown()


# ---- chapter 10: the learner's handwriting --------------------------------------------------
def test_drawing_a_stroke(qtbot, win, stroke):
    go_to_page(qtbot, win, "input-draw")
    canvas = win.left.canvas
    w, h = canvas.width(), canvas.height()
    stroke(canvas, [(w * 0.3, h * 0.3), (w * 0.7, h * 0.7)])
    digit = int(np.argmax(win.session.probs))
    assert_done(win, "draw-stroke", f"as a {digit}")


def test_own_digit_target_update_and_keep(qtbot, win, stroke):
    go_to_page(qtbot, win, "own-digit")
    canvas = win.left.canvas
    qtbot.keyClick(win, Qt.Key_Delete)                          # Canvas ▸ Clear
    qtbot.keyClick(win, Qt.Key_1)
    assert "own-target" not in win.lesson.done                  # a target, but nothing drawn yet
    w, h = canvas.width(), canvas.height()
    stroke(canvas, [(w * 0.5, h * 0.2), (w * 0.5, h * 0.8)])    # a 1
    qtbot.keyClick(win, Qt.Key_1)
    assert_done(win, "own-target", "y = 1")
    prob = win.session.probs[1]
    qtbot.keyClick(win, Qt.Key_U)
    assert_done(win, "own-update")
    assert win.session.probs[1] > prob
    go_to_page(qtbot, win, "own-keep")
    qtbot.keyClick(win, Qt.Key_D, Qt.ControlModifier)
    assert_done(win, "own-add", "1 of your digits")
    assert "That was the last page" in win.lesson.pane.tasks.text()


def test_check_gradients_window_on_the_tiny_network(qtbot, win):
    """Ctrl+G checks the network the lesson put in use (an 8 × 8 input, not the 28 × 28 drawing)."""
    go_to_page(qtbot, win, "check-element")
    qtbot.keyClick(win, Qt.Key_G, Qt.ControlModifier)
    view = win.gradcheck.view
    assert view is not None
    qtbot.waitUntil(lambda: view.result() is not None, timeout=60000)
    assert view.result().parameters
    view.close()


#: The tasks the tests above complete with real events; a new task needs a test here too.
DRIVEN = {task for _, task, _, _ in CLICKS} | {
    "draw-stroke", "stride-two", "padding-one", "activation-tanh", "pool-average", "loss-mse", "reach-dense-dw",
    "gradients-view", "run-element-check", "catch-mistake", "apply-update", "set-alpha", "train-run", "own-target",
    "own-update", "own-add"}


def test_every_task_is_driven_by_a_test_above():
    assert DRIVEN == set(CHECKS)
