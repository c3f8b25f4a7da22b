"""Python's cyclic garbage collection runs on the GUI thread only (pyqtgraph's GarbageCollector):
run from a worker thread it destroyed Qt objects there and deadlocked the app."""

import gc

from convviz.gui.widgets import pgsetup


def test_a_window_moves_garbage_collection_to_a_gui_timer(window, qtbot):
    assert not gc.isenabled()                          # no collection in whatever thread allocates
    (collector,) = pgsetup._collector
    assert collector.timer.isActive() and collector.timer.thread() is window.thread()
    for _ in range(gc.get_threshold()[0] + 10):        # cyclic garbage past generation 0's threshold
        cycle = []
        cycle.append(cycle)
    del cycle
    assert gc.get_count()[0] > gc.get_threshold()[0]   # not collected on allocation any more
    qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0], timeout=3000)   # the timer did
