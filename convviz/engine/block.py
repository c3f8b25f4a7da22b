"""The conv → ReLU → max-pool block as one kernel: the fast path for the shipped networks.

Same mathematics as `conv.py` + `activations.py` + `pooling.py`, arranged for speed:

- ReLU after pooling: max and ReLU commute (ReLU never changes which value is largest
  unless all are ≤ 0, and then the result is 0 either way), so ReLU runs on the pooled maps,
  a quarter of the feature maps. Backward, δ reaches C_p[i, j] only where (i, j) won its
  window and the pooled value P > 0, which is "window winner" ⊙ σ′(C) of the separate ops.
- Space-to-depth by the pool size: the feature maps are computed as one array per window
  offset (u, v), F[(u, v), d, (a, b, image)] = C_d[a·p1 + u, b·p2 + v], images innermost.
  Max pooling is then the element-wise maximum of p1·p2 contiguous arrays; a strict `>`
  keeps the first largest offset on ties, as PyTorch does. One uint8 code per window keeps
  the winner and whether ReLU let it through, all the backward run needs.
- Chunks of images (up to 6 MB of patch matrix), with the patch matrix of a chunk built
  again in the backward run instead of kept, and every scratch array reused (`workspace`). The
  patch matrix has a row of ones, so one product gives C with its bias, and one ∂L/∂K with
  ∂L/∂b.
- ∂L/∂I as one product with "folded" kernels: an input pixel at row a'·B + u' (B = p1·Z_s)
  receives from window rows a' − q for a few q only, so Wf[(c, q, u', …), (d, u, v)] =
  K_d,c[q·B + u' − u·Z_s, …] (0 outside the kernel) maps every window offset's δ to every
  input phase at once, and the result lands with q1·q2 slice additions (no scatter-add).

Only float arithmetic order differs from the separate ops; `tests/engine/test_block.py`
compares both on random configurations, ties and exact zeros included.
"""

import numpy as np

from . import workspace as ws

# Scratch per chunk: the patch matrix is the largest array. Chunks that fit the 2 MB L2 cache
# (1.5 MB) measured 10-25% slower here than 6 MB ones, whose fewer, longer calls win; 6 MB
# keeps the scratch of a large batch bounded.
CHUNK_BYTES = 6 * 2 ** 20
# A patch matrix this small (one image) is kept for the backward run instead of built again:
# below the allocator's 128 kB threshold for fresh pages it costs no page faults.
KEEP_BYTES = 120_000
# The shifted copies of ∂L/∂I's phases are summed in one call up to this size (one image of a
# shipped block needs 56 kB in float64); larger batches add the shifts in a loop.
SHIFTED_COPY_BYTES = 1 * 2 ** 20
# One image's patch index map (`_Geometry.patch_index`) is kept per geometry only up to this
# size (the shipped conv2's is 100 kB); a larger block takes the strided copy and the folded
# kernels instead, so a session of many large configurations keeps no big index maps.
INDEX_BYTES = 1 * 2 ** 20


def fuses(activation, pool, pool_size, pool_stride, conv_hw):
    """Whether a conv block can take the fused path: ReLU, max pooling over non-overlapping
    windows of at most 255 cells that tile the feature maps exactly."""
    return (activation == "relu" and pool == "max" and tuple(pool_size) == tuple(pool_stride)
            and conv_hw[0] % pool_size[0] == 0 and conv_hw[1] % pool_size[1] == 0
            and pool_size[0] * pool_size[1] <= 255)       # a window's winner fits a uint8 code


class _Geometry:
    """Sizes of one block call: input (n, c, h, w), kernels (d, c, k1, k2), stride, padding, pool."""

    def __init__(self, x_shape, w_shape, stride, padding, pool, itemsize, chunk_bytes):
        self.n, self.c, self.h, self.w = x_shape
        self.d, _, self.k1, self.k2 = w_shape
        self.s1, self.s2 = stride
        self.z1, self.z2 = padding
        self.p1, self.p2 = pool
        self.hq, self.wq = self.h + 2 * self.z1, self.w + 2 * self.z2          # padded input
        h1 = (self.hq - self.k1) // self.s1 + 1
        w1 = (self.wq - self.k2) // self.s2 + 1
        self.hp, self.wp = h1 // self.p1, w1 // self.p2                        # pooled maps
        self.offsets = self.p1 * self.p2
        self.rows = self.c * self.k1 * self.k2                                  # patch matrix rows
        per_image = self.rows * self.offsets * self.hp * self.wp * itemsize
        per_chunk = max(1, chunk_bytes // per_image)
        chunks = -(-self.n // per_chunk)
        size = -(-self.n // chunks)
        self.chunks = [(i, min(i + size, self.n)) for i in range(0, self.n, size)]
        # code k + 1 marks window offset k as the winner (broadcast against the codes)
        self.codes = np.arange(1, self.offsets + 1, dtype=np.uint8)[None, :, None]
        self.codes.flags.writeable = False
        self._patch_index = self._folded_index = None

    def folded_index(self):
        """Where each entry of `_folded_kernels`' Wf comes from in K.ravel(), K.size for a 0;
        and (q1, b1, q2, b2)."""
        if self._folded_index is None:
            size = self.d * self.c * self.k1 * self.k2
            flat = np.arange(1, size + 1, dtype=np.float64).reshape(self.d, self.c, self.k1, self.k2)
            spread, shape = _spread_kernels(flat, self)
            index = spread.astype(np.intp) - 1
            index[index < 0] = size
            self._folded_index = index, shape
        return self._folded_index

    def patch_index(self):
        """For one image: the flat index into the padded input (C, Hq, Wq) of every entry of the
        patch matrix (without its ones row), in the matrix's order; made once. None for a
        geometry whose map would exceed INDEX_BYTES."""
        if self.rows * self.offsets * self.hp * self.wp * np.dtype(np.intp).itemsize > INDEX_BYTES:
            return None
        if self._patch_index is None:
            pixels = np.arange(self.c * self.hq * self.wq, dtype=np.float64).reshape(self.c, self.hq, self.wq, 1)
            cols = _patches(pixels, 0, 1, self, np.empty((self.rows + 1, self.offsets * self.hp * self.wp)))
            self._patch_index = cols[:self.rows].astype(np.intp).ravel()
        return self._patch_index


_GEOMETRIES = {}


def _geometry(*key):
    """The `_Geometry` of these sizes, made once (a handful of shapes recur call after call)."""
    g = _GEOMETRIES.get(key)
    if g is None:
        if len(_GEOMETRIES) > 64:
            _GEOMETRIES.clear()
        g = _GEOMETRIES[key] = _Geometry(*key)
    return g


def _patches(xt, i0, i1, g, out):
    """The patch matrix of images i0..i1 into `out`, rows (c, m, n) and a last row of ones (so
    the products with [K | b] add the bias and give Σ δ as well), columns (u, v, a, b, image):
    out[c, m, n, u, v, a, b, i] = I_c[(a·p1 + u)·Z_s + m, (b·p2 + v)·Z_s + n] of image i0 + i.
    The images are the innermost axis (xt is the padded input as (C, H, W, N)): for the small
    maps of a second block that makes the copy's contiguous runs long."""
    out[g.rows] = 1                       # the bias row
    tc, th, tw, tn = xt.strides
    view = np.ndarray((g.c, g.k1, g.k2, g.p1, g.p2, g.hp, g.wp, i1 - i0), xt.dtype, xt, i0 * tn,
                      (tc, th, tw, g.s1 * th, g.s2 * tw, g.p1 * g.s1 * th, g.p2 * g.s2 * tw, tn))
    np.copyto(out[:g.rows].reshape(view.shape), view)
    return out


def block_forward(x, W, b, stride, padding, pool, keep_maps=False):
    """x (N, C, H, W) -> pooled (N, D, Hp, Wp) = maxpool(ReLU(conv(x))), the cache for
    `block_backward`, and the feature maps C (N, D, H1, W1) if `keep_maps` (else None)."""
    g = _geometry(x.shape, W.shape, tuple(stride), tuple(padding), tuple(pool), x.dtype.itemsize, CHUNK_BYTES)
    if g.n == 1 and not (g.z1 or g.z2) and x.flags.c_contiguous:
        xt = x.reshape(g.c, g.hq, g.wq, 1)                    # one image: already (C, H, W, N)
    else:
        xt = np.empty((g.c, g.hq, g.wq, g.n), x.dtype)       # (C, H, W, N): images innermost
        if g.z1 or g.z2:
            xt[...] = 0
        xt[:, g.z1:g.z1 + g.h, g.z2:g.z2 + g.w] = x.transpose(1, 2, 3, 0)
    Wb = np.concatenate([W.reshape(g.d, g.rows), b[:, None]], axis=1)     # [K | b]
    pooled = np.empty((g.n, g.d, g.hp, g.wp), x.dtype)
    maps = np.empty((g.n, g.d, g.hp * g.p1, g.wp * g.p2), x.dtype) if keep_maps else None
    codes = []
    for i0, i1 in g.chunks:
        nc = i1 - i0
        m = g.hp * g.wp * nc
        shape = (g.rows + 1, g.offsets * m)
        keep = len(g.chunks) == 1 and shape[0] * shape[1] * x.dtype.itemsize <= KEEP_BYTES
        cols = np.empty(shape, x.dtype) if keep else ws.buffer("block.cols", shape, x.dtype)
        if g.n == 1 and g.c > 1 and g.patch_index() is not None:
            # One image of several channels: one gather through the patch index map beats the
            # strided copy, whose innermost run is a single image (7.5 vs 10.8 µs, shipped conv2).
            cols[g.rows] = 1
            np.take(xt.reshape(-1), g.patch_index(), out=cols[:g.rows].reshape(-1), mode="clip")
        else:
            _patches(xt, i0, i1, g, cols)
        # F[(u, v), d, (a, b, i)] = C_d[a·p1 + u, b·p2 + v] of image i: one product per window
        # offset, so each offset's maps are one contiguous array for the pooling below (its
        # element-wise calls ran 30-40% slower on the strided (D, offset) slices).
        F = ws.buffer("block.maps", (g.offsets, g.d, m), x.dtype)
        np.matmul(Wb, cols.reshape(g.rows + 1, g.offsets, m).transpose(1, 0, 2), out=F)
        # Q: each window's largest C (before ReLU); code: 1 + the offset of the first largest
        # (a strict > keeps the earlier offset on ties), or 0 where Q ≤ 0 and ReLU stops δ.
        Q = ws.buffer("block.largest", (g.d, m), x.dtype)
        better = ws.buffer("block.better", (g.d, m), np.bool_)
        shifted = ws.buffer("block.shifted", (g.d, m), np.uint8)
        if g.offsets == 1:
            np.copyto(Q, F[0])
            code = np.ones((g.d, m), np.uint8)
        else:                                 # offsets 0 and 1 in 3 calls instead of 6
            np.greater(F[1], F[0], out=better)
            code = np.add(better.view(np.uint8), np.uint8(1))
            np.maximum(F[0], F[1], out=Q)
        for k in range(2, g.offsets):
            np.greater(F[k], Q, out=better)
            # code ← k + 1 where better: it exceeds every earlier code, so a maximum does it
            # without a masked write.
            np.multiply(better.view(np.uint8), np.uint8(k + 1), out=shifted)
            np.maximum(code, shifted, out=code)
            np.maximum(Q, F[k], out=Q)
        np.multiply(code, np.greater(Q, 0, out=better).view(np.uint8), out=code)
        np.maximum(Q.reshape(g.d, g.hp, g.wp, nc).transpose(3, 0, 1, 2), 0, out=pooled[i0:i1])
        if keep_maps:
            # maps[i, d, a·p1 + u, b·p2 + v] = F[(u, v), d, (a, b, i)]
            np.copyto(maps[i0:i1].reshape(nc, g.d, g.hp, g.p1, g.wp, g.p2),
                      F.reshape(g.p1, g.p2, g.d, g.hp, g.wp, nc).transpose(5, 2, 3, 0, 4, 1))
        codes.append((code, cols if keep else None))
    return pooled, (xt, W, g, codes), maps


def recorded_argmax(cache):
    """Each window's argmax over the ReLU-ed maps, as `pooling.pool_forward` gives it: the
    winner where P > 0, else offset 0 (a window of ReLU zeros keeps its first)."""
    _, _, g, codes = cache
    out = np.empty((g.n, g.d, g.hp, g.wp), np.intp)
    for (i0, i1), (code, _) in zip(g.chunks, codes):
        arg = np.maximum(code, 1) - 1
        out[i0:i1] = arg.reshape(g.d, g.hp, g.wp, i1 - i0).transpose(3, 0, 1, 2)
    return out


def _folded_kernels(W, g):
    """Wf (Q1·Q2·C·B1·B2, D·p1·p2): window offset (u, v) of kernel d reaches input phase
    (u', v') of the window q1, q2 steps back with the weight
    Wf[q1, q2, c, u', v', d, u, v] = K_d,c[q1·B1 + u' − u·Z_s, q2·B2 + v' − v·Z_s] (0 outside
    the kernel). (q1, q2) outermost, so each shift's rows are one contiguous block.

    One gather from K and a 0 through the index map of `_spread_kernels` (made once per
    geometry): 3 calls instead of ~8 (measured 2.5 against 8 µs for the shipped conv1)."""
    index, shape = g.folded_index()
    return np.concatenate((W.reshape(-1), np.zeros(1, W.dtype))).take(index), shape


def _spread_kernels(W, g):
    """`_folded_kernels` by slice assignments: builds the index map (from K's flat indices)."""
    b1, b2 = g.p1 * g.s1, g.p2 * g.s2
    q1 = -(-((g.p1 - 1) * g.s1 + g.k1) // b1)
    q2 = -(-((g.p2 - 1) * g.s2 + g.k2) // b2)
    spread = np.zeros((g.c, q1 * b1, q2 * b2, g.d, g.p1, g.p2), W.dtype)
    Wt = W.transpose(1, 2, 3, 0)
    for u in range(g.p1):                 # slice assignment, not fancy indexing: ~10x faster
        for v in range(g.p2):
            spread[:, u * g.s1:u * g.s1 + g.k1, v * g.s2:v * g.s2 + g.k2, :, u, v] = Wt
    Wf = spread.reshape(g.c, q1, b1, q2, b2, g.d * g.offsets).transpose(1, 3, 0, 2, 4, 5)
    return np.ascontiguousarray(Wf).reshape(q1 * q2 * g.c * b1 * b2, g.d * g.offsets), (q1, b1, q2, b2)


def _shifted_sum(G, g, q1, q2, phases, nc, hs, wsz):
    """Σ over the q1·q2 shifts (a, c) of G's row block (a, c), moved a window rows down and c
    window columns right: the input phases (C, B1, B2, hs, wsz, N) of ∂L/∂I.

    Each shift gets its own zeroed copy of the result, and one strided assignment puts every
    block in place: element (a, c, r, i, j) of G lands at (a·q2 + c)·S + r·hs·wsz·N +
    (i + a)·wsz·N + c·N + j of the copies (S the size of one), linear in all five indices, so
    the copies are a plain view and no two elements share a place. Summing the copies over
    the shift axis adds the shifts in the order (0, 0), (0, 1), …, as a loop of q1·q2 slice
    additions would, in 3 calls instead of q1·q2 (each ~2 µs at one image: most of the input
    gradient's time). Beyond SHIFTED_COPY_BYTES of copies the loop is used (same sums)."""
    rows, cols = hs, wsz * nc                      # one phase plane, columns and images joined
    size = g.c * phases * rows * cols
    G = G.reshape(q1, q2, g.c * phases, g.hp, g.wp * nc)
    if q1 * q2 * size * G.itemsize > SHIFTED_COPY_BYTES:
        out = ws.zeros("block.phases", (g.c * phases, rows, cols), G.dtype)
        for a in range(q1):
            for c in range(q2):
                out[:, a:a + g.hp, c * nc:(c + g.wp) * nc] += G[a, c]
        return out
    copies = ws.zeros("block.shifts", (q1 * q2, size), G.dtype)
    item = G.itemsize
    view = np.ndarray(G.shape, G.dtype, copies, 0,
                      ((q2 * size + cols) * item, (size + nc) * item, rows * cols * item,
                       cols * item, item))
    view[...] = G
    return copies.sum(axis=0, out=ws.buffer("block.phases", (size,), G.dtype))


def block_backward(dpooled, cache, need_input_grad=True):
    """∂L/∂P (N, D, Hp, Wp) -> (∂L/∂I or None, ∂L/∂K, ∂L/∂b) of the whole block."""
    xt, W, g, codes = cache
    dt = xt.dtype
    grads = None                                             # [∂L/∂K | ∂L/∂b]ᵀ, (rows + 1, D)
    # One image of several channels (the trace's second block, a single prediction): ∂L/∂I
    # as a product and one weighted count over the patch matrix's pixel indices
    # (`np.bincount`): 34 against 42 µs (scatter-add) and 52 µs (folded kernels) for the
    # shipped conv2's backward run. One channel: the folded kernels are a little faster.
    scatter = need_input_grad and g.n == 1 and g.c > 1 and g.patch_index() is not None
    if need_input_grad and not scatter:
        Wf, (q1, b1, q2, b2) = _folded_kernels(W, g)
        hs, wsz = g.hp + q1 - 1, g.wp + q2 - 1              # input rows / columns per phase
        dx = np.empty((g.n, g.c, g.h, g.w), dt)
    for (i0, i1), (code, kept) in zip(g.chunks, codes):
        nc = i1 - i0
        m = g.hp * g.wp * nc
        if nc == 1 and dpooled.flags.c_contiguous:           # one image: already (D, Hp, Wp, N)
            delta = dpooled[i0:i1].reshape(g.d, g.hp, g.wp, 1)
        else:
            delta = ws.buffer("block.delta", (g.d, g.hp, g.wp, nc), dt)
            np.copyto(delta, dpooled[i0:i1].transpose(1, 2, 3, 0))
        # δ of each window goes to its winner, where ReLU let the window through (code > 0).
        dF = ws.buffer("block.dmaps", (g.d, g.offsets, m), dt)
        is_k = np.equal(code[:, None, :], g.codes, out=ws.buffer("block.is_k", dF.shape, np.bool_))
        np.multiply(delta.reshape(g.d, 1, m), is_k.view(np.uint8), out=dF)
        cols = kept
        if cols is None:
            cols = _patches(xt, i0, i1, g, ws.buffer("block.cols", (g.rows + 1, g.offsets * m), dt))
        dF2 = dF.reshape(g.d, g.offsets * m)
        # as (rows, D): 10-50% faster than dF2 @ cols.T (measured)
        if grads is None:
            grads = cols @ dF2.T
        else:
            grads += cols @ dF2.T
        if scatter:
            # dcols[(c, m, n), col] = Σ_d K_d,c[m, n] · δ_d[col]: what each patch entry sends back
            # to the pixel it was copied from; the count adds them up per pixel (in float64).
            dcols = np.matmul(W.reshape(g.d, g.rows).T, dF2, out=ws.buffer("block.dcols", (g.rows, dF2.shape[1]), dt))
            summed = np.bincount(g.patch_index(), weights=dcols.ravel(), minlength=g.c * g.hq * g.wq)
            padded = summed.reshape(1, g.c, g.hq, g.wq)
            dx = padded[:, :, g.z1:g.z1 + g.h, g.z2:g.z2 + g.w].astype(dt, copy=False)
        elif need_input_grad:
            G = ws.buffer("block.dcols", (Wf.shape[0], m), dt)
            np.matmul(Wf, dF.reshape(g.d * g.offsets, m), out=G)
            phases = _shifted_sum(G, g, q1, q2, b1 * b2, nc, hs, wsz)
            # depth-to-space: padded pixel (a'·B1 + u', b'·B2 + v') of image i ← phases[c, u', v', a', b', i]
            spread = phases.reshape(g.c, b1, b2, hs, wsz, nc).transpose(5, 0, 3, 1, 4, 2)
            if g.z1 == g.z2 == 0 and hs * b1 == g.h and wsz * b2 == g.w:
                np.copyto(dx[i0:i1].reshape(nc, g.c, hs, b1, wsz, b2), spread)
            else:
                hx, wx = max(hs * b1, g.hq), max(wsz * b2, g.wq)
                full = ws.zeros("block.full", (nc, g.c, hx, wx), dt)
                np.copyto(full[:, :, :hs * b1, :wsz * b2].reshape(nc, g.c, hs, b1, wsz, b2), spread)
                dx[i0:i1] = full[:, :, g.z1:g.z1 + g.h, g.z2:g.z2 + g.w]
    kernel_grad = np.ascontiguousarray(grads[:g.rows].T).reshape(W.shape)
    return (dx if need_input_grad else None), kernel_grad, grads[g.rows].copy()
