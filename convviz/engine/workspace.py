"""Scratch buffers reused from call to call, per thread and bounded, instead of fresh temporaries.

A batch step that allocates megabytes of new arrays each call spends about a third of its
time in page faults (the allocator hands large blocks back to the system and gets them again
zero-filled). The kernels take their scratch arrays from here instead.

Rules that keep this safe:
- A buffer is scratch for the duration of one kernel call: nothing handed back to a caller
  (an output, a gradient, a cache kept for the backward run) ever lives in one.
- Buffers belong to the thread that asked for them (`threading.local`), so a training
  worker and the GUI never write into each other's scratch.
- Each thread keeps at most `MAX_BUFFERS` arrays and `MAX_BYTES` bytes; the least recently
  used go first.
"""

import math
import threading
from collections import OrderedDict

import numpy as np

MAX_BUFFERS = 32
MAX_BYTES = 64 * 2 ** 20

_local = threading.local()


def _cache():
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = OrderedDict()
        _local.views = {}
    return cache


def buffer(tag, shape, dtype):
    """An uninitialised array of `shape` (a tuple) and `dtype` for scratch `tag`, reused when it fits.

    Two live scratch arrays of one kernel call must have different tags.
    """
    cache = _cache()
    key = (tag, dtype)
    # A kernel asks for the same few shapes call after call: the shaped view of the current
    # buffer is kept, so a repeat costs two dictionary look-ups (a batch-1 step asks ~20 times).
    hit = _local.views.get((tag, shape, dtype))
    if hit is not None and cache.get(key) is hit[0]:
        cache.move_to_end(key)                 # most recently used last
        return hit[1]
    size = math.prod(shape)
    flat = cache.get(key)
    if flat is not None and flat.size >= size:
        cache.move_to_end(key)
    else:
        flat = cache[key] = np.empty(max(size, 1), dtype)
        cache.move_to_end(key)
        _evict(cache)
    view = flat[:size].reshape(shape)
    views = _local.views
    if len(views) >= 4 * MAX_BUFFERS:
        views.clear()
    views[(tag, shape, dtype)] = (flat, view)
    return view


def zeros(tag, shape, dtype):
    out = buffer(tag, shape, dtype)
    out.fill(0)
    return out


def _evict(cache):
    total = sum(a.nbytes for a in cache.values())
    while cache and (len(cache) > MAX_BUFFERS or total > MAX_BYTES):
        _, old = cache.popitem(last=False)
        total -= old.nbytes
    # Views of a dropped or replaced buffer would keep its memory alive: forget them all.
    _local.views.clear()


def stats():
    """(buffers, bytes) held by the calling thread."""
    cache = _cache()
    return len(cache), sum(a.nbytes for a in cache.values())


def clear():
    """Drop the calling thread's buffers."""
    _cache().clear()
    _local.views.clear()
