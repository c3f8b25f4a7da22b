"""Start the desktop app: QApplication, pyqtgraph options, the main window with a digit loaded."""

import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

import convviz
from convviz.gui.shell.icon import app_icon
from convviz.gui.shell.main_window import MainWindow
from convviz.gui.shell.translations import chosen_language, set_language
from convviz.gui.widgets.pgsetup import configure_pyqtgraph


def create(argv=None):
    """(QApplication, MainWindow), the window not yet shown; reuses a running QApplication."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["convviz", *(sys.argv[1:] if argv is None else argv)])
    app.setApplicationName("convviz")
    app.setOrganizationName("convviz")
    app.setApplicationDisplayName("convviz")
    app.setApplicationVersion(convviz.__version__)
    # Wayland matches the window to resources/convviz.desktop by this name (X11 by WM_CLASS).
    app.setDesktopFileName("convviz")
    if not app.property("convviz_translated"):        # once per QApplication; View ▸ Language switches
        set_language(app, chosen_language(QSettings()))
        app.setProperty("convviz_translated", True)
    icon = app_icon()
    app.setWindowIcon(icon)
    configure_pyqtgraph()
    win = MainWindow()
    win.setWindowIcon(icon)
    return app, win


def open_arguments(win, args):
    """`convviz digit.png` opens the picture, `convviz model.npz` the model; options are skipped."""
    for arg in args:
        if arg.startswith("-"):
            continue
        win.files.open_dropped(arg)


def run(argv=None, quit_after=None):
    """Open the window (pretrained model, a sample digit, its trace at step 0) and run until closed.

    argv: the arguments after the program name (None: sys.argv[1:]); files in it are opened.
    quit_after: seconds after which the window closes itself, as a user closing it would.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    existing = QApplication.instance() is not None
    app, win = create(args)
    win.show()
    if quit_after is not None:
        QTimer.singleShot(round(1000 * quit_after), win.close)
    # A QApplication made here has removed Qt's own options (-style ...) from its arguments.
    open_arguments(win, args if existing else app.arguments()[1:])
    return app.exec()
