"""Start the desktop app: QApplication, pyqtgraph options, the main window with a digit loaded."""

import sys


def configure_pyqtgraph():
    """Row-major images (an (H, W) array shows as NumPy prints it) and antialiased lines."""
    import pyqtgraph as pg
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)


def create(argv=None):
    """(QApplication, MainWindow), the window not yet shown; reuses a running QApplication."""
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(sys.argv if argv is None else ["convviz", *argv]))
    app.setApplicationName("convviz")
    app.setOrganizationName("convviz")
    app.setApplicationDisplayName("convviz")
    configure_pyqtgraph()
    from .main_window import MainWindow
    return app, MainWindow()


def run(argv=None):
    """Open the window (pretrained model, a sample digit, its trace at step 0) and run until closed."""
    app, win = create(argv)
    win.show()
    return app.exec()
