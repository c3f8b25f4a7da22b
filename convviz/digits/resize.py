"""Smaller network inputs: the preprocessed 28 × 28 image area-averaged down to n × n."""

import numpy as np

from .preprocess import SIZE


def area_weights(n, size=SIZE):
    """(n, size) matrix R: output pixel i averages the source span [i·size/n, (i+1)·size/n),
    each source pixel weighted by how much of it lies in that span (rows sum to 1)."""
    if not isinstance(n, (int, np.integer)) or not 1 <= n <= size:
        raise ValueError(f"input size: expected an integer from 1 to {size}, got {n!r}")
    edges = np.arange(n + 1) * (size / n)
    j = np.arange(size)
    overlap = np.clip(np.minimum(edges[1:, None], j + 1) - np.maximum(edges[:-1, None], j), 0.0, None)
    return overlap / (size / n)


def area_average(image, n):
    """(size, size) -> (n, n) float32 by exact area averaging (n = 14: the mean of each 2 × 2 block).

    The image's mean is kept, so a digit's total ink shrinks with its area, as it would on a
    coarser sensor. n equal to the image's size returns a copy.
    """
    a = np.asarray(image, dtype=np.float64)
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise ValueError(f"expected a square 2-D image, got shape {a.shape}")
    r = area_weights(n, a.shape[0])
    return (r @ a @ r.T).astype(np.float32)
