"""pyqtgraph's global options, set once before any view is built."""

import pyqtgraph as pg


def configure_pyqtgraph():
    """Row-major images (an (H, W) array shows as NumPy prints it) and antialiased lines."""
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
