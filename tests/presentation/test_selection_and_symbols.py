"""Pure presentation, no Qt: what a selection outlines (from the engine's reads/writes and
explain's coordinates) and how an element is named in the paper's notation."""

import numpy as np

from convviz.engine import Network, OpKind, StageId
from convviz.engine.explain import explain
from convviz.gui.presentation import palette
from convviz.gui.presentation.selection import selection_markers
from convviz.gui.presentation.symbols import element_name, element_symbol

S = StageId.parse


def trace():
    return Network(seed=0).trace(np.random.default_rng(0).random((28, 28)), 3, lr=0.01)


def outlines(t, step, stage, index):
    sel = (S(stage), index)
    stages = {s.id for s in t.stages}
    return selection_markers(t, step, sel, explain(step, *sel), stages)


def test_a_conv_pixel_outlines_its_receptive_field_on_every_input_channel_and_its_kernel():
    t = trace()
    conv = t.find(OpKind.CONV)
    k = conv.arrays["W"].shape[2]
    marks = outlines(t, conv, "conv1.feature_maps", (2, 5, 7))
    assert marks[0] == (S("conv1.feature_maps"), (2, 5, 7), (0, 1), (0, 1), palette.SELECT)
    field = [m for m in marks if m[0] == conv.reads[0]]
    assert len(field) == conv.arrays["input"].shape[0]
    r0, c0, r1, c1 = explain(conv, S("conv1.feature_maps"), (2, 5, 7))[1]["receptive_field"]
    assert all(m[1][1:] == (r0, c0) and m[2] == (0, r1 - r0) and m[3] == (0, c1 - c0) for m in field)
    kernel = [m for m in marks if m[0] == S("conv1.kernels")]
    assert len(kernel) == 1 and kernel[0][1][0] == 2 and kernel[0][2] == (0, k)


def test_a_max_pool_output_outlines_its_window_and_the_winner():
    t = trace()
    pool = t.find(OpKind.POOL)
    marks = outlines(t, pool, "conv1.pooled", (1, 3, 4))
    window = [m for m in marks if m[0] == pool.reads[0] and m[4] == palette.HIGHLIGHT]
    winner = [m for m in marks if m[0] == pool.reads[0] and m[4] == palette.SELECT]
    assert len(window) == 1 and window[0][2] == (0, 2) and window[0][3] == (0, 2)
    assert len(winner) == 1


def test_no_selection_no_outline_and_an_unrelated_step_only_the_element():
    t = trace()
    conv = t.find(OpKind.CONV)
    assert selection_markers(t, conv, None, None, set()) == []
    update = t.find(OpKind.RERUN)
    marks = outlines(t, update, "conv1.feature_maps", (0, 0, 0))
    assert marks == [(S("conv1.feature_maps"), (0, 0, 0), (0, 1), (0, 1), palette.SELECT)]


def test_elements_in_the_papers_notation():
    assert element_symbol(S("conv1.feature_maps"), (0, 7, 11)) == "C<sub>0</sub>[7, 11]"
    assert element_symbol(S("conv1.kernels"), (2, 0, 1, 3)) == "K<sub>2,0</sub>[1, 3]"
    assert element_symbol(S("input"), (0, 4, 5)) == "I<sub>0</sub>[4, 5]"
    assert element_symbol(S("flatten"), (17,)) == "a⁰[17]"
    assert element_symbol(S("out.probs"), (5,)) == "ŷ<sub>5</sub>"
    assert element_symbol(S("dense1.W"), (7, 100)) == "W<sub>7,100</sub>"
    assert element_symbol(S("loss"), ()) == "L"
    assert element_name(S("conv1.pooled"), (0, 3, 4)) == "conv1 P[p=0, i=3, j=4]"
    convs = frozenset({"conv1"})                 # from the trace: conv_layers(trace)
    assert element_name(S("conv1.b"), (2,), convs) == "conv1 b[p=2]"
    assert element_name(S("dense1.b"), (2,), convs) == "dense1 b[j=2]"
    # a layer named like a conv block is not one unless the trace says so
    assert element_name(S("conv1.b"), (2,), frozenset()) == "conv1 b[j=2]"
    assert element_name(S("dense1.b"), (2,), frozenset({"dense1"})) == "dense1 b[p=2]"
    assert element_name(S("input"), (0, 1, 2)) == "I[c=0, r=1, q=2]"
    assert element_name(S("flatten"), (17,)) == "a⁰[k=17]" and element_name(S("conv1.kernels"), (1, 0, 2, 3)) == \
        "conv1 K[p=1, c=0, m=2, n=3]"
    assert element_name(S("out.z"), (4,)) == "out z[j=4]"
    assert element_name(S("dense1.W"), (3, 9)) == "dense1 W[j=3, i=9]"


def test_the_presentation_layer_loads_no_qt():
    import json
    import subprocess
    import sys
    code = ("import sys, json, pkgutil, importlib, convviz.gui.presentation as p\n"
            "for m in pkgutil.iter_modules(p.__path__): importlib.import_module(p.__name__ + '.' + m.name)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
