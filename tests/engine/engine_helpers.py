"""Shared helpers for the engine tests: random points away from kinks and central-difference checks.

A gradient check compares the engine's ∂L/∂θ with (L(θ + ε) − L(θ − ε)) / 2ε in float64
(MATH.md, "Checking a gradient"). Where the loss has a kink (ReLU, leaky ReLU or ELU at 0,
a tie in a max-pool window, an L2-pool window whose norm is 0, |ŷ − y| at 0 for L1/MAE/MAPE),
the two sides of the difference may lie on different branches and the formula means nothing.
`kinks` finds such points with a margin, and `draw_point` redraws the weights and the input
until none is near: the tolerance itself is never loosened.
"""

import numpy as np

from convviz.engine import Network, losses
from convviz.engine.ops import Activation, Pool

EPS = 1e-5          # the central-difference step (MATH.md)
REL_TOL = 1e-6      # |g_num − g| / max(|g_num| + |g|, tiny) must stay below this
MARGIN = 1e-3       # how far every pre-activation, pool gap and ŷ − y must stay from a kink
KINKED_ACTIVATIONS = ("relu", "leaky_relu", "elu")   # ELU's σ″ jumps at 0, which spoils the O(ε²) error
KINKED_LOSSES = ("l1", "mae", "mape")


def tiny_for(loss):
    """The floor on |g_num| + |g| below which the comparison is effectively absolute.

    L(θ ± ε) is only known to a few ulps of |L|, so g_num carries rounding noise of about
    u·|L|/ε ≈ 2e-11·|L| whatever the true gradient is. For gradients far above that noise
    the relative error is meaningful; for ones near or below it (an input pixel that barely
    matters) the check becomes |g_num − g| < 1e-6 · tiny, i.e. 10 × that noise (measured:
    the worst |g_num − g| of smooth nets is about 1 × u·|L|/ε).
    """
    u = np.finfo(np.float64).eps
    return 10 * u * max(abs(loss), 1.0) / EPS / REL_TOL


def rel_error(g_num, g, tiny):
    return np.abs(g_num - g) / np.maximum(np.abs(g_num) + np.abs(g), tiny)


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


def _max_pool_near_tie(values, size, stride, margin):
    """Windows whose largest and second-largest values are closer than MARGIN but not equal.

    Exactly equal values are left alone: they are the same function of the parameters
    (ReLU zeros that stay zero, or maps over zero padding that equal the bias everywhere), so
    max() is smooth there; BLAS may round such equal sums differently by an ulp or so, hence
    the 1e-12 relative allowance.
    """
    from numpy.lib.stride_tricks import sliding_window_view
    w = sliding_window_view(values, tuple(size), axis=(2, 3))[:, :, ::stride[0], ::stride[1]]
    flat = np.sort(w.reshape(*w.shape[:4], -1), axis=-1)
    top, second = flat[..., -1], flat[..., -2]
    gap = top - second
    same = gap <= 1e-12 * np.maximum(np.abs(top), 1.0)
    return bool(((gap < margin) & ~same).any())


def kinks(net, x, labels, margin=MARGIN):
    """A list of reasons why (net.params, x) is within `margin` of a kink of the loss; [] if none."""
    reasons = []
    steps, yhat = forward_values(net, x)
    for op, a, y, cache in steps:
        if isinstance(op, Activation) and op.name in KINKED_ACTIVATIONS:
            if np.abs(a).min() < margin:
                reasons.append(f"{op.layer}: a pre-activation within {margin} of 0")
        if isinstance(op, Pool):
            if op.kind == "max" and y.size and a.shape[-1] * a.shape[-2] > 1:
                if op.size[0] * op.size[1] > 1 and _max_pool_near_tie(a, op.size, op.stride, margin):
                    reasons.append(f"{op.layer}: a near-tie in a max-pool window")
            if op.kind == "l2" and ((y > 0) & (y < margin)).any():
                reasons.append(f"{op.layer}: an L2-pool window with norm near 0")
    if net.config["loss"] in KINKED_LOSSES:
        target = np.eye(net.classes)[np.atleast_1d(labels)]
        if np.abs(yhat - target).min() < margin:
            reasons.append("ŷ − y within the margin of 0")
    return reasons


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


def evaluate(net, x, labels):
    """(loss, branches): the loss by a forward run only, and which side of every kink the point
    is on (signs of kinked pre-activations, max-pool argmaxes, L2-pool norms > 0, signs of
    ŷ − y for L1/MAE/MAPE). The loss is the engine's: its ops and `losses.loss_terms`."""
    sig = []
    steps, yhat = forward_values(net, x)
    for op, a, y, cache in steps:
        if isinstance(op, Activation) and op.name in KINKED_ACTIVATIONS:
            sig.append(a > 0)
        if isinstance(op, Pool) and op.kind == "max":
            sig.append(MaxChoice(a, cache[4], op.size, op.stride))
        if isinstance(op, Pool) and op.kind == "l2":
            sig.append(y > 0)
    target = np.eye(net.classes)[np.atleast_1d(labels)]
    loss_name, out_act = net.config["loss"], net.config["output"]["activation"]
    if loss_name in KINKED_LOSSES:
        sig.append(yhat > target)
    z = steps[-1][2]
    loss = float(losses.loss_terms(loss_name, out_act, yhat, target, z).sum(axis=-1).mean())
    return loss, sig


class MaxChoice:
    """Which element each max-pool window picked, and the window values it picked from."""

    def __init__(self, values, argmax, size, stride):
        self.values, self.argmax, self.size, self.stride = values, argmax, size, stride

    def picked(self, argmax):
        from numpy.lib.stride_tricks import sliding_window_view
        w = sliding_window_view(self.values, tuple(self.size), axis=(2, 3))[:, :, ::self.stride[0], ::self.stride[1]]
        flat = w.reshape(*w.shape[:4], -1)
        return np.take_along_axis(flat, argmax[..., None], axis=-1)[..., 0]

    def same_branch(self, other):
        """The same choice, or another element whose value at this point is equal (to ~1 ulp):
        a structural tie between identical functions (see `_max_pool_near_tie`), where the
        rounding may pick either and max() is still smooth."""
        if np.array_equal(self.argmax, other.argmax):
            return True
        mine, theirs = self.picked(self.argmax), self.picked(other.argmax)
        return bool((np.abs(mine - theirs) <= 1e-12 * np.maximum(np.abs(mine), 1.0)).all())


def same_branches(a, b):
    return len(a) == len(b) and all(u.same_branch(v) if isinstance(u, MaxChoice) else np.array_equal(u, v)
                                    for u, v in zip(a, b))


def numeric_gradient(net, x, labels, key, indices):
    """Central differences of the loss for the flat `indices` of parameter `key` (or "input").

    Fails if θ + ε or θ − ε lies on another branch of a kink than θ: the margin kept the point
    away from kinks, and this proves it was enough.
    """
    target = x if key == "input" else net.params[key]
    flat = target.reshape(-1)             # a view: both are contiguous
    assert np.shares_memory(flat, target)
    out = np.empty(len(indices))
    _, base = evaluate(net, x, labels)
    for k, i in enumerate(indices):
        old = flat[i]
        flat[i] = old + EPS
        plus, sig_plus = evaluate(net, x, labels)
        flat[i] = old - EPS
        minus, sig_minus = evaluate(net, x, labels)
        flat[i] = old
        assert same_branches(base, sig_plus) and same_branches(base, sig_minus), \
            f"{key}[{i}]: θ ± ε crosses a kink despite the margin"
        out[k] = (plus - minus) / (2 * EPS)
    return out


def check_gradients(net, x, labels, rng=None, sample=None, keys=None, require_nonzero=True):
    """Compare every analytic gradient (all elements, or `sample` random ones per array) with
    central differences. Returns {key: max relative error}; raises AssertionError on a miss.

    With `require_nonzero`, every checked array must have some gradient clearly above the
    noise, so the check is not passed by zeros alone.
    """
    x = np.array(x, np.float64, copy=True)
    loss, grads = net.loss_and_gradients(x, labels)
    assert evaluate(net, x, labels)[0] == loss      # the differenced loss is the engine's
    tiny = tiny_for(loss)
    keys = list(net.params) + ["input"] if keys is None else keys
    errors, report = {}, []
    for key in keys:
        g = np.asarray(grads[key]).reshape(-1)
        n = g.size
        if sample is None or sample >= n:
            idx = np.arange(n)
        else:
            idx = rng.choice(n, size=sample, replace=False)
        g_num = numeric_gradient(net, x, labels, key, idx)
        err = rel_error(g_num, g[idx], tiny)
        errors[key] = float(err.max())
        if errors[key] >= REL_TOL:
            worst = int(np.argmax(err))
            report.append(f"{key}[{idx[worst]}]: numeric {g_num[worst]:.10g}, analytic "
                          f"{g[idx][worst]:.10g}, rel error {err[worst]:.3g}")
        if require_nonzero and np.abs(g_num).max() <= 10 * tiny * REL_TOL:
            report.append(f"{key}: every checked gradient is ~0 (vacuous check)")
    assert not report, f"gradient check failed (loss {loss:.6g}, tiny {tiny:.3g}):\n" + "\n".join(report)
    return errors


def small_config(conv, dense=(), classes=3, output="softmax", loss="cross_entropy", input=(8, 8)):
    return {"input": list(input), "conv": list(conv), "dense": list(dense),
            "output": {"classes": classes, "activation": output}, "loss": loss}
