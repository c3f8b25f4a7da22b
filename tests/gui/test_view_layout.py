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
        # the axes name the indices as docs/MATH.md and the readout do: W_ji, row j (unit), column i (input)
        assert plot.getAxis("left").labelText == "output unit j (row)"
        assert plot.getAxis("bottom").labelText == "input unit i (column)"
        g = step.arrays["grad_W"]
        rows, cols = g.shape
        rng = np.random.default_rng(0)
        cells = [(0, 0), (rows - 1, cols - 1), (rows // 2, cols // 3)] + \
            [tuple(int(v) for v in rng.integers((rows, cols))) for _ in range(6)]
        # off-centre points of a cell where cells are wide enough for whole pixels to tell them apart
        offsets = [(0, 0), (-0.3, 0.3), (0.3, -0.3)] if layer == "out" else [(0, 0)]
        for (j, i), (dx, dy) in zip(cells, offsets * 9):    # row j (unit), column i (input)
            qtbot.mouseClick(page.viewport(), Qt.LeftButton, pos=_cell_pos(page, vb, i + dx, j + dy))
            assert panel.selection == (step.stage, (j, i)), (layer, j, i)
            mx, my = (-dx / 2, -dy / 2)                      # another point of the same cell
            qtbot.wait(15)                                  # pyqtgraph drops moves closer than 10 ms
            _move(page.viewport(), _cell_pos(page, vb, i + mx, j + my))
            name = f"W[j={j}, i={i}]"                         # the paper's W_ji: unit j of the layer, input i
            assert name in panel.readout.text()
            assert f"gradient {number(g[j, i])}" in panel.readout.text()
            # the inspector's equation uses the same letters: ∂L/∂W_j,i = δ_j · a_i
            assert f"∂L/∂W{j},{i} = δ{j} · a{i} = " in panel.inspector.toPlainText(), (j, i)
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


# ---- 13 (the rest): the input uses the space; conv2's kernels readable --------------------
def _pixels_per_cell(vb):
    """Screen pixels one element takes in a view box (its view is aspect-locked or not)."""
    w, h = vb.viewPixelSize()
    return 1.0 / max(w, h)


def _settled(window, qtbot, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: not window.panel.pipeline.relayout_pending, timeout=3000)
    qtbot.wait(250)                                       # the detail view's re-tiling (100 ms timer)


def test_the_input_column_is_wider_than_the_others_and_clicks_name_its_pixels(window, qtbot):
    from convviz.engine import StageKind
    _settled(window, qtbot, (1600, 1000))
    pipe = window.panel.pipeline
    by = {c.stage.kind: c for c in pipe.columns if c.stage.layer in ("input", "conv1")}
    inp, maps = pipe.views[by[StageKind.INPUT].stage], pipe.views[by[StageKind.FEATURE_MAPS].stage]
    assert inp.vb.sceneBoundingRect().width() > 1.3 * maps.vb.sceneBoundingRect().width()
    # the 28 × 28 picture drawn at ~4 px per pixel (it was ~2.6: ~64 px wide), nothing scrolled away;
    # the spare width it takes moves by a few px with the other columns' headings
    assert _pixels_per_cell(inp.vb) >= 3.5
    assert pipe.horizontalScrollBar().maximum() == 0
    for i, j in [(0, 0), (27, 27), (14, 3)]:
        qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton,
                         pos=pipe.element_widget_pos("input", (0, i, j)))
        assert window.panel.selection == (inp.col.stage, (0, i, j))
    # one grid per stage still: the big view draws the input as the pipeline does (one tile)
    assert (inp.col.tiling.rows, inp.col.tiling.cols) == (1, 1)


def test_conv2_kernels_page_shows_every_weight_at_four_pixels_and_clicks_resolve(window, qtbot):
    import numpy as np
    panel = window.panel
    for size in ((1600, 1000), (1366, 768)):
        for mode, button in (("both", "Both"), ("gradients", "Gradients"), ("values", "Values")):
            _settled(window, qtbot, size)
            step = _go(window, qtbot, OpKind.CONV_DK, "conv2")
            qtbot.mouseClick(next(b for b in panel.mode_buttons.buttons() if b.text() == button), Qt.LeftButton)
            assert panel.mode == mode
            qtbot.wait(250)
            page = panel.detail.currentWidget()
            qtbot.waitUntil(lambda page=page: page.isVisible(), timeout=3000)
            assert step.arrays["W"].shape == (16, 8, 5, 5)
            shown = [img.image for _, img in page.images]
            for vb, _ in page.images:
                rect, view = _visible(page, vb)
                assert view.contains(rect), (size, mode, rect, view)
                assert _pixels_per_cell(vb) >= 4.0, (size, mode, _pixels_per_cell(vb))
            if len(page.images) == 1:          # one at a time: K, ∂L/∂K, or ∂L/∂K over K in Both
                tiling = panel.detail.params.heat[-1][3]
                want = step.arrays["grad_W"] if mode == "gradients" else step.arrays["W"]
                assert np.array_equal(shown[0], tiling.compose(want), equal_nan=True)
                assert page.overlay.isVisible() == (mode == "both")
                if mode == "both":
                    assert np.array_equal(page.overlay.image, tiling.compose(step.arrays["grad_W"]), equal_nan=True)
            else:
                assert mode == "both" and len(page.images) == 2
            vb = page.images[-1][0]
            tiling = next(t for v, _, _, t in panel.detail.params.heat if v is vb)
            assert np.isfinite(shown[-1]).sum() == 16 * 8 * 25
            for idx in [(0, 0, 0, 0), (15, 7, 4, 4), (9, 3, 2, 1)]:
                x, y, w, h = tiling.rect(idx)
                qtbot.mouseClick(page.viewport(), Qt.LeftButton, pos=_cell_pos(page, vb, x + w / 2, y + h / 2))
                assert panel.selection == (step.target, idx), (size, mode, idx)
                qtbot.wait(15)
                _move(page.viewport(), _cell_pos(page, vb, x + 0.25, y + 0.75))
                p, c, m, n = idx
                assert f"conv2 K[p={p}, c={c}, m={m}, n={n}]" in panel.readout.text()


def test_the_pipeline_draws_conv2_kernels_in_the_grid_that_reads_best(window, qtbot):
    from convviz.engine import StageId, StageKind
    from convviz.gui.presentation.mosaic import kernel_rows
    _settled(window, qtbot, (1600, 1000))
    pipe = window.panel.pipeline
    v = pipe.views[StageId("conv2", StageKind.KERNELS)]
    d, c, k1, k2 = v.col.shape
    w, h = v.vb.width(), v.vb.height()
    assert v.col.tiling.rows == kernel_rows(d, c, k1, k2, (h / w,)) == 16      # a tall column: one per row
    # each weight as large as the column allows it in any grid (the view's 2% padding aside)
    best = max(min(w / t.shape[1], h / t.shape[0])
               for t in (Tiling(d, k1, k2, channels=c, kernel_index=True, max_rows=r) for r in range(1, d + 1)))
    assert _pixels_per_cell(v.vb) >= 0.95 * best
    x, y, cw, ch = v.col.tiling.rect((11, 5, 3, 2))
    qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton,
                     pos=pipe.element_widget_pos("conv2.kernels", (11, 5, 3, 2)))
    assert window.panel.selection == (v.col.stage, (11, 5, 3, 2))
