"""Convolution (cross-correlation, as in PyTorch): vectorised forward and backward.

    C_p[i, j] = Σ_c Σ_m Σ_n I_c[i·Z_s + m, j·Z_s + n] · K_p,c[m, n] + b_p
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

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


def conv_forward(x, W, b, stride=(1, 1), padding=(0, 0)):
    """x (N, C, H, W), kernels W (D, C, k1, k2), biases b (D,) -> feature maps (N, D, H1, W1)."""
    k = W.shape[2:]
    fields = windows(pad(x, padding), k, stride)
    # One matrix product over (c, m, n) for every output position: im2col in tensordot's copy.
    out = np.tensordot(fields, W, axes=([1, 4, 5], [1, 2, 3]))      # (N, H1, W1, D)
    out = out.transpose(0, 3, 1, 2) + b[None, :, None, None]
    return np.ascontiguousarray(out), (x, W, stride, padding, fields)


def conv_backward(dout, cache, need_input_grad=True):
    """∂L/∂C (N, D, H1, W1) -> (∂L/∂I, ∂L/∂K, ∂L/∂b).

    ∂L/∂K[p, c, m, n] = Σ_i Σ_j δ_p[i, j] · I_c[i·Z_s + m, j·Z_s + n]   (correlate input with δ)
    ∂L/∂b_p          = Σ_i Σ_j δ_p[i, j]
    ∂L/∂I_c          = Σ_p (δ_p dilated by Z_s, padded by k − 1) ⋆ rot180(K_p,c), cropped by Z_p
    """
    x, W, stride, padding, fields = cache
    kernel_grad = np.tensordot(dout, fields, axes=([0, 2, 3], [0, 2, 3]))   # (D, C, k1, k2)
    bias_grad = dout.sum(axis=(0, 2, 3))
    input_grad = conv_input_grad(dout, W, x.shape, stride, padding) if need_input_grad else None
    return input_grad, kernel_grad, bias_grad


def conv_input_grad(dout, W, x_shape, stride, padding):
    """∂L/∂I by the full correlation of the dilated δ with the 180°-rotated kernels."""
    n, d, h1, w1 = dout.shape
    k1, k2 = W.shape[2:]
    sh, sw = stride
    ph, pw = padding
    dilated = np.zeros((n, d, (h1 - 1) * sh + 1, (w1 - 1) * sw + 1), dout.dtype)
    dilated[:, :, ::sh, ::sw] = dout
    full = pad(dilated, (k1 - 1, k2 - 1))
    rotated = W[:, :, ::-1, ::-1]
    covered = np.tensordot(windows(full, (k1, k2), (1, 1)), rotated,
                           axes=([1, 4, 5], [0, 2, 3])).transpose(0, 3, 1, 2)
    # `covered` spans the padded rows/columns some window reached; rows past it (Eq. 2.1
    # rounding down) got no gradient. Then drop the zero padding.
    hp, wp = x_shape[2] + 2 * ph, x_shape[3] + 2 * pw
    grad_padded = np.zeros((n, x_shape[1], hp, wp), dout.dtype)
    grad_padded[:, :, :covered.shape[2], :covered.shape[3]] = covered
    return np.ascontiguousarray(grad_padded[:, :, ph:hp - ph, pw:wp - pw])


def conv_output_shape(h, w, size, stride, padding):
    return (conv_output_size(h, size[0], padding[0], stride[0]),
            conv_output_size(w, size[1], padding[1], stride[1]))
