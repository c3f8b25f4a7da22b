"""Numbers printed in the cells of a map where the cells are big enough (the editor's Tiny preset):
the printed numbers are the engine's values and gradients as presentation.numbers formats them,
in a colour that contrasts with the cell, and none where the cells are too small."""

import numpy as np
import pyqtgraph as pg
import pytest
from editor_helpers import click_apply, show_editor
from PySide6.QtCore import QPoint, Qt

from convviz.engine import OpKind, StageId
from convviz.gui.presentation.numbers import plain_number
from convviz.gui.widgets import colors
from convviz.gui.widgets.cell_numbers import CellNumbers, bar_labels, cell_texts


def test_a_light_cell_gets_dark_text_and_a_dark_cell_light_text(qapp):
    img = pg.ImageItem(np.array([[0.0, 1.0], [0.25, np.nan]]), axisOrder="row-major", levels=(0, 1))
    img.setLookupTable(colors.grey_lut())
    texts = {(i, j): (lines, dark) for i, j, lines, dark in cell_texts(img)}
    assert texts == {(0, 0): (("0",), False), (0, 1): (("1",), True), (1, 0): (("0.25",), False)}  # NaN: a gap


def test_over_a_gradient_the_value_and_the_gradient_are_printed(qapp):
    img = pg.ImageItem(np.array([[0.5, 0.5]]), axisOrder="row-major", levels=(0, 1))
    ovl = pg.ImageItem(np.array([[-0.01234, 0.0]]), axisOrder="row-major", levels=(-0.02, 0.02))
    ovl.setParentItem(img)
    ovl.setLookupTable(colors.blend_lut())        # Both: the gradient over the values
    assert [t[2] for t in cell_texts(img, ovl)] == [("0.5", "−0.0123"), ("0.5", "0")]
    ovl.setLookupTable(colors.diverging_lut())    # Gradients: opaque, the values are hidden beneath
    assert [t[2] for t in cell_texts(img, ovl)] == [("−0.0123",), ("0",)]
    ovl.setVisible(False)
    assert [t[2] for t in cell_texts(img, ovl)] == [("0.5",), ("0.5",)]


@pytest.fixture
def tiny(window, qtbot):
    window.resize(1600, 1000)
    editor = show_editor(window, qtbot)
    editor.load_preset("Tiny")
    click_apply(qtbot, editor)
    qtbot.waitUntil(lambda: window.session.net.config["input"] == [8, 8], timeout=3000)
    window.editor_docks.editor_dock.hide()          # the iteration gets the window's width back
    window.editor_docks.choice_dock.hide()          # (the choices' dock too: beside it, it now stays docked)
    qtbot.wait(200)
    window.resize(1600, 1000)        # 1600 × 1000 again (a dock shown may have fitted it to the test's screen)
    qtbot.waitUntil(lambda: window.panel.pipeline.width() > 1000, timeout=3000)
    qtbot.waitUntil(lambda: not window.panel.pipeline.relayout_pending, timeout=3000)
    return window


def _go(window, qtbot, op, layer=None):
    trace = window.stepper.trace
    step = trace.find(op, layer) if layer else trace.find(op)
    window.stepper.go(step.index)
    qtbot.wait(50)
    return step


def _printed_equal_engine(numbers, tiling, arrays):
    """Every printed cell's lines equal the engine's arrays at that element, formatted (3 significant
    digits, or 2 where 3 do not fit)."""
    printed = numbers.printed()
    assert printed, "no numbers printed"
    for i, j, lines in printed:
        index = tiling.locate(j + 0.5, i + 0.5) if tiling is not None else (i, j)
        values = [np.asarray(a)[tuple(index)] for a in arrays][-len(lines):]
        assert lines in (tuple(plain_number(v, 3) for v in values), tuple(plain_number(v, 2) for v in values)), \
            (index, lines, values)
    return printed


def test_tiny_prints_the_engines_values_and_gradients_in_the_pipeline(tiny, qtbot):
    step = _go(tiny, qtbot, OpKind.POOL_GRAD)
    pipe = tiny.panel.pipeline
    trace = tiny.stepper.trace
    pooled = StageId.parse("conv1.pooled")
    v = pipe.views[pooled]
    values = trace.find(OpKind.POOL).arrays["output"]
    grads = trace.find(OpKind.UNFLATTEN).arrays["grad_input"]
    printed = _printed_equal_engine(v.numbers, v.col.tiling, [values, grads])
    assert len(printed) == values.size                       # every element of the stage
    assert any(len(lines) == 2 for _, _, lines in printed)   # Both: the value and its gradient
    kernels = pipe.views[StageId.parse("conv1.kernels")]
    assert len(_printed_equal_engine(kernels.numbers, kernels.col.tiling, [trace.find(OpKind.CONV).arrays["W"]])) == 18
    dense = pipe.views[StageId.parse("dense1.z")]            # a strip: the units' z and ∂L/∂z
    assert len(_printed_equal_engine(dense.numbers, dense.col.tiling, [
        trace.find(OpKind.DENSE, "dense1").arrays["output"], trace.find(OpKind.ACTIVATION_GRAD, "dense1")
        .arrays["grad_input"]])) == 6
    assert step.op == OpKind.POOL_GRAD


def test_tiny_prints_the_dense_weight_gradient_and_the_update(tiny, qtbot):
    step = _go(tiny, qtbot, OpKind.DENSE_DW, "out")
    heat = tiny.panel.detail.params.pages["heat"]
    printed = _printed_equal_engine(heat.numbers[0], None, [step.arrays["grad_W"]])
    assert len(printed) == step.arrays["grad_W"].size
    step = _go(tiny, qtbot, OpKind.UPDATE, "conv1")     # the kernels: before, ∇, Δ and after, all printed
    assert step.stage == StageId.parse("conv1.W")
    page = tiny.panel.detail.params.pages["images4"]
    for k, name in enumerate(("before", "grad", "delta", "after")):
        tiling = tiny.panel.detail.params.heat[k][3]
        assert len(_printed_equal_engine(page.numbers[k], tiling, [step.arrays[name]])) == step.arrays[name].size


def test_no_numbers_where_the_cells_are_small(window, qtbot):
    """The shipped 28 × 28 network: its maps' cells are a few pixels, so nothing is printed."""
    window.resize(1600, 1000)
    _go(window, qtbot, OpKind.CONV)
    assert window.panel.pipeline.room is None            # its usual layout: no room made for numbers
    for v in window.panel.pipeline.views.values():
        if v.numbers is not None and v.col.kind == "maps":
            assert v.numbers.printed() == []
    assert isinstance(window.panel.detail.pages["big"].main.cell_numbers, CellNumbers)


def test_tiny_prints_each_bias_bar_s_number(tiny, qtbot):
    step = _go(tiny, qtbot, OpKind.DENSE_DB, "out")
    page = tiny.panel.detail.params.pages["bars"]
    assert bar_labels(page.plots[0]) == [plain_number(g, 3) for g in step.arrays["grad_b"]]
    step = next(s for s in tiny.stepper.trace if s.op == OpKind.UPDATE and s.stage.name == "conv1.b")
    _go_to(tiny, qtbot, step)
    page = tiny.panel.detail.params.pages["bars4"]
    for k, name in enumerate(("before", "grad", "delta", "after")):    # 2 biases: room in each plot
        assert bar_labels(page.plots[k]) == [plain_number(v, 3) for v in step.arrays[name]]


def test_many_bars_print_no_numbers(window, qtbot):
    window.resize(1600, 1000)
    _go(window, qtbot, OpKind.DENSE_DB, "dense1")          # the shipped model's 64 units
    assert bar_labels(window.panel.detail.params.pages["bars"].plots[0]) == []


def _go_to(window, qtbot, step):
    window.stepper.go(step.index)
    qtbot.wait(50)


def test_tiny_prints_every_map_stage_of_every_forward_step(tiny, qtbot):
    """The pipeline gives a small network's columns the room their numbers need (it scrolls
    sideways): at each forward step every stage reached prints each of its values."""
    pipe = tiny.panel.pipeline
    assert pipe.room is not None and pipe.horizontalScrollBar().maximum() > 0
    trace = tiny.stepper.trace
    forward = [s for s in trace if s.phase == "forward"]
    assert len(forward) >= 6
    seen = set()
    for step in forward:
        _go_to(tiny, qtbot, step)
        for col in pipe.columns:
            val = col.latest(col.values, step.index)
            if col.kind not in ("maps", "kernels", "vector") or val is None:
                continue
            v = pipe.views[col.stage]
            printed = _printed_equal_engine(v.numbers, v.col.tiling, [val[1]])
            assert len(printed) == np.size(val[1]), (step.op, col.stage)
            seen.add(col.stage)
    assert {StageId.parse(n) for n in ("input", "conv1.feature_maps", "conv1.activated", "conv1.pooled",
                                       "flatten")} <= seen


def test_tiny_numbers_in_both_mode_and_a_click_after_scrolling(tiny, qtbot):
    pipe = tiny.panel.pipeline
    step = _go(tiny, qtbot, OpKind.ACTIVATION_GRAD, "conv1")    # ∂L/∂C over the feature maps: two lines a cell
    trace = tiny.stepper.trace
    v = pipe.views[StageId.parse("conv1.feature_maps")]
    printed = _printed_equal_engine(v.numbers, v.col.tiling, [trace.find(OpKind.CONV).arrays["output"],
                                                             step.arrays["grad_input"]])
    assert len(printed) == 72 and all(len(lines) == 2 for _, _, lines in printed)
    flat = pipe.views[StageId.parse("flatten")]
    assert all(len(lines) == 2 for _, _, lines in flat.numbers.printed()) and len(flat.numbers.printed()) == 18
    stage, index = "dense1.a", (4,)             # beyond the view's right edge: scroll, then click
    pos = pipe.element_widget_pos(stage, index)
    assert pos.x() > pipe.viewport().width()
    pipe.ensureVisible(round(pos.x()), round(pos.y()), 40, 40)
    qtbot.wait(50)
    assert pipe.horizontalScrollBar().value() > 0
    pos = pipe.element_widget_pos(stage, index)
    shown = pipe.graphics.mapTo(pipe.viewport(), QPoint(round(pos.x()), round(pos.y())))
    assert pipe.viewport().rect().contains(shown)           # the cell is on screen where it is clicked
    qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    assert tiny.panel.selection == (StageId.parse(stage), index)
    for index in [(1, 5, 0), (0, 2, 3)]:
        pos = pipe.element_widget_pos("conv1.activated", index)
        pipe.ensureVisible(round(pos.x()), round(pos.y()), 40, 40)
        qtbot.wait(50)
        pos = pipe.element_widget_pos("conv1.activated", index)
        qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
        assert tiny.panel.selection == (StageId.parse("conv1.activated"), index)
