"""What a selection outlines (no Qt): the selected element and, from `explain`'s coordinates, the
elements it depends on (a receptive field, a pooling window, the inputs of a unit), as rectangles
on the stages the engine recorded (Step.reads / Step.writes); each op's outlines live with it in
presentation/ops."""

from convviz.gui.presentation import palette
from convviz.gui.presentation.ops import OUTLINES


def selection_markers(trace, step, selection, explanation, shown_stages):
    """Rectangles to outline at `step`: [(stage, index, rows, cols, colour)], the selected element
    (if its stage is among `shown_stages`) and, from explain's (kind, data), what it depends on.
    rows/cols: the extent in elements from `index`, e.g. a receptive field (0, k1), (0, k2)."""
    if selection is None:
        return []
    stage, index = selection
    out = []
    if stage in shown_stages and len(index):
        out.append((stage, index, (0, 1), (0, 1), palette.SELECT))
    if explanation is None:
        return out
    kind, d = explanation
    outline = OUTLINES.get(kind)
    return out + outline(trace, step, d) if outline else out
