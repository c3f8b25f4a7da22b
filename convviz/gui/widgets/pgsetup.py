"""pyqtgraph's global options, and Python's cyclic garbage collection kept on the GUI thread,
set once before any view is built."""

import pyqtgraph as pg
from pyqtgraph.util.garbage_collector import GarbageCollector

_collector = []      # the one GarbageCollector of the process, kept alive here


def configure_pyqtgraph():
    """Row-major images (an (H, W) array shows as NumPy prints it) and antialiased lines; and
    cyclic garbage collected by a timer on the GUI thread. Python's collector otherwise runs in
    whichever thread allocates: in a gradient check's worker thread it destroyed Qt objects
    while the GUI thread destroyed widgets, and the two deadlocked on Qt's mutex and the GIL
    (seen in the test suite: QObject::~QObject from gc_collect_main in the worker)."""
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    if not _collector:
        # every 100 ms: a collection then has little to do, never a long pause in a step or a stroke
        _collector.append(GarbageCollector(interval=0.1))
