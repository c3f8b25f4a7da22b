"""The record of one training iteration: an ordered list of Steps, one per operation."""

from dataclasses import dataclass, field

import numpy as np

PHASES = ("forward", "loss", "backward", "update")

# Arrays named so belong to parameters, not to the batch: they keep their shape when a
# single image's trace drops the batch axis.
PARAMETER_ARRAYS = frozenset({"W", "b", "grad_W", "grad_b", "before", "grad", "after"})


@dataclass
class Step:
    """One recorded operation.

    index: position in the trace; phase: forward, loss, backward or update; op: the op kind
    (conv, activation, pool, flatten, dense, output, loss, loss_grad, output_grad, dense_dW,
    dense_db, dense_dx, activation_grad, unflatten, pool_grad, conv_dK, conv_db, conv_dX,
    update, rerun, input); layer: conv1, dense1, out, ...; stage: the pipeline stage (or
    parameter key) the step fills or overlays; equation: the paper's notation as plain
    Unicode; about: what the op does and why, for a learner; arrays: copies of the inputs,
    outputs and gradients ("input", "output", "W", "b", "grad_output" for the incoming δ,
    "grad_input", "grad_W", "grad_b", ...; the rerun step also has "after/<stage>", each
    stage's values when the same input is run forward with the updated parameters); meta:
    stride, padding, sizes and such.
    """

    index: int
    phase: str
    op: str
    layer: str
    stage: str
    title: str
    equation: str
    about: str
    arrays: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    @property
    def is_gradient(self):
        # The rerun closes the update phase with values (the forward pass after it), not gradients.
        return (self.phase in ("backward", "update") and self.op != "rerun") or self.op == "loss_grad"

    def main_array(self):
        """The array the step is about: its output forward, the gradient it produced backward."""
        for key in ("grad_input", "grad_W", "grad_b", "after", "output", "probs_after"):
            if key in self.arrays:
                return self.arrays[key]
        return None


@dataclass
class Trace:
    """Steps of one iteration plus its results: loss, ŷ, gradients and the effect of the update."""

    steps: list
    label: object
    lr: float
    loss: float
    probs: np.ndarray
    grads: dict
    loss_after: float
    probs_after: np.ndarray
    params_after: dict

    def __len__(self):
        return len(self.steps)

    def __getitem__(self, i):
        return self.steps[i]

    def __iter__(self):
        return iter(self.steps)

    def phase_start(self, phase):
        """Index of the first step of `phase`."""
        return next(s.index for s in self.steps if s.phase == phase)

    def find(self, op, layer=None):
        """The first step of kind `op` (and `layer`, if given)."""
        return next(s for s in self.steps if s.op == op and (layer is None or s.layer == layer))


class Recorder:
    """Collects step dicts during a run; copies arrays so later updates cannot change them."""

    def __init__(self, single):
        self.single = single
        self.steps = []

    def add(self, phase, entries):
        for entry in entries:
            arrays = {}
            for name, arr in entry.pop("arrays").items():
                arr = np.array(arr, copy=True)
                if self.single and name not in PARAMETER_ARRAYS and arr.ndim >= 1:
                    arr = arr[0]
                arrays[name] = arr
            self.steps.append(Step(index=len(self.steps), phase=phase, arrays=arrays, **entry))
