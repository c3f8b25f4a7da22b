"""The training panel's settings: data, how many images, epochs, batch size, α, momentum, schedule
and augmentation; kept in the window's settings between runs of the app."""

import math

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


class TrainingSettings(QWidget):
    """The form; `path` is the chosen data set file when the source is "file"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source = QComboBox()
        for key, text in (("shipped", self.tr("the shipped 5,000 digits")),
                          ("file", self.tr("a data set file…")),
                          ("mine", self.tr("my digits alone")),
                          ("mine+shipped", self.tr("my digits + the shipped ones"))):
            self.source.addItem(text, key)
        self.path = None
        self.source.activated.connect(self._on_source)
        self.limit = QSpinBox()
        self.limit.setRange(0, 1_000_000)
        self.limit.setSpecialValueText(self.tr("all"))
        self.limit.setToolTip(self.tr("Use at most this many images (0: all); 10% are held out for validation"))
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
            self.schedule.addItem(self.tr(name), name)
        self.augment = QCheckBox(self.tr("augment"))
        self.augment.setToolTip(self.tr("Distort each minibatch at random (rotate, scale, shift, thicken strokes), "
                                        "so the network sees the ways people draw"))
        self.augment.setChecked(True)
        self.fresh = QCheckBox(self.tr("start from random weights, seed"))
        self.fresh.setToolTip(self.tr("Train the same network from new random weights (He/Glorot), so the "
                                      "kernels start as noise; otherwise training continues from the weights in use"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        form = QFormLayout()
        form.addRow(self.tr("Data"), self.source)
        form.addRow(self.tr("Images"), self.limit)
        row = QHBoxLayout()
        for label, w in ((self.tr("Epochs"), self.epochs), (self.tr("Batch"), self.batch)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        form.addRow(row)
        row = QHBoxLayout()
        for label, w in ((self.tr("α"), self.lr), (self.tr("Momentum μ"), self.momentum)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        form.addRow(row)
        row = QHBoxLayout()
        row.addWidget(self.schedule)
        row.addWidget(self.augment, 1)
        form.addRow(self.tr("Schedule"), row)
        row = QHBoxLayout()
        row.addWidget(self.fresh)
        row.addWidget(self.seed)
        row.addStretch(1)
        form.addRow(row)
        self.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)

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
