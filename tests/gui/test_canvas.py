"""The drawing canvas driven with real mouse events: ink, undo, clear, eraser, pictures."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from convviz.gui.panels.draw.canvas import SIZE, DrawingCanvas, to_ink


@pytest.fixture
def canvas(qtbot):
    c = DrawingCanvas()
    qtbot.addWidget(c)
    c.show()
    qtbot.waitExposed(c)
    return c


def test_blank_canvas_has_no_ink(canvas):
    assert not canvas.has_ink()
    assert canvas.ink_array().shape == (SIZE, SIZE)
    assert canvas.ink_array().max() == 0.0
    assert not canvas.can_undo()


def test_stroke_paints_ink_along_the_path_and_signals(canvas, qtbot, stroke):
    changes, finished = [], []
    canvas.inkChanged.connect(lambda: changes.append(1))
    canvas.strokeFinished.connect(lambda: finished.append(1))
    stroke(canvas, [(40, 140), (240, 140)])
    ink = canvas.ink_array()
    assert ink[140, 60:220].min() > 0.9           # under the stroke
    assert ink[20, :].max() == 0.0                # far away
    assert len(changes) == 5 and finished == [1]   # the press and four moves
    assert canvas.stroke_count == 1


def test_undo_takes_back_the_last_stroke_only(canvas, stroke):
    stroke(canvas, [(40, 60), (240, 60)])
    first = canvas.ink_array()
    stroke(canvas, [(140, 20), (140, 260)])
    assert canvas.ink_array()[200, 140] > 0.9
    assert canvas.undo()
    np.testing.assert_array_equal(canvas.ink_array(), first)
    assert canvas.undo()
    assert not canvas.has_ink()
    assert not canvas.undo()


def test_clear_is_undoable(canvas, stroke):
    stroke(canvas, [(40, 60), (240, 200)])
    before = canvas.ink_array()
    canvas.clear()
    assert not canvas.has_ink()
    canvas.undo()
    np.testing.assert_array_equal(canvas.ink_array(), before)


def test_right_button_erases(canvas, stroke):
    stroke(canvas, [(40, 140), (240, 140)])
    stroke(canvas, [(140, 100), (140, 180)], button=Qt.RightButton)
    ink = canvas.ink_array()
    assert ink[140, 140] == 0.0
    assert ink[140, 60] > 0.9 and ink[140, 220] > 0.9


def test_eraser_mode_makes_the_left_button_erase(canvas, stroke):
    stroke(canvas, [(40, 140), (240, 140)])
    canvas.set_eraser(True)
    stroke(canvas, [(140, 100), (140, 180)])
    assert canvas.ink_array()[140, 140] == 0.0
    canvas.set_eraser(False)
    stroke(canvas, [(140, 100), (140, 180)])
    assert canvas.ink_array()[140, 140] > 0.9


def test_brush_width_sets_stroke_thickness(canvas, stroke):
    canvas.set_brush_width(6)
    stroke(canvas, [(40, 80), (240, 80)])
    thin = (canvas.ink_array()[:, 140] > 0.5).sum()
    canvas.set_brush_width(40)
    stroke(canvas, [(40, 200), (240, 200)])
    thick = (canvas.ink_array()[150:, 140] > 0.5).sum()
    assert 4 <= thin <= 8 and 36 <= thick <= 44
    canvas.set_brush_width(1000)
    assert canvas.brush_width == 48


def test_moves_without_a_button_do_not_draw(canvas, send_mouse):
    for x in range(20, 260, 5):
        send_mouse(canvas, "move", x, 100, Qt.NoButton)
    assert not canvas.has_ink()


def test_picture_is_scaled_to_fit_and_drawing_continues_on_it(canvas, stroke):
    pic = np.zeros((56, 28), np.float32)
    pic[10:46, 12:16] = 1.0
    canvas.set_picture(pic)
    ink = canvas.ink_array()
    assert ink[140, 140] > 0.9 and ink[140, 20] == 0.0
    assert not canvas.can_undo()
    stroke(canvas, [(20, 20), (60, 20)])
    canvas.undo()
    np.testing.assert_array_equal(canvas.ink_array(), ink)


def test_to_ink_handles_both_polarities():
    dark_on_light = np.ones((20, 20), np.float32)
    dark_on_light[5:15, 9:11] = 0.2
    ink = to_ink(dark_on_light)
    assert ink[10, 10] == pytest.approx(1.0) and ink[0, 0] == 0.0
    np.testing.assert_allclose(to_ink(1 - dark_on_light), ink, atol=1e-6)
    assert to_ink(np.ones((5, 5))).max() == 0.0


def test_light_and_dark_only_change_the_look(canvas, stroke):
    stroke(canvas, [(40, 140), (240, 140)])
    ink = canvas.ink_array()
    dark_px = canvas.grab().toImage().pixelColor(20, 20).lightness()
    canvas.set_dark(False)
    light_px = canvas.grab().toImage().pixelColor(20, 20).lightness()
    assert dark_px < 60 < 200 < light_px
    np.testing.assert_array_equal(canvas.ink_array(), ink)


def test_a_smaller_canvas_still_draws_on_the_whole_picture(canvas, stroke):
    canvas.setFixedSize(200, 200)
    stroke(canvas, [(10, 100), (180, 100)])          # 14..252 on the 280 picture, brush radius 11
    ink = canvas.ink_array()
    assert ink[140, 20:250].min() > 0.9 and ink[140, 268:].max() == 0.0


def test_short_window_shrinks_the_canvas_instead_of_scrolling(window, qtbot):
    window.resize(window.width(), 760)
    qtbot.waitUntil(lambda: window.left.canvas.width() < 280 and window.left.verticalScrollBar().maximum() == 0,
                    timeout=2000)
    assert window.left.canvas.width() >= 200


def test_light_button_key_and_menu_agree(window, qtbot):
    assert window.left.canvas.dark
    qtbot.mouseClick(window.left.light_button, Qt.LeftButton)
    assert not window.left.canvas.dark and window.menus.light_action.isChecked()
    qtbot.keyClick(window, Qt.Key_I)
    assert window.left.canvas.dark and not window.left.light_button.isChecked()
