"""The app's identity: its icon on the application and the window, its version in Help ▸ About."""

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel

import convviz
from convviz import shipped
from convviz.gui.shell.icon import SIZES, app_icon


@pytest.fixture
def created(qapp, qtbot):
    from convviz.gui.app import create
    app, win = create([])
    qtbot.addWidget(win)
    return app, win


def test_the_icon_is_drawn_from_the_shipped_svg_at_every_size(qapp):
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(SIZES)
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64
    assert image.pixelColor(0, 0).alpha() == 0                       # rounded corner: transparent
    assert image.pixelColor(32, 4) == QColor("#17263a")              # the dark tile
    orange = QColor("#f28e2b")
    assert any(image.pixelColor(x, 36) == orange for x in range(20, 30))   # the kernel window's edge


def test_create_sets_the_icon_on_the_application_and_the_window(created):
    app, win = created
    assert not app.windowIcon().isNull() and not win.windowIcon().isNull()
    assert win.windowIcon().cacheKey() == app.windowIcon().cacheKey()
    assert app.desktopFileName() == "convviz"          # Wayland finds convviz.desktop by this
    assert app.applicationVersion() == convviz.__version__


def test_without_its_shipped_files_the_app_still_starts(qapp, qtbot, monkeypatch, tmp_path):
    from convviz.gui.app import create
    monkeypatch.setattr(shipped, "root", lambda: tmp_path)      # no icon, model or samples
    assert app_icon().isNull()
    app, win = create([])
    qtbot.addWidget(win)
    assert "untrained" in win.model_label.text() and len(win.samples[1]) == 0
    assert app.windowIcon().isNull()
    monkeypatch.undo()
    app.setWindowIcon(app_icon())           # the shared QApplication gets its icon back


def test_help_about_shows_the_version(window, qtbot):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.menu().title() == "&Help")
    about = [a for a in help_menu.actions() if "About" in a.text()]
    assert len(about) == 1
    about[0].trigger()
    dialog = next(w for w in window.findChildren(QDialog) if w.isVisible())
    text = dialog.findChild(QLabel).text()
    assert f"Version {convviz.__version__}" in text and "1711.03278" in text
    dialog.close()
