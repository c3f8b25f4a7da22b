"""The equations the engine records are notation only (the GUI shows them as they are, in every
language: words for learners live in the GUI's translated catalogue), and the conv input
gradient's element form says exactly what the engine computes."""

import copy
import re

import numpy as np
import pytest

from convviz.engine import Network, OpKind
from convviz.engine.config import ACTIVATION_NAMES, DEFAULT_CONFIG, LOSS_NAMES, POOL_KINDS

#: Function names of the notation (as in the paper and MATH.md); any other run of 3+ letters is a word.
NOTATION = {"max", "argmax", "sign", "vec", "diag", "tanh"}


def configs():
    yield DEFAULT_CONFIG
    for a in ACTIVATION_NAMES:
        c = copy.deepcopy(DEFAULT_CONFIG)
        c["conv"][0]["activation"] = c["dense"][0]["activation"] = a
        yield c
    for p in POOL_KINDS:
        c = copy.deepcopy(DEFAULT_CONFIG)
        c["conv"][0]["pool"] = p
        yield c
    for loss in LOSS_NAMES:
        for out in ("softmax", "sigmoid"):
            c = copy.deepcopy(DEFAULT_CONFIG)
            c["loss"], c["output"]["activation"] = loss, out
            yield c


def test_every_recorded_equation_is_notation_without_words():
    x = np.random.default_rng(0).random((28, 28))
    seen = set()
    for cfg in configs():
        for s in Network(cfg, seed=0).trace(x, 3, 0.1).steps:
            seen.add(s.equation)
    assert len(seen) > 40                        # every op, activation, pooling kind and loss
    words = {e: w for e in seen if (w := set(re.findall(r"[A-Za-z]{3,}", e)) - NOTATION)}
    assert not words, words


@pytest.mark.parametrize(("stride", "padding"), [(1, 0), (2, 1), (1, 2)])
def test_the_conv_input_gradient_is_its_element_form(stride, padding):
    """∂L/∂I_c[r, q] = Σ_p Σ_i Σ_j δ_p[i, j] · K_p,c[r + Z_p − i·Z_s, q + Z_p − j·Z_s], evaluated
    term by term, equals the engine's ∂L/∂I (the second block's, so c runs over several channels)."""
    cfg = copy.deepcopy(DEFAULT_CONFIG)
    cfg["conv"].append({"kernels": 4, "size": [3, 3], "stride": stride, "padding": padding,
                        "activation": "tanh", "pool": "none"})
    trace = Network(cfg, seed=1).trace(np.random.default_rng(1).random((28, 28)), 5, 0.1)
    step = [s for s in trace.steps if s.op == OpKind.CONV_DX][0]        # the last block's, first
    assert step.equation == "∂L/∂I_c[r, q] = Σ_p Σ_i Σ_j δ_p[i, j] · K_p,c[r + Z_p − i·Z_s, q + Z_p − j·Z_s]"
    delta, K, got = step.arrays["grad_output"], step.arrays["W"], step.arrays["grad_input"]
    d, c, k1, k2 = K.shape
    i, j = np.meshgrid(np.arange(delta.shape[1]), np.arange(delta.shape[2]), indexing="ij")
    want = np.zeros(got.shape)
    for r in range(got.shape[1]):
        for q in range(got.shape[2]):
            m, n = r + padding - i * stride, q + padding - j * stride          # the kernel element each δ met
            inside = (m >= 0) & (m < k1) & (n >= 0) & (n < k2)                  # terms outside K are absent
            met = K[:, :, np.clip(m, 0, k1 - 1), np.clip(n, 0, k2 - 1)]        # (p, c, i, j)
            want[:, r, q] = np.einsum("pij,pcij->c", delta * inside, met)
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)
