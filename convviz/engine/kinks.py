"""Where the loss has a corner: ReLU at 0, max-pool ties, |ŷ − y| at 0, read from a forward run.

A central difference (L(θ + ε) − L(θ − ε)) / 2ε only estimates a derivative where L is smooth
on [θ − ε, θ + ε]. The forward run here keeps, for every op with a corner, which side of it
each value is on (its "branches"); a nudge whose branches differ from the unnudged run's
crossed a corner, and its difference quotient measures nothing.

Works through the ops' public `forward(x, params) -> (output, cache)` only (never a cache's
contents), so it stays right whatever the kernels compute inside.
"""

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import losses
from .ops import Activation, Pool

KINKED_ACTIVATIONS = ("relu", "leaky_relu", "elu")
KINKED_LOSSES = ("l1", "mae", "mape")

#: Values of one max-pool window this close (relative) are the same number computed two ways.
SAME_VALUE = 1e-12

WHY = {
    "relu": "ReLU has a corner at 0: its slope is 0 on the left and 1 on the right, so at 0 "
            "there is no single derivative and the two sides of the difference see different slopes.",
    "leaky_relu": "Leaky ReLU has a corner at 0: its slope is 0.01 on the left and 1 on the right, "
                  "so at 0 there is no single derivative.",
    "elu": "ELU's slope is 1 on both sides of 0 but its curvature jumps there, so a difference "
           "that straddles 0 is off by an amount of order ε instead of ε².",
    "max_pool_tie": "Two values of a max-pool window are (nearly) equal: a nudge decides which one "
                    "is the maximum, and the gradient goes to one or the other, so max has a corner there.",
    "l2_pool_zero": "An L2-pool window is (nearly) all zeros: √(Σ x²) has a cone point at 0 with no "
                    "derivative, and close to it its curvature 1/‖x‖ makes the central difference's "
                    "error, of order (ε/‖x‖)², too large to judge the gradient by.",
    "abs_loss": "|ŷ_i − y_i| has a corner where ŷ_i = y_i: slope −1 on one side, +1 on the other.",
}


@dataclass(frozen=True)
class Kink:
    """Values near a corner of the loss in one layer: how many, the closest one and why it matters.

    layer: conv1, dense1, out or loss; kind: a key of WHY; count: how many values are within
    the margin (or crossed it); index: the closest one's position in its stage (batch axis
    first); distance: its distance from the corner (|C|, the gap to the runner-up, |ŷ − y|).
    """

    layer: str
    kind: str
    count: int
    index: tuple
    distance: float

    @property
    def why(self):
        return WHY[self.kind]

    def describe(self):
        where = ", ".join(map(str, self.index))
        what = {"relu": "ReLU input", "leaky_relu": "leaky ReLU input", "elu": "ELU input",
                "max_pool_tie": "max-pool window with a tie", "l2_pool_zero": "L2-pool window of zeros",
                "abs_loss": "output with ŷ − y"}[self.kind]
        return f"{self.layer}: {self.count} {what} at [{where}] {self.distance:.2g} from the corner"


@dataclass
class ForwardRun:
    """One forward run op by op: (op, input, output) per op, then z, ŷ, the one-hot y and the loss."""

    stages: list
    z: np.ndarray
    yhat: np.ndarray
    target: np.ndarray
    loss: float
    loss_name: str

    def branches(self):
        """For every op with a corner, which side of it each value is on (see `crossing`)."""
        out = []
        for op, a, y in self.stages:
            if isinstance(op, Activation) and op.name in KINKED_ACTIVATIONS:
                out.append((op.layer, op.name, np.sign(a)))
            elif isinstance(op, Pool) and op.kind == "max":
                out.append((op.layer, "max_pool_tie", MaxChoice(a, op.size, op.stride)))
            elif isinstance(op, Pool) and op.kind == "l2":
                out.append((op.layer, "l2_pool_zero", y > 0))
        if self.loss_name in KINKED_LOSSES:
            out.append(("loss", "abs_loss", np.sign(self.yhat - self.target)))
        return out


def as_batch(net, x):
    """x as (N, 1, H, W) float64: one image (H, W) or a batch (N, H, W)."""
    h, w = net.config["input"]
    return np.asarray(x, np.float64).reshape(-1, 1, h, w)


def one_hot(net, labels):
    return np.eye(net.classes)[np.atleast_1d(labels)]


def forward_run(net, x, labels, nudge=None):
    """The forward run and the loss, exactly as the engine computes them (its ops and loss terms).

    `nudge` = (stage name, index, amount) adds `amount` to one value of that stage's output
    (batch axis first in `index`) before the run goes on: the loss as a function of a hidden value.
    """
    a = as_batch(net, x)
    stages = []
    for op in net.ops:
        y = op.forward(a, net.params)[0]
        if nudge is not None and op.stage.name == nudge[0]:
            y = np.array(y, copy=True)
            y[nudge[1]] += nudge[2]
        stages.append((op, a, y))
        a = y
    z = a
    yhat = net.output.forward(z, net.params)[0]
    target = one_hot(net, labels)
    loss_name, out_act = net.config["loss"], net.config["output"]["activation"]
    if nudge is not None and nudge[0] == "out.probs":
        yhat = np.array(yhat, copy=True)
        yhat[nudge[1]] += nudge[2]
        terms = _terms_of_probs(loss_name, out_act, yhat, target)
    else:
        terms = losses.loss_terms(loss_name, out_act, yhat, target, z)
    return ForwardRun(stages, z, yhat, target, float(terms.sum(axis=-1).mean()), loss_name)


def _terms_of_probs(loss_name, out_act, yhat, target):
    """The loss terms as functions of ŷ alone (the engine computes cross-entropy from z, which
    a nudge of ŷ would not reach): the displayed −y·ln ŷ forms."""
    if loss_name != "cross_entropy":
        return losses.loss_terms(loss_name, out_act, yhat, target, None)
    with np.errstate(divide="ignore", invalid="ignore"):
        if out_act == "softmax":
            return np.where(target > 0, -target * np.log(yhat), 0.0)
        return -(target * np.log(yhat) + (1 - target) * np.log1p(-yhat))


def _windows(values, size, stride):
    w = sliding_window_view(values, tuple(size), axis=(2, 3))[:, :, ::stride[0], ::stride[1]]
    return w.reshape(*w.shape[:4], -1)


class MaxChoice:
    """Which element each max-pool window picked (the first largest, as the engine does)."""

    def __init__(self, values, size, stride):
        self.flat = _windows(values, size, stride)
        self.argmax = np.argmax(self.flat, axis=-1)

    def picked(self, argmax):
        return np.take_along_axis(self.flat, argmax[..., None], axis=-1)[..., 0]

    def changed(self, base):
        """Windows where this run picked another element than `base` did and the two differ here.

        Exactly equal values are the same function of the parameters (ReLU zeros that stay
        zero, maps over zero padding that equal the bias): max() is smooth across such a tie,
        and rounding may pick either. Values that differ here were two functions that tied.
        """
        moved = self.argmax != base.argmax
        if not moved.any():
            return moved
        mine, theirs = self.picked(self.argmax), self.picked(base.argmax)
        return moved & (np.abs(mine - theirs) > SAME_VALUE * np.maximum(np.abs(mine), 1.0))


def crossing(base, other):
    """The first corner that `other` (a nudged run's branches) is on the other side of, or None."""
    for (layer, kind, b), (_, _, o) in zip(base, other):
        moved = o.changed(b) if kind == "max_pool_tie" else (o != b)
        if moved.any():
            return Kink(layer, kind, int(moved.sum()), tuple(int(i) for i in np.argwhere(moved)[0]), 0.0)
    return None


# Near the L2 cone point the O(ε²) error of a central difference grows like (ε/‖x‖)²: with the
# check's ε = 1e-5 it stays below its 1e-6 tolerance only for windows with ‖x‖ above about 1e-2
# (1e3·ε), so closer ones count as kinks whatever the margin.
L2_CONE_NORM = 1e-2


def find_kinks(run, margin):
    """Every layer of a forward run with values within `margin` of a corner, as Kinks.

    Exact max-pool ties are left to `crossing` (they are usually equal zeros of a ReLU, across
    which max is smooth); near ties, 0 < gap < margin, are reported here.
    """
    found = []

    def add(layer, kind, distance, mask):
        if mask.any():
            d = np.where(mask, distance, np.inf)
            i = np.unravel_index(int(np.argmin(d)), d.shape)
            found.append(Kink(layer, kind, int(mask.sum()), tuple(int(k) for k in i), float(d[i])))

    for op, a, y in run.stages:
        if isinstance(op, Activation) and op.name in KINKED_ACTIVATIONS:
            add(op.layer, op.name, np.abs(a), np.abs(a) < margin)
        elif isinstance(op, Pool) and op.kind == "max" and op.size[0] * op.size[1] > 1:
            flat = np.sort(_windows(a, op.size, op.stride), axis=-1)
            top, gap = flat[..., -1], flat[..., -1] - flat[..., -2]
            add(op.layer, "max_pool_tie", gap, (gap < margin) & (gap > SAME_VALUE * np.maximum(np.abs(top), 1.0)))
        elif isinstance(op, Pool) and op.kind == "l2":
            add(op.layer, "l2_pool_zero", y, (y > 0) & (y < max(margin, L2_CONE_NORM)))
    if run.loss_name in KINKED_LOSSES:
        diff = np.abs(run.yhat - run.target)
        add("loss", "abs_loss", diff, diff < margin)
    return found
