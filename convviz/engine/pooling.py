"""Pooling over k1 × k2 windows with a stride: max, average and L2-norm, forward and backward."""

import numpy as np


def _offset_slices(size, stride, out_shape):
    """For each offset (m, n) inside a window, in row-major order, the (rows, cols) slices
    that pick that offset of every window at once: A[i·s1 + m, j·s2 + n] for all (i, j)."""
    k1, k2 = size
    sh, sw = stride
    hp, wp = out_shape
    return [(slice(m, m + sh * (hp - 1) + 1, sh), slice(n, n + sw * (wp - 1) + 1, sw))
            for m in range(k1) for n in range(k2)]


def pool_forward(x, kind, size, stride):
    """x (N, C, H, W) -> pooled (N, C, Hp, Wp), cache. For max, cache holds each window's argmax
    (the flat offset m·k2 + n inside the window).

    Max keeps the first largest value of a window (as PyTorch does on ties).
    """
    n, c, h, w = x.shape
    hp, wp = (h - size[0]) // stride[0] + 1, (w - size[1]) // stride[1] + 1
    # Loop over the k1·k2 offsets inside a window, never over windows: each pass handles one
    # offset of every window at once (strided slices, no copies of overlapping windows).
    offsets = _offset_slices(size, stride, (hp, wp))
    rows, cols = offsets[0]
    argmax = None
    if kind == "max":
        out = x[:, :, rows, cols].copy()
        argmax = np.zeros(out.shape, np.intp)
        for k, (rows, cols) in enumerate(offsets[1:], 1):
            v = x[:, :, rows, cols]
            better = v > out                  # strictly: on a tie the earlier offset stays
            # argmax ← k where better: k exceeds every earlier offset, so max(argmax, k·better)
            # does it without a masked write (masked writes are ~8x slower on random masks).
            np.maximum(argmax, better * k, out=argmax)
            np.maximum(out, v, out=out)
    elif kind == "avg":
        out = x[:, :, rows, cols].copy()
        for rows, cols in offsets[1:]:
            out += x[:, :, rows, cols]
        out /= len(offsets)
    elif kind == "l2":
        out = np.square(x[:, :, rows, cols])
        for rows, cols in offsets[1:]:
            out += np.square(x[:, :, rows, cols])
        np.sqrt(out, out=out)
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
    dx = np.zeros_like(x)
    if kind == "l2":
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(out > 0, dout / out, 0.0)
    elif kind == "avg":
        share = dout / (k1 * k2)
    # Loop over the k1·k2 offsets inside a window, never over pixels: each pass adds one
    # offset's share for every window at once.
    for k, (rows, cols) in enumerate(_offset_slices(size, stride, dout.shape[2:])):
        target = dx[:, :, rows, cols]
        if kind == "max":
            # δ·[argmax = k], branch-free (np.where on a random mask is several times slower);
            # adding it to dx's zeros also turns the −0.0 of negative δ·0 into +0.0.
            target += dout * (argmax == k)
        elif kind == "avg":
            target += share
        else:
            target += scale * x[:, :, rows, cols]
    return dx
