"""A detail view for the current step: dense weight gradients as heat maps, bias gradients as
bars, parameter updates (before, gradient, after), the rerun's probabilities before vs after,
and for every other step that writes maps the big view: its stage's maps as large as they fit,
with what the step reads beside them (the input and kernels of a conv, the maps before a pool).
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from convviz.engine import OpKind
from convviz.gui.panels.iteration.detail_pages import BigPage, big_tiling, set_text
from convviz.gui.panels.iteration.param_pages import ParamPages
from convviz.gui.presentation.big_view import MAX_LABELLED, big_panels, has_own_page
from convviz.gui.presentation.equations import title_rich
from convviz.gui.presentation.mosaic import Strip, Tiling, window_lines, winner_cells
from convviz.gui.presentation.numbers import plain_number
from convviz.gui.widgets import colors
from convviz.gui.widgets.markers import place_marker
from convviz.gui.widgets.translate import catalogue_tr, step_title


class DetailView(QStackedWidget):
    """Draws one step's detail; elementClicked(stage, index) for clicks on a weight heat map."""

    elementClicked = Signal(object, tuple)   # (StageId, index)
    elementHovered = Signal(object, tuple)   # (None, ()) when the pointer leaves the elements

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(240)
        self.params = ParamPages(self, self._on_click, lambda page, pos: self._hover(
            self.params.locate(pos) if page is self.currentWidget() else None))
        self.pages = dict(self.params.pages)
        self._shown = None
        self._big = None               # the big view's (step, panels) when it is the current page
        self.levels_for = lambda stage: None
        # (values, levels) of a stage as the pipeline shows it at this step, or None
        self.values_for = lambda stage, shape: None
        self.mode = "both"
        # rows of the grid the pipeline draws a stage's maps in (one grid per stage), or None
        self.rows_for = lambda stage: None
        self.on_aspect = None          # on_aspect(height / width of the big view's main panel)
        self._retile = QTimer(self)
        self._retile.setSingleShot(True)
        self._retile.setInterval(100)
        self._retile.timeout.connect(self._on_retile)
        self._markers = ()
        self._selection = None
        self._hovered = None
        self.big_page()                # built now, not on the first step that needs it

    def has_page(self, step, trace):
        """True when the step has something to show here (a page of its own or the big view)."""
        return step is not None and (has_own_page(step) or big_panels(step, trace, catalogue_tr) is not None)

    def show_step(self, step, selection=None, trace=None, markers=(), mode=None):
        """Fill the page this step needs (pages are built once; only data changes).

        trace: the step's trace (for the big view); markers: the pipeline's marker rectangles
        (stage, index, rows, cols, colour), drawn on the big view's images of those stages;
        mode: values, gradients or both, as in the pipeline (the big view's gradients).
        """
        if mode is not None and mode != self.mode:
            self.mode, self._shown = mode, None
        if self._shown is not step:
            self._shown = step
            self.params.heat = []
            self._big = None
            if step is not None and has_own_page(step):
                self.params.fill(step, self.mode)
            elif step is not None and trace is not None:
                panels = big_panels(step, trace, catalogue_tr)
                if panels is not None:
                    self._fill_big(step, panels)
        self._markers = tuple(markers)
        self._selection = selection
        self._draw_windows()
        if self._big is not None:
            self._mark_big(self._markers)
        else:
            self.params.mark(selection)

    def invalidate(self):
        """A new trace: the next show_step refills its page even for an equal step."""
        self._shown = None

    def clear(self):
        """No step: drop what the pages show."""
        self._shown = self._big = None
        self.params.heat = []
        for page in self.pages.values():
            if isinstance(page, BigPage):
                for panel in page.panels:
                    panel.img.clear()
                    panel.img.setVisible(False)
                    panel.set_numbers(None)
                    panel.shown = None

    # ---- the big view -----------------------------------------------------------------
    def big_page(self):
        """The big view's one page: two source slots and the step's stage. One page for every
        step, so stepping never switches pages or re-lays them out (one repaint per step)."""
        name = "big"
        if name not in self.pages:
            page = self.pages[name] = BigPage(2)
            page.on_resize = self._retile.start
            self.addWidget(page)
            page.scene().sigMouseClicked.connect(lambda ev, page=page: self._on_big_click(page, ev))
            page.scene().sigMouseMoved.connect(lambda pos, page=page: self._hover(self._big_element(page, pos)))
        return self.pages[name]

    def _fill_big(self, step, panels):
        page = self.big_page()
        page.active = page.sources[:len(panels) - 1] + [page.main]
        for panel in page.sources[len(panels) - 1:]:      # unused slots: empty
            if panel.stage is not None or panel.framed:
                panel.stage = panel.tiling = panel.shown = None
                panel.img.setVisible(False)
                panel.set_numbers(None)
                panel.set_framed(False)
                set_text(panel.caption, "")
        if self.currentWidget() is not page:     # first: the page's size decides the tiling
            self.setCurrentWidget(page)
        self._big = (step, panels)
        what = self.tr("an element") if panels[-1][1].ndim == 1 else self.tr("a pixel")
        set_text(page.title, self.tr("{0} · click {1} for its numbers").format(title_rich(step_title(step)), what))
        main_levels = None
        main_arr = panels[-1][1]
        main_rows = {}
        if _tile_count(main_arr) is not None:
            main_rows[_tile_count(main_arr)] = (self._stage_rows(panels[-1][0], main_arr)
                                                     or big_tiling(main_arr, page.main.aspect()).rows)
        for panel, (stage, arr, kind, caption) in zip(page.active[::-1], panels[::-1]):
            levels = self._levels(stage, arr, kind)
            # a gradient in Values or Both mode: the stage's values beneath (or instead), as in the pipeline
            under = (self.values_for(stage, arr.shape) if kind == "grad" and arr.ndim == 3 and self.mode != "gradients"
                     else None)     # maps only: a short strip writes its gradient's numbers beside it
            if panel is page.main:
                main_levels = (kind, levels) if under is None or self.mode == "both" else ("value", under[1])
            # one grid per stage: the pipeline's; else that of the step's stage for the same number
            # of maps (the sources beside it follow, so map p sits at the same place in each)
            rows = self._stage_rows(stage, arr) or main_rows.get(_tile_count(arr))
            tiling = big_tiling(arr, panel.aspect(), rows)
            sig = (id(arr), kind, levels, getattr(tiling, "rows", 0), getattr(tiling, "cols", 0),
                   None if under is None else (id(under[0]), self.mode))
            panel.stage = stage
            if sig != panel.shown:
                panel.shown = sig
                panel.tiling = tiling
                lut = colors.diverging_lut() if kind == "grad" and under is None else colors.grey_lut()
                if getattr(panel, "lut", None) is not lut:
                    panel.lut = lut
                    panel.img.setLookupTable(lut)
                data = tiling.compose(arr)
                if under is None:
                    panel.img.setImage(data, autoLevels=False, levels=levels)
                    panel.ovl.setVisible(False)
                else:
                    panel.img.setImage(tiling.compose(under[0]), autoLevels=False, levels=under[1])
                    panel.ovl.setVisible(self.mode == "both")
                    if self.mode == "both":
                        panel.ovl.setImage(data, autoLevels=False, levels=levels)
                if getattr(panel, "data_shape", None) != data.shape:
                    panel.data_shape = data.shape
                    panel.vb.setAspectLocked(arr.ndim != 1)
                    if arr.ndim == 1:              # a strip a third as wide, its numbers beside it when few
                        wide = 3 if panel is page.main else 4
                        rect = QRectF(0, 0, wide, arr.size) if arr.size <= MAX_LABELLED else QRectF(-1, 0, 3, arr.size)
                    else:
                        rect = QRectF(0, 0, data.shape[1], data.shape[0])
                    panel.vb.setRange(rect, padding=0.01)
                    panel.vb.prepareForPaint()     # the new range now, not in a second repaint
                panel.set_numbers(arr if arr.ndim == 1 and arr.size <= MAX_LABELLED else None)
            panel.img.setVisible(True)
            panel.set_framed(True)
            extra = f" (±{plain_number(levels[1], 2)})" if kind == "grad" else ""
            if under is not None and self.mode == "values":
                caption, extra = self.tr("the stage's values<br>(its gradient: Gradients or Both)"), ""
            set_text(panel.caption, caption + extra)
        kind, levels = main_levels
        if page._colorbar_shown != main_levels:
            page._colorbar_shown = main_levels
            page.colorbar.setColorMap(colors.diverging_map() if kind == "grad" else colors.grey_map())
            colors.set_colorbar(page.colorbar, levels)

    def _stage_rows(self, stage, arr):
        """The pipeline's grid rows for the stage's maps (the same grid in both views), or None."""
        return self.rows_for(stage) if _tile_count(arr) is not None else None

    def _draw_windows(self):
        """Pooling and its gradient: each window's border over the maps it pools, so where δ goes
        (max: to the winner; average: split; L2: in proportion) shows without a click."""
        page, step = self.pages["big"], self._big[0] if self._big is not None else None
        pooled = step is not None and step.op in (OpKind.POOL, OpKind.POOL_GRAD) and "pool_size" in step.meta
        source = step.arrays.get("input" if step.op == OpKind.POOL else "grad_input") if pooled else None
        for panel in page.panels:
            t = panel.tiling
            on = (pooled and source is not None and panel in page.active and isinstance(t, Tiling)
                  and (t.n, t.h, t.w) == tuple(np.shape(source)))
            if on or panel.windows is not None:
                panel.set_windows(window_lines(t, step.meta["pool_size"], step.meta["pool_stride"]) if on else [])
            # max pooling: each window's winner, the one value its δ goes to (where a cell is large
            # enough for an outline not to hide it)
            win = on and step.meta.get("pool") == "max" and "argmax" in step.arrays and panel.cell_pixels() >= 6
            if win or panel.winners is not None:
                panel.set_winners(winner_cells(t, step.arrays["argmax"], step.meta["pool_size"],
                                               step.meta["pool_stride"]) if win else [])

    def _levels(self, stage, arr, kind):
        if kind == "grad":
            return colors.symmetric_levels(arr)
        if kind == "value":
            lv = self.levels_for(stage)
            if lv is not None:
                return tuple(lv)
        return colors.value_levels([arr])

    def _mark_big(self, markers):
        page = self.currentWidget()
        used = {}
        for stage, index, rows, cols, color in markers:
            for panel in page.panels:
                t = panel.tiling
                dims = 1 if isinstance(t, Strip) else (4 if t is not None and t.kernel_index else 3)
                if panel.stage != stage or t is None or len(index) != dims \
                        or not 0 <= index[0] < t.n:
                    continue
                k = used.get(id(panel), 0)
                used[id(panel)] = k + 1
                item = panel.marker(k)
                place_marker(item, t.rect(index, rows, cols), color)
        for panel in page.panels:
            for item in panel.markers[used.get(id(panel), 0):]:
                item.setVisible(False)

    def shown_big(self):
        """[(stage, image data, levels, lookup table)] of the big view as shown, or None."""
        if self._big is None:
            return None
        page = self.currentWidget()
        return [(p.stage, p.img.image, tuple(p.img.levels), p.lut) for p in page.active]

    def shown_big_overlays(self):
        """[(stage, overlay image or None)] of the big view's panels (gradients over values in Both)."""
        if self._big is None:
            return None
        return [(p.stage, p.ovl.image if p.ovl.isVisible() else None) for p in self.currentWidget().active]

    def big_element_pos(self, k, index):
        """Viewport position of element `index` in the big view's panel k (for tests and tours)."""
        panel = self.currentWidget().active[k]
        x, y, w, h = panel.tiling.rect(index)
        return self.currentWidget().mapFromScene(panel.vb.mapViewToScene(pg.Point(x + w / 2, y + h / 2)))

    def _big_element(self, page, pos):
        """(stage, index) under scene point `pos` of the big view, or None."""
        if page is not self.currentWidget() or self._big is None:
            return None
        for panel in page.panels:
            if panel.tiling is None or not panel.vb.sceneBoundingRect().contains(pos):
                continue
            p = panel.vb.mapSceneToView(pos)
            idx = panel.tiling.locate(p.x(), p.y())
            return None if idx is None else (panel.stage, tuple(int(v) for v in idx))
        return None

    def _on_big_click(self, page, ev):
        hit = self._big_element(page, ev.scenePos()) if ev.button() == Qt.LeftButton else None
        if hit is not None:
            self.elementClicked.emit(*hit)

    def _hover(self, hit):
        """Hovering the big view, a weight, kernel or bar reads it out, as hovering the pipeline does."""
        if hit != self._hovered:
            self._hovered = hit
            self.elementHovered.emit(*(hit or (None, ())))

    def main_aspect(self):
        """Height / width of the big view's main panel, or None before it has a size."""
        vb = self.pages["big"].main.vb
        return round(vb.height() / vb.width(), 2) if vb.width() > 20 and vb.height() > 20 else None

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        self._retile.start()

    def showEvent(self, ev):
        super().showEvent(ev)
        if not getattr(self, "_warmed", False):
            self._warmed = True
            QTimer.singleShot(300, self._warm_up)

    def _warm_up(self):
        """Once, when idle after the window shows: lay out and draw every hidden page off screen,
        so the first step that shows one does not pay for its first layout (fonts, axes)."""
        for page in self.pages.values():
            if page is not self.currentWidget() and self.isVisible():
                page.resize(self.currentWidget().size())
                page.grab()

    def _on_retile(self):
        """After a resize: tile the big view's maps again to fill the new shape (and tell the
        pipeline, whose stage grids the big view shares)."""
        if self.on_aspect is not None:
            self.on_aspect(self.main_aspect())
        if self._big is not None:
            step, panels = self._big
            self._fill_big(step, panels)
            self._mark_big(self._markers)
            self._draw_windows()
        elif self.params.tiled and self._shown is not None:     # kernels: the grid for the new shape
            self.params.refill(self._shown, self._selection, self.mode)

    def _on_click(self, page, ev):
        if ev.button() != Qt.LeftButton or page is not self.currentWidget():
            return
        hit = self.params.locate(ev.scenePos())
        if hit is not None:
            self.elementClicked.emit(*hit)


def _tile_count(arr):
    """How many tiles a stage's grid has (maps, or kernels of one channel), or None."""
    return arr.shape[0] if arr.ndim in (3, 4) and (arr.ndim == 3 or arr.shape[1] == 1) else None
