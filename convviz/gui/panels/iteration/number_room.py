"""Room for every number of a small network (the editor's Tiny preset) in the pipeline: each map,
kernel and strip column is made as wide (and the stages as tall) as its cells need for CellNumbers
to print every value and gradient the trace gives it; the pipeline then scrolls sideways.

A network whose cells could not all get that room within NUMBERS_MAX_WIDTH keeps the usual layout
(the shipped model's 26 × 26 maps would need metres): it is decided before any number is formatted.
"""

import math

import numpy as np
from PySide6.QtGui import QFont, QFontMetricsF

from convviz.gui.panels.iteration.stage_view import LOSS_WIDTH, TEXT_WIDTH
from convviz.gui.presentation.numbers import plain_number
from convviz.gui.widgets.cell_numbers import DIGITS, MAX_POINT_SIZE, PAD

#: The point size the numbers are given room for (CellNumbers prints down to MIN_POINT_SIZE).
POINT_SIZE = 7.0
#: The widest the stages may become in all for their numbers; a larger network keeps its layout.
NUMBERS_MAX_WIDTH = 3600
#: The tallest the stages' view boxes may become for their numbers.
NUMBERS_MAX_HEIGHT = 900
PADDING = 1.04 + 0.01      # the view boxes' 2 % padding on each side, and a little to spare
SMALLEST_CELL = (2 * PAD + 10, 2 * PAD + 7)     # CellNumbers prints nothing in smaller cells
LABELS_HEIGHT = 100        # the titles and gradient scales above and below the view boxes
SPACING = 4
WIDE_ASPECT = 0.25         # a map column's height / width when its numbers get room: its maps in a row


class Room:
    """Each column's width and the view boxes' height (pixels) that print every number."""

    def __init__(self, widths, height):
        self.widths, self.height = widths, height

    @property
    def width(self):
        return sum(self.widths) + SPACING * len(self.widths)


def _cells(col):
    """(cells across, cells down) of a column's view box, or None (the output's text, the loss)."""
    if col.tiling is None or col.kind == "probs":
        return None
    h, w = col.tiling.shape
    return w, h


def _arrays(col):
    """Every array the column shows over the trace, and how many lines a cell prints at most."""
    arrays = [a for _, a in col.values] + [g for _, g in col.grads]
    return arrays, 2 if col.grads else 1


def _cell_size(col, font):
    """(width, height) in pixels of a cell that prints each of the column's numbers at POINT_SIZE,
    measured as CellNumbers.fit measures (at MAX_POINT_SIZE, scaled)."""
    arrays, lines = _arrays(col)
    texts = {plain_number(x, DIGITS[0]) for a in arrays for x in np.ravel(a) if np.isfinite(x)}
    fm = QFontMetricsF(font)
    widest = max((fm.horizontalAdvance(t) for t in texts), default=0.0)
    scale = POINT_SIZE / MAX_POINT_SIZE
    return (max(SMALLEST_CELL[0], 2 * PAD + widest * scale + 1),
            max(SMALLEST_CELL[1], PAD + lines * fm.height() * scale + 1))


def number_room(columns, least_width):
    """The Room that prints every number of these columns, or None when the network is too large.

    least_width(col): the width a column has anyway (text columns keep theirs)."""
    need = 0.0
    for col in columns:                       # a bound first: no formatting for a large network
        cells = _cells(col)
        need += least_width(col) if cells is None else \
            (SMALLEST_CELL[0] if col.kind == "vector" else SMALLEST_CELL[0] * cells[0]) * PADDING
    if need > NUMBERS_MAX_WIDTH:
        return None
    font = QFont()
    font.setStretch(QFont.Stretch.Condensed)      # as CellNumbers draws them
    font.setPointSizeF(MAX_POINT_SIZE)
    widths, height = [], 0.0
    for col in columns:
        cells = _cells(col)
        if cells is None:
            widths.append(least_width(col))
            continue
        cw, ch = _cell_size(col, font)
        if col.kind == "vector":               # a strip: its width and height apart
            w, h = cw * PADDING, cells[1] * ch * PADDING
        else:                                  # square cells (the view box keeps the aspect)
            side = max(cw, ch)
            w, h = cells[0] * side * PADDING, cells[1] * side * PADDING
        widths.append(math.ceil(w) + 2)
        height = max(height, h)
    room = Room(widths, math.ceil(height) + 2)
    return room if room.width <= NUMBERS_MAX_WIDTH and room.height <= NUMBERS_MAX_HEIGHT else None


def _text_width(col):
    """The width of a column without cells (the output's text, the loss)."""
    return TEXT_WIDTH if col.kind == "probs" else LOSS_WIDTH


def with_room(columns, build):
    """(columns, Room or None): a small network's columns in the grid whose numbers need the least
    height (its maps side by side, from build(WIDE_ASPECT)), with their room; others as they are."""
    room = number_room(columns, _text_width)
    if room is None:
        return columns, None
    wide = build(WIDE_ASPECT)
    wide_room = number_room(wide, _text_width)
    if wide_room is not None and wide_room.height < room.height:
        return wide, wide_room
    return columns, room


def apply_room(pipe, room):
    """Give the pipeline's columns the room's widths, and its stages the room's height (None: nothing
    to do, the pipeline keeps its layout and scrolls only when the window is narrow)."""
    if room is None:
        return
    lay = pipe.graphics.ci.layout
    for k, (col, width) in enumerate(zip(pipe.columns, room.widths)):
        if col.kind == "vector" or col.tiling is None or col.kind == "probs":
            lay.setColumnFixedWidth(k, width)
        else:
            lay.setColumnMinimumWidth(k, width)
    pipe.graphics.setMinimumWidth(room.width + 8)
    pipe.graphics.setMinimumHeight(room.height + LABELS_HEIGHT)

