"""The editor's field widgets: one group per conv block and per dense layer, each reading and
writing its part of the engine's config dict, each field with a red line for its refusal; and
`say`, which shows the editor's Qt-free texts (words.Text) in the current language."""

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from convviz.engine.config import ACTIVATION_NAMES, POOL_KINDS
from convviz.gui.panels.editor.words import CONTEXT, translated
from convviz.gui.presentation import names, palette

#: Shown names by the engine's name (presentation/names.py, the one table the step titles use too);
#: the config reads the engine's name, never the shown text.
POOL_LABELS, ACTIVATION_LABELS = names.POOLS, names.ACTIVATIONS


def tr_editor(template):
    """A template marked QT_TRANSLATE_NOOP("editor", …), or a choice's name from presentation/names.py
    (marked in the catalogue's context), in the current language."""
    said = QCoreApplication.translate(CONTEXT, template)
    return said if said != template else QCoreApplication.translate(names.CONTEXT, template)


def say(text):
    """An editor text (a words.Text, or a plain string shown as it is) in the current language."""
    return translated(text, tr_editor)


def spin(lo, hi, tip=""):
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setToolTip(tip)
    s.setKeyboardTracking(False)        # typing "12" is one change, not "1" then "12"
    return s


def combo(items):
    """A QComboBox of (data, text) items; the config reads currentData(), never the text."""
    c = QComboBox()
    for data, text in items:
        c.addItem(text, data)
    return c


def relabel(c, labels):
    """Each item's text again from {data: marked template}, in the current language (after a switch)."""
    for i in range(c.count()):
        c.setItemText(i, tr_editor(labels.get(c.itemData(i), str(c.itemData(i)))))


def set_combo(c, data):
    i = c.findData(data)
    if i >= 0:
        c.setCurrentIndex(i)


def wrapped_label(color=None):
    """A word-wrapped label, in `color` (from the palette) if given."""
    lab = QLabel()
    lab.setWordWrap(True)
    if color:
        lab.setStyleSheet(f"color:{color};")
    return lab


def error_label():
    """A refusal's line under its field, hidden until there is one."""
    lab = wrapped_label(palette.ERROR_TEXT)
    lab.setVisible(False)
    return lab


class FieldSet(QObject):
    """Widgets for a few config fields; `changed` when any of them changes."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors = {}            # field suffix ("size", "units", …) -> its refusal label
        self.labels = {}            # field suffix -> the label in front of its field

    def _watch(self, *widgets):
        for w in widgets:
            (w.valueChanged if isinstance(w, QSpinBox) else w.currentIndexChanged).connect(self.changed)

    def _row(self, form, widget, key):
        label = QLabel()
        self.labels[key] = label
        form.addRow(label, widget)
        err = error_label()
        form.addRow(err)
        self.errors[key] = err

    def retranslate(self):
        """Every static text in the current language (the panel calls it on a language change)."""
        for key, label in self.labels.items():
            label.setText(self._label_text(key))

    def show_refusal(self, key, text):
        """Show `text` under the field `key` (None hides every line of this set)."""
        for k, lab in self.errors.items():
            lab.setVisible(k == key and text is not None)
            if k == key and text is not None:
                lab.setText(say(text))


def _pair_row(a, b):
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(a)
    lay.addWidget(QLabel("×"))
    lay.addWidget(b)
    lay.addStretch(1)
    return w


class ConvFields(FieldSet):
    """Block i: kernels, kernel size k1 × k2, stride Z_s, padding Z_p, activation, pooling kind, size, stride."""

    def __init__(self, i, parent=None):
        super().__init__(parent)
        self.index = i
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        form.setContentsMargins(6, 4, 6, 4)
        self.kernels = spin(1, 64)
        self.k1, self.k2 = spin(1, 28), spin(1, 28)
        self.stride = spin(1, 5)
        self.padding = spin(0, 5)
        self.activation = combo([(a, ACTIVATION_LABELS[a]) for a in ACTIVATION_NAMES])
        self.pool = combo([(p, POOL_LABELS[p]) for p in POOL_KINDS])
        self.pool_size = spin(1, 8)
        self.pool_stride = spin(1, 8)
        self._row(form, self.kernels, "kernels")
        self._row(form, _pair_row(self.k1, self.k2), "size")
        self._row(form, self.stride, "stride")
        self._row(form, self.padding, "padding")
        self._row(form, self.activation, "activation")
        self._row(form, self.pool, "pool")
        self._row(form, self.pool_size, "pool_size")
        self._row(form, self.pool_stride, "pool_stride")
        self._watch(self.kernels, self.k1, self.k2, self.stride, self.padding, self.activation, self.pool,
                    self.pool_size, self.pool_stride)
        self.pool.currentIndexChanged.connect(self._pool_enabled)
        self.retranslate()

    def _label_text(self, key):
        return {"kernels": self.tr("kernels D"), "size": self.tr("kernel size k1 × k2"),
                "stride": self.tr("stride Z_s"), "padding": self.tr("padding Z_p"),
                "activation": self.tr("activation σ"), "pool": self.tr("pooling"), "pool_size": self.tr("pool size"),
                "pool_stride": self.tr("pool stride")}[key]

    def retranslate(self):
        super().retranslate()
        self.box.setTitle(self.tr("Convolution block %1").replace("%1", str(self.index + 1)))
        self.kernels.setToolTip(self.tr("D: how many kernels, so how many feature maps"))
        self.k1.setToolTip(self.tr("k1: kernel rows"))
        self.k2.setToolTip(self.tr("k2: kernel columns"))
        self.stride.setToolTip(self.tr("Z_s: how far the kernel moves between outputs"))
        self.padding.setToolTip(self.tr("Z_p: zeros added on every side of the input"))
        self.pool_size.setToolTip(self.tr("pooling window k × k"))
        self.pool_stride.setToolTip(self.tr("how far the pooling window moves"))
        relabel(self.activation, ACTIVATION_LABELS)
        relabel(self.pool, POOL_LABELS)

    def _pool_enabled(self):
        on = self.pool.currentData() != "none"
        self.pool_size.setEnabled(on)
        self.pool_stride.setEnabled(on)

    def value(self):
        pk, ps = self.pool_size.value(), self.pool_stride.value()
        return {"kernels": self.kernels.value(), "size": [self.k1.value(), self.k2.value()],
                "stride": [self.stride.value()] * 2, "padding": [self.padding.value()] * 2,
                "activation": self.activation.currentData(), "pool": self.pool.currentData(),
                "pool_size": [pk, pk], "pool_stride": [ps, ps]}

    def set_value(self, block):
        """Show a normalized block (stride, padding and pooling are shown by their first axis)."""
        self.kernels.setValue(block["kernels"])
        self.k1.setValue(block["size"][0])
        self.k2.setValue(block["size"][1])
        self.stride.setValue(block["stride"][0])
        self.padding.setValue(block["padding"][0])
        set_combo(self.activation, block["activation"])
        set_combo(self.pool, block["pool"])
        self.pool_size.setValue(block["pool_size"][0])
        self.pool_stride.setValue(block["pool_stride"][0])
        self._pool_enabled()


class DenseFields(FieldSet):
    """Dense layer j: units and activation."""

    def __init__(self, j, parent=None):
        super().__init__(parent)
        self.index = j
        self.box = QGroupBox()
        form = QFormLayout(self.box)
        form.setContentsMargins(6, 4, 6, 4)
        self.units = spin(1, 512)
        self.activation = combo([(a, ACTIVATION_LABELS[a]) for a in ACTIVATION_NAMES])
        self._row(form, self.units, "units")
        self._row(form, self.activation, "activation")
        self._watch(self.units, self.activation)
        self.retranslate()

    def _label_text(self, key):
        return {"units": self.tr("units"), "activation": self.tr("activation σ")}[key]

    def retranslate(self):
        super().retranslate()
        self.box.setTitle(self.tr("Dense layer %1").replace("%1", str(self.index + 1)))
        self.units.setToolTip(self.tr("how many units"))
        relabel(self.activation, ACTIVATION_LABELS)

    def value(self):
        return {"units": self.units.value(), "activation": self.activation.currentData()}

    def set_value(self, layer):
        self.units.setValue(layer["units"])
        set_combo(self.activation, layer["activation"])
