"""The application icon: the shipped SVG drawn at the sizes window managers and docks ask for."""

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from convviz import shipped

# Drawn once per size from the SVG's bytes: a QIcon made from a file name would read the file
# later, and a resource extracted from a zip may be gone by then.
SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon():
    """convviz's icon; an empty QIcon (Qt's default) if this installation lacks the file."""
    icon = QIcon()
    try:
        renderer = QSvgRenderer(QByteArray(shipped.read_bytes("icon")))
    except shipped.MissingResourceError:
        return icon
    if not renderer.isValid():
        return icon
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon
