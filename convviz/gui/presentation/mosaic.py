"""Tiling a stage's maps (D, H, W) or kernels (D, C, k, k) into one image, and back from a click."""

import math

import numpy as np


def grid_for(n, max_rows=4):
    """(rows, cols) for n tiles: at most `max_rows` rows, filled row by row."""
    rows = min(n, max_rows)
    return rows, math.ceil(n / rows)


def best_rows(n, aspect):
    """Rows for n square tiles in a box `aspect` times taller than wide, making the tiles largest."""
    best, best_size = 1, -1.0
    for r in range(1, n + 1):
        size = min(1.0 / math.ceil(n / r), aspect / r)
        if size > best_size + 1e-9:
            best, best_size = r, size
    return best


def shared_rows(n, aspects, keep=0.85):
    """Rows for n square tiles drawn in several boxes (each `aspect` times taller than wide) with
    one grid, so map p sits at the same place in each: the grid whose tiles, each box's relative
    to its own best, are largest together, among those that keep the first box's tiles at least
    `keep` of their best (the pipeline, whose small maps must stay clickable)."""
    def size(r, aspect):
        return min(1.0 / math.ceil(n / r), aspect / r)

    aspects = [a for a in aspects if a and a > 0]
    if not aspects:
        return best_rows(n, 1.0)
    tops = [size(best_rows(n, a), a) for a in aspects]
    best, best_score = 1, -1.0
    for r in range(1, n + 1):
        score = sum(size(r, a) / top for a, top in zip(aspects, tops))
        if size(r, aspects[0]) >= keep * tops[0] - 1e-9 and score > best_score + 1e-9:
            best, best_score = r, score
    return best


def kernel_rows(d, c, k1, k2, aspects, keep=0.85):
    """Rows for d kernels of c channels k1 × k2, each kernel a wide tile of its channels side by
    side (as Tiling lays them out, gaps included), drawn with one grid in boxes `aspect` times
    taller than wide: as shared_rows, but for tiles that are not square, so a grid of several
    kernels per row wins where a box is wide."""
    probe = Tiling(d, k1, k2, channels=c, kernel_index=True, max_rows=d)
    th, tw, gap = k1, probe.tile_w, probe.gap

    def size(r, aspect):                   # one element's side in a box 1 wide and `aspect` tall
        rows, cols = grid_for(d, r)
        return min(1.0 / (cols * (tw + gap) - gap), aspect / (rows * (th + gap) - gap))

    aspects = [a for a in aspects if a and a > 0] or [1.0]
    tops = [max(size(r, a) for r in range(1, d + 1)) for a in aspects]
    best, best_score = d, -1.0
    for r in range(1, d + 1):
        score = sum(size(r, a) / top for a, top in zip(aspects, tops))
        if size(r, aspects[0]) >= keep * tops[0] - 1e-12 and score > best_score + 1e-9:
            best, best_score = r, score
    return best


class Tiling:
    """n tiles of `channels` sub-images (h, w) each; channel sub-images side by side in a tile.

    Element indices are (tile, i, j) when channels == 1 and (tile, c, i, j) otherwise, matching
    (p, i, j) for maps and (p, c, m, n) for kernels. Gaps between tiles are NaN (transparent).
    """

    def __init__(self, n, h, w, channels=1, kernel_index=False, max_rows=4):
        self.n, self.h, self.w, self.channels = n, h, w, channels
        self.kernel_index = kernel_index or channels > 1
        self.rows, self.cols = grid_for(n, max_rows)
        self.gap = max(1, round(max(h, w) / 8)) if channels == 1 else 2
        self.cgap = 1
        self.tile_w = channels * w + (channels - 1) * self.cgap
        self.shape = (self.rows * (h + self.gap) - self.gap, self.cols * (self.tile_w + self.gap) - self.gap)

    def origin(self, tile, c=0):
        """Top-left (x, y) of tile `tile`, channel c, in mosaic coordinates."""
        r, k = divmod(tile, self.cols)
        return (k * (self.tile_w + self.gap) + c * (self.w + self.cgap), r * (self.h + self.gap))

    def compose(self, a, out=None):
        """(n, h, w) or (n, C, h, w) -> the mosaic (NaN in the gaps)."""
        a = np.asarray(a, dtype=float).reshape(self.n, self.channels, self.h, self.w)
        if out is None:
            out = np.full(self.shape, np.nan)
        for t in range(self.n):
            for c in range(self.channels):
                x, y = self.origin(t, c)
                out[y:y + self.h, x:x + self.w] = a[t, c]
        return out

    def locate(self, x, y):
        """Mosaic point -> element index, or None in a gap or outside."""
        xi, yi = math.floor(x), math.floor(y)
        if not (0 <= xi < self.shape[1] and 0 <= yi < self.shape[0]):
            return None
        r, i = divmod(yi, self.h + self.gap)
        k, rest = divmod(xi, self.tile_w + self.gap)
        c, j = divmod(rest, self.w + self.cgap)
        tile = r * self.cols + k
        if i >= self.h or j >= self.w or c >= self.channels or tile >= self.n:
            return None
        return (tile, c, i, j) if self.kernel_index else (tile, i, j)

    def rect(self, index, rows=(0, 1), cols=(0, 1)):
        """Mosaic rectangle (x, y, w, h) of an element, or of element rows/cols ranges relative to it."""
        if self.kernel_index:
            tile, c, i, j = index
        else:
            (tile, i, j), c = index, 0
        x, y = self.origin(tile, c)
        return (x + j + cols[0], y + i + rows[0], cols[1] - cols[0], rows[1] - rows[0])


class Strip:
    """A vector (n,) shown as a column of n cells; index (k,)."""

    def __init__(self, n):
        self.n = n
        self.shape = (n, 1)
        self.kernel_index = False

    def compose(self, a, out=None):
        return np.asarray(a, dtype=float).reshape(self.n, 1)

    def locate(self, x, y):
        k = math.floor(y)
        return (k,) if 0 <= k < self.n and 0 <= x < 1 else None

    def rect(self, index, rows=(0, 1), cols=(0, 1)):
        return (0, index[0] + rows[0], 1, rows[1] - rows[0])


def window_lines(tiling, size, stride):
    """Line segments (x0, y0, x1, y1), in mosaic coordinates, of the pooling windows' borders on
    every tile of `tiling`: where each window starts and where the last one ends."""
    (ph, pw), (sh, sw) = size, stride
    ys = sorted({k * sh for k in range((tiling.h - ph) // sh + 1)} | {((tiling.h - ph) // sh) * sh + ph})
    xs = sorted({k * sw for k in range((tiling.w - pw) // sw + 1)} | {((tiling.w - pw) // sw) * sw + pw})
    lines = []
    for t in range(tiling.n):
        for c in range(tiling.channels):
            x0, y0 = tiling.origin(t, c)
            lines += [(x0 + x, y0 + ys[0], x0 + x, y0 + ys[-1]) for x in xs]
            lines += [(x0 + xs[0], y0 + y, x0 + xs[-1], y0 + y) for y in ys]
    return lines


def winner_cells(tiling, argmax, size, stride):
    """Mosaic top-left (x, y) of each max-pooling window's winner (argmax: (D, Hp, Wp) flat
    positions within the window, as the engine recorded them): where each window's δ goes."""
    (_, pw), (sh, sw) = size, stride
    d, hp, wp = np.shape(argmax)
    p, i, j = np.meshgrid(np.arange(d), np.arange(hp), np.arange(wp), indexing="ij")
    flat = np.asarray(argmax).astype(int)
    rows, cols = i * sh + flat // pw, j * sw + flat % pw
    cells = []
    for t, r, c in zip(p.ravel(), rows.ravel(), cols.ravel()):
        x0, y0 = tiling.origin(int(t))
        cells.append((x0 + int(c), y0 + int(r)))
    return cells
