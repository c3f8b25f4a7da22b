"""The updates applied by hand ("Apply update"): loss and the target's probability per update."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from convviz.gui.panels.training.views import TRAIN_COLOUR, VAL_COLOUR, name_curves
from convviz.gui.presentation.numbers import loss_number, probability
from convviz.gui.widgets.translate import Retranslating


class UpdatesView(Retranslating, QWidget):
    """A short curve of the session's applied updates; dashed lines where the target changed."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.plot = pg.PlotWidget(background=None)
        self.legend = self.plot.addLegend(offset=(-5, 5), labelTextSize="8pt")
        self.loss = self.plot.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2), symbol="o", symbolSize=6,
                                   symbolBrush=TRAIN_COLOUR, name="-")
        self.prob = self.plot.plot(pen=pg.mkPen(VAL_COLOUR, width=2), symbol="s", symbolSize=6,
                                   symbolBrush=VAL_COLOUR, name="-")
        self.marks = []
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addWidget(self.plot, 1)
        session.updatesChanged.connect(self.refresh)
        self.retranslate()

    def retranslate(self):
        super().retranslate()
        self.plot.setLabel("bottom", self.tr("update"))
        name_curves(self.legend, {self.loss: self.tr("loss L before the update"),
                                  self.prob: self.tr("ŷ of the target before it")})
        self.refresh()

    def refresh(self):
        records = self.session.update_history
        x = np.arange(1, len(records) + 1, dtype=float)
        self.loss.setData(x, np.array([r.loss for r in records], float))
        self.prob.setData(x, np.array([r.prob for r in records], float))
        for m in self.marks:
            self.plot.removeItem(m)
        self.marks = []
        for i in range(1, len(records)):
            if records[i].label != records[i - 1].label:
                line = pg.InfiniteLine(i + 0.5, pen=pg.mkPen((128, 128, 128), style=Qt.DashLine),
                                       label=self.tr("y = {0}").format(records[i].label),
                                       labelOpts={"position": 0.9})
                self.plot.addItem(line)
                self.marks.append(line)
        if records:
            last = records[-1]
            self.caption.setText(self.tr("{0} updates applied by hand. Last: y = {1}, L {2} → {3}, "
                                         "ŷ {4} → {5}").format(len(records), last.label, loss_number(last.loss),
                                                               loss_number(last.loss_after), probability(last.prob),
                                                               probability(last.prob_after)))
        else:
            self.caption.setText(self.tr("No update applied by hand yet: \"Apply update\" (U) adds a point "
                                         "per iteration. New weights (reset, another model) start over."))
