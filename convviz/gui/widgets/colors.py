"""Colour maps, lookup tables and level rules shared by the pipeline and detail views."""

import numpy as np
import pyqtgraph as pg

from convviz.gui.presentation.numbers import plain_number

# The palette lives in the presentation layer (no Qt); the views read it through this module.
from convviz.gui.presentation.palette import *  # noqa: E402,F401,F403

_GREY = np.stack([np.arange(256)] * 3 + [np.full(256, 255)], axis=1).astype(np.ubyte)
_DIVERGING = None


def grey_lut():
    return _GREY


_GREY_MAP = None


def grey_map():
    """Black to white (the values' colour bar)."""
    global _GREY_MAP
    if _GREY_MAP is None:
        _GREY_MAP = pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])
    return _GREY_MAP


_DIVERGING_MAP = None


def diverging_map():
    """CET-D1: blue negative, white zero, red positive (loaded once)."""
    global _DIVERGING_MAP
    if _DIVERGING_MAP is None:
        _DIVERGING_MAP = pg.colormap.get("CET-D1")
    return _DIVERGING_MAP


def diverging_lut():
    global _DIVERGING
    if _DIVERGING is None:
        _DIVERGING = diverging_map().getLookupTable(nPts=256, alpha=True)
    return _DIVERGING


_BLEND = None


def blend_lut():
    """CET-D1 whose opacity grows with |value|: zero gradients leave the values visible beneath."""
    global _BLEND
    if _BLEND is None:
        lut = diverging_lut().copy()
        strength = np.abs(np.linspace(-1.0, 1.0, 256))
        lut[:, 3] = np.clip(0.15 + 1.6 * strength, 0, 1) * 255
        lut[np.argmin(strength), 3] = 0
        _BLEND = lut.astype(np.ubyte)
    return _BLEND


def value_levels(arrays):
    """Fixed levels for a stage's values: (0, max) when none is negative, else symmetric (−m, m)."""
    finite = [np.asarray(a)[np.isfinite(a)] for a in arrays]
    finite = [a for a in finite if a.size]
    if not finite:                       # a diverged network: nothing finite to scale by
        return (0.0, 1.0)
    lo = min(float(a.min()) for a in finite)
    hi = max(float(a.max()) for a in finite)
    if lo >= 0:
        return (0.0, hi if hi > 0 else 1.0)
    m = max(abs(lo), abs(hi))
    return (-m, m)


def symmetric_levels(a):
    """(−m, m) with m = max |a| (1 when a is all zero), so white is exactly zero."""
    a = np.abs(np.asarray(a, dtype=float))
    a = a[np.isfinite(a)]
    m = float(a.max()) if a.size else 0.0
    return (-m, m) if m > 0 else (-1.0, 1.0)


def set_colorbar(bar, levels):
    """Levels of a pyqtgraph ColorBarItem with three ticks (low, middle, high): more legible than
    a full scale, and cheap to lay out again on every step."""
    lo, hi = float(levels[0]), float(levels[1])
    mid = 0.0 if lo < 0 < hi else (lo + hi) / 2
    bar.setLevels(values=(lo, hi))
    bar.axis.setTicks([[(v, plain_number(v, 2)) for v in (lo, mid, hi)], []])
