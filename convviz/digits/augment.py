"""Random, vectorised distortions of a digit batch, so training sees the ways people draw."""

import numpy as np

ROTATION_DEG = 12.0
SCALE = (0.85, 1.15)
SHIFT_PX = 2.5
#: Stroke thickness: blend towards a 3x3 max filter (bolder) up to this weight ...
THICKEN = 1.0
#: ... or towards a 3x3 min filter (thinner); less, since a full erosion erases MNIST's 2 px strokes.
THIN = 0.4
#: Images per pass: the temporaries of 256 stay small and are reused, where one pass over
#: 5000 allocates ~250 MB (measured: 5000 at once 160-800 ms, in chunks of 256 about 75 ms).
CHUNK = 256


def _filter3(x, op):
    """3x3 max or min filter over (N, H, W), separable: rows then columns; the frame counts as 0."""
    p = np.pad(x, ((0, 0), (1, 1), (1, 1)))
    r = op(op(p[:, :-2], p[:, 1:-1]), p[:, 2:])
    return op(op(r[:, :, :-2], r[:, :, 1:-1]), r[:, :, 2:])


def _thickness(x, t):
    t = t.astype(np.float32)[:, None, None]
    bold = np.clip(t, 0.0, None) * THICKEN
    thin = np.clip(-t, 0.0, None) * THIN
    return x + bold * (_filter3(x, np.maximum) - x) + thin * (_filter3(x, np.minimum) - x)


def _affine(x, angle, scale, shift):
    """Rotate, scale and shift every image about the centre with one bilinear gather for the batch."""
    n, h, w = x.shape
    # Output pixel q takes its value from source point p = M^-1 (q - c - shift) + c.
    cos, sin = np.cos(angle) / scale, np.sin(angle) / scale
    cy, cx = (h - 1) / 2.0, (w - 1) / 2.0
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dy = (yy[None] - cy - shift[:, 0, None, None]).astype(np.float32)
    dx = (xx[None] - cx - shift[:, 1, None, None]).astype(np.float32)
    c, s = cos.astype(np.float32)[:, None, None], sin.astype(np.float32)[:, None, None]
    sy = c * dy - s * dx + cy
    sx = s * dy + c * dx + cx
    # A frame of 2 zero pixels, and coordinates clipped into it, make outside samples read 0.
    pad = np.pad(x, ((0, 0), (2, 2), (2, 2)))
    np.clip(sy, -1.0, h, out=sy)
    np.clip(sx, -1.0, w, out=sx)
    y0 = np.floor(sy)
    x0 = np.floor(sx)
    fy, fx = sy - y0, sx - x0
    stride = w + 4
    base = (np.arange(n) * (h + 4) * stride)[:, None, None]
    i00 = (base + (y0.astype(np.intp) + 2) * stride + (x0.astype(np.intp) + 2)).ravel()
    flat = pad.ravel()
    v00, v01 = flat[i00], flat[i00 + 1]
    v10, v11 = flat[i00 + stride], flat[i00 + stride + 1]
    fy, fx = fy.ravel(), fx.ravel()
    top = v00 + fx * (v01 - v00)
    bottom = v10 + fx * (v11 - v10)
    return (top + fy * (bottom - top)).reshape(n, h, w)


def augment(images, rng):
    """A randomly distorted copy of a float32 batch (N, 28, 28) on 0..1: rotation, scale, shift, thickness.

    `rng` is a numpy Generator (or a seed); the same rng state gives the same result.
    """
    rng = np.random.default_rng(rng)
    x = np.asarray(images, dtype=np.float32)
    if x.ndim != 3:
        raise ValueError(f"expected a batch of shape (N, H, W), got {x.shape}")
    n = len(x)
    # All random numbers first, so the result does not depend on the chunking.
    thickness = rng.uniform(-1.0, 1.0, n)
    angle = np.deg2rad(rng.uniform(-ROTATION_DEG, ROTATION_DEG, n))
    scale = rng.uniform(*SCALE, n)
    shift = rng.uniform(-SHIFT_PX, SHIFT_PX, (n, 2))
    out = np.empty_like(x)
    for i in range(0, n, CHUNK):
        part = slice(i, i + CHUNK)
        out[part] = _affine(_thickness(x[part], thickness[part]), angle[part], scale[part], shift[part])
    return np.clip(out, 0.0, 1.0, out=out)
