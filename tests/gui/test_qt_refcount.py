"""PySide6 6.12 on Python 3.11 drops a reference to None on every void call and aborts the app
(../shared/design/PITFALLS.md); this fails if an upgrade brings that bug back."""

import sys

from PySide6 import QtCore, QtGui


def test_void_qt_calls_keep_none_refcount():
    path = QtGui.QPainterPath(QtCore.QPointF(0.0, 0.0))
    before = sys.getrefcount(None)
    for i in range(5000):
        path.lineTo(float(i), 1.0)
    # Other threads may touch None a little; the bug loses one reference per call (5000 here).
    assert sys.getrefcount(None) - before > -100
