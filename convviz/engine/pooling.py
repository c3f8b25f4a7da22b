"""Pooling over k1 × k2 windows with a stride: max, average and L2-norm, forward and backward."""

import numpy as np

from .conv import windows


def pool_forward(x, kind, size, stride):
    """x (N, C, H, W) -> pooled (N, C, Hp, Wp), cache. For max, cache holds each window's argmax.

    Max keeps the first largest value of a window (as PyTorch does on ties).
    """
    fields = windows(x, size, stride)
    n, c, hp, wp = fields.shape[:4]
    flat = fields.reshape(n, c, hp, wp, -1)
    if kind == "max":
        argmax = flat.argmax(axis=-1)
        out = np.take_along_axis(flat, argmax[..., None], axis=-1)[..., 0]
    elif kind == "avg":
        argmax = None
        out = flat.mean(axis=-1)
    elif kind == "l2":
        argmax = None
        out = np.sqrt((flat * flat).sum(axis=-1))
    else:
        raise ValueError(f"unknown pooling {kind!r}")
    return out, (x, kind, size, stride, argmax, out)


def pool_backward(dout, cache):
    """∂L/∂P (N, C, Hp, Wp) -> ∂L/∂A (N, C, H, W).

    Max: all of δ goes to the window's argmax. Avg: each input gets δ/(k1·k2).
    L2: input x gets δ·x/P (0 where P = 0). Where windows overlap, contributions add.
    """
    x, kind, size, stride, argmax, out = cache
    k1, k2 = size
    sh, sw = stride
    hp, wp = dout.shape[2:]
    dx = np.zeros_like(x)
    if kind == "l2":
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(out > 0, dout / out, 0.0)
    # Loop over the k1·k2 offsets inside a window, never over pixels: each pass adds one
    # offset's share for every window at once.
    for m in range(k1):
        for n in range(k2):
            rows = slice(m, m + sh * (hp - 1) + 1, sh)
            cols = slice(n, n + sw * (wp - 1) + 1, sw)
            if kind == "max":
                dx[:, :, rows, cols] += np.where(argmax == m * k2 + n, dout, 0.0)
            elif kind == "avg":
                dx[:, :, rows, cols] += dout / (k1 * k2)
            else:
                dx[:, :, rows, cols] += scale * x[:, :, rows, cols]
    return dx
