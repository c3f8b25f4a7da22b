"""The iteration view's layout (issue 14, items 11–13): every panel inside the visible view, one
grid per stage, readable pictures; driven with real keys and clicks."""

from PySide6.QtCore import QRect, Qt

from convviz.engine import OpKind
from convviz.gui.presentation.mosaic import Tiling


def _press(window, qtbot, key, times=1):
    for _ in range(times):
        qtbot.keyClick(window, key)


def _visible(widget, item):
    """The item's rectangle in `widget`'s viewport, and the viewport's rectangle."""
    rect = widget.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return rect, widget.viewport().rect()


def test_laptop_screen_update_pages_show_all_four_panels_and_their_whole_title(window, qtbot):
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not window.panel.pipeline.relayout_pending, timeout=3000)
    trace, detail = window.session.trace, window.panel.detail
    _press(window, qtbot, Qt.Key_End)
    seen = set()
    while trace[window.stepper.index].op != OpKind.DENSE_DX or not seen:
        step = trace[window.stepper.index]
        if step.op == OpKind.UPDATE:
            page = detail.currentWidget()
            qtbot.waitUntil(lambda page=page: page.isVisible(), timeout=3000)
            boxes = [vb for vb, _ in page.images] + [p.getViewBox() for p in page.plots]
            assert len(boxes) == 4
            for vb in boxes:
                rect, view = _visible(page, vb)
                assert view.contains(rect), (step.stage, rect, view)
            # the detail view itself lies inside the window
            right = detail.mapTo(window, detail.rect().topRight()).x()
            assert right <= window.width()
            # the title wraps inside the page instead of running off both sides
            title = page.title.item
            rect, view = _visible(page, title)
            assert QRect(view).adjusted(-1, 0, 1, 0).contains(rect), (rect, view)
            assert "largest change |Δ|" in page.title.text
            seen.add(page.images and "images" or "bars")
        _press(window, qtbot, Qt.Key_Left)
    assert seen == {"images", "bars"}


def test_the_gradient_scale_choice_is_kept_for_the_next_launch(make_window, settings, qtbot):
    win = make_window()
    box = win.panel.scale_box
    assert win.panel.scale == "stage"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key_Down)                    # "scale: whole step", as a learner picks it
    assert win.panel.scale == "step"
    win.close()
    again = make_window()
    assert again.panel.scale == "step" and again.panel.scale_box.currentIndex() == 1
    again.close()
    settings.setValue("view/scale", "sideways")         # unreadable: the default, and no error
    third = make_window()
    assert third.panel.scale == "stage"


# ---- 13: the dense ∂L/∂W heat map: labelled axes, exact clicks, hover, zoom -----------------
def _cell_pos(page, vb, x, y):
    import pyqtgraph as pg
    from PySide6.QtCore import QPoint
    p = page.mapFromScene(vb.mapViewToScene(pg.Point(x, y)))
    return QPoint(round(p.x()), round(p.y()))


def _move(widget, pos):
    """A mouse move to `pos` delivered to `widget` now (QTest.mouseMove goes through the offscreen
    platform's cursor, which lands a few pixels off)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication
    p = QPointF(pos)
    QApplication.sendEvent(widget, QMouseEvent(QEvent.MouseMove, p, QPointF(widget.mapToGlobal(pos)),
                                               Qt.NoButton, Qt.NoButton, Qt.NoModifier))


def _go(window, qtbot, op, layer):
    trace = window.session.trace
    target = next(s for s in trace if s.op == op and s.layer == layer)
    _press(window, qtbot, Qt.Key_Home)
    _press(window, qtbot, Qt.Key_Right, target.index)
    assert window.stepper.step() is target
    return target


def test_weight_gradient_clicks_hover_and_zoom_resolve_exactly(window, qtbot):
    import numpy as np
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from convviz.gui.presentation.numbers import number
    panel = window.panel
    # a laptop's width: dense1's 64 × 256 cells need a whole pixel each (the window's minimum,
    # where the toolbar wraps, leaves the big view less than that)
    window.resize(max(window.width(), 1300), window.height())
    qtbot.waitUntil(lambda: panel.width() >= 900, timeout=3000)
    for layer in ("out", "dense1"):
        step = _go(window, qtbot, OpKind.DENSE_DW, layer)
        page = panel.detail.currentWidget()
        plot, (vb, _) = page.axes[0], page.images[0]
        assert plot.getAxis("left").labelText.startswith("output unit i")
        assert plot.getAxis("bottom").labelText.startswith("input unit j")
        g = step.arrays["grad_W"]
        rows, cols = g.shape
        rng = np.random.default_rng(0)
        cells = [(0, 0), (rows - 1, cols - 1), (rows // 2, cols // 3)] + \
            [tuple(int(v) for v in rng.integers((rows, cols))) for _ in range(6)]
        # off-centre points of a cell where cells are wide enough for whole pixels to tell them apart
        offsets = [(0, 0), (-0.3, 0.3), (0.3, -0.3)] if layer == "out" else [(0, 0)]
        for (i, j), (dx, dy) in zip(cells, offsets * 9):
            qtbot.mouseClick(page.viewport(), Qt.LeftButton, pos=_cell_pos(page, vb, j + dx, i + dy))
            assert panel.selection == (step.stage, (i, j)), (layer, i, j)
            mx, my = (-dx / 2, -dy / 2)                      # another point of the same cell
            qtbot.wait(15)                                  # pyqtgraph drops moves closer than 10 ms
            _move(page.viewport(), _cell_pos(page, vb, j + mx, i + my))
            name = f"W[j={i}, i={j}]"                         # the paper's W_ji: unit j of the layer, input i
            assert name in panel.readout.text()
            assert f"gradient {number(g[i, j])}" in panel.readout.text()
    # the wheel zooms in around the pointer; a click then still names its cell; double-click: all
    full = vb.viewRange()
    at = _cell_pos(page, vb, 100, 30)
    for _ in range(3):
        ev = QWheelEvent(QPointF(at), QPointF(page.viewport().mapToGlobal(at)), QPoint(0, 0), QPoint(0, 120),
                         Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(page.viewport(), ev)
    zoomed = vb.viewRange()
    assert zoomed[0][1] - zoomed[0][0] < 0.7 * (full[0][1] - full[0][0])
    qtbot.mouseClick(page.viewport(), Qt.LeftButton, pos=_cell_pos(page, vb, 101, 31))
    assert panel.selection == (step.stage, (31, 101))
    qtbot.mouseDClick(page.viewport(), Qt.LeftButton, pos=_cell_pos(page, vb, 101, 31))
    assert vb.viewRange() == full


# ---- 11: one grid per stage, in the pipeline and in the big view --------------------------
def test_every_stage_has_one_grid_in_the_pipeline_and_the_big_view(window, qtbot):
    panel, pipe = window.panel, window.panel.pipeline
    qtbot.waitUntil(lambda: not pipe.relayout_pending, timeout=3000)
    trace = window.session.trace
    _press(window, qtbot, Qt.Key_Home)
    checked = set()
    for _ in range(len(trace) - 1):
        page = panel.detail.currentWidget()
        for p in getattr(page, "active", []) if panel.detail.shown_big() else []:
            v = pipe.views.get(p.stage)
            if v is None or not isinstance(p.tiling, Tiling) or not isinstance(v.col.tiling, Tiling) \
                    or v.col.tiling.n != p.tiling.n:
                continue
            assert (p.tiling.rows, p.tiling.cols) == (v.col.tiling.rows, v.col.tiling.cols), p.stage
            checked.add(p.stage.name)
        _press(window, qtbot, Qt.Key_Right)
    # maps of both conv blocks and their kernels, forward and backward
    assert {"conv1.feature_maps", "conv1.pooled", "conv2.activated", "conv1.kernels"} <= checked


def test_max_pooling_backward_outlines_each_windows_winner(window, qtbot):
    window.resize(2400, 1500)                            # cells large enough to outline
    qtbot.waitUntil(lambda: not window.panel.pipeline.relayout_pending, timeout=3000)
    step = _go(window, qtbot, OpKind.POOL_GRAD, "conv2")
    page = window.panel.detail.currentWidget()
    main = page.main
    qtbot.waitUntil(lambda: main.cell_pixels() >= 6, timeout=3000)
    window.panel.detail._on_retile()                     # (the outlines follow the size, as after a resize)
    assert main.winners is not None and main.winners.isVisible()
    windows = step.arrays["argmax"].size
    assert main.winners.path().elementCount() == 5 * windows      # one rectangle per window
    assert "each δ goes to its window's max" in main.caption.text
    window.resize(1268, 800)                             # small cells: no outlines hiding them
    qtbot.waitUntil(lambda: main.cell_pixels() < 6, timeout=3000)
    window.panel.detail._on_retile()
    assert not main.winners.isVisible()
