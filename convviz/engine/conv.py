"""Convolution (cross-correlation, as in PyTorch): vectorised forward and backward.

    C_p[i, j] = Σ_c Σ_m Σ_n I_c[i·Z_s + m, j·Z_s + n] · K_p,c[m, n] + b_p

Both directions go through the patch matrix ("im2col"): row (c, m, n), column (i, j) holds
I_c[i·Z_s + m, j·Z_s + n]. The forward run is one matrix product per image with it, the
kernel gradient reuses it, and the input gradient scatters δ·K back through the same map.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import workspace as ws
from .config import conv_output_size


def pad(x, padding):
    """Zero-pad the last two axes of (N, C, H, W) by (Z_p rows, Z_p columns) on every side."""
    ph, pw = padding
    if ph == 0 and pw == 0:
        return x
    return np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))


def windows(x, size, stride):
    """Receptive fields of (N, C, H, W) as a view (N, C, H1, W1, k1, k2); no copy."""
    w = sliding_window_view(x, size, axis=(2, 3))
    return w[:, :, ::stride[0], ::stride[1]]


def _patch_view(x, size, stride):
    """The receptive fields of (N, C, H, W) as a read-only view (N, C, k1, k2, H1, W1).

    Built with np.ndarray on x's buffer: sliding_window_view does the same but costs ~7 µs
    of Python per call, as much as the whole batch-1 forward product.
    """
    x = np.ascontiguousarray(x)
    n, c, h, w = x.shape
    k1, k2 = size
    sh, sw = stride
    h1, w1 = (h - k1) // sh + 1, (w - k2) // sw + 1
    s0, s1, s2, s3 = x.strides
    view = np.ndarray((n, c, k1, k2, h1, w1), x.dtype, x, 0, (s0, s1, s2, s3, s2 * sh, s3 * sw))
    view.flags.writeable = False
    return view


def im2col(x, size, stride):
    """(N, C, H, W) -> the patch matrices (N, C·k1·k2, H1·W1), a copy; rows in (c, m, n) order."""
    v = _patch_view(x, size, stride)
    n, c, k1, k2, h1, w1 = v.shape
    return v.reshape(n, c * k1 * k2, h1 * w1)


def conv_forward(x, W, b, stride=(1, 1), padding=(0, 0)):
    """x (N, C, H, W), kernels W (D, C, k1, k2), biases b (D,) -> feature maps (N, D, H1, W1)."""
    d, c, k1, k2 = W.shape
    n = x.shape[0]
    h1, w1 = conv_output_shape(x.shape[2], x.shape[3], (k1, k2), stride, padding)
    cols = im2col(pad(x, padding), (k1, k2), stride)               # (N, C·k1·k2, H1·W1)
    # (D, C·k1·k2) @ (N, C·k1·k2, H1·W1): one product per image, already in (N, D, H1, W1) order.
    out = np.matmul(W.reshape(d, c * k1 * k2), cols)
    out += b[:, None]
    return out.reshape(n, d, h1, w1), (x, W, stride, padding, cols)


def conv_backward(dout, cache, need_input_grad=True):
    """∂L/∂C (N, D, H1, W1) -> (∂L/∂I, ∂L/∂K, ∂L/∂b).

    ∂L/∂K[p, c, m, n] = Σ_i Σ_j δ_p[i, j] · I_c[i·Z_s + m, j·Z_s + n]   (correlate input with δ)
    ∂L/∂b_p          = Σ_i Σ_j δ_p[i, j]
    ∂L/∂I_c          = Σ_p (δ_p dilated by Z_s, padded by k − 1) ⋆ rot180(K_p,c), cropped by Z_p
    """
    x, W, stride, padding, cols = cache
    if cols is None:                                   # a cache without the patch matrices
        cols = im2col(pad(x, padding), W.shape[2:], stride)
    n, d = dout.shape[:2]
    delta = dout.reshape(n, d, -1)                                      # (N, D, H1·W1)
    # One product per image, (D, H1·W1) @ (H1·W1, C·k1·k2), then Σ over images: no copy of
    # the patch matrices (tensordot would transpose both into new arrays, ~5x slower here).
    kernel_grad = np.matmul(delta, cols.transpose(0, 2, 1)).sum(axis=0).reshape(W.shape)
    bias_grad = delta.sum(axis=(0, 2))
    input_grad = conv_input_grad(dout, W, x.shape, stride, padding) if need_input_grad else None
    return input_grad, kernel_grad, bias_grad


def conv_input_grad(dout, W, x_shape, stride, padding):
    """∂L/∂I: every output position sends δ_p[i, j]·K_p,c[m, n] back to the pixel it read.

    This equals the full correlation of the stride-dilated δ with the 180°-rotated kernels
    (the formula the app shows), computed as one product and a scatter-add ("col2im")
    instead of a correlation over a mostly-zero dilated map.
    """
    n, d, h1, w1 = dout.shape
    _, c, k1, k2 = W.shape
    sh, sw = stride
    ph, pw = padding
    hp, wp = x_shape[2] + 2 * ph, x_shape[3] + 2 * pw
    size = hp * wp
    # δ·K for every (c, m, n) and output position: (C·k1·k2, D) @ (N, D, H1·W1)
    dcols = np.matmul(W.reshape(d, c * k1 * k2).T, dout.reshape(n, d, h1 * w1),
                      out=ws.buffer("conv.dcols", (n, c * k1 * k2, h1 * w1), dout.dtype))
    # The scatter-add without a Python loop over the k1·k2 offsets: offset (m, n) gets its
    # own zeroed copy of the flattened padded input, and one strided assignment puts its
    # value for output (i, j) at pixel (i·Z_s + m, j·Z_s + n) of that copy. The element
    # (m, n, i, j) sits at (m·k2 + n)·Hp·Wp + (i·Z_s + m)·Wp + j·Z_s + n, linear in all four,
    # so this is a plain strided view, and no two elements share a place. Summing the
    # k1·k2 copies adds the overlapping contributions. Pixels past the last window (Eq. 2.1
    # rounding down) and the padding outside every window stay 0.
    copies = ws.zeros("conv.copies", (n, c, k1 * k2 * size), dout.dtype)   # scratch: summed below
    item = copies.itemsize
    scatter = np.ndarray((n, c, k1, k2, h1, w1), copies.dtype, copies, 0,
                         (copies.strides[0], copies.strides[1], (k2 * size + wp) * item,
                          (size + 1) * item, sh * wp * item, sw * item))
    scatter[...] = dcols.reshape(n, c, k1, k2, h1, w1)
    grad_padded = copies.reshape(n, c, k1 * k2, hp, wp).sum(axis=2)
    if ph == 0 and pw == 0:
        return grad_padded
    return np.ascontiguousarray(grad_padded[:, :, ph:hp - ph, pw:wp - pw])


def conv_output_shape(h, w, size, stride, padding):
    return (conv_output_size(h, size[0], padding[0], stride[0]),
            conv_output_size(w, size[1], padding[1], stride[1]))
