"""Slow, obvious loop versions of convolution and pooling: the test oracle for the fast ones."""

import numpy as np


def conv_forward_loop(x, W, b, stride, padding):
    n, c, h, w = x.shape
    d, _, k1, k2 = W.shape
    ph, pw = padding
    xp = np.zeros((n, c, h + 2 * ph, w + 2 * pw), x.dtype)
    xp[:, :, ph:ph + h, pw:pw + w] = x
    h1 = (h - k1 + 2 * ph) // stride[0] + 1
    w1 = (w - k2 + 2 * pw) // stride[1] + 1
    out = np.zeros((n, d, h1, w1), x.dtype)
    for s in range(n):
        for p in range(d):
            for i in range(h1):
                for j in range(w1):
                    total = b[p]
                    for ch in range(c):
                        for m in range(k1):
                            for q in range(k2):
                                total += xp[s, ch, i * stride[0] + m, j * stride[1] + q] * W[p, ch, m, q]
                    out[s, p, i, j] = total
    return out


def conv_backward_loop(dout, x, W, stride, padding):
    """Scatter each output gradient back through the products that made it."""
    n, c, h, w = x.shape
    d, _, k1, k2 = W.shape
    ph, pw = padding
    xp = np.zeros((n, c, h + 2 * ph, w + 2 * pw), x.dtype)
    xp[:, :, ph:ph + h, pw:pw + w] = x
    dxp = np.zeros_like(xp)
    dW = np.zeros_like(W)
    db = np.zeros(d, x.dtype)
    for s in range(n):
        for p in range(d):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    g = dout[s, p, i, j]
                    db[p] += g
                    for ch in range(c):
                        for m in range(k1):
                            for q in range(k2):
                                r, col = i * stride[0] + m, j * stride[1] + q
                                dW[p, ch, m, q] += g * xp[s, ch, r, col]
                                dxp[s, ch, r, col] += g * W[p, ch, m, q]
    return dxp[:, :, ph:ph + h, pw:pw + w], dW, db


def pool_forward_loop(x, kind, size, stride):
    n, c, h, w = x.shape
    hp = (h - size[0]) // stride[0] + 1
    wp = (w - size[1]) // stride[1] + 1
    out = np.zeros((n, c, hp, wp), x.dtype)
    for s in range(n):
        for ch in range(c):
            for i in range(hp):
                for j in range(wp):
                    win = x[s, ch, i * stride[0]:i * stride[0] + size[0], j * stride[1]:j * stride[1] + size[1]]
                    if kind == "max":
                        out[s, ch, i, j] = win.max()
                    elif kind == "avg":
                        out[s, ch, i, j] = win.mean()
                    else:
                        out[s, ch, i, j] = np.sqrt((win ** 2).sum())
    return out


def pool_backward_loop(dout, x, kind, size, stride):
    dx = np.zeros_like(x)
    for s in range(x.shape[0]):
        for ch in range(x.shape[1]):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    r0, c0 = i * stride[0], j * stride[1]
                    win = x[s, ch, r0:r0 + size[0], c0:c0 + size[1]]
                    g = dout[s, ch, i, j]
                    if kind == "max":
                        m, q = np.unravel_index(np.argmax(win), win.shape)
                        dx[s, ch, r0 + m, c0 + q] += g
                    elif kind == "avg":
                        dx[s, ch, r0:r0 + size[0], c0:c0 + size[1]] += g / win.size
                    else:
                        norm = np.sqrt((win ** 2).sum())
                        if norm > 0:
                            dx[s, ch, r0:r0 + size[0], c0:c0 + size[1]] += g * win / norm
    return dx
