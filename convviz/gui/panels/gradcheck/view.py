"""Check gradients: the whole-network central-difference check in a worker thread, as a table and a histogram."""

import copy
import html
import threading
import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from convviz.engine import gradcheck, mistakes
from convviz.gui.presentation import palette
from convviz.gui.presentation.equations import to_rich
from convviz.gui.presentation.gradcheck_text import CONTEXT, KINK_WHY, MISTAKE_NEEDS, MISTAKE_TITLE, MISTAKE_WHAT
from convviz.gui.widgets.translate import Retranslating

#: Exactly-zero relative errors are drawn in the first bin (a log axis has no 0).
SMALLEST = 1e-17
EDGES = 10.0 ** np.arange(-17.0, 0.51, 0.5)
#: Threads of checks still running or just ended. A thread has no parent and stays referenced
#: here, so a view deleted mid-check never destroys a running QThread (Qt aborts on that); the
#: deleted view's flag stops the check at its next element, and ended threads are dropped.
_THREADS = set()

COLORS = palette.SERIES


def _t(text):
    """A sentence of the gradient-check catalogue, translated."""
    return QCoreApplication.translate(CONTEXT, text)


class CheckWorker(QObject):
    """Runs `gradcheck.check_network` on its own thread; `cancel()` may be called from any thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, net, image, label, samples, mistake, seed):
        super().__init__()
        self._args = (net, image, label, samples, mistake, seed)
        self._stop = threading.Event()

    def cancel(self):
        self._stop.set()

    def _progress(self, done, total):
        # At most ~200 updates: a queued signal per element would flood the GUI thread's queue.
        if done == total or done % max(1, total // 200) == 0:
            self.progressed.emit(done, total)

    @Slot()
    def run(self):
        net, image, label, samples, mistake, seed = self._args
        try:
            result = gradcheck.check_network(net, image, label, samples=samples, seed=seed, mistake=mistake,
                                             progress=self._progress, cancel=self._stop.is_set)
        except gradcheck.CheckCancelled:
            self.cancelled.emit()
        except (ValueError, RuntimeError, KeyError) as e:
            self.failed.emit(str(e))
        else:
            self.finished.emit(result)


class GradCheckView(Retranslating, QWidget):
    """Checks a copy of a network on one image: per array the count checked, the worst relative
    error, the kinks and pass/fail, and a histogram of relative errors per array (log scale).
    `samples`: elements per array (None: every element of a small network, else 20);
    `mistake`: the mistake picked at first (a name, None for the engine's backward run)."""

    finished = Signal(object)       # the NetworkCheck shown
    cancelled = Signal()


    def __init__(self, net, image, label, samples=None, seed=0, mistake=None, parent=None):
        super().__init__(parent)
        # The check nudges parameters in place while it runs: never on the app's own network.
        self._net = copy.deepcopy(net)
        self._image = np.array(image, np.float64, copy=True)
        self._label = label
        self._seed = seed
        self._thread = self._worker = None
        self._result = None
        self._build(gradcheck.SAMPLES if samples is None else samples)
        # A small network is checked whole unless a sample size was asked for.
        self.every.setChecked(samples is None and gradcheck.default_samples(self._net, self._image) is None)
        self.mistake.setCurrentIndex(max(0, self.mistake.findData(mistake)))
        self._show_mistake()

    # ---- layout ----------------------------------------------------------------------
    def _build(self, samples):
        self.samples = QSpinBox()
        self.samples.setRange(1, 1_000_000)
        self.samples.setValue(samples)
        t = self.translated
        t(self.setWindowTitle, lambda: self.tr("Check gradients"))
        t(self.samples.setToolTip, lambda: self.tr("How many random elements of every array to check"))
        self.every = QCheckBox()
        t(self.every.setText, lambda: self.tr("every element"))
        self.every.toggled.connect(lambda on: self.samples.setEnabled(not on))
        self.mistake = QComboBox()
        for name in [None] + [m.name for m in mistakes.MISTAKES]:
            self.mistake.addItem("", name)
        t(self._name_mistakes, lambda: None)
        self.mistake.currentIndexChanged.connect(self._show_mistake)
        self.run_button = QPushButton()
        t(self.run_button.setText, lambda: self.tr("Check"))
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        t(self.cancel_button.setText, lambda: self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        controls = QHBoxLayout()
        per_array = QLabel()
        t(per_array.setText, lambda: self.tr("Elements per array:"))
        controls.addWidget(per_array)
        controls.addWidget(self.samples)
        controls.addWidget(self.every)
        controls.addWidget(self.mistake, 1)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)

        self.about = QLabel()
        self.about.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        t(lambda text: self._result is None and not self.is_running() and self.status.setText(text),
          lambda: self.tr("Press Check to compare every gradient with central differences."))
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, 5)
        t(self.table.setHorizontalHeaderLabels, lambda: [
            self.tr("array"), self.tr("checked"), self.tr("worst rel. error"), self.tr("at kinks"), self.tr("result")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.plot = pg.PlotWidget()
        self.plot.setLogMode(x=True, y=False)
        t(lambda text: self.plot.setLabel("bottom", text),
          lambda: self.tr("relative error |g_num − g| / (|g_num| + |g|)"))
        t(lambda text: self.plot.setLabel("left", text), lambda: self.tr("elements"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.plot.addLegend(offset=(-10, 10))
        self.kinks = QLabel()
        self.kinks.setWordWrap(True)
        self.kinks.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.table, 3)
        left_lay.addWidget(self.kinks, 2)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.plot)
        splitter.setSizes([420, 480])

        lay = QVBoxLayout(self)
        lay.addLayout(controls)
        lay.addWidget(self.about)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(splitter, 1)

    def _name_mistakes(self, _=None):
        for k in range(self.mistake.count()):
            name = self.mistake.itemData(k)
            self.mistake.setItemText(k, self.tr("none: the engine's backward run") if name is None
                                     else self.tr("mistake: %s") % _t(MISTAKE_TITLE[name]))

    def retranslate(self):
        """Static texts, then the mistake's description and a finished check's results again."""
        super().retranslate()
        if hasattr(self, "about"):
            self._show_mistake()
        if self._result is not None and not self.is_running():
            self.plot.clear()
            self.legend.clear()
            self._on_finished(self._result, announce=False)

    def _show_mistake(self):
        name = self.mistake.currentData()
        if name is None:
            self.about.setText(self.tr(
                "Each checked element θ is moved by ±ε and the network run forward twice: "
                "(L(θ + ε) − L(θ − ε)) / 2ε is compared with the gradient of the backward run."))
            return
        m = mistakes.get(name)
        where = sorted(m.affects(self._net))
        text = self.tr("%s Wrong: %s. Right: %s.") % (html.escape(_t(MISTAKE_WHAT[name])), to_rich(m.wrong),
                                                      to_rich(m.right))
        if where:
            text += " " + self.tr("It should show in: %s.") % ", ".join(where)
        else:
            text += " " + self.tr("This network gives it nothing to act on (it needs %s).") % _t(MISTAKE_NEEDS[name])
        self.about.setText(text)

    # ---- running ---------------------------------------------------------------------
    def is_running(self):
        return self._thread is not None

    def result(self):
        """The last finished NetworkCheck, or None."""
        return self._result

    @Slot()
    def start(self):
        if self.is_running():
            return
        samples = None if self.every.isChecked() else self.samples.value()
        self._clear()
        self.status.setText(self.tr("Checking…"))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        _THREADS.difference_update([t for t in _THREADS if t.isFinished()])
        self._thread = QThread()
        _THREADS.add(self._thread)
        self._worker = CheckWorker(self._net, self._image, self._label, samples, self.mistake.currentData(),
                                   self._seed)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        for done in (self._worker.finished, self._worker.cancelled, self._worker.failed):
            done.connect(self._thread.quit, Qt.DirectConnection)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.failed.connect(self._on_failed)
        stop = self._worker.cancel
        self.destroyed.connect(lambda *_: stop())     # not a method of self: it is being deleted
        # A view whose Python wrapper goes first (del of its last reference) may never deliver
        # `destroyed` to a Python slot: the wrapper's end stops the check too.
        weakref.finalize(self, stop)
        self._thread.start()

    @Slot()
    def cancel(self):
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _stop_thread(self):
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            worker.cancel()                 # a no-op when it ended by itself
            thread.quit()
            thread.wait()
            worker.deleteLater()
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def closeEvent(self, event):
        self._stop_thread()
        super().closeEvent(event)

    @Slot(int, int)
    def _on_progress(self, done, total):
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot()
    def _on_cancelled(self):
        self._stop_thread()
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled: nothing was checked to the end."))
        self.cancelled.emit()

    @Slot(str)
    def _on_failed(self, message):
        self._stop_thread()
        self.status.setText(self.tr("The check could not run: %s") % message)

    @Slot(object)
    def _on_finished(self, result, announce=True):
        self._stop_thread()
        self._result = result
        self._fill_table(result)
        self._fill_histogram(result)
        self._fill_kinks(result)
        failed = [p.key for p in result.parameters if not p.passed]
        if failed:
            self.status.setText(self.tr("FAIL: %s disagree with central differences (relative error ≥ %g).")
                                % (", ".join(failed), result.tol))
        else:
            self.status.setText(self.tr("PASS: every checked gradient away from kinks agrees with central "
                                        "differences to a relative error below %g (ε = %g).")
                                % (result.tol, result.eps))
        if announce:
            self.finished.emit(result)

    # ---- results ---------------------------------------------------------------------
    def _clear(self):
        self._result = None
        self.table.setRowCount(0)
        self.plot.clear()
        self.legend.clear()
        self.kinks.clear()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def _fill_table(self, result):
        self.table.setRowCount(len(result.parameters))
        for row, p in enumerate(result.parameters):
            worst = f"{p.worst:.3g}" if (~p.at_kink).any() else "–"
            cells = (p.key, f"{p.checked} / {p.size}", worst, str(int(p.at_kink.sum())),
                     self.tr("pass") if p.passed else self.tr("FAIL"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)

    def _fill_histogram(self, result):
        """One step curve per array: how many of its elements away from kinks fell in each
        half-decade of relative error, with the tolerance as a vertical line."""
        for k, p in enumerate(result.parameters):
            errors = p.rel_errors[~p.at_kink]
            if not errors.size:
                continue
            counts, _ = np.histogram(np.clip(errors, SMALLEST, EDGES[-1]), EDGES)
            self.plot.plot(EDGES, counts, stepMode="center", pen=pg.mkPen(COLORS[k % len(COLORS)], width=2),
                           name=p.key)
        # The first bin also holds errors of exactly 0 (numeric and analytic equal, often both 0).
        zero = pg.TextItem(self.tr("≤ 1e-17 or exactly 0"), color=palette.ZERO_BIN_TEXT, anchor=(0, 0))
        zero.setPos(np.log10(SMALLEST), 0)
        self.plot.addItem(zero)
        line = pg.InfiniteLine(pos=np.log10(result.tol), angle=90,
                               pen=pg.mkPen(palette.TOLERANCE_LINE, style=Qt.DashLine),
                               label=self.tr("tolerance"), labelOpts={"position": 0.9})
        self.plot.addItem(line)

    def _fill_kinks(self, result):
        kinds = {}
        for p in result.parameters:
            for kink in p.kinks:
                if kink is not None:
                    n, _ = kinds.get((kink.layer, kink.kind), (0, None))
                    kinds[(kink.layer, kink.kind)] = (n + 1, _t(KINK_WHY[kink.kind]))
        if not kinds:
            self.kinks.setText(self.tr("No checked element was at a kink."))
            return
        lines = [self.tr("At kinks, not counted as failures (the loss has a corner there):")]
        lines += [self.tr("%s: %d element(s). %s") % (layer, n, why) for (layer, _), (n, why) in sorted(kinds.items())]
        self.kinks.setText("\n".join(lines))
