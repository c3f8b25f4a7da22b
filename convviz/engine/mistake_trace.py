"""One iteration's trace as a classic backprop mistake would record it: the engine's own trace with
every δ, gradient, update and the rerun replaced by those of `mistakes.backward`.

The forward and loss steps are the engine's (a mistake lives in the backward run only). Every
backward step takes its incoming δ (grad_output) from the stage it reads, its outgoing δ
(grad_input) or its parameter gradient from `mistakes.backward`; the update steps apply those
gradients, and the rerun runs forward with the parameters they give. Steps whose computation
the mistake replaces carry meta["mistake"] = its name, so a view can say where it acts. The
engine's ops and `Network.trace` stay untouched; only the gradient-check views use this.
"""

import copy
from dataclasses import replace

import numpy as np

from . import mistakes
from .kinks import forward_run
from .ops import Activation, Conv, Pool
from .trace import OpKind, Trace

# Which backward step of an acting op computes the mistaken quantity.
_ACTING_STEP = {"no-sigma-prime": OpKind.ACTIVATION_GRAD, "flipped-kernel": OpKind.CONV_DX,
                "maxpool-to-all": OpKind.POOL_GRAD, "avgpool-no-mean": OpKind.POOL_GRAD,
                "bias-no-sum": OpKind.CONV_DB}


def acting_layers(net, mistake):
    """The layers whose backward step `mistake` replaces in `net` (empty where it has nothing to act on)."""
    m = mistakes.get(mistake) if isinstance(mistake, str) else mistake
    if m.name == "bias-no-sum":
        return {op.layer for op in net.ops if isinstance(op, Conv) and op.b in m.affects(net)}
    kinds = (Activation, Conv, Pool)
    return {op.layer for op in net.ops if isinstance(op, kinds) and mistakes.acts(m.name, op, net)}


def substitute(net, trace, x, label, mistake):
    """`trace` (recorded by `net.trace(x, label, lr)`) with the gradients of `mistakes.backward(net,
    x, label, mistake)`; mistake None gives the right backward run, recomputed the same way."""
    m = mistakes.get(mistake) if isinstance(mistake, str) else mistake
    _, grads, deltas = mistakes.backward(net, x, label, m)
    single = np.ndim(x) == 2
    one = (lambda a: a[0]) if single else (lambda a: a)        # the trace drops a single image's batch axis
    acting = acting_layers(net, m) if m is not None else set()
    lr = trace.lr
    after = {key: net.params[key] - lr * grads[key] for key in net.params}
    steps = []
    for s in trace.steps:
        arrays, meta = dict(s.arrays), dict(s.meta)
        if s.phase == "backward" and s.op not in (OpKind.LOSS_GRAD,):
            arrays["grad_output"] = one(deltas[s.reads[0].name])
            if "grad_W" in arrays:
                arrays["grad_W"] = grads[s.stage.name]
            if "grad_b" in arrays:
                arrays["grad_b"] = grads[s.stage.name]
            if "grad_input" in arrays:
                arrays["grad_input"] = one(deltas[s.stage.name])
            if m is not None and s.layer in acting and s.op == _ACTING_STEP[m.name]:
                meta["mistake"] = m.name
        elif s.op == OpKind.UPDATE:
            arrays["grad"], arrays["after"] = grads[s.stage.name], after[s.stage.name]
        elif s.op == OpKind.RERUN:
            arrays.update(_rerun_arrays(net, x, label, after, s.arrays, one))
        steps.append(replace(s, arrays=arrays, meta=meta))
    rerun = steps[-1].arrays
    return Trace(steps=steps, label=trace.label, lr=lr, loss=trace.loss, probs=trace.probs,
                 grads=grads,
                 loss_after=float(rerun["loss_after"]),
                 probs_after=rerun["probs_after"], params_after=after, stages=trace.stages)


def _rerun_arrays(net, x, label, params, recorded, one):
    """The rerun step's arrays with `params`: each stage's values, ŷ and the loss after the update."""
    moved = copy.copy(net)              # the ops read the parameters they are given: share them
    moved.params = params
    run = forward_run(moved, x, label)
    dtype = np.asarray(recorded["probs_after"]).dtype
    out = {"probs_after": one(run.yhat).astype(dtype), "loss_after": np.float64(run.loss)}
    for op, _, y in run.stages:
        key = f"after/{op.stage.name}"
        if key in recorded:
            out[key] = one(y).astype(dtype)
    if "after/out.probs" in recorded:
        out["after/out.probs"] = out["probs_after"]
    return out


def trace_with_mistake(net, x, label, lr, mistake):
    """The iteration's trace with `mistake`'s backward run (None: the engine's own trace)."""
    trace = net.trace(x, label, lr)
    return trace if mistake is None else substitute(net, trace, x, label, mistake)
