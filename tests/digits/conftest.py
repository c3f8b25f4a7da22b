"""Fixtures for the digits tests: synthetic hand-drawn digits as thick or thin anti-aliased strokes."""

import numpy as np
import pytest

# Shapes in a unit box (y down, x right), as polylines.
SHAPES = {
    "one": [[(0.0, 0.55), (1.0, 0.55)], [(0.0, 0.55), (0.2, 0.35)]],
    "seven": [[(0.0, 0.0), (0.0, 1.0), (1.0, 0.3)]],
    "ring": [[(0.5 + 0.5 * np.sin(t), 0.5 + 0.35 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 33)]],
    "four": [[(0.0, 0.7), (0.65, 0.0), (0.65, 1.0)], [(0.3, 0.75), (1.0, 0.75)]],
}


def draw(shape, canvas=(280, 280), box=(60, 60, 160), width=12.0, dark_on_light=False, dtype=np.uint8):
    """The shape drawn inside box = (top, left, size) of a canvas, ink 1 on 0 or dark on light."""
    return draw_lines(SHAPES[shape], canvas, box, width, dark_on_light, dtype)


def draw_lines(lines, canvas, box, width, dark_on_light=False, dtype=np.float64):
    """Polylines of (y, x) points in a unit box, drawn with round ends and anti-aliased edges."""
    h, w = canvas
    top, left, size = box
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64) + 0.5
    dist = np.full((h, w), np.inf)
    for line in lines:
        pts = [(top + y * size, left + x * size) for y, x in line]
        for (y0, x0), (y1, x1) in zip(pts[:-1], pts[1:]):
            dy, dx = y1 - y0, x1 - x0
            t = np.clip(((yy - y0) * dy + (xx - x0) * dx) / max(dy * dy + dx * dx, 1e-12), 0, 1)
            dist = np.minimum(dist, np.hypot(yy - (y0 + t * dy), xx - (x0 + t * dx)))
    ink = np.clip(width / 2 + 0.5 - dist, 0.0, 1.0)
    img = 1.0 - ink if dark_on_light else ink
    if dtype == np.uint8:
        return np.round(img * 255).astype(np.uint8)
    return img.astype(dtype)


@pytest.fixture
def draw_digit():
    return draw


@pytest.fixture
def draw_polylines():
    return draw_lines
