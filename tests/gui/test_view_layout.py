"""The iteration view's layout (issue 14, items 11–13): every panel inside the visible view, one
grid per stage, readable pictures; driven with real keys and clicks."""

from PySide6.QtCore import QRect, Qt

from convviz.engine import OpKind


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
