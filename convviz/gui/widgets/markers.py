"""Outline rectangles marking a selected element, its receptive field or window on a ViewBox."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from convviz.gui.widgets.shown import changed


def nth_marker(markers, viewbox, k):
    """The k-th marker of a view, made (above the images) the first time it is needed."""
    while len(markers) <= k:
        item = QGraphicsRectItem()
        item.setZValue(10)
        viewbox.addItem(item)
        markers.append(item)
    return markers[k]


def place_marker(item, rect, color):
    """Show `item` as a 2 px outline of `rect` (x, y, w, h) in `color`; no work if unchanged."""
    if changed(item, "outline", (rect, color)):
        item.setRect(QRectF(*rect))
        pen = QPen(QColor(color))
        pen.setWidthF(2.0)
        pen.setCosmetic(True)      # the same width at any zoom
        item.setPen(pen)
    item.setVisible(True)
