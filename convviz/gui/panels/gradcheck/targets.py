"""Which gradient a selected element has (no Qt): a kernel weight, a bias, a dense weight, an input
pixel or a stage's δ, as the (key, index) that `gradcheck.check_element` checks."""

from convviz.engine import StageKind

#: Pipeline stages whose δ = ∂L/∂(stage) can be checked by nudging that value inside the run.
HIDDEN = (StageKind.FEATURE_MAPS, StageKind.ACTIVATED, StageKind.POOLED, StageKind.FLATTEN, StageKind.Z,
          StageKind.A, StageKind.PROBS)

#: The phases at which a gradient has been computed and "Check this element" is offered.
PHASES = ("backward", "update")


def check_target(stage, index):
    """(key, index) for check_element from a selection (a StageId and an index), or None for the
    loss (∂L/∂L = 1 needs no check) and anything else without a gradient."""
    index = tuple(int(i) for i in index)
    kind = stage.kind
    if kind == StageKind.INPUT and len(index) == 3:
        return "input", index[1:]           # one grayscale channel: x28 is (H, W)
    if kind == StageKind.KERNELS and len(index) == 4:
        return stage.sibling(StageKind.WEIGHTS).name, index
    if kind in (StageKind.WEIGHTS, StageKind.BIAS) and index:
        return stage.name, index
    if kind in HIDDEN and index:
        return stage.name, index
    return None


def can_check(step, selection):
    """True when `step` is a backward or update step and the selection has a gradient to check."""
    return step is not None and selection is not None and step.phase in PHASES and \
        check_target(*selection) is not None
