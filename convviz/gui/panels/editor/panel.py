"""The network editor panel: every field of the engine's config, presets, a live shape table with
Eq. 2.1 in numbers, refusals next to their fields, and Apply (fresh seeded weights, or the same
weights when only parameter-free choices changed). The network goes to the Session."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from convviz.engine import Network, normalize_config
from convviz.engine.config import LOSS_NAMES, MAX_CONV_BLOCKS, OUTPUT_ACTIVATIONS
from convviz.gui.panels.editor.choices import LOSS_LABELS, pairing_warnings
from convviz.gui.panels.editor.fields import (
    ConvFields,
    DenseFields,
    combo,
    error_label,
    relabel,
    say,
    set_combo,
    spin,
    tr_editor,
    wrapped_label,
)
from convviz.gui.panels.editor.presets import PRESETS, SHIPPED
from convviz.gui.panels.editor.shape_table import ShapeTable, shape_text
from convviz.gui.panels.editor.shapes import changed_fields, field_words, keeps_weights, normalize_or_none, owner, plan
from convviz.gui.panels.editor.words import joined
from convviz.gui.presentation import palette
from convviz.gui.widgets.translate import Retranslating

MAX_DENSE = 3


class EditorPanel(Retranslating, QWidget):
    """session: the Session the network goes to. applied(str): a status line after Apply;
    failed(title, text): Apply could not build the network (the current one stays)."""

    applied = Signal(str)
    failed = Signal(str, str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._from_preset = None        # the preset whose fields are shown untouched, else None
        self._plan = None
        self._build()
        self.retranslate()
        self.set_config(session.net.config)
        session.networkChanged.connect(self._on_network)

    # ---- widgets -----------------------------------------------------------------------
    def _build(self):
        top = QHBoxLayout()
        self.preset_label = QLabel()
        top.addWidget(self.preset_label)
        self.preset = combo([(None, "")] + [(n, n) for n in PRESETS])
        self.preset.activated.connect(lambda i: self.load_preset(self.preset.itemData(i)))
        top.addWidget(self.preset, 1)
        self.preset_about = wrapped_label(palette.TABLE_HEAD)

        fields = QWidget()
        col = QVBoxLayout(fields)
        col.setContentsMargins(2, 2, 2, 2)
        box = self.io_box = QGroupBox()
        form = self.form = QFormLayout(box)
        form.setContentsMargins(6, 4, 6, 4)
        self.input_size = spin(3, 28)
        form.addRow(QLabel(), self.input_size)
        self.input_error = error_label()
        form.addRow(self.input_error)
        self.conv_count = spin(1, MAX_CONV_BLOCKS)
        form.addRow(QLabel(), self.conv_count)
        self.dense_count = spin(0, MAX_DENSE)
        form.addRow(QLabel(), self.dense_count)
        self.output_act = combo([(a, a) for a in OUTPUT_ACTIVATIONS])
        form.addRow(QLabel(), self.output_act)
        self.loss = combo([(n, LOSS_LABELS[n]) for n in LOSS_NAMES])
        form.addRow(QLabel(), self.loss)
        self.loss_warning = wrapped_label(palette.NOTE_TEXT)
        form.addRow(self.loss_warning)
        self.other_error = error_label()
        form.addRow(self.other_error)
        self.seed = spin(0, 2 ** 31 - 1)
        form.addRow(QLabel(), self.seed)
        col.addWidget(box)
        self.convs = [ConvFields(i, self) for i in range(MAX_CONV_BLOCKS)]
        self.denses = [DenseFields(j, self) for j in range(MAX_DENSE)]
        for fs in self.convs + self.denses:
            col.addWidget(fs.box)
            fs.changed.connect(self._on_field)
        col.addStretch(1)
        for w in (self.input_size, self.conv_count, self.dense_count, self.seed):
            w.valueChanged.connect(self._on_field)
        for w in (self.output_act, self.loss):
            w.currentIndexChanged.connect(self._on_field)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)

        self.table = ShapeTable()
        self.totals = QLabel()
        self.notes = wrapped_label(palette.NOTE_TEXT)
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(self.table, 1)
        low.addWidget(self.totals)
        low.addWidget(self.notes)
        split = QSplitter(Qt.Vertical)
        split.addWidget(scroll)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 400])
        self.split = split

        self.keep = QCheckBox()
        self.keep.setChecked(True)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(lambda: self.set_config(self.session.net.config))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        self.apply_state = wrapped_label()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.preset_about)
        lay.addWidget(split, 1)
        lay.addWidget(self.apply_state)
        lay.addLayout(buttons)

    # ---- language ----------------------------------------------------------------------
    def retranslate(self):
        """Every static text in the current language, then the table, notes and refusals again."""
        self.preset_label.setText(self.tr("Preset"))
        self.preset.setItemText(0, self.tr("(choose a preset)"))
        for i in range(1, self.preset.count()):
            self.preset.setItemText(i, tr_editor(self.preset.itemData(i)))
        self.io_box.setTitle(self.tr("Input and output"))
        for widget, text, tip in (
                (self.input_size, self.tr("input size n (n × n)"),
                 self.tr("28: the drawn input as it is; smaller: the 28 × 28 input area-averaged, so a tiny "
                         "network fits on screen")),
                (self.conv_count, self.tr("conv blocks"), self.tr("how many conv blocks (conv, activation, pooling)")),
                (self.dense_count, self.tr("dense layers"), self.tr("how many hidden dense layers before the output")),
                (self.output_act, self.tr("output activation"), ""),
                (self.loss, self.tr("loss"), ""),
                (self.seed, self.tr("seed"), self.tr("the random seed of the fresh weights"))):
            self.form.labelForField(widget).setText(text)
            widget.setToolTip(tip)
        relabel(self.loss, LOSS_LABELS)
        for fs in self.convs + self.denses:
            fs.retranslate()
        self.keep.setText(self.tr("Keep the current weights"))
        self.keep.setToolTip(self.tr("Only choices without parameters changed (loss, activations, pooling "
                                     "kind, output activation): the same weights fit the new network, so "
                                     "you see the same network's gradients under the new choices."))
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Build this network and restart the iteration on your drawing"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Show the loaded network's fields again"))
        if self._plan is not None:
            self.preset_about.setText(tr_editor(self._from_preset.about) if self._from_preset else "")
            self.refresh()

    # ---- config <-> fields ---------------------------------------------------------------
    def config(self):
        """The engine config the fields describe (it may be refused: see `plan`)."""
        n = self.input_size.value()
        return {"input": [n, n],
                "conv": [c.value() for c in self.convs[:self.conv_count.value()]],
                "dense": [d.value() for d in self.denses[:self.dense_count.value()]],
                "output": {"classes": 10, "activation": self.output_act.currentData()},
                "loss": self.loss.currentData()}

    def set_config(self, config, seed=None, preset=None):
        """Show `config` (normalized first) in the fields; one shape-table update."""
        cfg = normalize_config(config)
        widgets = [self.input_size, self.conv_count, self.dense_count, self.output_act, self.loss, self.seed]
        sets = self.convs + self.denses
        for w in widgets:
            w.blockSignals(True)
        for fs in sets:
            fs.blockSignals(True)
        try:
            self.input_size.setValue(cfg["input"][0])
            self.conv_count.setValue(len(cfg["conv"]))
            self.dense_count.setValue(len(cfg["dense"]))
            for c, block in zip(self.convs, cfg["conv"]):
                c.set_value(block)
            for d, layer in zip(self.denses, cfg["dense"]):
                d.set_value(layer)
            set_combo(self.output_act, cfg["output"]["activation"])
            set_combo(self.loss, cfg["loss"])
            if seed is not None:
                self.seed.setValue(int(seed))
        finally:
            for w in widgets:
                w.blockSignals(False)
            for fs in sets:
                fs.blockSignals(False)
        self._from_preset = preset
        self.preset.setCurrentIndex(max(0, self.preset.findData(preset.name if preset else None)))
        self.preset_about.setText(tr_editor(preset.about) if preset else "")
        self.refresh()

    def load_preset(self, name):
        """Fill the fields from a preset (Apply builds it)."""
        if name in PRESETS:
            p = PRESETS[name]
            self.set_config(p.fresh_config(), seed=p.seed, preset=p)

    def _on_network(self):
        cfg = self.session.net.config
        if self._plan is None or self._plan.config != cfg:
            self.set_config(cfg)
        else:
            self.refresh()

    def _on_field(self, *_):
        if self._from_preset is not None and normalize_or_none(self.config()) != normalize_or_none(
                self._from_preset.config):
            self._from_preset = None
            self.preset.setCurrentIndex(0)
            self.preset_about.setText("")
        self.refresh()

    # ---- the live table ------------------------------------------------------------------
    def refresh(self):
        """Shapes, totals, notes and refusals for the fields as they are; Apply enabled only when possible."""
        for i, c in enumerate(self.convs):
            c.box.setVisible(i < self.conv_count.value())
        for j, d in enumerate(self.denses):
            d.box.setVisible(j < self.dense_count.value())
        p = self._plan = plan(self.config())
        self.table.show_rows(p.rows)
        self.totals.setText(self.tr("<b>%1</b> parameters · <b>%2</b> multiply-adds per image")
                            .replace("%1", f"{p.params:,}").replace("%2", f"{p.madds:,}"))
        self.notes.setText("<br>".join(f"⚠ {say(note)}" for note in p.notes.values()))
        self.notes.setVisible(bool(p.notes))
        self._show_refusals(p.refusals)
        warnings = pairing_warnings(self.loss.currentData(), self.output_act.currentData())
        self.loss_warning.setText("<br>".join(say(w) for w in warnings))
        self.loss_warning.setVisible(bool(warnings))
        self._update_apply()

    def _show_refusals(self, refusals):
        """The first refusal in red under its field (the engine reports one at a time)."""
        field, text = next(iter(refusals.items()), (None, None))
        kind, index, key = owner(field)
        self.input_error.setVisible(kind == "input")
        self.input_error.setText(say(text) if kind == "input" else "")
        for i, c in enumerate(self.convs):
            c.show_refusal(key if (kind, index) == ("conv", i) else None, text)
        for j, d in enumerate(self.denses):
            d.show_refusal(key if (kind, index) == ("dense", j) else None, text)
        self.other_error.setVisible(kind == "other")
        self.other_error.setText(f"{say(field_words(field))}: {say(text)}" if kind == "other" else "")

    def _update_apply(self):
        p, net = self._plan, self.session.net
        self.apply_button.setEnabled(p.ok)
        keep = p.ok and p.config != net.config and keeps_weights(net.config, p.config)
        self.keep.setEnabled(keep)
        if not p.ok:
            state = self.tr("Apply is off until the field marked in red is changed.")
        elif keep:
            changed = say(joined(field_words(f) for f in changed_fields(net.config, p.config)))
            state = self.tr("Only parameter-free choices changed (%1): Apply can keep the weights.").replace(
                "%1", changed)
        elif p.config == net.config:
            state = self.tr("These are the loaded network's fields: Apply starts it again from fresh "
                            "weights (seed %1).").replace("%1", str(self.seed.value()))
            if self._pretrained_preset():
                state = self.tr("Apply loads the shipped pretrained weights.")
        elif self._pretrained_preset():
            state = self.tr("Apply loads the shipped pretrained model.")
        else:
            state = self.tr("Apply builds this network with fresh random weights (seed %1).").replace(
                "%1", str(self.seed.value()))
        self.apply_state.setText(state)

    def _pretrained_preset(self):
        return self._from_preset is not None and self._from_preset.pretrained

    # ---- apply -------------------------------------------------------------------------
    @property
    def plan(self):
        """The Plan of the fields as they are (shapes, totals, refusals)."""
        return self._plan

    def apply(self, fresh=False, name=None):
        """Build the network the fields describe and hand it to the session; False when refused.

        fresh: fresh weights even where the current ones would fit; name: the model's name.
        """
        p = self._plan
        if p is None or not p.ok:
            return False
        s, seed = self.session, self.seed.value()
        if not fresh and self.keep.isEnabled() and self.keep.isChecked():
            changed = say(joined(field_words(f) for f in changed_fields(s.net.config, p.config)))
            s.rechoose(Network(p.config, seed=seed))
            text = self.tr("Same weights, new choices: %1").replace("%1", changed)
        elif not fresh and self._pretrained_preset():
            from convviz.digits import load_pretrained
            from convviz.engine import ModelFileError
            try:
                net = load_pretrained()
            except (OSError, ModelFileError) as e:       # a broken install: say so, keep the network
                self.failed.emit(self.tr("Could not load the pretrained model"),
                                 f"{e}\n\n" + self.tr("The current network was kept."))
                return False
            s.set_network(net, self.tr("pretrained model"), origin=self.tr("pretrained weights"))
            text = self.tr("Loaded the shipped pretrained model")
        else:
            name = name or (tr_editor(self._from_preset.name) if self._from_preset else self.tr("your network"))
            fresh_origin = self.tr("fresh random weights (seed %1)").replace("%1", str(seed))
            s.set_network(Network(p.config, seed=seed), name, origin=fresh_origin)
            text = self.tr("Built %1 with fresh random weights (seed %2)").replace("%1", name).replace(
                "%2", str(seed))
        self.refresh()
        self.applied.emit(text)
        return True


__all__ = ["EditorPanel", "SHIPPED", "shape_text"]
