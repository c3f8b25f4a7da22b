"""Turn any grayscale picture of a digit into a 28x28 MNIST-style input (MATH.md, last section)."""

import numpy as np

SIZE = 28
BOX = 20
#: Where MNIST puts the centre of mass, in row/column index units. Measured on the shipped
#: 5k digits: mean (13.99, 14.00), spread 0.29 = that of rounding, i.e. MNIST shifted whole pixels.
CENTRE = 14.0
#: After normalising ink to 1 on 0, values below this are paper texture, JPEG ringing or sensor noise.
NOISE = 0.1
#: A picture whose darkest and lightest parts differ by less than this (on 0..1) holds no ink.
MIN_CONTRAST = 0.1


def _as_unit_float(image):
    """The image as float32 on 0..1; integers by their dtype's range, floats above 1 taken as 0..255."""
    a = np.asarray(image)
    if a.ndim != 2:
        raise ValueError(f"expected a 2-D grayscale image, got shape {a.shape}")
    if a.dtype == bool:
        return a.astype(np.float32)
    if np.issubdtype(a.dtype, np.integer):
        return a.astype(np.float32) / np.float32(np.iinfo(a.dtype).max)
    a = a.astype(np.float32, copy=False)
    if not np.all(np.isfinite(a)):
        raise ValueError("the image holds NaN or infinite values")
    if a.size and a.max() > 1.0:
        a = a / np.float32(255.0)
    return a


def _ink(image):
    """Ink as 1 on 0, noise zeroed, or None when there is none.

    Polarity: the border is mostly paper, so its median is the paper's level, whichever way
    round the picture is; the ink is whatever differs from it most.
    """
    a = _as_unit_float(image)
    if a.size == 0:
        return None
    border = np.concatenate((a[0], a[-1], a[1:-1, 0], a[1:-1, -1]))
    paper = np.float32(np.median(border))
    if paper > 0.5:
        ink = paper - a  # dark ink on light paper
    else:
        ink = a - paper
    peak = ink.max()
    if peak < MIN_CONTRAST:
        return None
    ink = ink * (1.0 / peak)  # faint pencil should look like MNIST's full-strength strokes
    ink[ink < NOISE] = 0.0
    return ink


def is_blank(image):
    """True when the picture holds no ink (preprocess would give all zeros)."""
    return _ink(image) is None


def _enlarge_weights(n_src, scale, offset):
    """(SIZE, n_src) linear-interpolation matrix, kept inside the placed extent, for scale > 1."""
    j = np.arange(SIZE, dtype=np.float64)[:, None]
    i = np.arange(n_src, dtype=np.float64)[None, :]
    cover = np.clip(np.minimum(j + 1.0, offset + n_src * scale) - np.maximum(j, offset), 0.0, 1.0)
    u = np.clip((j + 0.5 - offset) / scale - 0.5, 0.0, n_src - 1.0)
    return (cover * np.clip(1.0 - np.abs(u - i), 0.0, None)).astype(np.float32)


def _shrink_rows(a, scale, offset):
    """Rows of `a` scaled by `scale` <= 1 and placed at `offset` in SIZE rows, by exact area averaging.

    Output row j averages the source span it covers, F(end) - F(start) of the running sum F,
    read between whole rows by linear interpolation. Same result as the overlap matrix
    R @ a, but without BLAS, whose threads stall for milliseconds when the cores are busy.
    """
    n = a.shape[0]
    running = np.zeros((n + 1, a.shape[1]), np.float64)
    np.cumsum(a, axis=0, out=running[1:])
    edges = np.clip((np.arange(SIZE + 1) - offset) / scale, 0.0, n)
    k = np.minimum(edges.astype(np.intp), n - 1)
    at = running[k] + (edges - k)[:, None] * a[k]
    return ((at[1:] - at[:-1]) * scale).astype(np.float32)


def _resample(crop, scale, top, left):
    """crop scaled by `scale` and placed at (top, left) in a SIZE x SIZE frame."""
    if scale <= 1.0:  # shrinking: the usual case
        return _shrink_rows(_shrink_rows(crop, scale, top).T, scale, left).T
    h, w = crop.shape  # enlarging a drawing under 20 px: tiny matrices
    return _enlarge_weights(h, scale, top) @ crop @ _enlarge_weights(w, scale, left).T


def _centre_of_mass(img):
    mass = img.sum()
    idx = np.arange(SIZE, dtype=np.float64)
    return (img.sum(axis=1) @ idx) / mass, (img.sum(axis=0) @ idx) / mass


def preprocess(image):
    """(28, 28) float32 on 0..1, ink bright: any 2-D grayscale picture prepared as MNIST was.

    Crop to the ink, scale the longer side to 20 px keeping the aspect ratio, centre by the
    centre of mass at (14, 14) to the nearest pixel. No ink gives all zeros.
    """
    ink = _ink(image)
    out = np.zeros((SIZE, SIZE), np.float32)
    if ink is None:
        return out
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    h, w = crop.shape
    scale = BOX / max(h, w)
    top = (SIZE - h * scale) / 2.0
    left = (SIZE - w * scale) / 2.0
    img = _resample(crop, scale, top, left)
    cy, cx = _centre_of_mass(img)
    # Whole-pixel shift, as MNIST did (its centres of mass spread like rounding's); limited so
    # no ink leaves the frame. Ties round towards no shift, so a symmetric digit keeps to the
    # central 20x20 box instead of going wherever float noise sends it.
    room_y, room_x = np.floor(top + 1e-6), np.floor(left + 1e-6)  # 20 * (h / 20) may be 20.000001
    dy = np.clip(np.ceil(CENTRE - cy - 0.5 - 1e-3), -room_y, room_y)
    dx = np.clip(np.ceil(CENTRE - cx - 0.5 - 1e-3), -room_x, room_x)
    if dy or dx:
        img = _resample(crop, scale, top + dy, left + dx)
    img[img < 1e-3] = 0.0  # rounding dust where an edge falls on a pixel boundary
    # Thin strokes average out faint when shrunk; MNIST's strongest ink is always full strength.
    img *= 1.0 / img.max()
    np.clip(img, 0.0, 1.0, out=out)
    return out
