"""What one gradient-descent update did that a learner should be warned of: a loss that rose,
an output that saturated, units whose ReLU switched off; read from the trace's rerun."""

from dataclasses import dataclass

import numpy as np

from .trace import OpKind

#: ŷ this close to 0 or 1 is saturated: softmax/sigmoid gradients vanish and float rounding
#: already shows "100.0%" and a loss of 0.
SATURATED = 1e-9
#: More than this share of the ReLU units active before the update is zero after it.
MOST = 0.5


@dataclass(frozen=True)
class UpdateHealth:
    """loss_before → loss_after; saturated: ŷ after the update is 0 or 1 (it was not before);
    relu_active_before: ReLU units > 0 before the update; relu_died: how many of them are 0 after."""

    loss_before: float
    loss_after: float
    saturated: bool
    relu_active_before: int
    relu_died: int

    @property
    def loss_rose(self):
        return not np.isfinite(self.loss_after) or self.loss_after > self.loss_before

    @property
    def most_relus_died(self):
        return self.relu_active_before > 0 and self.relu_died > MOST * self.relu_active_before

    @property
    def warnings(self):
        """The names of what went wrong: "loss_rose", "saturated", "relus_died" (empty when nothing did)."""
        return tuple(name for name, bad in (("loss_rose", self.loss_rose), ("saturated", self.saturated),
                                            ("relus_died", self.most_relus_died)) if bad)


def update_health(trace):
    """The UpdateHealth of a trace's update (single image), from its rerun step's arrays."""
    rerun = trace.find(OpKind.RERUN)
    active = died = 0
    for s in trace:
        if s.phase == "forward" and s.op == OpKind.ACTIVATION and s.meta.get("activation") == "relu":
            after = rerun.arrays.get(f"after/{s.stage.name}")
            if after is None:
                continue
            was = np.asarray(s.arrays["output"]) > 0
            active += int(was.sum())
            died += int((was & ~(np.asarray(after).reshape(was.shape) > 0)).sum())
    before = bool(np.any(np.asarray(trace.probs, dtype=float) >= 1.0 - SATURATED))
    after = not np.isfinite(trace.probs_after).all() or bool(
        np.any(np.asarray(trace.probs_after, dtype=float) >= 1.0 - SATURATED))
    return UpdateHealth(float(trace.loss), float(trace.loss_after), after and not before, active, died)
