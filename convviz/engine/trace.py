"""The record of one training iteration: an ordered list of Steps, one per operation.

Op kinds and stage identities are types (`OpKind`, `StageId`), not text: each Step says which
stages it reads and which it writes, and the Trace carries the network's stages in pipeline
order, so a view never re-derives the topology from names.
"""

from dataclasses import dataclass, field
from enum import Enum

import numpy as np

PHASES = ("forward", "loss", "backward", "update")

# Arrays named so belong to parameters, not to the batch: they keep their shape when a
# single image's trace drops the batch axis.
PARAMETER_ARRAYS = frozenset({"W", "b", "grad_W", "grad_b", "before", "grad", "delta", "after"})


class OpKind(str, Enum):
    """What a Step computes. The value is the op's stable name (CLI output, exported files)."""

    INPUT = "input"
    CONV = "conv"
    ACTIVATION = "activation"
    POOL = "pool"
    FLATTEN = "flatten"
    DENSE = "dense"
    OUTPUT = "output"
    LOSS = "loss"
    LOSS_GRAD = "loss_grad"
    OUTPUT_GRAD = "output_grad"
    DENSE_DW = "dense_dW"
    DENSE_DB = "dense_db"
    DENSE_DX = "dense_dx"
    ACTIVATION_GRAD = "activation_grad"
    UNFLATTEN = "unflatten"
    POOL_GRAD = "pool_grad"
    CONV_DK = "conv_dK"
    CONV_DB = "conv_db"
    CONV_DX = "conv_dX"
    UPDATE = "update"
    RERUN = "rerun"

    # Printed and formatted as the bare name ("conv_dK"), on every Python version.
    __str__ = str.__str__
    __format__ = str.__format__


class StageKind(str, Enum):
    """What a stage holds: a pipeline column (maps, vectors, the loss) or a parameter."""

    INPUT = "input"
    KERNELS = "kernels"
    FEATURE_MAPS = "feature_maps"
    ACTIVATED = "activated"
    POOLED = "pooled"
    FLATTEN = "flatten"
    Z = "z"
    A = "a"
    PROBS = "probs"
    LOSS = "loss"
    WEIGHTS = "W"
    BIAS = "b"

    __str__ = str.__str__
    __format__ = str.__format__


# Stages that are a layer of their own: their name is the kind alone ("input", not "input.input").
_SOLO = (StageKind.INPUT, StageKind.FLATTEN, StageKind.LOSS)


@dataclass(frozen=True)
class StageId:
    """One stage of the network: the layer it belongs to and what it holds.

    `name` is its stable text ("conv1.feature_maps", "dense1.W", "input"), used for parameter
    keys and file names; program logic compares StageIds, never names.
    """

    layer: str
    kind: StageKind

    def __post_init__(self):
        object.__setattr__(self, "kind", StageKind(self.kind))

    @classmethod
    def solo(cls, kind):
        """The input, flatten or loss stage."""
        kind = StageKind(kind)
        return cls(kind.value, kind)

    @classmethod
    def parse(cls, name):
        """The StageId of a name ("conv1.pooled", "loss"); ValueError for anything else."""
        if isinstance(name, StageId):
            return name
        layer, dot, kind = str(name).partition(".")
        try:
            if not dot:
                sid = cls.solo(layer)
                return sid
            return cls(layer, StageKind(kind))
        except ValueError:
            raise ValueError(f"not a stage name: {name!r}") from None

    @property
    def name(self):
        return self.kind.value if self.kind in _SOLO else f"{self.layer}.{self.kind.value}"

    @property
    def is_parameter(self):
        return self.kind in (StageKind.WEIGHTS, StageKind.BIAS)

    def sibling(self, kind):
        """Another stage of the same layer (conv1.feature_maps -> conv1.activated)."""
        return StageId(self.layer, kind)

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class Stage:
    """A stage of the pipeline: its identity, the op kind that fills it, its shape (no batch axis)."""

    id: StageId
    op: OpKind
    shape: tuple


@dataclass
class Step:
    """One recorded operation.

    index: position in the trace; phase: forward, loss, backward or update; op: the OpKind;
    layer: conv1, dense1, out, ...; stage: the StageId the step fills or overlays (a parameter
    for gradients and updates of weights and biases); reads / writes: the pipeline stages the
    step reads and the ones it writes (a parameter's gradient or update is written to the stage
    that shows it: conv kernels, a dense layer's z); equation: the paper's notation as plain
    Unicode (titles and explanations for learners are the GUI's, keyed by op); arrays: copies of the inputs,
    outputs and gradients ("input", "output", "W", "b", "grad_output" for the incoming δ,
    "grad_input", "grad_W", "grad_b", ...; the rerun step also has "after/<stage name>", each
    stage's values when the same input is run forward with the updated parameters); meta:
    stride, padding, sizes and such.
    """

    index: int
    phase: str
    op: OpKind
    layer: str
    stage: StageId
    equation: str
    arrays: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    reads: tuple = ()
    writes: tuple = ()

    @property
    def is_gradient(self):
        # The rerun closes the update phase with values (the forward pass after it), not gradients.
        return (self.phase in ("backward", "update") and self.op != OpKind.RERUN) or self.op == OpKind.LOSS_GRAD

    @property
    def target(self):
        """The pipeline stage this step writes (None if it writes none)."""
        return self.writes[0] if self.writes else None

    def main_array(self):
        """The array the step is about: its output forward, the gradient it produced backward."""
        for key in ("grad_input", "grad_W", "grad_b", "after", "output", "probs_after"):
            if key in self.arrays:
                return self.arrays[key]
        return None


@dataclass
class Trace:
    """Steps of one iteration plus its results: loss, ŷ, gradients and the effect of the update.

    stages: the network's Stages in pipeline order (input to loss).
    """

    steps: list
    label: object
    lr: float
    loss: float
    probs: np.ndarray
    grads: dict
    loss_after: float
    probs_after: np.ndarray
    params_after: dict
    stages: tuple = ()

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
        op = OpKind(op)
        return next(s for s in self.steps if s.op == op and (layer is None or s.layer == layer))

    def stage(self, sid):
        """The Stage with id `sid` (None if the network has none)."""
        return next((s for s in self.stages if s.id == sid), None)


class Recorder:
    """Collects step dicts during a run; copies arrays so later updates cannot change them.

    An array that several steps show (a weight matrix in its forward, backward and update
    steps) is copied once and shared by them: the copies of the default network's 64 × 1152
    weights were most of a trace's time (page faults of fresh megabytes). `copies` may be
    shared with another recorder of the same trace (the rerun after the update).
    """

    def __init__(self, single, copies=None):
        self.single = single
        self.steps = []
        self.copies = {} if copies is None else copies   # id(source) -> (source, its copy)

    def own(self, arrays):
        """Record these arrays as they are, uncopied: ones the trace made itself and hands out
        only in the trace (the update's Δ and θ after it), which nothing changes later."""
        for arr in arrays:
            self.copies[id(arr)] = (arr, arr)

    def _copy(self, arr):
        if not isinstance(arr, np.ndarray):
            return np.array(arr, copy=True)
        hit = self.copies.get(id(arr))
        if hit is not None and hit[0] is arr:      # the source is kept, so its id is not reused
            return hit[1]
        copy = np.array(arr, copy=True)
        self.copies[id(arr)] = (arr, copy)
        return copy

    def add(self, phase, entries):
        for entry in entries:
            arrays = {}
            for name, arr in entry.pop("arrays").items():
                arr = self._copy(arr)
                if self.single and name not in PARAMETER_ARRAYS and arr.ndim >= 1:
                    arr = arr[0]
                arrays[name] = arr
            self.steps.append(Step(index=len(self.steps), phase=phase, arrays=arrays, **entry))
