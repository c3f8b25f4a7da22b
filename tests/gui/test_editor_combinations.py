"""Every choice steps through a whole iteration in the window without error: each activation with each
pooling kind, each loss with each output (the pairs cover one another), strides 1–3, paddings 0–2 and
1–3 blocks (every step drawn there: they change the conv steps), on small inputs; each network goes in
through the editor."""

import itertools

import numpy as np
import pytest
from editor_helpers import click_apply, show_editor

from convviz.engine import OpKind
from convviz.engine.config import ACTIVATION_NAMES, LOSS_NAMES, OUTPUT_ACTIVATIONS

POOLS = ("max", "avg", "l2", "none")
LOSS_OUTPUT = list(itertools.product(LOSS_NAMES, OUTPUT_ACTIVATIONS))          # 14 pairs
ACT_POOL = list(itertools.product(ACTIVATION_NAMES, POOLS))                     # 28 pairs
#: each activation × pooling pair with a loss × output pair, cycling, so all 14 of those appear twice
PAIRED = [(act, pool, *LOSS_OUTPUT[k % len(LOSS_OUTPUT)]) for k, (act, pool) in enumerate(ACT_POOL)]
#: … and each loss × output pair with the activations and pooling kinds, cycling the other way
PAIRED += [(ACTIVATION_NAMES[k % 7], POOLS[(k // 7 + k) % 4], loss, out) for k, (loss, out) in enumerate(LOSS_OUTPUT)]
#: the iteration's ops whose pictures each choice changes: these are drawn one by one
DRAWN = {OpKind.INPUT, OpKind.ACTIVATION, OpKind.POOL, OpKind.OUTPUT, OpKind.LOSS, OpKind.LOSS_GRAD,
         OpKind.OUTPUT_GRAD, OpKind.ACTIVATION_GRAD, OpKind.POOL_GRAD, OpKind.UPDATE, OpKind.RERUN}


def tiny(act, pool, loss, out, blocks=1, stride=1, padding=0, size=8):
    block = {"kernels": 2, "size": [3, 3], "stride": [stride] * 2, "padding": [padding] * 2,
             "activation": act, "pool": pool, "pool_size": [2, 2], "pool_stride": [2, 2]}
    return {"input": [size, size], "conv": [dict(block, pool="none" if b < blocks - 1 else pool)
                                            for b in range(blocks)],
            "dense": [{"units": 3, "activation": act}],
            "output": {"classes": 10, "activation": out}, "loss": loss}


def step_through(window, qtbot, editor, config, every=False):
    """Apply `config` through the editor, then draw every step whose picture the choices change
    (every step at all with every=True)."""
    editor.set_config(config, seed=1)
    assert editor.plan.ok, editor.plan.refusals
    click_apply(qtbot, editor)
    s = window.session
    assert s.net.config == editor.plan.config and s.trace is not None
    choice = window.editor_docks.choice
    for step in s.trace:
        if every or step.op in DRAWN or step.index == len(s.trace) - 1:
            window.stepper.go(step.index)
            assert window.panel.counter.text().startswith(f"<b>Step {step.index + 1} / {len(s.trace)}</b>")
            kind = {OpKind.LOSS: "loss", OpKind.LOSS_GRAD: "loss", OpKind.OUTPUT_GRAD: "loss",
                    OpKind.ACTIVATION: "activation", OpKind.ACTIVATION_GRAD: "activation",
                    OpKind.POOL: "pool", OpKind.POOL_GRAD: "pool"}.get(step.op)
            assert choice.kind == kind, (step.op, choice.kind)
            out = step.arrays.get("output")
            if every and out is not None and np.ndim(out) == 3:      # the far corner: the border cases
                window.panel.select(step.stage, tuple(n - 1 for n in np.shape(out)))
                assert window.panel.selection is not None
        window.panel.clear_selection()
    for key, g in s.trace.grads.items():
        assert np.isfinite(g).all(), key


@pytest.fixture
def editor(window, qtbot):
    ed = show_editor(window, qtbot)
    window.editor_docks.choice_dock.raise_()          # the choice view is drawn too
    qtbot.waitExposed(window.editor_docks.choice)
    return ed


@pytest.mark.parametrize("chunk", range(6))
def test_activation_pooling_loss_output_pairs_step_through(window, qtbot, editor, errors, chunk):
    for combo in PAIRED[chunk::6]:
        step_through(window, qtbot, editor, tiny(*combo))
    assert not errors


@pytest.mark.parametrize("stride, padding, blocks", [(1, 0, 3), (2, 1, 2), (3, 2, 1), (1, 2, 2), (3, 0, 1),
                                                     (2, 2, 3)])
def test_strides_paddings_and_blocks_step_through(window, qtbot, editor, errors, stride, padding, blocks):
    step_through(window, qtbot, editor, tiny("relu", "max", "cross_entropy", "softmax", blocks=blocks,
                                             stride=stride, padding=padding, size=14), every=True)
    assert not errors


def test_every_activation_pooling_and_loss_output_pair_is_covered():
    assert {(a, p) for a, p, _, _ in PAIRED} == set(ACT_POOL)
    assert {(loss, o) for _, _, loss, o in PAIRED} == set(LOSS_OUTPUT)
