"""GUI test helpers: a MainWindow with throw-away settings and a recording error reporter, and
mouse strokes sent as real QMouseEvents (QTest's mouseMove carries no buttons)."""

import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def send_mouse(widget, kind, x, y, button=Qt.LeftButton):
    """Deliver one press/move/release at widget-local (x, y), the button held during moves."""
    etype = {"press": QEvent.MouseButtonPress, "move": QEvent.MouseMove,
             "release": QEvent.MouseButtonRelease}[kind]
    local = QPointF(x, y)
    held = Qt.NoButton if kind == "release" else button
    which = Qt.NoButton if kind == "move" else button
    ev = QMouseEvent(etype, local, widget.mapToGlobal(local), which, held, Qt.NoModifier)
    QApplication.sendEvent(widget, ev)


def stroke(widget, points, button=Qt.LeftButton):
    """Press at the first point, move through the rest (interpolated), release at the last."""
    (x0, y0), rest = points[0], points[1:]
    send_mouse(widget, "press", x0, y0, button)
    px, py = x0, y0
    for x, y in rest:
        for t in (0.25, 0.5, 0.75, 1.0):
            send_mouse(widget, "move", px + (x - px) * t, py + (y - py) * t, button)
        px, py = x, y
    send_mouse(widget, "release", px, py, button)


@pytest.fixture(name="send_mouse")
def send_mouse_fixture():
    return send_mouse


@pytest.fixture(name="stroke")
def stroke_fixture():
    return stroke


@pytest.fixture
def errors():
    return []


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "convviz.ini"), QSettings.IniFormat)


@pytest.fixture
def make_window(qtbot, settings, errors):
    """make_window(**kw) -> a shown, active MainWindow using temp settings; errors are recorded."""
    from convviz.gui.shell.main_window import MainWindow

    def make(**kw):
        kw.setdefault("settings", settings)
        kw.setdefault("report_error", lambda title, text: errors.append((title, text)))
        win = MainWindow(**kw)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
        return win

    return make


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture(autouse=True, scope="session")
def _no_user_settings(tmp_path_factory):
    """Any QSettings() made without a path (app.create) goes to a temp folder, never the user's."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    for scope in (QSettings.UserScope, QSettings.SystemScope):
        QSettings.setPath(QSettings.IniFormat, scope, folder)
