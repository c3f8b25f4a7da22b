"""The Check gradients view: it fills its table and histogram from a real check, shows a mistake
failing where it acts, and can be cancelled; all driven by mouse clicks and keys, offscreen."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from convviz.engine import Network, mistakes
from convviz.gui.panels.gradcheck.view import GradCheckView

CONFIG = {"input": [10, 10], "conv": [{"kernels": 2, "size": 3, "activation": "tanh", "pool": "avg"}],
          "dense": [{"units": 4, "activation": "tanh"}], "output": {"classes": 3}}


@pytest.fixture
def point():
    rng = np.random.default_rng(0)
    net = Network(CONFIG, seed=1)
    for key, p in net.params.items():
        if key.endswith(".b"):
            p[...] = rng.normal(0, 0.3, p.shape)
    return net, rng.random((10, 10)), 2


def table(view):
    return {view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in range(1, 5)]
            for r in range(view.table.rowCount())}


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.LeftButton)


def test_check_fills_table_and_histogram(qtbot, point):
    net, x, y = point
    before = {k: v.copy() for k, v in net.params.items()}
    view = GradCheckView(net, x, y, samples=10)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.finished, timeout=60000) as blocker:
        click(qtbot, view.run_button)
    result = blocker.args[0]
    assert result is view.result() and result.passed
    rows = table(view)
    assert set(rows) == set(net.params) | {"input"}
    for p in result.parameters:
        checked, worst, kinks, verdict = rows[p.key]
        assert checked == f"{min(10, p.size)} / {p.size}" and verdict == "pass"
        assert float(worst) == pytest.approx(p.worst, rel=1e-2) and int(kinks) == 0
    curves = view.plot.getPlotItem().listDataItems()
    assert sorted(c.name() for c in curves) == sorted(rows)
    for curve in curves:                        # each array's elements, all counted, all below 1e-6
        xs, counts = curve.getOriginalDataset()
        assert counts.sum() == result[curve.name()].checked
        assert counts[xs[1:] > 1e-6].sum() == 0
    assert view.progress.value() == view.progress.maximum() == sum(p.checked for p in result.parameters)
    assert "PASS" in view.status.text()
    assert all(np.array_equal(before[k], net.params[k]) for k in before)     # the app's net untouched
    assert view.run_button.isEnabled() and not view.cancel_button.isEnabled()


def test_a_mistake_fails_where_it_acts(qtbot, point):
    net, x, y = point
    view = GradCheckView(net, x, y, samples=5)
    qtbot.addWidget(view)
    view.show()
    view.mistake.setFocus()
    # Down through the combo box to "drop the 1/N of average pooling", as a keyboard user would.
    target = 1 + mistakes.NAMES.index("avgpool-no-mean")
    for _ in range(target):
        qtbot.keyClick(view.mistake, Qt.Key_Down)
    assert view.mistake.currentData() == "avgpool-no-mean"
    assert "δ/(k1·k2)" in view.about.text() and "conv1.W" in view.about.text()
    assert not view.every.isChecked()           # a sample size was given
    click(qtbot, view.every)                   # every element: the failures cannot be missed
    with qtbot.waitSignal(view.finished, timeout=60000):
        click(qtbot, view.run_button)
    rows = table(view)
    failed = {k for k, v in rows.items() if v[3] == "FAIL"}
    assert failed == mistakes.get("avgpool-no-mean").affects(net) == {"conv1.W", "conv1.b", "input"}
    assert "FAIL" in view.status.text()


def test_small_network_is_checked_whole_by_default(qtbot, point):
    net, x, y = point
    view = GradCheckView(net, x, y)
    qtbot.addWidget(view)
    assert view.every.isChecked() and not view.samples.isEnabled()
    big = GradCheckView(Network(seed=0), x.repeat(3, 0).repeat(3, 1)[:28, :28], 1)
    qtbot.addWidget(big)
    assert not big.every.isChecked() and big.samples.value() == 20


def test_cancel_stops_the_check_and_it_can_run_again(qtbot):
    net = Network(seed=0)                       # the default 28 × 28 network: ~20,000 elements
    x = np.random.default_rng(1).random((28, 28))
    view = GradCheckView(net, x, 3)
    qtbot.addWidget(view)
    view.show()
    click(qtbot, view.every)
    with qtbot.waitSignal(view.progress.valueChanged, timeout=60000):
        click(qtbot, view.run_button)
    assert view.is_running()
    with qtbot.waitSignal(view.cancelled, timeout=60000):
        click(qtbot, view.cancel_button)
    assert not view.is_running() and view.result() is None
    assert view.table.rowCount() == 0 and "Cancelled" in view.status.text()
    assert view.run_button.isEnabled()
    click(qtbot, view.every)                    # back to a sample, and the check runs to the end
    qtbot.keyClick(view.samples, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(view.samples, "3")
    assert view.samples.value() == 3
    with qtbot.waitSignal(view.finished, timeout=60000):
        click(qtbot, view.run_button)
    assert view.table.rowCount() == len(net.params) + 1


def test_closing_while_running_stops_the_thread(qtbot):
    view = GradCheckView(Network(seed=0), np.zeros((28, 28)), 1)
    qtbot.addWidget(view)
    view.show()
    click(qtbot, view.every)
    click(qtbot, view.run_button)
    assert view.is_running()
    view.close()
    assert not view.is_running()


def test_a_check_that_cannot_run_says_why(qtbot):
    view = GradCheckView(Network(CONFIG, dtype=np.float32), np.zeros((10, 10)), 0)
    qtbot.addWidget(view)
    view.show()
    click(qtbot, view.run_button)
    qtbot.waitUntil(lambda: not view.is_running(), timeout=60000)
    assert "could not run" in view.status.text() and "float64" in view.status.text()
    assert view.table.rowCount() == 0 and view.run_button.isEnabled()


def test_deleting_the_view_while_running_does_not_abort(qtbot):
    """Qt aborts the process when a running QThread is destroyed: the view's thread outlives it,
    and the deleted view's flag stops the check at its next element."""
    from convviz.gui.panels.gradcheck import view as gradcheck_view

    view = GradCheckView(Network(seed=0), np.zeros((28, 28)), 1)
    view.show()
    click(qtbot, view.every)
    click(qtbot, view.run_button)
    thread = view._thread
    assert view.is_running() and thread in gradcheck_view._THREADS
    view.deleteLater()
    del view
    qtbot.waitUntil(thread.isFinished, timeout=60000)
