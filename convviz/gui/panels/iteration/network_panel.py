"""The network panel: step controls, the pipeline of every stage, the step list, the inspector
and a detail view, all drawn from (trace, index, mode, selection) each time the step changes."""

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from convviz.engine import OpKind, StageId
from convviz.engine.explain import explain
from convviz.engine.export import step_record
from convviz.gui.models.stepper import Stepper
from convviz.gui.panels.iteration import pipeline_queries
from convviz.gui.panels.iteration.conv_sweep import ConvSweep
from convviz.gui.panels.iteration.detail import DetailView
from convviz.gui.panels.iteration.inspector import Inspector, hint
from convviz.gui.panels.iteration.panel_widgets import (
    MODES,
    SCALES,
    SPEEDS,
    first_hint,
    mode_buttons,
    scale_box,
    speed_box,
    step_list,
)
from convviz.gui.panels.iteration.phases import PhaseIndicator
from convviz.gui.panels.iteration.pipeline import PipelineView
from convviz.gui.presentation import catalogue, palette
from convviz.gui.presentation.equations import title_rich, title_text
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.selection import selection_markers
from convviz.gui.presentation.symbols import conv_layers, element_name
from convviz.gui.widgets import colors
from convviz.gui.widgets.translate import catalogue_tr, step_title
from convviz.gui.widgets.wrap_bar import group, wrap_bar

#: The toolbar's narrowest width: the panel's views need about this much (the width the one-row
#: bar used to force); below its one-row width the bar wraps rather than squeeze a badge.
PANEL_MIN_WIDTH = 820


def step_arrays(step):
    """A step's arrays and, numbered as the app shows it (Step 5 is step 5), what it computes."""
    if step is None:
        return {}
    out = {k: np.asarray(v) for k, v in step.arrays.items()}
    out.update({name: np.array(value) for name, value in step_record(step).items() if name != "arrays"})
    return out


def flattened_shape(trace, step):
    """(D, Hp, Wp) of the flattened maps if `step` belongs to the layer that reads them, else None."""
    flat = next((s for s in trace if s.op == OpKind.FLATTEN), None)
    if flat is None or flat.index + 1 >= len(trace) or trace[flat.index + 1].layer != step.layer:
        return None
    shape = flat.arrays["input"].shape
    return shape if len(shape) == 3 else None


def param_text(step, stage, index):
    """'value …, gradient …' of a weight or bias `step` draws in the detail view, else None."""
    if stage not in (step.stage, step.target):
        return None
    value = QCoreApplication.translate("NetworkPanel", "value {0}")
    gradient = QCoreApplication.translate("NetworkPanel", "gradient {0}")
    names = {"W": value, "before": value, "grad_W": gradient, "grad_b": gradient, "grad": gradient,
             "delta": "Δ {0}", "after": QCoreApplication.translate("NetworkPanel", "after {0}")}
    parts = [text.format(number(step.arrays[key][index])) for key, text in names.items()
             if key in step.arrays and np.ndim(step.arrays[key]) == len(index)
             and all(0 <= v < n for v, n in zip(index, np.shape(step.arrays[key])))]
    return ", ".join(parts) or None


class NetworkPanel(QWidget):
    """Everything about the current training iteration, driven by a Stepper.

    selectionChanged: the selected element changed (set, moved or cleared).
    """

    selectionChanged = Signal()

    def __init__(self, stepper, parent=None):
        super().__init__(parent)
        self.stepper = stepper
        self.mode = "both"
        self.scale = "stage"
        self.selection = None          # (stage, index) the user clicked; kept while stepping
        self._actions = self._make_actions()
        self.addActions(self._actions)
        self._build()
        stepper.traceReset.connect(self._on_trace_reset)
        stepper.stepChanged.connect(self._on_step)
        stepper.playingChanged.connect(self._on_playing)
        stepper.speedChanged.connect(self._on_speed)
        self.sweep = ConvSweep(self, stepper)        # a playing conv step slides its receptive field
        stepper.stepChanged.connect(self.sweep.refresh)
        stepper.playingChanged.connect(self.sweep.refresh)
        if stepper.trace is not None:
            self._on_trace_reset()
            self._on_step(stepper.index)
        else:
            self._show_empty()

    # ---- actions and widgets -----------------------------------------------------------
    def _make_actions(self):
        st = self.style()
        spec = [("next", self.tr("Next step"), ["Right", "N"], self.stepper.next, QStyle.SP_MediaSeekForward),
                ("prev", self.tr("Previous step"), ["Left", "P"], self.stepper.prev, QStyle.SP_MediaSeekBackward),
                ("home", self.tr("First step"), ["Home"], self.stepper.home, QStyle.SP_MediaSkipBackward),
                ("end", self.tr("Last step"), ["End"], self.stepper.end, QStyle.SP_MediaSkipForward),
                ("play", self.tr("Play / pause"), ["Space"], self.stepper.toggle_play, QStyle.SP_MediaPlay)]
        acts, self.action = [], {}
        for name, text, keys, slot, icon in spec:
            a = QAction(st.standardIcon(icon), text, self)
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.WindowShortcut)
            a.setToolTip(self.tr("{0} ({1})").format(text, self.tr(" or ").join(keys)))
            a.triggered.connect(slot)
            acts.append(a)
            self.action[name] = a
        return acts

    def actions(self):
        """The stepping QActions (Right/N, Left/P, Home, End, Space) for the window's menus and toolbar."""
        return list(self._actions)

    def _build(self):
        # One row while it fits; below that the parts wrap (beside a docked editor, in Chinese),
        # so no badge or button is squeezed below its text. The floor keeps the panel as wide as
        # its views need (the big view's ∂L/∂W cells), as the one-row bar used to.
        self.toolbar, bar = wrap_bar(4, floor=PANEL_MIN_WIDTH)
        stepping = []
        for name in ("home", "prev", "play", "next", "end"):
            b = QToolButton()
            b.setDefaultAction(self.action[name])
            b.setFocusPolicy(Qt.NoFocus)
            b.setAutoRaise(True)
            stepping.append(b)
        self.speed = speed_box(self.stepper)
        bar.add(group(*stepping, self.speed))
        self.phase = PhaseIndicator()
        self.phase.phaseClicked.connect(self.go_to_phase)
        bar.add(self.phase, gap_before=12)
        self.counter = QLabel()
        self.counter.setMinimumWidth(120)        # long titles are cut here; the inspector has them whole
        self.counter.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        bar.add(self.counter, gap_before=12, stretch=True)
        self.mode_buttons, buttons = mode_buttons(self, self.mode)
        self.mode_buttons.idClicked.connect(lambda k: self.set_mode(MODES[k]))
        self.scale_box = scale_box()
        self.scale_box.currentIndexChanged.connect(lambda k: self.set_scale(SCALES[k]))
        bar.add(group(*buttons, self.scale_box), gap_before=8)

        self.pipeline = PipelineView()
        self.pipeline.elementClicked.connect(self.select)
        self.pipeline.elementHovered.connect(self._on_hover)
        self.pipeline.layoutRebuilt.connect(lambda: (self.detail.invalidate(), self._render()))   # the grids changed
        self._stepped = False          # the hint goes once the learner has taken a step
        self.readout = QLabel(first_hint())
        self.readout.setStyleSheet(f"color:{colors.READOUT_TEXT}; padding:1px 4px;")
        self.readout.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)     # a long line never widens the panel
        self.steps = step_list()
        self.steps.itemClicked.connect(lambda item: self.stepper.go(self.steps.row(item)))
        self.inspector = Inspector()
        self.inspector.setFocusPolicy(Qt.NoFocus)
        self.detail = DetailView()
        self.detail.elementClicked.connect(self.select)
        self.detail.elementHovered.connect(self._on_hover)
        pipeline_queries.link(self.detail, self.pipeline, self.stepper)

        self.bottom = QSplitter(Qt.Horizontal)
        self.bottom.addWidget(self.steps)
        # The inspector over what other panels add under it (a resizable split: short screens).
        self._inspector_split = QSplitter(Qt.Vertical)
        self._inspector_split.setChildrenCollapsible(False)
        self._inspector_split.addWidget(self.inspector)
        self.bottom.addWidget(self._inspector_split)
        self.bottom.addWidget(self.detail)
        self.bottom.setStretchFactor(1, 3)
        self.bottom.setStretchFactor(2, 2)
        self.bottom.setSizes([260, 450, 560])
        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.setSpacing(0)
        top_lay.addWidget(self.readout)
        stages = QHBoxLayout()
        stages.setSpacing(0)
        stages.addWidget(self.pipeline, 1)
        stages.addWidget(self.pipeline.legend)
        top_lay.addLayout(stages, 1)
        self.split = QSplitter(Qt.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(self.bottom)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([480, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.toolbar)
        lay.addWidget(self.split, 1)

    # ---- model -> view -----------------------------------------------------------------
    def set_mode(self, mode):
        """values, gradients or both (gradients blended over the values); ValueError otherwise."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self.mode_buttons.button(MODES.index(mode)).setChecked(True)
        self._render()

    def go_to_phase(self, phase):
        """Jump to the first step of a phase (forward, loss, backward, update)."""
        trace = self.stepper.trace
        first = None if trace is None else next((s.index for s in trace if s.phase == phase), None)
        if first is not None:
            self.stepper.pause()
            self.stepper.go(first)

    def set_scale(self, scale):
        """Gradient colours: "stage" (each its own scale) or "step" (one for the step); ValueError otherwise."""
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {', '.join(SCALES)}, not {scale!r}")
        self.scale = scale
        if self.scale_box.currentIndex() != SCALES.index(scale):
            self.scale_box.setCurrentIndex(SCALES.index(scale))
        self._render()

    def select(self, stage, index):
        """Select an element (stage: a StageId or its name, index) to explain; it stays selected while stepping."""
        self.selection = (StageId.parse(stage), tuple(index))
        self._render()
        self.selectionChanged.emit()

    def clear_selection(self):
        self.selection = None
        self._render()
        self.selectionChanged.emit()

    def add_inspector_widget(self, widget):
        """Put `widget` under the inspector (e.g. the gradient check of the selected element)."""
        self._inspector_split.addWidget(widget)
        self._inspector_split.setStretchFactor(0, 3)
        self._inspector_split.setStretchFactor(self._inspector_split.count() - 1, 2)

    def _on_trace_reset(self):
        trace = self.stepper.trace
        self.steps.clear()
        if trace is None:
            self._show_empty()
            return
        if self.pipeline.set_trace(trace):        # another network: the selection means nothing there
            self.selection = None
            self.selectionChanged.emit()
        for s in trace:
            title = title_text(step_title(s))
            item = QListWidgetItem(f"{s.index + 1:>2}  {title}")
            item.setToolTip(f"{catalogue_tr(catalogue.PHASE_NAMES[s.phase]).lower()}: {title}")
            item.setForeground(QColor(colors.PHASE_COLORS.get(s.phase, colors.DEFAULT_PHASE)))
            if s.meta.get("mistake"):            # mistakes mode: the steps it computes wrong stand out
                item.setText(f"{s.index + 1:>2} ✗ {title}")
                item.setToolTip(self.tr("%s (the backprop mistake acts here)") % item.toolTip())
                item.setBackground(QColor(palette.MISTAKE_BACKGROUND))
            self.steps.addItem(item)
        self.detail.invalidate()

    def _on_step(self, i):
        if i > 0 and not self._stepped:
            self._stepped = True
            if not self.pipeline.hovered:
                self.readout.setText(hint())
        self._render()

    def _on_speed(self, speed):
        """Keep the speed box in step with the stepper (e.g. a speed restored from the settings)."""
        k = min(range(len(SPEEDS)), key=lambda k: abs(SPEEDS[k] - speed))
        if self.speed.currentIndex() != k:
            self.speed.blockSignals(True)
            self.speed.setCurrentIndex(k)
            self.speed.blockSignals(False)

    def _on_playing(self, playing):
        icon = QStyle.SP_MediaPause if playing else QStyle.SP_MediaPlay
        self.action["play"].setIcon(self.style().standardIcon(icon))

    def _show_empty(self):
        self.pipeline.clear()
        self.detail.clear()
        self.detail.setVisible(False)
        self.selection = None
        self.phase.set_phase(None)
        self.counter.setText(self.tr("No iteration yet: draw a digit to start."))
        self.inspector.set_html(f"<p style='color:{colors.HINT_TEXT}'>"
                                + self.tr("Draw a digit to see one training iteration, op by op.") + "</p>")

    def _render(self):
        trace = self.stepper.trace
        if trace is None or len(trace) == 0:
            return
        i = self.stepper.index
        step = trace[i]
        explanation = None
        if self.selection is not None:
            try:
                explanation = explain(step, *self.selection, maps_shape=flattened_shape(trace, step))
            except (IndexError, ValueError, KeyError):
                explanation = None
        markers = selection_markers(trace, step, self.selection, explanation, self.pipeline.views)
        self.pipeline.render(trace, i, self.mode, markers, self.scale)
        self.inspector.show_step(step, len(trace), self.selection, explanation, self._fallback(i), conv_layers(trace))
        self.detail.show_step(step, self.selection, trace, markers, self.mode)
        visible = self.detail.has_page(step, trace)
        if self.detail.isVisibleTo(self) != visible:
            self.detail.setVisible(visible)
        self.phase.set_phase(step.phase)
        hovered = self.pipeline.hovered
        if hovered:                  # the hover line shows the value at this step, not the last one
            self._on_hover(*hovered)
        self.counter.setText(self.tr("<b>Step {0} / {1}</b> · {2}").format(i + 1, len(trace),
                                                                          title_rich(step_title(step))))
        self.counter.setToolTip(title_text(step_title(step)))       # whole, when the bar cuts it
        if self.steps.currentRow() != i:
            self.steps.blockSignals(True)
            self.steps.setCurrentRow(i)
            self.steps.blockSignals(False)
            self.steps.scrollToItem(self.steps.item(i))

    def _element_text(self, stage, index, i):
        """'value …, gradient …' of a pipeline element as shown at step i (None if not a column)."""
        col = next((c for c in self.pipeline.columns if c.stage == stage), None)
        if col is None:
            return param_text(self.stepper.trace[i], stage, index)
        parts = []
        val, grad = col.latest(col.values, i), col.latest(col.grads, i)
        try:
            if val is not None:
                parts.append(self.tr("value {0}").format(number(np.asarray(val[1])[index])))
            if grad is not None:
                parts.append(self.tr("gradient {0}").format(number(np.asarray(grad[1])[index])))
        except (IndexError, TypeError):
            return None
        return ", ".join(parts) if parts else self.tr("not computed yet")

    def _fallback(self, i):
        """The selected element's value (and gradient so far) when this step does not compute it."""
        if self.selection is None:
            return None
        text = self._element_text(*self.selection, i)
        if text is None:
            return "<p class='hint'>" + self.tr("This step does not involve the selected element.") + "</p>"
        return (f"<p>{text}.<br><span class='hint'>" + self.tr("This step does not compute this element.")
                + "</span></p>")

    def _on_hover(self, stage, index):
        if stage is None or self.stepper.trace is None:
            self.readout.setText(hint() if self._stepped else first_hint())
            return
        text = self._element_text(stage, index, self.stepper.index)
        self.readout.setText(f"<b>{element_name(stage, index, conv_layers(self.stepper.trace))}</b>: {text or ''} · "
                             + self.tr("click for its numbers"))

    # ---- export -----------------------------------------------------------------------
    def export_stage_png(self, path):
        """Save the stage the current step writes (its title, maps and scale, as shown now) as a PNG."""
        return bool(pipeline_queries.grab_stage(self.pipeline, self.stepper.step()).save(str(path), "PNG"))

    def current_step_arrays(self):
        """The current step's arrays (for 'Export step (.npz)') and what it is; {} without a trace."""
        return step_arrays(self.stepper.step())


__all__ = ["NetworkPanel", "PhaseIndicator", "Stepper"]
