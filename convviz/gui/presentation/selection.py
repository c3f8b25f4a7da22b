"""What a selection outlines (no Qt): the selected element and, from `explain`'s coordinates, the
elements it depends on (a receptive field, a pooling window, the inputs of a unit), as rectangles
on the stages the engine recorded (Step.reads / Step.writes)."""

from convviz.engine import OpKind
from convviz.gui.presentation import palette


def selection_markers(trace, step, selection, explanation, shown_stages):
    """Rectangles to outline at `step`: [(stage, index, rows, cols, colour)], the selected element
    (if its stage is among `shown_stages`) and, from explain's (kind, data), what it depends on.
    rows/cols: the extent in elements from `index`, e.g. a receptive field (0, k1), (0, k2)."""
    if selection is None:
        return []
    stage, index = selection
    sel, out = palette.SELECT, []
    if stage in shown_stages and len(index):
        out.append((stage, index, (0, 1), (0, 1), sel))
    if explanation is None:
        return out
    kind, d = explanation
    if kind == "conv_pixel":
        r0, c0, r1, c1 = d["receptive_field"]
        src, kernels = step.reads
        for c in range(step.arrays["input"].shape[0]):
            out.append((src, (c, r0, c0), (0, r1 - r0), (0, c1 - c0), palette.HIGHLIGHT))
        w = step.arrays["W"]
        out.append((kernels, (d["p"], 0, 0, 0), (0, w.shape[2]),
                    (0, w.shape[1] * (w.shape[3] + 1) - 1), palette.HIGHLIGHT))
    elif kind == "pool_window":
        r0, c0 = d["origin"]
        k1, k2 = d["size"]
        a = step.reads[0]
        out.append((a, (d["p"], r0, c0), (0, k1), (0, k2), palette.HIGHLIGHT))
        out.append((step.stage, (d["p"], d["i"], d["j"]), (0, 1), (0, 1), palette.HIGHLIGHT))
        if d["argmax"] is not None:
            out.append((a, (d["p"], r0 + d["argmax"][0], c0 + d["argmax"][1]), (0, 1), (0, 1), sel))
    elif kind == "pool_grad":
        for part in d["parts"]:
            out.append((step.reads[0], (d["p"], *part["window"]), (0, 1), (0, 1), palette.HIGHLIGHT))
    elif kind in ("dense_unit",):
        out += [(step.reads[0], (t["i"],), (0, 1), (0, 1), palette.HIGHLIGHT) for t in d["terms"]]
        pooled = _pooled_stage(trace)
        out += [(pooled, t["source"], (0, 1), (0, 1), palette.HIGHLIGHT)
                for t in d["terms"] if t.get("source") is not None and pooled is not None]
    elif kind == "dense_weight_grad":            # W_ji joins input i to unit j: outline both
        fwd = next((s for s in trace if s.op == OpKind.DENSE and s.layer == step.layer), None)
        out.append((step.target, (d["j"],), (0, 1), (0, 1), palette.HIGHLIGHT))
        if fwd is not None:
            out.append((fwd.reads[0], (d["i"],), (0, 1), (0, 1), palette.HIGHLIGHT))
        if d.get("source") is not None:
            out.append((_pooled_stage(trace), d["source"], (0, 1), (0, 1), palette.HIGHLIGHT))
    elif kind == "flatten":                     # where the vector element came from
        out.append((_pooled_stage(trace), (d["p"], d["i"], d["j"]), (0, 1), (0, 1), palette.HIGHLIGHT))
    elif kind == "conv_kernel_grad":
        maps, src = step.reads
        for t in d["terms"]:
            out.append((src, (d["c"], t["row"], t["col"]), (0, 1), (0, 1), palette.HIGHLIGHT))
            out.append((maps, (d["p"], t["i"], t["j"]), (0, 1), (0, 1), palette.HIGHLIGHT))
    return out


def _pooled_stage(trace):
    """The stage the flatten step read (the last conv block's pooled or activated maps)."""
    flat = next((s for s in trace if s.op == OpKind.FLATTEN), None)
    return flat.reads[0] if flat is not None else None
