"""Tiling maps into one image and mapping clicks back to element indices."""

import numpy as np

from convviz.gui.presentation.mosaic import Strip, Tiling


def test_maps_round_trip():
    t = Tiling(8, 24, 24)
    a = np.random.default_rng(0).standard_normal((8, 24, 24))
    m = t.compose(a)
    assert m.shape == t.shape and (t.rows, t.cols) == (4, 2)
    for p, i, j in [(0, 0, 0), (5, 3, 17), (7, 23, 23)]:
        x, y, _, _ = t.rect((p, i, j))
        assert t.locate(x + 0.5, y + 0.5) == (p, i, j)
        assert m[y, x] == a[p, i, j]
    assert np.isnan(m[24, 0])          # the gap below the first row of maps
    assert t.locate(24.5, 0.5) is None


def test_kernels_with_channels():
    t = Tiling(6, 3, 3, channels=4)
    a = np.arange(6 * 4 * 9, dtype=float).reshape(6, 4, 3, 3)
    m = t.compose(a)
    for idx in [(0, 0, 0, 0), (5, 3, 2, 2), (2, 1, 1, 0)]:
        x, y, _, _ = t.rect(idx)
        assert t.locate(x + 0.5, y + 0.5) == idx
        assert m[y, x] == a[idx]


def test_strip():
    s = Strip(10)
    assert s.locate(0.5, 3.2) == (3,) and s.locate(1.5, 3) is None


def test_best_rows_fills_the_column():
    from convviz.gui.presentation.mosaic import best_rows
    assert best_rows(8, 8.0) == 8          # a tall thin column: one map per row
    assert best_rows(16, 4.0) == 8         # 8 x 2 beats 4 x 4 there
    assert best_rows(8, 1.0) in (2, 3)     # a square box: close to square grids
    assert best_rows(1, 0.2) == 1
