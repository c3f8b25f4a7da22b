"""The detail view's building blocks: the pages that hold a step's big view and parameter plots
(built once, refilled per step); what they show is decided in presentation/big_view.py."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from convviz.gui.presentation.mosaic import Strip, Tiling, best_rows
from convviz.gui.presentation.numbers import plain_number
from convviz.gui.widgets import colors
from convviz.gui.widgets.cell_numbers import CellNumbers
from convviz.gui.widgets.markers import nth_marker
from convviz.gui.widgets.shown import changed


def style_plot(plot):
    plot.setMouseEnabled(False, False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.addLine(y=0, pen=pg.mkPen(colors.PLOT_ZERO))
    for ax in ("left", "bottom"):
        plot.getAxis(ax).setPen(pg.mkPen(colors.PLOT_AXIS))
        plot.getAxis(ax).setTextPen(pg.mkPen(colors.PLOT_TEXT))
    return plot


_BRUSHES = {}


def brush(color):
    if color not in _BRUSHES:
        _BRUSHES[color] = pg.mkBrush(color)
    return _BRUSHES[color]


def signed_brushes(values):
    pos, neg = brush(colors.BAR_POSITIVE), brush(colors.BAR_NEGATIVE)
    return [pos if v > 0 else neg for v in np.asarray(values).ravel()]


class IndexAxis(pg.AxisItem):
    """An axis of element indices: whole-number ticks only (cell j is drawn centred on j)."""

    def tickSpacing(self, minVal, maxVal, size):
        levels = [(float(round(sp)), off) for sp, off in super().tickSpacing(minVal, maxVal, size) if sp >= 1]
        return levels or [(1.0, 0.0)]


def zoomable(vb):
    """Wheel zooms, a drag pans (within the data, see ParamPages.set_image); the menu stays off."""
    vb.setMouseEnabled(True, True)
    vb.setMenuEnabled(False)
    vb.sigRangeChangedManually.connect(lambda *_: setattr(vb, "zoomed", True))


class Page(pg.GraphicsLayoutWidget):
    """One layout of the detail view, built once and refilled per step.

    indexed: the images sit in plots whose axes count the elements (a heat map's rows and columns);
    stacked: the images one above the other (for a wide view), not side by side; title_lines,
    caption_lines: the heights kept for them (fewer: a larger image on a short screen)."""

    def __init__(self, n_images=0, n_plots=0, legend=False, indexed=False, stacked=False, title_lines=3,
                 caption_lines=2):
        super().__init__()
        self.setBackground(colors.BACKGROUND)
        # fixed-height labels that ask for no width: a new title or caption never re-lays out the
        # page (a second repaint per step) nor widens it past the view (the 4th panel cut off)
        span = 1 if stacked else max(n_images, n_plots, 1)
        self.title = add_label(self.ci, 0, 0, colspan=span, lines=title_lines, size="9pt", wrap=True)
        self.images, self.captions, self.plots, self.bars, self.numbers = [], [], [], [], []
        self.axes = []
        for k in range(n_images):
            if indexed:
                plot = self.addPlot(row=1, col=k, axisItems={"left": IndexAxis("left"), "bottom": IndexAxis("bottom")})
                plot.setMenuEnabled(False)
                plot.hideButtons()
                for ax in ("left", "bottom"):
                    plot.getAxis(ax).setPen(pg.mkPen(colors.PLOT_AXIS))
                    plot.getAxis(ax).setTextPen(pg.mkPen(colors.PLOT_TEXT))
                self.axes.append(plot)
                vb = plot.getViewBox()
            else:
                vb = self.addViewBox(row=1 + 2 * k if stacked else 1, col=0 if stacked else k)
            zoomable(vb)
            vb.invertY(True)
            vb.setBorder(pg.mkPen(colors.FRAME))
            img = pg.ImageItem(axisOrder="row-major")
            vb.addItem(img)
            self.images.append((vb, img))
            self.numbers.append(CellNumbers(vb, img))          # printed where cells are big enough
            self.captions.append(add_label(self.ci, 2 + 2 * k, 0, lines=1, wrap=True) if stacked
                                 else add_label(self.ci, 2, k, lines=caption_lines, wrap=True))
        for k in range(n_plots):
            plot = style_plot(self.addPlot(row=1, col=k))
            bar = pg.BarGraphItem(x=[0], height=[0], width=0.8, pen=None)
            plot.addItem(bar)
            self.plots.append(plot)
            self.bars.append(bar)
        if legend:
            self.after = pg.BarGraphItem(x=[0], height=[0], width=0.4, brush=colors.AFTER_BAR, pen=None)
            self.plots[0].addItem(self.after)
        self.on_double = None          # on_double(scene position): a double-click on the page

    def mouseDoubleClickEvent(self, ev):
        super().mouseDoubleClickEvent(ev)
        if self.on_double is not None and ev.button() == Qt.LeftButton:
            self.on_double(self.mapToScene(ev.position().toPoint()))


class FixedLabel(pg.LabelItem):
    """A label whose text changes never re-lay out its page: its height is fixed at `lines`
    lines and it asks for no width (captions are kept short enough to fit)."""

    def __init__(self, lines=2, wrap=False, **kw):
        super().__init__("<br>".join(["Ag"] * lines), **kw)
        self._height = self.itemRect().height()
        self.setMinimumHeight(self._height)
        self.setMaximumHeight(self._height)
        self.setMinimumWidth(0)
        self._wrap = wrap
        if wrap:                       # long lines wrap at the label's width, centred
            option = self.item.document().defaultTextOption()
            option.setAlignment(Qt.AlignHCenter)
            self.item.document().setDefaultTextOption(option)
        self.setText("")

    def updateMin(self):
        if not hasattr(self, "_height"):
            super().updateMin()

    def resizeEvent(self, ev):
        if getattr(self, "_wrap", False):
            self.item.setTextWidth(max(1.0, self.rect().width()))
        super().resizeEvent(ev)


def add_label(layout, row, col, colspan=1, lines=2, size="8pt", wrap=False):
    label = FixedLabel(lines, wrap, size=size, color=colors.TEXT)
    layout.addItem(label, row=row, col=col, colspan=colspan)
    return label


class BigPanel:
    """One image of the big view: a view box, its image, a caption and marker rectangles."""

    def __init__(self, layout, row, col, font_size="8pt"):
        self.number_size = 9.0 if font_size == "9pt" else 7.5
        self.vb = layout.addViewBox(row=row, col=col)
        self.vb.setMouseEnabled(False, False)
        self.vb.setMenuEnabled(False)
        self.vb.invertY(True)
        self.vb.setAspectLocked(True)
        self.vb.setDefaultPadding(0.01)
        self.vb.setBorder(pg.mkPen(colors.FRAME))
        self.img = pg.ImageItem(axisOrder="row-major")
        self.vb.addItem(self.img)
        # the gradient over the stage's values (Both), as in the pipeline
        self.ovl = pg.ImageItem(axisOrder="row-major")
        self.ovl.setParentItem(self.img)
        self.ovl.setZValue(1)
        self.ovl.setLookupTable(colors.blend_lut())
        self.ovl.setVisible(False)
        self.cell_numbers = CellNumbers(self.vb, self.img, self.ovl)   # printed where cells are big enough
        self.caption = add_label(layout, row + 1, col, size=font_size)
        self.markers = []
        self.framed = True
        self.texts = []
        self.stage = self.tiling = None
        self.shown = None
        self.windows = None            # the pooling windows' grid, made when first needed
        self.winners = None            # max pooling's winners, outlined, made when first needed

    def _outline(self, color, width, z):
        """A cosmetic path item over the image (pooling windows, winners), made when first needed."""
        item = QGraphicsPathItem()
        pen = QPen(QColor(color))
        pen.setCosmetic(True)
        pen.setWidthF(width)
        item.setPen(pen)
        item.setZValue(z)
        self.vb.addItem(item, ignoreBounds=True)
        return item

    def set_windows(self, lines):
        """The pooling windows' borders over the image ([] hides them)."""
        if not changed(self, "window_lines", lines):
            return
        if self.windows is None:
            self.windows = self._outline(colors.WINDOW_GRID, 1.0, 3)
        path = QPainterPath()
        for x0, y0, x1, y1 in lines:
            path.moveTo(x0, y0)
            path.lineTo(x1, y1)
        self.windows.setPath(path)
        self.windows.setVisible(bool(lines))

    def set_winners(self, cells):
        """Max pooling: each window's winner outlined ([] hides them), the cell its δ goes to."""
        if not changed(self, "winner_cells", cells):
            return
        if self.winners is None:
            self.winners = self._outline(colors.WINNER, 1.5, 4)
        path = QPainterPath()
        for x, y in cells:
            path.addRect(x + 0.1, y + 0.1, 0.8, 0.8)
        self.winners.setPath(path)
        self.winners.setVisible(bool(cells))

    def set_framed(self, framed):
        """A frame around a slot in use; none around an empty one."""
        if framed != self.framed:
            self.framed = framed
            self.vb.setBorder(pg.mkPen(colors.FRAME) if framed else None)
            self.vb.update()

    def set_numbers(self, values):
        """'k: value' beside each cell of a short strip (None: no numbers)."""
        n = 0 if values is None else len(values)
        self.cell_numbers.setVisible(n == 0)           # numbers beside a strip, not in it as well
        while len(self.texts) < n:
            t = pg.TextItem("", color=colors.TEXT, anchor=(0, 0.5))
            font = t.textItem.font()
            font.setPointSizeF(self.number_size)
            t.setFont(font)
            t.setPos(1.1, len(self.texts) + 0.5)
            self.vb.addItem(t)
            self.texts.append(t)
        for k, t in enumerate(self.texts):
            text = f"{k}: {plain_number(values[k], 3)}" if k < n else ""
            if changed(t, "text", text):
                t.setText(text)
                t.setVisible(bool(text))

    def cell_pixels(self):
        """How many screen pixels one element is wide (0 before the view has a size)."""
        px = self.vb.viewPixelSize()[0]
        return 1.0 / px if px > 0 else 0.0

    def aspect(self):
        """Height / width of the view box (1 before it has a size)."""
        w, h = self.vb.width(), self.vb.height()
        return h / w if w > 20 and h > 20 else 1.0

    def marker(self, k):
        return nth_marker(self.markers, self.vb, k)


class BigPage(pg.GraphicsLayoutWidget):
    """The big view with n source images stacked on the left and the step's stage on the right."""

    def __init__(self, n_sources):
        super().__init__()
        self.setBackground(colors.BACKGROUND)
        self.title = add_label(self.ci, 0, 0, colspan=3, lines=1, size="9pt")
        self.sources = []
        if n_sources:
            left = self.addLayout(row=1, col=0)
            left.setSpacing(2)
            self.sources = [BigPanel(left, 2 * k, 0) for k in range(n_sources)]
        main = self.addLayout(row=1, col=1)
        self.main = BigPanel(main, 0, 0, "9pt")
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=colors.grey_map(), interactive=False,
                                        width=12, pen=colors.FRAME, colorMapMenu=False)
        self.addItem(self.colorbar, row=1, col=2)
        self.ci.layout.setColumnStretchFactor(0, 2)
        self.ci.layout.setColumnStretchFactor(1, 5 if n_sources else 10)
        self.ci.layout.setRowStretchFactor(1, 10)
        self._colorbar_shown = None
        self.on_resize = None
        self.active = []               # the panels the current step uses, sources first

    @property
    def panels(self):
        return self.sources + [self.main]

    def resizeEvent(self, ev):
        """A page gets its size when first shown: tile its maps again for it."""
        super().resizeEvent(ev)
        if getattr(self, "on_resize", None) is not None:
            self.on_resize()


def big_tiling(arr, aspect, rows=None):
    """A vector (n,) as a strip; maps (D, H, W) in `rows` rows (the stage's grid in the pipeline:
    one grid per stage, wherever it is drawn), else in the grid that makes them largest in a box
    `aspect` times taller than wide; kernels (D, C, k, k) one per row when they have several
    channels (as in the pipeline)."""
    if arr.ndim == 1:
        return Strip(arr.size)
    if arr.ndim == 4:
        d, c, k1, k2 = arr.shape
        return Tiling(d, k1, k2, channels=c, kernel_index=True,
                      max_rows=rows or (best_rows(d, aspect) if c == 1 else d))
    d, h, w = arr.shape
    return Tiling(d, h, w, max_rows=rows or best_rows(d, aspect * w / h))


def set_text(label, text):
    if changed(label, "text", text):
        label.setText(text)
