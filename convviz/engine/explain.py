"""One element of one Step, explained with its actual numbers (pure NumPy, no Qt).

Every function takes a recorded Step (single image, batch axis dropped) and an element index
and returns plain data: the terms, products and sums of the step's equation for that element,
and the coordinates it depends on. The numbers come from the step's own arrays, so the
totals equal the trace's values (tests check this to 1e-12). The GUI only formats them.

`explain(step, stage, index)` picks the right function for a selection (the stage the user
clicked and the element's index there) and returns None when the step says nothing about it.
"""

import numpy as np

from .trace import OpKind, StageId, StageKind


def _f(x):
    return float(np.asarray(x))


def _top(products, keys, top):
    """The `top` entries by |product|, largest first, as (key, product) pairs."""
    products = np.asarray(products).ravel()
    order = np.argsort(-np.abs(products), kind="stable")[:top]
    return [(keys(int(k)), float(products[k])) for k in order]


# ---- forward --------------------------------------------------------------------------
def receptive_field(step, i, j):
    """Input rows/cols (r0, c0, r1, c1), end-exclusive, under output (i, j) of a conv step.

    Coordinates are in the unpadded input, so they may reach outside it when Z_p > 0.
    """
    (sh, sw), (ph, pw) = step.meta["stride"], step.meta["padding"]
    k1, k2 = step.meta["kernel_size"]
    r0, c0 = i * sh - ph, j * sw - pw
    return (r0, c0, r0 + k1, c0 + k2)


def _patch(x, rf):
    """x (C, H, W)[:, r0:r1, c0:c1] with zeros where the window hangs over the padding."""
    r0, c0, r1, c1 = rf
    c, h, w = x.shape
    out = np.zeros((c, r1 - r0, c1 - c0), dtype=x.dtype)
    rr0, cc0, rr1, cc1 = max(r0, 0), max(c0, 0), min(r1, h), min(c1, w)
    if rr1 > rr0 and cc1 > cc0:
        out[:, rr0 - r0:rr1 - r0, cc0 - c0:cc1 - c0] = x[:, rr0:rr1, cc0:cc1]
    return out


def conv_pixel(step, p, i, j):
    """C_p[i, j] = Σ_c Σ_m Σ_n patch · K_p + b_p: patch, kernel, products, their sum, bias, z."""
    x, W, b = step.arrays["input"], step.arrays["W"], step.arrays["b"]
    rf = receptive_field(step, i, j)
    patch = _patch(x, rf)
    kernel = W[p]
    products = patch * kernel
    s = _f(products.sum())
    return {"p": p, "i": i, "j": j, "receptive_field": rf, "patch": patch, "kernel": kernel,
            "products": products, "channel_sums": products.reshape(len(products), -1).sum(axis=1),
            "sum": s, "bias": _f(b[p]), "z": s + _f(b[p]),
            "output": _f(step.arrays["output"][p, i, j])}


def activation_element(step, index):
    """A = σ(C) for one element: its input, output and the activation's name."""
    index = tuple(index)
    return {"index": index, "activation": step.meta.get("activation"),
            "input": _f(step.arrays["input"][index]), "output": _f(step.arrays["output"][index])}


def pool_window(step, p, i, j):
    """P_p[i, j] from its window of A_p: the window, its origin, the argmax (max pooling) and P."""
    k1, k2 = step.meta["pool_size"]
    sh, sw = step.meta["pool_stride"]
    r0, c0 = i * sh, j * sw
    window = step.arrays["input"][p, r0:r0 + k1, c0:c0 + k2]
    arg = None
    if "argmax" in step.arrays:
        flat = int(step.arrays["argmax"][p, i, j])
        arg = (flat // k2, flat % k2)
    return {"p": p, "i": i, "j": j, "kind": step.meta["pool"], "origin": (r0, c0), "size": (k1, k2),
            "window": window.copy(), "argmax": arg, "output": _f(step.arrays["output"][p, i, j])}


def pool_windows_containing(step, p, r, c):
    """The pooled positions (i, j) whose windows contain A_p[r, c]."""
    k1, k2 = step.meta["pool_size"]
    sh, sw = step.meta["pool_stride"]
    hp, wp = step.arrays["output"].shape[1:]
    return [(i, j) for i in range(hp) for j in range(wp)
            if i * sh <= r < i * sh + k1 and j * sw <= c < j * sw + k2]


def flatten_index(step, k):
    """Where vector element k came from in the (D, Hp, Wp) maps."""
    d, h, w = step.arrays["input"].shape if "input" in step.arrays else step.arrays["grad_input"].shape
    p, rest = divmod(int(k), h * w)
    i, j = divmod(rest, w)
    out = {"k": int(k), "p": p, "i": i, "j": j, "hw": (h, w)}
    if "output" in step.arrays:
        out["value"] = _f(step.arrays["output"][int(k)])
    return out


def _source(i, maps_shape):
    """Vector index i of a flattened (D, Hp, Wp) input -> (p, r, c), or None for a plain vector."""
    return None if maps_shape is None else tuple(int(v) for v in np.unravel_index(i, maps_shape))


def dense_unit(step, j, top=8, maps_shape=None):
    """z_j = Σ_i W_ji · a_i + b_j: the `top` largest contributions, the rest, the sum, bias and z.

    maps_shape: (D, Hp, Wp) when the layer reads the flattened maps; each term then names the
    pooled value (p, r, c) that input i came from.
    """
    a, W, b = step.arrays["input"], step.arrays["W"], step.arrays["b"]
    products = W[j] * a
    s = _f(products.sum())
    terms = [{"i": i, "w": _f(W[j, i]), "a": _f(a[i]), "product": v, "source": _source(i, maps_shape)}
             for i, v in _top(products, lambda k: k, top)]
    return {"j": j, "n_terms": int(a.size), "n_nonzero": int(np.count_nonzero(products)), "terms": terms,
            "rest": s - sum(t["product"] for t in terms), "sum": s, "bias": _f(b[j]), "z": s + _f(b[j]),
            "output": _f(step.arrays["output"][j])}


def softmax_element(step, i):
    """ŷ_i = e^(z_i) / Σ e^(z_j), with z shifted by max z (which cancels) as the engine computes it."""
    z, y = step.arrays["input"], step.arrays["output"]
    out = {"i": i, "activation": step.meta.get("activation"), "z": _f(z[i]), "output": _f(y[i])}
    if "exp" in step.arrays:
        e = step.arrays["exp"]
        out |= {"shift": _f(z.max()), "exp": _f(e[i]), "exps": e.astype(float).copy(),
                "sum_exp": _f(e.sum()), "ratio": _f(e[i] / e.sum())}
    return out


def loss_terms(step, i=None):
    """L = Σ_i term_i: each class's y_i, ŷ_i and term, and the total (= the step's output);
    i: the class the user selected (None: the loss itself)."""
    y, yhat, terms = step.arrays["target"], step.arrays["input"], step.arrays["terms"]
    rows = [{"i": i, "y": _f(y[i]), "yhat": _f(yhat[i]), "term": _f(terms[i])} for i in range(terms.size)]
    return {"loss": step.meta.get("loss"), "i": i, "terms": rows, "total": _f(terms.sum()),
            "output": _f(step.arrays["output"])}


# ---- backward -------------------------------------------------------------------------
def loss_grad_element(step, i):
    """∂L/∂ŷ_i with the ŷ_i and y_i it is computed from."""
    return {"i": i, "yhat": _f(step.arrays["input"][i]), "y": _f(step.arrays["target"][i]),
            "grad": _f(step.arrays["grad_input"][i]), "loss": step.meta.get("loss")}


def output_grad_element(step, i):
    """δ_i = ∂L/∂z_i; with the combined softmax/sigmoid + cross-entropy it is ŷ_i − y_i."""
    yhat, y = _f(step.arrays["output"][i]), _f(step.arrays["target"][i])
    return {"i": i, "yhat": yhat, "y": y, "difference": yhat - y, "grad_output": _f(step.arrays["grad_output"][i]),
            "grad": _f(step.arrays["grad_input"][i]), "combined": bool(step.meta.get("combined"))}


def dense_weight_grad(step, j, i, maps_shape=None):
    """∂L/∂W_ji = δ_j · a_i."""
    d, a = _f(step.arrays["grad_output"][j]), _f(step.arrays["input"][i])
    return {"j": j, "i": i, "delta": d, "a": a, "product": d * a, "grad": _f(step.arrays["grad_W"][j, i]),
            "weight": _f(step.arrays["W"][j, i]), "source": _source(i, maps_shape)}


def bias_grad(step, p):
    """∂L/∂b_p: δ_p itself (dense) or the sum of δ_p over its feature map (conv)."""
    d = step.arrays["grad_output"][p]
    return {"p": p, "n_terms": int(np.size(d)), "sum": _f(np.sum(d)), "grad": _f(step.arrays["grad_b"][p]),
            "bias": _f(step.arrays["b"][p])}


def dense_input_grad(step, i, top=8):
    """∂L/∂a_i = Σ_j W_ji · δ_j: the largest terms, the rest and the total."""
    W, d = step.arrays["W"], step.arrays["grad_output"]
    products = W[:, i] * d
    s = _f(products.sum())
    terms = [{"j": j, "w": _f(W[j, i]), "delta": _f(d[j]), "product": v}
             for j, v in _top(products, lambda k: k, top)]
    return {"i": i, "n_terms": int(d.size), "terms": terms, "rest": s - sum(t["product"] for t in terms),
            "sum": s, "grad": _f(step.arrays["grad_input"][i])}


def activation_grad_element(step, index):
    """δ_C = δ_A · σ′(C) for one element."""
    index = tuple(index)
    ga, der = _f(step.arrays["grad_output"][index]), _f(step.arrays["derivative"][index])
    return {"index": index, "activation": step.meta.get("activation"), "input": _f(step.arrays["input"][index]),
            "grad_output": ga, "derivative": der, "product": ga * der, "grad": _f(step.arrays["grad_input"][index])}


def unflatten_element(step, p, i, j):
    """δ_P[p, i, j] is element k = p·Hp·Wp + i·Wp + j of the vector gradient."""
    d, h, w = step.arrays["grad_input"].shape
    k = (p * h + i) * w + j
    return {"p": p, "i": i, "j": j, "k": k, "grad": _f(step.arrays["grad_input"][p, i, j]),
            "grad_output": _f(step.arrays["grad_output"][k])}


def pool_grad_routing(step, p, r, c):
    """∂L/∂A_p[r, c]: what each pooling window containing (r, c) sent back to it, and the total."""
    kind = step.meta["pool"]
    k1, k2 = step.meta["pool_size"]
    sh, sw = step.meta["pool_stride"]
    A, P, dP = step.arrays["input"], step.arrays["output"], step.arrays["grad_output"]
    parts = []
    for i, j in pool_windows_containing(step, p, r, c):
        m, n = r - i * sh, c - j * sw
        d = _f(dP[p, i, j])
        values = A[p, i * sh:i * sh + k1, j * sw:j * sw + k2].copy()
        if kind == "max":
            flat = int(step.arrays["argmax"][p, i, j])
            won = flat == m * k2 + n
            share = d if won else 0.0
            parts.append({"window": (i, j), "delta": d, "share": share, "argmax": (flat // k2, flat % k2),
                          "won": won, "values": values, "position": (m, n)})
        elif kind == "avg":
            parts.append({"window": (i, j), "delta": d, "share": d / (k1 * k2), "values": values, "position": (m, n)})
        else:
            pv = _f(P[p, i, j])
            share = d * _f(A[p, r, c]) / pv if pv != 0 else 0.0
            parts.append({"window": (i, j), "delta": d, "share": share, "pooled": pv, "values": values,
                          "position": (m, n)})
    return {"p": p, "r": r, "c": c, "kind": kind, "parts": parts, "sum": float(sum(x["share"] for x in parts)),
            "grad": _f(step.arrays["grad_input"][p, r, c])}


def conv_kernel_grad(step, p, c, m, n, top=8):
    """∂L/∂K_p,c[m, n] = Σ_i Σ_j δ_p[i, j] · I_c[i·Z_s + m, j·Z_s + n]: count, top terms, total."""
    x, d = step.arrays["input"], step.arrays["grad_output"]
    (sh, sw), (ph, pw) = step.meta["stride"], step.meta["padding"]
    h1, w1 = d.shape[1:]
    xp = np.pad(x[c], ((ph, ph), (pw, pw)))
    pixels = xp[m:m + sh * (h1 - 1) + 1:sh, n:n + sw * (w1 - 1) + 1:sw]
    products = d[p] * pixels
    s = _f(products.sum())
    terms = [{"i": k // w1, "j": k % w1, "row": (k // w1) * sh + m - ph, "col": (k % w1) * sw + n - pw,
              "delta": _f(d[p].flat[k]), "x": _f(pixels.flat[k]), "product": v}
             for k, v in _top(products, lambda k: k, top)]
    return {"p": p, "c": c, "m": m, "n": n, "n_terms": int(products.size),
            "n_nonzero": int(np.count_nonzero(products)), "terms": terms,
            "rest": s - sum(t["product"] for t in terms), "sum": s, "grad": _f(step.arrays["grad_W"][p, c, m, n])}


def conv_input_grad(step, c, r, s, top=8):
    """∂L/∂I_c[r, s] = Σ δ_p[i, j] · K_p,c[m, n] over every (p, i, j) whose window put (r, s) under (m, n)."""
    W, d = step.arrays["W"], step.arrays["grad_output"]
    (sh, sw), (ph, pw) = step.meta["stride"], step.meta["padding"]
    k1, k2 = step.meta["kernel_size"]
    h1, w1 = d.shape[1:]
    rows, prods = [], []
    for m in range(k1):
        i, rem = divmod(r + ph - m, sh)
        if rem or not 0 <= i < h1:
            continue
        for n in range(k2):
            j, rem = divmod(s + pw - n, sw)
            if rem or not 0 <= j < w1:
                continue
            for p in range(W.shape[0]):
                rows.append((p, i, j, m, n))
                prods.append(d[p, i, j] * W[p, c, m, n])
    prods = np.array(prods, dtype=float)
    total = float(prods.sum()) if prods.size else 0.0
    terms = [{"p": rows[k][0], "i": rows[k][1], "j": rows[k][2], "m": rows[k][3], "n": rows[k][4],
              "delta": _f(d[rows[k][:3]]), "w": _f(W[rows[k][0], c, rows[k][3], rows[k][4]]), "product": v}
             for k, v in _top(prods, lambda k: k, top)] if prods.size else []
    return {"c": c, "r": r, "s": s, "n_terms": len(rows), "terms": terms,
            "rest": total - sum(t["product"] for t in terms), "sum": total,
            "grad": _f(step.arrays["grad_input"][c, r, s])}


# ---- update ---------------------------------------------------------------------------
def update_element(step, index):
    """θ ← θ − α · ∂L/∂θ for one parameter element."""
    index = tuple(index)
    before, grad, after = (_f(step.arrays[k][index]) for k in ("before", "grad", "after"))
    lr = float(step.meta["lr"])
    return {"index": index, "before": before, "grad": grad, "lr": lr, "step": lr * grad,
            "computed": before - lr * grad, "after": after}


def rerun_element(step, i):
    """Class i's probability before and after the update, and the loss before and after."""
    b, a = step.arrays["probs_before"], step.arrays["probs_after"]
    b, a = b.reshape(-1), a.reshape(-1)
    return {"i": i, "before": _f(b[i]), "after": _f(a[i]), "loss_before": _f(step.arrays["loss_before"]),
            "loss_after": _f(step.arrays["loss_after"])}


# ---- dispatch -------------------------------------------------------------------------
def explain(step, stage, index, maps_shape=None):
    """What `step` says about element `index` of pipeline stage `stage`: (kind, data) or None.

    stage: a StageId (or its name) of the pipeline ("conv1.feature_maps", "dense1.z",
    "conv1.kernels", ...) or a parameter for weight heat maps ("dense1.W"). Map indices are
    (p, i, j), vectors (k,), kernels (p, c, m, n), dense weights (j, i), loss (). maps_shape:
    the (D, Hp, Wp) shape that was flattened, so a dense layer reading it can say where each
    input came from.
    """
    stage = StageId.parse(stage)
    op, idx, own = step.op, tuple(int(v) for v in index), step.stage
    K = StageKind
    kind = stage.kind
    flat = maps_shape if maps_shape is not None and step.arrays.get("input", np.empty(0)).size == \
        int(np.prod(maps_shape)) and op in (OpKind.DENSE, OpKind.DENSE_DW, OpKind.DENSE_DB, OpKind.DENSE_DX) else None
    in_layer = stage.layer == step.layer
    if op == OpKind.INPUT and kind == K.INPUT and len(idx) == 3:
        return "input_pixel", {"index": idx, "value": _f(step.arrays["output"][idx])}
    if op == OpKind.CONV and stage == own:
        return "conv_pixel", conv_pixel(step, *idx)
    if op == OpKind.ACTIVATION and stage in (own, *step.reads):
        return "activation", activation_element(step, idx)
    if op == OpKind.POOL and stage == own:
        return "pool_window", pool_window(step, *idx)
    if op == OpKind.POOL and in_layer and kind in (K.ACTIVATED, K.FEATURE_MAPS):   # the window holding that value
        wins = pool_windows_containing(step, *idx)
        return ("pool_window", pool_window(step, idx[0], *wins[0])) if wins else None
    if op == OpKind.FLATTEN and kind == K.FLATTEN:
        return "flatten", flatten_index(step, idx[0])
    if op == OpKind.DENSE and stage == own:
        return "dense_unit", dense_unit(step, idx[0], maps_shape=flat)
    if op == OpKind.OUTPUT and stage == own:
        return "softmax", softmax_element(step, idx[0])
    if op == OpKind.LOSS and (stage == own or stage in step.reads):
        return "loss", loss_terms(step, idx[0] if idx else None)
    if op == OpKind.LOSS_GRAD and stage == own:
        return "loss_grad", loss_grad_element(step, idx[0])
    if op == OpKind.OUTPUT_GRAD and (stage == own or stage in step.reads):
        return "output_grad", output_grad_element(step, idx[0])
    if op == OpKind.DENSE_DW and stage == own:
        return "dense_weight_grad", dense_weight_grad(step, *idx, maps_shape=flat)
    if op == OpKind.DENSE_DB and (stage == own or stage in step.writes):
        return "bias_grad", bias_grad(step, idx[0])
    if op == OpKind.DENSE_DX and stage == own:
        return "dense_input_grad", dense_input_grad(step, idx[0])
    if op == OpKind.ACTIVATION_GRAD and (stage == own or stage in step.reads):
        return "activation_grad", activation_grad_element(step, idx)
    if op == OpKind.UNFLATTEN and stage == own:
        return "unflatten", unflatten_element(step, *idx)
    if op == OpKind.POOL_GRAD and (stage == own or (in_layer and kind == K.FEATURE_MAPS)):
        return "pool_grad", pool_grad_routing(step, *idx)
    if op == OpKind.CONV_DK and stage in step.writes:
        return "conv_kernel_grad", conv_kernel_grad(step, *idx)
    if op == OpKind.CONV_DB and (stage == own or stage in step.writes or stage in step.reads):
        return "bias_grad", bias_grad(step, idx[0])
    if op == OpKind.CONV_DX and stage == own:
        return "conv_input_grad", conv_input_grad(step, *idx)
    if op == OpKind.UPDATE:
        if own.kind == K.BIAS and in_layer and kind in (K.KERNELS, K.FEATURE_MAPS, K.Z):
            return "update", update_element(step, idx[:1])
        if stage == _param_stage(own) and len(idx) == step.arrays["before"].ndim:
            return "update", update_element(step, idx)
    if op == OpKind.RERUN and (stage == own or stage in step.reads):
        return "rerun", rerun_element(step, idx[0] if idx else int(np.argmax(step.arrays["probs_after"])))
    return None


def _param_stage(key):
    """The stage a parameter's element is selected in: conv kernels, dense weights, biases."""
    if key.kind == StageKind.WEIGHTS and key.layer.startswith("conv"):
        return key.sibling(StageKind.KERNELS)
    return key
