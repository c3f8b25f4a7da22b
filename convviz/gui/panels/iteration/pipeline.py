"""The pipeline: every stage from the input to the loss, left to right, drawn for one step.

Widgets are built once per network structure (one GraphicsLayoutWidget, one ViewBox per
stage, each stage's maps tiled into one ImageItem plus a gradient overlay ImageItem); each
step only sets image data. What is shown is a pure function of (trace, index, mode), so
stepping back restores exactly what was shown before.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QScrollArea

from convviz.engine import OpKind, StageId, StageKind
from convviz.gui.panels.iteration.number_room import apply_room, with_room
from convviz.gui.panels.iteration.stage_view import (
    LOSS_WIDTH,
    MAP_MIN_WIDTH,
    NARROW_MAP_WIDTH,
    STRIP_WIDTH,
    TEXT_WIDTH,
    LevelCache,
    StageView,
    draw_markers,
    set_label,
)
from convviz.gui.presentation.numbers import plain_number
from convviz.gui.presentation.stages import build_columns, input_width, structure_key
from convviz.gui.widgets import colors
from convviz.gui.widgets.translate import catalogue_tr

LEGEND_WIDTH = 76


class PipelineView(QScrollArea):
    """Scrollable pipeline of every stage; `render(trace, index, mode, markers)` draws one step.

    elementClicked(stage, index) is emitted when the user clicks an element of a stage.
    """

    elementClicked = Signal(object, tuple)   # (StageId, index)
    elementHovered = Signal(object, tuple)   # (None, ()) when the pointer is over no element
    layoutRebuilt = Signal()                 # the widgets were rebuilt (after a resize): draw again

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(colors.BACKGROUND)
        self.graphics.ci.setSpacing(4)
        self.setWidget(self.graphics)
        self.graphics.scene().sigMouseClicked.connect(self._on_scene_click)
        self.graphics.scene().sigMouseMoved.connect(self._on_scene_move)
        self._hovered = None
        self._trace = None
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(120)
        self._relayout.timeout.connect(self._on_relayout)
        self.font = QFont()
        self.font.setPointSizeF(8.5)
        self._key = None
        self.views = {}
        self.columns = []
        self.room = None               # the room a small network's numbers get (number_room), or None
        # the gradient legend beside the scrolled stages, never scrolled away (1366-wide screens)
        self.legend = pg.GraphicsLayoutWidget()
        self.legend.setBackground(colors.BACKGROUND)
        self.legend.setFixedWidth(LEGEND_WIDTH)
        self.colorbar_label = pg.LabelItem("", size="8pt", color=colors.TEXT)
        self.legend.ci.addItem(self.colorbar_label, row=0, col=0)
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=colors.diverging_map(), interactive=False,
                                        width=12, pen=colors.FRAME, colorMapMenu=False)
        self.legend.ci.addItem(self.colorbar, row=1, col=0)
        self.legend.ci.layout.setRowStretchFactor(1, 10)
        self.colorbar.setVisible(False)
        self._colorbar_shown = ()
        self.levels = LevelCache()
        self.partner_aspect = None     # the big view's height / width: its maps share the stages' grids
        self.partner = lambda: None    # asks the big view for it (None before it has a size)

    def set_partner_aspect(self, aspect):
        """The big view's shape changed: choose the stages' grids again (after the resize settles).
        Only a change of more than a quarter counts: a banner or a dock showing does not move maps."""
        old = self.partner_aspect
        if aspect and (old is None or max(aspect / old, old / aspect) > 1.25):
            self.partner_aspect = aspect
            self._relayout.start()
            return True
        return False

    # ---- structure --------------------------------------------------------------------
    @property
    def relayout_pending(self):
        """True between a resize and the re-tiling it triggers (tests and tours wait for it)."""
        return self._relayout.isActive()

    @property
    def hovered(self):
        """(stage, index) under the pointer, or None."""
        return self._hovered

    def set_trace(self, trace):
        """Rebuild the widgets only when the network structure (or the tiling) changed; refresh the events.

        Returns True when the widgets were rebuilt for another structure."""
        self._trace = trace
        if self.set_partner_aspect(self.partner()):     # the grids are chosen now, with the big view's shape
            self._relayout.stop()
        cols = build_columns(trace, self._aspect(trace), catalogue_tr, self.partner_aspect)
        cols, self.room = with_room(cols, lambda a: build_columns(trace, a, catalogue_tr, self.partner_aspect))
        key = (structure_key(trace), tuple(getattr(c.tiling, "rows", 0) for c in cols), self.room is None)
        rebuilt = key != self._key
        if rebuilt:
            self._build(cols)
            self._key = key
        else:
            for col in cols:
                self.views[col.stage].col = col
        self.columns = cols
        apply_room(self, self.room)      # a small network: each column as wide as its numbers need
        fit_input(self)
        self._colorbar_shown = ()
        self.levels.clear()
        for col in cols:
            v = self.views[col.stage]
            v.shown = None                       # a new trace: its arrays are new (ids may repeat)
        return rebuilt

    def _aspect(self, trace):
        """Height / width of a map column at the current size (3 before the view has a size)."""
        vw, vh = self.viewport().width(), self.viewport().height()
        if vw < 300 or vh < 150:
            return 3.0
        kinds = [c.kind for c in build_columns(trace)] if trace is not self._trace or not self.columns \
            else [c.kind for c in self.columns]
        n_maps = sum(k in ("maps", "kernels") for k in kinds)
        fixed = sum({"vector": 2 * STRIP_WIDTH, "probs": TEXT_WIDTH, "loss": LOSS_WIDTH}.get(k, 0) for k in kinds)
        width = max(40.0, (vw - fixed - 4 * len(kinds)) / max(1, n_maps))
        return max(60.0, vh - 95.0) / width

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        self._relayout.start()

    def _on_relayout(self):
        """After a resize: re-tile the maps if another grid now makes them larger."""
        if self._trace is None or not self.columns:
            return
        old = self._key
        self.set_trace(self._trace)
        if self._key != old:
            self.layoutRebuilt.emit()

    def _build(self, cols):
        self.graphics.ci.clear()
        self.views = {}
        for k, col in enumerate(cols):
            self.views[col.stage] = StageView(self.graphics.ci, col, k, self.font)
        self.graphics.ci.layout.setRowStretchFactor(1, 10)
        widths = {"maps": NARROW_MAP_WIDTH, "kernels": NARROW_MAP_WIDTH, "vector": 2 * STRIP_WIDTH,
                  "probs": TEXT_WIDTH}
        self._least = MAP_MIN_WIDTH - NARROW_MAP_WIDTH + sum(widths.get(c.kind, LOSS_WIDTH) for c in cols) \
            + 4 * len(cols)
        self._input_width = MAP_MIN_WIDTH
        hint = self.graphics.ci.effectiveSizeHint(Qt.MinimumSize).width()
        self.graphics.setMinimumWidth(int(max(hint, self._least)) + 4)
        self.graphics.setMinimumHeight(220)

    def clear(self):
        """No trace: no stages."""
        self.graphics.ci.clear()
        self.views, self.columns, self._key, self._trace = {}, [], None, None
        self._colorbar_shown = None
        self.colorbar.setVisible(False)
        set_label(self.colorbar_label, "")

    # ---- one step ---------------------------------------------------------------------
    def _shown_grad(self, trace, index, step, col):
        """The (step index, gradient) a column shows at this step, or None."""
        grad = col.latest(col.grads, index)
        if grad is not None and step.phase == "update" and (
                step.op == OpKind.RERUN or trace[grad[0]].phase != "update"):
            # the update shows new values with only its own gradients; the rerun, values only
            grad = None
        return grad

    def render(self, trace, index, mode="both", markers=(), scale="stage"):
        """Draw step `index`: values reached so far, gradients so far, highlights and markers.

        scale: "stage" (each stage's gradients on their own scale) or "step" (one scale for every
        gradient shown at this step, so colours compare across stages)."""
        step = trace[index]
        target = step.target
        sources = set(step.reads)
        opacity = colors.GRADIENT_OPACITY[mode]
        current_grad = None
        common = None
        if scale == "step":
            tops = [self.levels.grad(g[1])[1] for c in self.columns if c.tiling is not None
                    for g in [self._shown_grad(trace, index, step, c)] if g is not None]
            common = (-max(tops), max(tops)) if tops else None
        for col in self.columns:
            v = self.views[col.stage]
            val = col.latest(col.values, index)
            grad = self._shown_grad(trace, index, step, col)
            reached = val is not None
            set_label(v.label, col.title, colors.TEXT if reached else colors.DIM_TEXT)
            narrow = col.kind == "vector"
            v.show_pending("" if reached else (self.tr("step<br>{0}") if narrow else self.tr("computed<br>at step {0}"))
                           .format(col.forward_index + 1))
            if col.stage == target:
                border = ("target",)
            elif col.stage in sources:
                border = ("source",)
            else:
                border = ("plain", reached)
            if v.border != border:
                v.set_border(border)
            if col.tiling is None:               # the loss
                before = step.arrays["loss_before"] if step.op == OpKind.RERUN else None
                v.show_loss(val[1] if reached else None, before)
                set_label(v.gradlabel, "")
                continue
            show_grad = grad is not None and opacity > 0 and reached
            lv = (common or self.levels.grad(grad[1])) if grad is not None else None
            # what this stage shows, by identity: each of its two images is set only when it
            # changes (entering the update hides every gradient but leaves the values as they are)
            sig = (id(val[1]) if reached else None,
                   (id(grad[1]), mode, opacity, lv) if show_grad else None)
            shown = v.shown or (False, False)
            if sig[0] != shown[0]:
                v.img.setVisible(reached)
                if reached:
                    v.levels = self.levels.value(col, val[1])
                    v.img.setImage(col.tiling.compose(val[1]), autoLevels=False, levels=v.levels)
            if sig[1] != shown[1] or sig[0] != shown[0]:
                v.ovl.setVisible(show_grad)
                if show_grad:
                    if v.lut_mode != mode:
                        v.lut_mode = mode
                        v.ovl.setLookupTable(colors.blend_lut() if mode == "both" else colors.diverging_lut())
                    v.ovl.setImage(col.tiling.compose(grad[1]), autoLevels=False, levels=lv)
                    v.ovl.setOpacity(opacity)
            v.shown = sig
            if grad is not None and opacity > 0:      # Values mode shows no gradient scale
                set_label(v.gradlabel, f"±{plain_number(lv[1], 2)}",
                           colors.PHASE_COLORS["backward"] if grad[0] == index else colors.TEXT)
                if grad[0] == index:
                    current_grad = lv
            else:
                set_label(v.gradlabel, "")
            if col.kind == "probs":
                v.show_probs(val[1] if reached else None, trace.label if np.ndim(trace.label) == 0 else None)
        if current_grad is None and step.is_gradient and opacity > 0:
            g = step.main_array()
            if g is not None and np.size(g) > 1:
                current_grad = common or colors.symmetric_levels(g)
        if current_grad != self._colorbar_shown:
            self._colorbar_shown = current_grad
            self.colorbar.setVisible(current_grad is not None)
            if current_grad is not None:
                colors.set_colorbar(self.colorbar, current_grad)
        if current_grad is not None:
            set_label(self.colorbar_label, self.tr("gradient<br>one scale<br>for the step") if common else
                      self.tr("gradient<br>this stage's<br>own scale"))
        elif mode == "gradients" and step.phase in ("forward", "loss"):   # why Gradients shows values
            set_label(self.colorbar_label, self.tr("no<br>gradients<br>yet"), colors.DIM_TEXT)
        else:
            set_label(self.colorbar_label, "")
        draw_markers(self.views, markers)
        self._follow(target)

    def _follow(self, stage):
        """When the stages do not all fit (narrow windows), scroll the stage the step writes into
        view once per change of stage (the user may scroll elsewhere meanwhile)."""
        if stage == getattr(self, "_followed", None):
            return
        self._followed = stage
        v = self.views.get(stage)
        if v is None or self.horizontalScrollBar().maximum() <= 0:
            return
        r = v.vb.sceneBoundingRect()
        x = self.graphics.viewport().mapTo(self.graphics, self.graphics.mapFromScene(r.center())).x()
        self.ensureVisible(x, self.verticalScrollBar().value(), int(r.width() / 2) + 24, 0)

    # ---- clicks -----------------------------------------------------------------------
    def element_at(self, pos):
        """(stage, index) under scene point `pos`, or None."""
        for col in self.columns:
            v = self.views[col.stage]
            if not v.vb.sceneBoundingRect().contains(pos):
                continue
            if col.tiling is None:
                return (col.stage, ())
            p = v.vb.mapSceneToView(pos)
            idx = col.tiling.locate(p.x(), p.y())
            if idx is None and col.kind == "probs" and 0 <= p.y() < col.shape[0]:
                idx = (int(p.y()),)
            return None if idx is None else (col.stage, tuple(int(i) for i in idx))
        return None

    def _on_scene_click(self, ev):
        if ev.button() != Qt.LeftButton:
            return
        hit = self.element_at(ev.scenePos())
        if hit is not None:
            self.elementClicked.emit(*hit)

    def _on_scene_move(self, pos):
        hit = self.element_at(pos)
        if hit != self._hovered:
            self._hovered = hit
            self.elementHovered.emit(*(hit or (None, ())))

    def element_scene_pos(self, stage, index):
        """Scene position of the centre of an element (for tests and tours); stage: a StageId or its name."""
        v = self.views[StageId.parse(stage)]
        x, y, w, h = v.col.tiling.rect(index)
        return v.vb.mapViewToScene(pg.Point(x + w / 2, y + h / 2))

    def element_widget_pos(self, stage, index):
        """The element's centre in the GraphicsLayoutWidget's viewport coordinates."""
        return self.graphics.mapFromScene(self.element_scene_pos(stage, index))

    def shown_image(self, stage):
        v = self.views[StageId.parse(stage)]
        return v.img.image if v.img is not None and v.img.isVisible() else None

    def shown_overlay(self, stage):
        v = self.views[StageId.parse(stage)]
        return (v.ovl.image, v.ovl.levels) if v.ovl is not None and v.ovl.isVisible() else None


def fit_input(pipe):
    """Widen the input column into the width the stages leave over (a one-tile picture in a
    tall column is otherwise ~64 px wide); the other columns keep their minimum."""
    if not pipe.columns or pipe.columns[0].stage.kind != StageKind.INPUT or pipe.viewport().width() < 300 \
            or pipe.room is not None:            # its numbers' room decides instead
        return
    lay = pipe.graphics.ci.layout
    hint = pipe.graphics.ci.effectiveSizeHint(Qt.MinimumSize).width()
    base = max(hint - (pipe._input_width - MAP_MIN_WIDTH), pipe._least)     # with the input at its minimum
    vb = pipe.views[pipe.columns[0].stage].vb
    height = vb.height() if vb.height() > 40 else pipe.viewport().height() - 95.0
    n_maps = sum(c.kind in ("maps", "kernels") for c in pipe.columns)
    width = input_width(pipe.columns[0].shape, height, MAP_MIN_WIDTH, pipe.viewport().width() - base - 8, n_maps)
    if abs(width - pipe._input_width) >= 2:
        pipe._input_width = width
        lay.setColumnMinimumWidth(0, width)
        pipe.graphics.setMinimumWidth(int(base + width - MAP_MIN_WIDTH) + 4)
