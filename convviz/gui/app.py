"""Start the desktop app: QApplication, pyqtgraph options, the main window with a digit loaded."""

import sys

from PySide6.QtWidgets import QApplication

from convviz.gui.shell.main_window import MainWindow
from convviz.gui.widgets.pgsetup import configure_pyqtgraph


def create(argv=None):
    """(QApplication, MainWindow), the window not yet shown; reuses a running QApplication."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(["convviz", *(sys.argv[1:] if argv is None else argv)])
    app.setApplicationName("convviz")
    app.setOrganizationName("convviz")
    app.setApplicationDisplayName("convviz")
    configure_pyqtgraph()
    return app, MainWindow()


def open_arguments(win, args):
    """`convviz digit.png` opens the picture, `convviz model.npz` the model; options are skipped."""
    for arg in args:
        if arg.startswith("-"):
            continue
        win.files.open_dropped(arg)


def run(argv=None):
    """Open the window (pretrained model, a sample digit, its trace at step 0) and run until closed.

    argv: the arguments after the program name (None: sys.argv[1:]); files in it are opened.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    existing = QApplication.instance() is not None
    app, win = create(args)
    win.show()
    # A QApplication made here has removed Qt's own options (-style ...) from its arguments.
    open_arguments(win, args if existing else app.arguments()[1:])
    return app.exec()
