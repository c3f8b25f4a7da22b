"""A bar of widgets that wraps onto a second row when they do not fit side by side, instead of
squeezing them (Chinese phase badges cut to "前…播" beside a docked editor)."""

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QSizePolicy, QWidget


class WrapLayout(QLayout):
    """Items left to right at their preferred widths, wrapping to a new row when the next one does
    not fit; one item (`stretch`) takes a row's spare width and may shrink to its minimum width.
    Its minimum width is its widest item's, or `floor` if larger (the width its owner wants kept
    for other reasons), so it never forces its window wider than that."""

    def __init__(self, parent=None, spacing=4, floor=0):
        super().__init__(parent)
        self._items, self._gaps, self.stretch, self.floor = [], {}, None, floor
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # ---- QLayout's interface -----------------------------------------------------------
    def addItem(self, item):  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, i):  # noqa: N802
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i):  # noqa: N802
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect):  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self):  # noqa: N802
        items = self._shown()
        width = sum(self._width(i, preferred=True) + self._gaps.get(id(i), 0) for i in items)
        width += self.spacing() * max(0, len(items) - 1)
        return QSize(width, max((i.sizeHint().height() for i in items), default=0))

    def minimumSize(self):  # noqa: N802
        items = self._shown()
        return QSize(max([self.floor] + [self._width(i, preferred=False) for i in items]),
                     max((i.minimumSize().height() for i in items), default=0))

    # ---- building ----------------------------------------------------------------------
    def add(self, widget, gap_before=0, stretch=False):
        """Append `widget`, `gap_before` px after the one before it in the same row; `stretch`: it
        takes the row's spare width."""
        self.addWidget(widget)
        item = self._items[-1]
        if gap_before:
            self._gaps[id(item)] = gap_before
        if stretch:
            self.stretch = item

    def _shown(self):
        return [i for i in self._items if not i.isEmpty()]

    def _width(self, item, preferred):
        if item is self.stretch and not preferred:
            return item.minimumSize().width()
        if item is self.stretch:
            return max(item.minimumSize().width(), 1)     # the counter asks no width of its own
        return max(item.sizeHint().width(), item.minimumSize().width())

    def _rows(self, width):
        """The items in rows, each row at most `width` wide (an item alone in a row may be wider)."""
        rows, row, used = [], [], 0
        for item in self._shown():
            w = self._width(item, preferred=item is not self.stretch) + (self._gaps.get(id(item), 0) if row else 0)
            step = w + (self.spacing() if row else 0)
            if row and used + step > width:
                rows.append(row)
                row, used, w = [], 0, self._width(item, preferred=item is not self.stretch)
                step = w
            row.append(item)
            used += step
        if row:
            rows.append(row)
        return rows

    def _place(self, rect, move):
        """Lay the rows out in `rect` (when `move`); returns the height they take."""
        y = rect.y()
        for row in self._rows(rect.width()):
            height = max(i.sizeHint().height() for i in row)
            widths = [self._width(i, preferred=i is not self.stretch) for i in row]
            gaps = [0] + [self._gaps.get(id(i), 0) + self.spacing() for i in row[1:]]
            spare = rect.width() - sum(widths) - sum(gaps)
            if self.stretch in row and spare > 0:
                widths[row.index(self.stretch)] += spare
            x = rect.x()
            for item, w, gap in zip(row, widths, gaps):
                x += gap
                if move:
                    h = min(height, item.sizeHint().height())        # centred in its row
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w
            y += height + self.spacing()
        return max(0, y - rect.y() - self.spacing())


def wrap_bar(spacing=4, floor=0):
    """A QWidget holding a WrapLayout (returned too), asking the height its rows need at its width."""
    bar = QWidget()
    layout = WrapLayout(bar, spacing, floor)
    policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
    policy.setHeightForWidth(True)
    bar.setSizePolicy(policy)
    return bar, layout


def group(*widgets, spacing=4):
    """Widgets that wrap together (the mode buttons and the scale choice) as one item of a bar."""
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(spacing)
    for w in widgets:
        lay.addWidget(w)
    return box
