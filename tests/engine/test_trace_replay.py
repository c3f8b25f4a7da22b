"""The trace replays exactly what training computes, step by step, and changes nothing."""

import numpy as np
import pytest

from convviz.engine import PHASES, Network, OpKind, StageId, StageKind
from convviz.engine.trace import PARAMETER_ARRAYS

from engine_helpers import small_config

CONFIGS = {
    "default": None,
    "three blocks": small_config(
        [{"kernels": 3, "size": 3, "padding": 1, "activation": "tanh", "pool": "l2"},
         {"kernels": 2, "size": [2, 3], "stride": [1, 2], "activation": "elu", "pool": "avg",
          "pool_size": [2, 1], "pool_stride": 1},
         {"kernels": 2, "size": 1, "activation": "leaky_relu", "pool": "none"}],
        dense=[{"units": 5, "activation": "sigmoid"}, {"units": 4, "activation": "softplus"}],
        classes=3, output="sigmoid", loss="mse", input=(12, 13)),
    "no dense, mape": small_config([{"kernels": 2, "size": 3, "stride": 2}], classes=4, loss="mape",
                                   input=(9, 9)),
}


def make(name, batch):
    net = Network(CONFIGS[name], seed=7)
    rng = np.random.default_rng(8)
    for p in net.params.values():
        p += rng.normal(0, 0.05, p.shape)          # non-zero biases, so b matters
    h, w = net.config["input"]
    if batch is None:
        return net, rng.random((h, w)), int(rng.integers(net.classes))
    return net, rng.random((batch, h, w)), rng.integers(0, net.classes, batch)


CASES = [(name, batch) for name in CONFIGS for batch in (None, 3)]


@pytest.fixture(params=CASES, ids=[f"{n}-{'single' if b is None else b}" for n, b in CASES])
def traced(request):
    name, batch = request.param
    net, x, y = make(name, batch)
    before = {k: v.copy() for k, v in net.params.items()}
    trace = net.trace(x, y, lr=0.01)
    return net, x, y, trace, before, batch is None


def test_every_op_kind_is_emitted_and_typed():
    net, x, y = make("default", None)
    trace = net.trace(x, y)
    assert {s.op for s in trace} == set(OpKind) and len(OpKind) == 21
    assert all(type(s.op) is OpKind and isinstance(s.stage, StageId) for s in trace)


def test_steps_read_and_write_the_networks_stages(traced):
    """Every stage a step reads or writes is one of the trace's stages; forward steps write
    their own stage and read the one the op before wrote (a conv also its kernels)."""
    net, x, y, trace, before, single = traced
    ids = [s.id for s in trace.stages]
    assert tuple(trace.stages) == net.stages() and len(set(ids)) == len(ids)
    for s in trace:
        assert len(s.writes) == 1 and s.writes[0] in ids, s.title
        assert all(r in ids for r in s.reads), s.title
    forward = [s for s in trace if s.phase == "forward"]
    for prev, s in zip(forward, forward[1:]):
        assert s.writes == (s.stage,)
        assert s.reads[0] == prev.stage
        if s.op == OpKind.CONV:
            assert s.reads[1] == StageId(s.layer, StageKind.KERNELS)
    for s in trace:
        if s.op in (OpKind.CONV_DK, OpKind.CONV_DB) or (s.op == OpKind.UPDATE and s.layer.startswith("conv")):
            assert s.writes == (StageId(s.layer, StageKind.KERNELS),)
    # a backward step writes the stage its forward op read, and reads the one that op wrote
    for s in trace:
        if s.op in (OpKind.ACTIVATION_GRAD, OpKind.POOL_GRAD, OpKind.UNFLATTEN):
            fwd = next(f for f in forward if f.reads[:1] == (s.stage,) and f.layer == s.layer)
            assert s.reads == (fwd.stage,) and s.writes == (s.stage,)


def test_stage_ids_round_trip_their_names():
    for name, _ in Network(seed=0).shapes():
        assert StageId.parse(name).name == name
    assert StageId.parse("dense1.W") == StageId("dense1", StageKind.WEIGHTS)
    with pytest.raises(ValueError, match="stage"):
        StageId.parse("conv1.nonsense")


def test_phases_in_order_and_indices(traced):
    net, x, y, trace, before, single = traced
    phases = [s.phase for s in trace]
    assert [PHASES.index(p) for p in phases] == sorted(PHASES.index(p) for p in phases)
    assert set(phases) == set(PHASES)
    assert [s.index for s in trace] == list(range(len(trace)))
    assert trace[0].op == "input" and trace[-1].op == "rerun"
    for phase in PHASES:
        assert trace[trace.phase_start(phase)].phase == phase
    ops = [s.op for s in trace]
    # Every layer appears: one forward step per op and the backward ones in reverse order.
    assert ops.count("conv") == len(net.config["conv"]) == ops.count("conv_dK") == ops.count("conv_db")
    assert ops.count("conv_dX") == len(net.config["conv"])    # the first block's is the saliency
    assert ops.count("pool") == sum(b["pool"] != "none" for b in net.config["conv"]) == ops.count("pool_grad")
    assert ops.count("dense") == len(net.config["dense"]) + 1 == ops.count("dense_dW")
    assert ops.count("update") == len(net.params)
    for s in trace:
        assert s.equation, s.op


def test_loss_and_gradients_equal_direct_computation(traced):
    net, x, y, trace, before, single = traced
    loss, grads = net.loss_and_gradients(x, y)
    assert trace.loss == loss
    assert trace.find("loss").arrays["output"] == loss
    assert set(trace.grads) == set(grads)
    for key in grads:
        assert np.array_equal(trace.grads[key], grads[key]), key
    for s in trace:
        if s.op in ("conv_dK", "dense_dW"):
            assert np.array_equal(s.arrays["grad_W"], grads[f"{s.layer}.W"]), s.layer
        if s.op in ("conv_db", "dense_db"):
            assert np.array_equal(s.arrays["grad_b"], grads[f"{s.layer}.b"]), s.layer
        if s.op == "update":
            assert np.array_equal(s.arrays["grad"], grads[s.stage.name]), s.stage
    # The first conv's input gradient is the saliency returned as grads["input"].
    dx = trace.find("conv_dX", "conv1").arrays["grad_input"]
    assert np.array_equal(dx[0] if single else dx[:, 0], grads["input"])
    probs = net.forward(x)
    assert np.array_equal(trace.probs, probs)
    assert np.array_equal(trace.find("output").arrays["output"], probs)


def test_forward_chain_and_rerun_of_each_op(traced):
    net, x, y, trace, before, single = traced
    forward = [s for s in trace if s.phase == "forward"]
    for a, b in zip(forward, forward[1:]):
        assert np.array_equal(a.arrays["output"], b.arrays["input"]), (a.op, b.op)
    loss_step = trace.find("loss")
    assert np.array_equal(forward[-1].arrays["output"], loss_step.arrays["input"])
    batch = (lambda a: a[None]) if single else (lambda a: a)
    image = np.asarray(x)[None] if single else np.asarray(x)[:, None]   # (1, H, W) or (N, 1, H, W)
    np.testing.assert_array_equal(forward[0].arrays["output"], image)
    # Re-running each op's forward on the recorded input reproduces the recorded output.
    ops = list(net.ops) + [net.output]
    assert [s.op for s in forward[1:]] == [type(op).__name__.lower() for op in ops]
    for s, op in zip(forward[1:], ops):
        out, _ = op.forward(batch(s.arrays["input"]), net.params)
        assert np.array_equal(batch(s.arrays["output"]), out), s.op
        for name in ("W", "b"):
            if name in s.arrays:
                assert np.array_equal(s.arrays[name], net.params[f"{s.layer}.{name}"])


def test_backward_chain(traced):
    """Each backward step's incoming δ is the previous step's outgoing gradient."""
    net, x, y, trace, before, single = traced
    flow = [s for s in trace if s.phase == "backward" and s.op not in
            ("conv_dK", "conv_db", "dense_dW", "dense_db")]
    assert flow[0].op == "loss_grad" and flow[1].op == "output_grad"
    for a, b in zip(flow[1:], flow[2:]):
        assert np.array_equal(a.arrays["grad_input"], b.arrays["grad_output"]), (a.op, b.op)
    for s in trace:
        if s.op in ("conv_dK", "conv_db", "dense_dW", "dense_db"):
            nxt = trace[s.index + 1]
            assert np.array_equal(s.arrays["grad_output"], nxt.arrays["grad_output"]), s.op
    # δ^(L+1) = ŷ − y over N for the combined pairs, and the Jacobian product otherwise.
    out = trace.find("output_grad")
    n = 1 if single else len(y)
    if out.meta["combined"]:
        np.testing.assert_allclose(out.arrays["grad_input"], (out.arrays["output"] - out.arrays["target"]) / n,
                                   rtol=1e-15, atol=0)


def test_update_steps(traced):
    net, x, y, trace, before, single = traced
    updates = [s for s in trace if s.op == "update"]
    assert [s.stage.name for s in updates] == list(net.params)
    for s in updates:
        np.testing.assert_array_equal(s.arrays["before"], before[s.stage.name])
        np.testing.assert_array_equal(s.arrays["after"], s.arrays["before"] - trace.lr * s.arrays["grad"])
        np.testing.assert_array_equal(s.arrays["delta"], -trace.lr * s.arrays["grad"])      # Δ = −α·∇
        np.testing.assert_array_equal(s.arrays["before"] + s.arrays["delta"], s.arrays["after"])
        np.testing.assert_array_equal(trace.params_after[s.stage.name], s.arrays["after"])
    # trace changed nothing
    for k in before:
        np.testing.assert_array_equal(net.params[k], before[k])
    # and the update helps: the loss falls for a small lr; the rerun step shows the same numbers
    assert trace.loss_after < trace.loss
    rerun = trace.find("rerun")
    assert rerun.arrays["loss_before"] == trace.loss and rerun.arrays["loss_after"] == trace.loss_after
    np.testing.assert_array_equal(rerun.arrays["probs_after"], trace.probs_after)
    # the after-params really give loss_after
    other = Network(net.config)
    for k, v in trace.params_after.items():
        other.params[k][...] = v
    assert other.loss_and_gradients(x, y)[0] == trace.loss_after
    np.testing.assert_array_equal(other.forward(x), trace.probs_after)


def test_batch_axis(traced):
    net, x, y, trace, before, single = traced
    h, w = net.config["input"]
    stages = dict(net.shapes())
    conv = trace.find("conv")
    if single:
        assert conv.arrays["input"].shape == (1, h, w)
        assert trace.find("output").arrays["output"].shape == (net.classes,)
        assert trace.probs.shape == (net.classes,) and trace.grads["input"].shape == (h, w)
    else:
        n = len(y)
        assert conv.arrays["input"].shape == (n, 1, h, w)
        assert trace.find("output").arrays["output"].shape == (n, net.classes)
        assert trace.probs.shape == (n, net.classes) and trace.grads["input"].shape == (n, h, w)
    lead = () if single else (len(y),)
    for s in trace:
        if s.phase == "forward" and s.op != "input":
            assert s.arrays["output"].shape == lead + stages[s.stage.name], s.stage
        for name, a in s.arrays.items():
            if name in PARAMETER_ARRAYS:
                assert a.shape == net.params[f"{s.layer}.{name[-1]}" if name in ("W", "b", "grad_W", "grad_b")
                                             else s.stage.name].shape, (s.op, name)


def test_recorded_arrays_are_copies():
    net, x, y = make("default", None)
    trace = net.trace(x, y)
    recorded = trace.find("conv").arrays["W"].copy()
    net.params["conv1.W"] += 1.0
    np.testing.assert_array_equal(trace.find("conv").arrays["W"], recorded)
    for s in trace:
        for name, a in s.arrays.items():
            for p in net.params.values():
                assert not np.shares_memory(a, p), (s.op, name)


def test_trace_rejects_bad_input_before_recording():
    net, x, y = make("default", None)
    with pytest.raises(ValueError, match="labels"):
        net.trace(x, 10)
    with pytest.raises(ValueError, match="input"):
        net.trace(x[:5], 1)


def test_rerun_records_every_stage_after_the_update():
    """The rerun step's after/<stage> arrays are what a network holding the updated
    parameters computes, stage by stage, for the same input."""
    from convviz.engine import Network
    net = Network(seed=3)
    x = np.random.default_rng(3).random((28, 28))
    trace = net.trace(x, 4, lr=0.05)
    rerun = trace[-1]
    assert rerun.op == "rerun"
    updated = Network(net.config, seed=3)
    for key, value in trace.params_after.items():
        updated.params[key] = value
    fresh = updated.trace(x, 4, lr=0.05)
    forward = [s for s in fresh if s.phase == "forward"]
    assert {f"after/{s.stage.name}" for s in forward} <= set(rerun.arrays)
    for s in forward:
        np.testing.assert_array_equal(rerun.arrays[f"after/{s.stage.name}"], s.arrays["output"])
    np.testing.assert_array_equal(rerun.arrays["after/out.probs"], trace.probs_after)
