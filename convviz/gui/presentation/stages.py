"""The pipeline's stages as data: one Column per stage, derived from a trace's forward steps,
with every step's value or gradient for it. Pure Python/NumPy (no Qt), so it can be tested alone."""

import numpy as np

from convviz.engine import OpKind, StageId, StageKind
from convviz.gui.presentation import names
from convviz.gui.presentation.catalogue import QT_TRANSLATE_NOOP
from convviz.gui.presentation.mosaic import Strip, Tiling, kernel_rows, shared_rows

#: The input column is at most this many times as wide as a map column would be if every map
#: column shared the spare width alike (on a large screen the others widen too).
INPUT_MAX_SHARE = 1.6


def input_width(shape, height, least, spare, n_maps=1):
    """The input column's width in pixels: `least` (a map column's minimum) plus as much of
    `spare` (the width the pipeline has beyond every column's minimum) as its picture (C, H, W)
    can use in a column `height` pixels tall (a 28 × 28 digit was ~64 px in a 320 px column), at
    most INPUT_MAX_SHARE times a map column's width were the n_maps columns to share it alike."""
    _, h, w = shape
    spare = max(0, spare)
    most = INPUT_MAX_SHARE * (least + spare / max(1, n_maps))
    return int(max(least, min(least + spare, height * w / h, most)))


class Column:
    """One pipeline stage: its title, its tiling, and its value/gradient events over the trace."""

    def __init__(self, stage, kind, shape, title, forward_index, aspect=3.0, partner=None):
        self.stage, self.kind, self.shape, self.title = stage, kind, tuple(shape), title
        self.forward_index = forward_index
        if kind == "kernels":
            d, c, k1, k2 = shape
            # with channels: each kernel a wide tile of its channels side by side, in the grid that
            # makes a weight largest in the column (one kernel per row in a tall one)
            self.tiling = Tiling(d, k1, k2, channels=c, kernel_index=True,
                                 max_rows=shared_rows(d, (aspect, partner)) if c == 1
                                 else kernel_rows(d, c, k1, k2, (aspect,)))
        elif kind == "maps":
            self.tiling = Tiling(*shape, max_rows=shared_rows(shape[0], (aspect, partner)))
        elif kind in ("vector", "probs"):
            self.tiling = Strip(shape[0])
        else:
            self.tiling = None
        self.values, self.grads = [], []          # [(step index, array)] in step order

    def latest(self, events, index):
        found = None
        for i, a in events:
            if i > index:
                break
            found = (i, a)
        return found



# Column headings: English templates in the catalogue's translation context.
TITLES = {
    "input": QT_TRANSLATE_NOOP("catalogue", "<b>input</b><br>image I<br>{h} × {w}"),
    "kernels": QT_TRANSLATE_NOOP("catalogue", "<b>{layer}</b><br>{d} kernels<br>{size}"),
    "feature maps": QT_TRANSLATE_NOOP("catalogue", "<b>{layer}</b><br>feature maps<br>{h} × {w} × {d}"),
    "activated": QT_TRANSLATE_NOOP("catalogue", "<b>{layer}</b><br>{activation}<br>{h} × {w} × {d}"),
    "activated vector": QT_TRANSLATE_NOOP("catalogue", "<b>{layer}</b><br>a = {activation}<br>{n}"),
    "pooled": QT_TRANSLATE_NOOP("catalogue", "<b>{layer}</b><br>{pool} pool<br>{h} × {w} × {d}"),
    "flatten": QT_TRANSLATE_NOOP("catalogue", "<b>flatten</b><br>a⁰<br>{n}"),
    "z": QT_TRANSLATE_NOOP("catalogue", "<b>{layer}</b><br>z<br>{n}"),
    "output": QT_TRANSLATE_NOOP("catalogue", "<b>output</b><br>{activation} ŷ<br>{n} classes"),
    "loss": QT_TRANSLATE_NOOP("catalogue", "<b>loss</b><br>L<br> "),
}


def _same(text):
    return text


def build_columns(trace, aspect=3.0, translate=_same, partner=None):
    """The pipeline's columns for a trace, with every step's contribution to each of them.

    aspect: height / width of a map column, to tile its maps as large as they can be; partner:
    that of the big view, which draws a stage's maps in the same grid (one grid per stage). Which
    column a step fills is the stage it writes (Step.writes), as the engine recorded it.
    translate: the view's translator for the column titles.
    """
    cols, by_stage = [], {}

    def title(key, **fields):
        return translate(TITLES[key]).format(**fields)

    def Col(*args):
        return Column(*args, aspect=aspect, partner=partner)

    def add(col):
        cols.append(col)
        by_stage[col.stage] = col

    for s in trace:
        if s.phase != "forward":
            break
        out = s.arrays.get("output")
        if s.op == OpKind.INPUT:
            add(Col(s.stage, "maps", out.shape, title("input", h=out.shape[1], w=out.shape[2]), s.index))
        elif s.op == OpKind.CONV:
            d, c, k1, k2 = s.arrays["W"].shape
            kernels = StageId(s.layer, StageKind.KERNELS)
            size = f"{k1} × {k2}" + (f" × {c}" if c > 1 else "")
            add(Col(kernels, "kernels", s.arrays["W"].shape, title("kernels", layer=s.layer, d=d, size=size), s.index))
            by_stage[kernels].values.append((s.index, s.arrays["W"]))
            d, h, w = out.shape
            add(Col(s.stage, "maps", out.shape, title("feature maps", layer=s.layer, h=h, w=w, d=d), s.index))
        elif s.op == OpKind.ACTIVATION:
            name = names.name("activation", s.meta.get("activation", "σ"), translate)
            if out.ndim == 3:
                d, h, w = out.shape
                add(Col(s.stage, "maps", out.shape,
                        title("activated", layer=s.layer, activation=name, h=h, w=w, d=d), s.index))
            else:
                add(Col(s.stage, "vector", out.shape,
                        title("activated vector", layer=s.layer, activation=name, n=out.size), s.index))
        elif s.op == OpKind.POOL:
            d, h, w = out.shape
            pool = names.name("pool", s.meta["pool"], translate)
            add(Col(s.stage, "maps", out.shape, title("pooled", layer=s.layer, pool=pool, h=h, w=w, d=d), s.index))
        elif s.op == OpKind.FLATTEN:
            add(Col(s.stage, "vector", out.shape, title("flatten", n=out.size), s.index))
        elif s.op == OpKind.DENSE:
            add(Col(s.stage, "vector", out.shape, title("z", layer=s.layer, n=out.size), s.index))
        elif s.op == OpKind.OUTPUT:
            add(Col(s.stage, "probs", out.shape,
                    title("output", activation=names.name("activation", s.meta.get("activation", ""), translate),
                          n=out.size), s.index))
        if out is not None and s.stage in by_stage:
            by_stage[s.stage].values.append((s.index, out))
    loss = trace.find(OpKind.LOSS)
    add(Col(loss.stage, "loss", (), title("loss"), loss.index))
    by_stage[loss.stage].values.append((loss.index, loss.arrays["output"]))
    for s in trace.steps[loss.index + 1:]:
        col = by_stage.get(s.target)
        if s.op == OpKind.UPDATE:
            if s.stage.kind == StageKind.WEIGHTS and col is not None and col.kind == "kernels":
                col.values.append((s.index, s.arrays["after"]))
                col.grads.append((s.index, s.arrays["grad"]))
            continue
        if s.op == OpKind.RERUN:
            # Every stage as the updated network computes it for the same input.
            for c in cols:
                after = s.arrays.get(f"after/{c.stage.name}")
                if after is not None and np.shape(after) == c.shape:
                    c.values.append((s.index, after))
            col.values.append((s.index, s.arrays["loss_after"]))
            continue
        grad = s.arrays.get("grad_W") if s.op == OpKind.CONV_DK else s.arrays.get("grad_input")
        if s.op == OpKind.DENSE_DB:
            grad = s.arrays["grad_b"]
        if grad is not None and col is not None and col.tiling is not None and np.shape(grad) == col.shape:
            col.grads.append((s.index, grad))
    return cols


def structure_key(trace):
    """Equal for traces whose pipelines look the same (so the widgets can be reused)."""
    return tuple((s.op, s.stage, tuple(np.shape(s.arrays.get("output", ()))), tuple(np.shape(s.arrays.get("W", ()))))
                 for s in trace if s.phase == "forward")
