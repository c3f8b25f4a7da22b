"""The training panel's settings: data, how many images, epochs, batch size, α, momentum, schedule
and augmentation; kept in the window's settings between runs of the app."""

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from convviz.engine.training import SCHEDULES
from convviz.gui.widgets.translate import Retranslating

#: The data sources and the learning-rate schedules, as the boxes name them (marked for lupdate).
SOURCES = {"shipped": QT_TRANSLATE_NOOP("TrainingSettings", "the shipped 5,000 digits"),
           "file": QT_TRANSLATE_NOOP("TrainingSettings", "a data set file…"),
           "mine": QT_TRANSLATE_NOOP("TrainingSettings", "my digits alone"),
           "mine+shipped": QT_TRANSLATE_NOOP("TrainingSettings", "my digits + the shipped ones")}
SCHEDULE_NAMES = {"constant": QT_TRANSLATE_NOOP("TrainingSettings", "constant"),
                  "cosine": QT_TRANSLATE_NOOP("TrainingSettings", "cosine"),
                  "step": QT_TRANSLATE_NOOP("TrainingSettings", "step")}


class TrainingSettings(Retranslating, QWidget):
    """The form; `path` is the chosen data set file when the source is "file"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source = QComboBox()
        for key, text in SOURCES.items():
            self.source.addItem(self.tr(text), key)
        self.path = None
        self.source.activated.connect(self._on_source)
        self.limit = QSpinBox()
        self.limit.setRange(0, 1_000_000)
        self.translated(self.limit.setSpecialValueText, lambda: self.tr("all"))
        self.translated(self.limit.setToolTip,
                        lambda: self.tr("Use at most this many images (0: all); 10% are held out for validation"))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 500)
        self.epochs.setValue(3)
        self.batch = QSpinBox()
        self.batch.setRange(1, 4096)
        self.batch.setValue(32)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 10.0)
        self.lr.setSingleStep(0.005)
        self.lr.setValue(0.02)
        self.momentum = QDoubleSpinBox()
        self.momentum.setRange(0.0, 0.99)
        self.momentum.setSingleStep(0.05)
        self.momentum.setValue(0.9)
        self.schedule = QComboBox()
        for name in SCHEDULES:
            self.schedule.addItem(self.tr(SCHEDULE_NAMES.get(name, name)), name)
        self.augment = QCheckBox()
        self.translated(self.augment.setText, lambda: self.tr("augment"))
        self.translated(self.augment.setToolTip, lambda: self.tr(
            "Distort each minibatch at random (rotate, scale, shift, thicken strokes), so the network sees the "
            "ways people draw"))
        self.augment.setChecked(True)
        self.fresh = QCheckBox()
        self.translated(self.fresh.setText, lambda: self.tr("start from random weights, seed"))
        self.translated(self.fresh.setToolTip, lambda: self.tr(
            "Train the same network from new random weights (He/Glorot), so the kernels start as noise; "
            "otherwise training continues from the weights in use"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        form = QFormLayout()
        form.addRow(self._label(lambda: self.tr("Data")), self.source)
        form.addRow(self._label(lambda: self.tr("Images")), self.limit)
        row = QHBoxLayout()
        for label, w in ((lambda: self.tr("Epochs"), self.epochs), (lambda: self.tr("Batch"), self.batch)):
            row.addWidget(self._label(label))
            row.addWidget(w)
        form.addRow(row)
        row = QHBoxLayout()
        for label, w in ((lambda: self.tr("α"), self.lr), (lambda: self.tr("Momentum μ"), self.momentum)):
            row.addWidget(self._label(label))
            row.addWidget(w)
        form.addRow(row)
        row = QHBoxLayout()
        row.addWidget(self.schedule)
        row.addWidget(self.augment, 1)
        form.addRow(self._label(lambda: self.tr("Schedule")), row)
        row = QHBoxLayout()
        row.addWidget(self.fresh)
        row.addWidget(self.seed)
        row.addStretch(1)
        form.addRow(row)
        self.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)

    def _label(self, text):
        label = QLabel()
        self.translated(label.setText, text)
        return label

    def retranslate(self):
        super().retranslate()
        for k in range(self.source.count()):
            key = self.source.itemData(k)
            text = self.tr("file: {0}").format(str(self.path)[-40:]) if key == "file" and self.path else \
                self.tr(SOURCES[key])
            self.source.setItemText(k, text)
        for k in range(self.schedule.count()):
            name = self.schedule.itemData(k)
            self.schedule.setItemText(k, self.tr(SCHEDULE_NAMES.get(name, name)))

    def _on_source(self, *_):
        if self.source.currentData() == "file":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a digit data set"), "",
                                                  self.tr("Digit data sets (*.npz *idx3-ubyte *idx3-ubyte.gz);;"
                                                          "All files (*)"))
            if path:
                self.set_source("file", path)
            else:
                self.source.setCurrentIndex(0)

    def set_source(self, key, path=None):
        """Choose the data: "shipped", "file" (with `path`), "mine" or "mine+shipped"."""
        index = self.source.findData(key)
        self.source.setCurrentIndex(index)
        if key == "file":
            self.path = path
            self.source.setItemText(index, self.tr("file: {0}").format(str(path)[-40:]))

    # ---- persistence -----------------------------------------------------------------------
    NUMBERS = ("limit", "epochs", "batch", "lr", "momentum", "seed")

    def save(self, settings):
        """The choices under training/… (a data set file is not kept: it may be gone next time)."""
        for name in self.NUMBERS:
            settings.setValue(f"training/{name}", getattr(self, name).value())
        settings.setValue("training/schedule", self.schedule.currentData())
        settings.setValue("training/augment", self.augment.isChecked())
        settings.setValue("training/fresh", self.fresh.isChecked())
        if self.source.currentData() != "file":
            settings.setValue("training/source", self.source.currentData())

    def restore(self, settings):
        """Each stored value checked as it is read (PITFALLS: QSettings returns whatever is stored)."""
        for name in self.NUMBERS:
            box, value = getattr(self, name), settings.value(f"training/{name}")
            try:
                number = float(value)
            except (TypeError, ValueError):
                continue
            if math.isfinite(number) and box.minimum() <= number <= box.maximum():
                box.setValue(int(number) if isinstance(box, QSpinBox) else number)
        schedule = self.schedule.findData(settings.value("training/schedule"))
        if schedule >= 0:
            self.schedule.setCurrentIndex(schedule)
        source = settings.value("training/source")
        if source in ("shipped", "mine", "mine+shipped"):
            self.source.setCurrentIndex(self.source.findData(source))
        for name in ("augment", "fresh"):
            value = str(settings.value(f"training/{name}", "")).lower()
            if value in ("true", "false"):
                getattr(self, name).setChecked(value == "true")
