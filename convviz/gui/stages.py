"""The pipeline's stages as data: one Column per stage, derived from a trace's forward steps,
with every step's value or gradient for it. Pure Python/NumPy (no Qt), so it can be tested alone."""

import numpy as np

from .mosaic import Strip, Tiling, best_rows


class Column:
    """One pipeline stage: its title, its tiling, and its value/gradient events over the trace."""

    def __init__(self, stage, kind, shape, title, forward_index, aspect=3.0):
        self.stage, self.kind, self.shape, self.title = stage, kind, tuple(shape), title
        self.forward_index = forward_index
        if kind == "kernels":
            d, c, k1, k2 = shape
            # one kernel per row, its input channels side by side (a 4x4 grid of wide tiles is unreadable)
            self.tiling = Tiling(d, k1, k2, channels=c, kernel_index=True,
                                 max_rows=best_rows(d, aspect) if c == 1 else d)
        elif kind == "maps":
            self.tiling = Tiling(*shape, max_rows=best_rows(shape[0], aspect))
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


def build_columns(trace, aspect=3.0):
    """The pipeline's columns for a trace, with every step's contribution to each of them.

    aspect: height / width of a map column, to tile its maps as large as they can be.
    """
    cols, by_stage = [], {}

    def Col(*args):
        return Column(*args, aspect=aspect)

    def add(col):
        cols.append(col)
        by_stage[col.stage] = col

    for s in trace:
        if s.phase != "forward":
            break
        out = s.arrays.get("output")
        if s.op == "input":
            add(Col("input", "maps", out.shape, f"<b>input</b><br>image I<br>{out.shape[1]} × {out.shape[2]}", s.index))
        elif s.op == "conv":
            d, c, k1, k2 = s.arrays["W"].shape
            add(Col(f"{s.layer}.kernels", "kernels", s.arrays["W"].shape,
                       f"<b>{s.layer}</b><br>{d} kernels<br>{k1} × {k2}" + (f" × {c}" if c > 1 else ""), s.index))
            by_stage[f"{s.layer}.kernels"].values.append((s.index, s.arrays["W"]))
            d, h, w = out.shape
            add(Col(s.stage, "maps", out.shape, f"<b>{s.layer}</b><br>feature maps<br>{h} × {w} × {d}", s.index))
        elif s.op == "activation":
            name = s.meta.get("activation", "σ")
            if out.ndim == 3:
                d, h, w = out.shape
                add(Col(s.stage, "maps", out.shape, f"<b>{s.layer}</b><br>{name}<br>{h} × {w} × {d}", s.index))
            else:
                add(Col(s.stage, "vector", out.shape, f"<b>{s.layer}</b><br>a = {name}<br>{out.size}", s.index))
        elif s.op == "pool":
            d, h, w = out.shape
            add(Col(s.stage, "maps", out.shape, f"<b>{s.layer}</b><br>{s.meta['pool']} pool<br>{h} × {w} × {d}",
                       s.index))
        elif s.op == "flatten":
            add(Col("flatten", "vector", out.shape, f"<b>flatten</b><br>a⁰<br>{out.size}", s.index))
        elif s.op == "dense":
            add(Col(s.stage, "vector", out.shape, f"<b>{s.layer}</b><br>z<br>{out.size}", s.index))
        elif s.op == "output":
            add(Col(s.stage, "probs", out.shape, f"<b>output</b><br>{s.meta.get('activation', '')} ŷ<br>{out.size} classes",
                       s.index))
        if out is not None and s.stage in by_stage:
            by_stage[s.stage].values.append((s.index, out))
    loss = trace.find("loss")
    add(Col("loss", "loss", (), "<b>loss</b><br>L<br> ", loss.index))
    by_stage["loss"].values.append((loss.index, loss.arrays["output"]))
    for s in trace.steps[loss.index + 1:]:
        target = target_stage(s)
        if s.op == "update":
            if s.stage.endswith(".W") and target in by_stage and by_stage[target].kind == "kernels":
                by_stage[target].values.append((s.index, s.arrays["after"]))
                by_stage[target].grads.append((s.index, s.arrays["grad"]))
            continue
        if s.op == "rerun":
            # Every stage as the updated network computes it for the same input.
            for col in cols:
                after = s.arrays.get(f"after/{col.stage}")
                if after is not None and np.shape(after) == col.shape:
                    col.values.append((s.index, after))
            by_stage["loss"].values.append((s.index, s.arrays["loss_after"]))
            continue
        grad = s.arrays.get("grad_W") if s.op == "conv_dK" else s.arrays.get("grad_input")
        if s.op == "dense_db":
            grad = s.arrays["grad_b"]
        col = by_stage.get(target)
        if grad is not None and col is not None and col.tiling is not None and np.shape(grad) == col.shape:
            col.grads.append((s.index, grad))
    return cols


def target_stage(step):
    """The pipeline column a step writes (its value forward, its gradient backward)."""
    op, layer = step.op, step.layer
    if step.phase == "forward" or op == "loss":
        return step.stage
    if op in ("conv_dK", "conv_db") or (op == "update" and layer.startswith("conv")):
        return f"{layer}.kernels"
    if op in ("dense_dW", "dense_db", "update"):
        return f"{layer}.z"
    if op == "rerun":
        return "loss"
    return step.stage


def source_stages(trace, step):
    """Columns the step reads: its input forward; backward, where its incoming δ (and input) live."""
    op, layer = step.op, step.layer
    if op == "conv":
        return [step.meta["input_stage"], f"{layer}.kernels"]
    if step.phase == "forward" and step.index > 0:
        return [trace[step.index - 1].stage]
    if op in ("loss", "rerun"):
        return ["out.probs"]
    if op == "loss_grad":
        return ["loss"]
    if op == "output_grad":
        return ["out.probs"]
    if op == "conv_dK":
        return [f"{layer}.feature_maps", step.meta["input_stage"]]
    if op in ("conv_db", "conv_dX"):
        return [f"{layer}.feature_maps"] + ([f"{layer}.kernels"] if op == "conv_dX" else [])
    if op in ("dense_dW", "dense_db", "dense_dx"):
        z = f"{layer}.z"
        return [z]
    if op == "activation_grad":
        kind = step.stage.partition(".")[2]
        return [step.stage.replace(".feature_maps", ".activated") if kind == "feature_maps" else f"{layer}.a"]
    if op == "pool_grad":
        return [f"{layer}.pooled"]
    if op == "unflatten":
        return ["flatten"]
    if op == "update":
        return []
    return []


def structure_key(trace):
    """Equal for traces whose pipelines look the same (so the widgets can be reused)."""
    return tuple((s.op, s.stage, tuple(np.shape(s.arrays.get("output", ()))), tuple(np.shape(s.arrays.get("W", ()))))
                 for s in trace if s.phase == "forward")
