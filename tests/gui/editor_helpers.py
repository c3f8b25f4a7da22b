"""Driving the network editor as a person would: typing into spin boxes, choosing with keys, clicking Apply."""

from PySide6.QtCore import Qt


def show_editor(window, qtbot):
    docks = window.editor_docks
    docks.editor_dock.show()
    docks.choice_dock.show()
    docks.editor_dock.raise_()
    qtbot.waitExposed(docks.editor)
    return docks.editor


def type_into(qtbot, spin, value):
    """Select the spin box's text, type the number, press Return (one valueChanged)."""
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(value))
    qtbot.keyClick(spin.lineEdit(), Qt.Key_Return)
    assert spin.value() == value, (spin.value(), value)


def choose(qtbot, combo, data):
    """Choose the item whose data is `data` with the keyboard: Up to the first item, then Down."""
    combo.setFocus()
    for _ in range(combo.currentIndex()):
        qtbot.keyClick(combo, Qt.Key_Up)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentData() == data, (combo.currentData(), data)


def click_apply(qtbot, editor):
    qtbot.mouseClick(editor.apply_button, Qt.LeftButton)


def table_shapes(editor):
    """[(stage, shape text)] as the shape table shows them."""
    t = editor.table
    return [(t.item(r, 0).data(Qt.UserRole), t.item(r, 1).text()) for r in range(t.rowCount())]
