"""Shared helpers for the engine tests: random points away from kinks, and the engine's gradient check
wrapped in assertions.

The check itself is `convviz.engine.gradcheck` (central differences in float64, MATH.md
"Checking a gradient"). These tests want every checked element to be a real comparison, so
`draw_point` redraws the weights and the input until no value is within MARGIN of a corner
(`kinks`), and `check_gradients` fails if any ±ε difference crossed one all the same: the
tolerance itself is never loosened.
"""

import numpy as np

from convviz.engine import Network
from convviz.engine.gradcheck import EPS, check_network, noise_floor  # noqa: F401
from convviz.engine.gradcheck import TOLERANCE as REL_TOL
from convviz.engine.kinks import find_kinks, forward_run
from convviz.engine.ops import Activation

MARGIN = 1e-3       # how far every pre-activation, pool gap and ŷ − y must stay from a kink


def forward_values(net, x):
    """The forward run op by op: [(op, its input, its output, its cache)], then ŷ (batch axes kept)."""
    a = np.asarray(x, np.float64)
    a = a.reshape(-1, 1, *net.config["input"])
    out = []
    for op in net.ops:
        y, cache = op.forward(a, net.params)
        out.append((op, a, y, cache))
        a = y
    yhat, _ = net.output.forward(a, net.params)
    return out, yhat


def kinks(net, x, labels, margin=MARGIN):
    """The engine's Kinks: layers of (net.params, x) with values within `margin` of a corner; [] if none."""
    return find_kinks(forward_run(net, x, labels), margin)


def dead_layers(net, x):
    """ReLU layers whose every output is 0: nothing upstream of them would get a gradient, so
    a check there would pass on zeros alone. Drawn again like a kink."""
    return [f"{op.layer}: every ReLU output is 0" for op, a, y, cache in forward_values(net, x)[0]
            if isinstance(op, Activation) and op.name == "relu" and not (y > 0).any()]


def randomize(net, rng, bias_scale=0.3, weight_scale=1.0):
    """Fresh random weights (the initialiser's scale) and non-zero random biases."""
    for key, p in net.params.items():
        if key.endswith(".b"):
            p[...] = rng.normal(0.0, bias_scale, p.shape)
        else:
            fan_in = int(np.prod(p.shape[1:]))
            p[...] = rng.normal(0.0, weight_scale * np.sqrt(2.0 / fan_in), p.shape)


def draw_point(config, batch, rng, single=False, tries=200, margin=MARGIN, **randomize_kw):
    """(net, x, labels) with random parameters, input and labels, no closer than MARGIN to a kink.

    Redraws everything until `kinks` finds nothing; fails loudly rather than testing at a kink.
    """
    net = Network(config, seed=int(rng.integers(2 ** 31)))
    h, w = net.config["input"]
    last = None
    for _ in range(tries):
        randomize(net, rng, **randomize_kw)
        x = rng.random((h, w)) if single else rng.random((batch, h, w))
        labels = int(rng.integers(net.classes)) if single else rng.integers(0, net.classes, batch)
        last = kinks(net, x, labels, margin) + dead_layers(net, x)
        if not last:
            return net, x, labels
    raise AssertionError(f"no point away from kinks in {tries} draws; last: {last}")


def check_gradients(net, x, labels, rng=None, sample=None, keys=None, require_nonzero=True):
    """The engine's check of every analytic gradient (all elements, or `sample` random ones per
    array) against central differences. Returns {key: max relative error}; raises
    AssertionError on a miss, and on any ±ε step that crossed a kink despite the margin.

    With `require_nonzero`, every checked array must have some gradient clearly above the
    noise, so the check is not passed by zeros alone.
    """
    x = np.array(x, np.float64, copy=True)
    loss, _ = net.loss_and_gradients(x, labels)
    assert forward_run(net, x, labels).loss == loss       # the differenced loss is the engine's
    result = check_network(net, x, labels, samples=sample, seed=rng, keys=keys)
    floor = noise_floor(loss)
    report = []
    for p in result.parameters:
        for k, kink in enumerate(p.kinks):
            if kink is not None:
                report.append(f"{p.key}[{p.indices[k]}]: θ ± ε crosses a kink despite the margin "
                              f"({kink.describe()})")
        if not p.passed:
            worst = int(np.argmax(np.where(p.at_kink, -1.0, p.rel_errors)))
            report.append(f"{p.key}[{p.indices[worst]}]: numeric {p.numeric[worst]:.10g}, analytic "
                          f"{p.analytic[worst]:.10g}, rel error {p.rel_errors[worst]:.3g}")
        if require_nonzero and np.abs(p.numeric).max() <= 10 * floor * REL_TOL:
            report.append(f"{p.key}: every checked gradient is ~0 (vacuous check)")
    assert not report, f"gradient check failed (loss {loss:.6g}, floor {floor:.3g}):\n" + "\n".join(report)
    return {p.key: float(p.rel_errors.max()) for p in result.parameters}


def small_config(conv, dense=(), classes=3, output="softmax", loss="cross_entropy", input=(8, 8)):
    return {"input": list(input), "conv": list(conv), "dense": list(dense),
            "output": {"classes": classes, "activation": output}, "loss": loss}
