"""Is this gradient right? Central differences of the loss against the engine's ∂L/∂θ, kink-aware.

    g_num = (L(θ + ε) − L(θ − ε)) / 2ε,    rel. error = |g_num − g| / max(|g_num| + |g|, floor)

for one element (`check_element`, with both loss evaluations, for the inspector's "Check this
element"), or a sample of every parameter and of the input (`check_network`). An element whose
±ε run lands on the other side of a corner of the loss (ReLU at 0, a max-pool tie, |ŷ − y| at
0) is reported as at a kink, with why, instead of as a failure: no derivative exists there.
Works through the Network's public API: `params`, `loss_and_gradients`, its ops' `forward`.
"""

from dataclasses import dataclass, field

import numpy as np

from . import mistakes as mistakes_module
from .kinks import Kink, crossing, find_kinks, forward_run

EPS = 1e-5            # the central-difference step: its error is O(ε²), its rounding noise O(u/ε)
TOLERANCE = 1e-6      # a right gradient stays below it in float64 (the shipped model's worst: 1.6e-7)
SAMPLES = 20          # elements per array in a sampled whole-network check
SMALL_NETWORK = 5000  # up to this many elements in all, a whole-network check takes every one


def default_samples(net, x=None):
    """None (every element) when the parameters and the input hold at most SMALL_NETWORK
    elements, else SAMPLES: a small network is checked whole in about a second."""
    h, w = net.config["input"]
    total = net.parameter_count() + (h * w if x is None else int(np.size(x)))
    return None if total <= SMALL_NETWORK else SAMPLES


class CheckCancelled(Exception):
    """`cancel()` returned True during a check."""


def noise_floor(loss, eps=EPS, tol=TOLERANCE):
    """The floor on |g_num| + |g| below which the comparison is effectively absolute.

    L(θ ± ε) is only known to a few ulps of |L|, so g_num carries rounding noise of about
    u·|L|/ε whatever the true gradient is. For gradients far above that noise the relative
    error is meaningful; for ones near or below it (an input pixel that barely matters) the
    check becomes |g_num − g| < tol · floor, i.e. 10 × that noise.
    """
    u = np.finfo(np.float64).eps
    return 10 * u * max(abs(loss), 1.0) / eps / tol


def relative_error(numeric, analytic, floor):
    numeric, analytic = np.asarray(numeric, np.float64), np.asarray(analytic, np.float64)
    return np.abs(numeric - analytic) / np.maximum(np.abs(numeric) + np.abs(analytic), floor)


@dataclass(frozen=True)
class ElementCheck:
    """One element θ checked: both loss evaluations, numeric and analytic ∂L/∂θ, relative error.

    key: a parameter key ("conv1.W"), "input", or a stage name ("conv1.feature_maps") for a
    hidden value's δ; index: its position (batch axis first for the input and stages of a batch);
    kink: the corner that θ ± ε crossed (then `status` is "kink", not "fail"), else None.
    """

    key: str
    index: tuple
    value: float
    loss: float
    loss_plus: float
    loss_minus: float
    eps: float
    numeric: float
    analytic: float
    rel_error: float
    tol: float
    kink: Kink = None

    def numbers(self):
        """The difference quotient with its numbers, as the inspector shows it."""
        return (f"(L(θ + ε) − L(θ − ε)) / 2ε = ({self.loss_plus:.12g} − {self.loss_minus:.12g}) / "
                f"(2 · {self.eps:g}) = {self.numeric:.10g};  backprop: {self.analytic:.10g};  "
                f"relative error {self.rel_error:.3g}")

    @property
    def status(self):
        if self.kink is not None:
            return "kink"
        return "pass" if self.rel_error < self.tol else "fail"


@dataclass
class ParameterCheck:
    """The checked elements of one array: flat indices, numeric and analytic values, errors, kinks."""

    key: str
    shape: tuple
    indices: np.ndarray
    numeric: np.ndarray
    analytic: np.ndarray
    rel_errors: np.ndarray
    kinks: list
    tol: float

    @property
    def size(self):
        return int(np.prod(self.shape))

    @property
    def checked(self):
        return len(self.indices)

    @property
    def at_kink(self):
        """Mask over the checked elements: True where θ ± ε crossed a corner."""
        return np.array([k is not None for k in self.kinks], bool)

    @property
    def worst(self):
        """The largest relative error away from kinks (0.0 if every checked element was at one)."""
        ok = ~self.at_kink
        return float(self.rel_errors[ok].max()) if ok.any() else 0.0

    @property
    def failures(self):
        """Flat indices of elements away from kinks whose relative error reached the tolerance."""
        return self.indices[(self.rel_errors >= self.tol) & ~self.at_kink]

    @property
    def passed(self):
        return len(self.failures) == 0


@dataclass
class NetworkCheck:
    """A whole-network check: the loss, ε, tolerance, one ParameterCheck per array, near kinks."""

    loss: float
    eps: float
    tol: float
    parameters: list
    near_kinks: list = field(default_factory=list)
    mistake: str = None

    @property
    def passed(self):
        return all(p.passed for p in self.parameters)

    def __getitem__(self, key):
        return next(p for p in self.parameters if p.key == key)


def kinks_near(net, x, labels, margin=EPS):
    """Layers of (net, x) with values within `margin` of a corner of the loss, as Kinks (exact
    max-pool ties are judged per element, by whether the ±ε runs pick another maximum)."""
    return find_kinks(forward_run(net, _prepare(net, x), labels), margin)


def _analytic(net, x, labels, mistake):
    if mistake is None:
        loss, grads = net.loss_and_gradients(x, labels)
        return loss, grads, None
    return mistakes_module.backward(net, x, labels, mistake)


def _target(net, x, key):
    if key == "input":
        return x
    if key not in net.params:
        raise KeyError(f"{key!r} is not a parameter of this network; choose one of "
                       f"{', '.join(list(net.params) + ['input'])}")
    return net.params[key]


def _difference(net, x, labels, key, index, eps, base):
    """(L(θ + ε), L(θ − ε), the corner crossed or None) for one element; θ is restored exactly."""
    if key in net.params or key == "input":
        arr = _target(net, x, key)
        old = arr[index]
        try:
            arr[index] = old + eps
            plus = forward_run(net, x, labels)
            arr[index] = old - eps
            minus = forward_run(net, x, labels)
        finally:
            arr[index] = old
    else:                                   # a hidden stage: nudge its value inside the run
        plus = forward_run(net, x, labels, nudge=(key, index, eps))
        minus = forward_run(net, x, labels, nudge=(key, index, -eps))
    kink = crossing(base, plus.branches()) or crossing(base, minus.branches())
    return plus.loss, minus.loss, kink


def _prepare(net, x):
    if np.dtype(net.dtype) != np.float64:
        raise ValueError(f"a gradient check needs a float64 network (this one is {net.dtype}): "
                         "in float32 the loss is only known to ~1e-7, far above the differences")
    return np.array(x, np.float64, copy=True)


def check_element(net, x, labels, key, index, eps=EPS, tol=TOLERANCE, mistake=None):
    """Check ∂L/∂θ for one element: `key` a parameter key, "input" or a stage name (its δ, e.g.
    "conv1.feature_maps" or "out.probs"), `index` a tuple in that array (for stages and a batch
    input, batch axis first; a single image's input takes (r, s)).

    The parameter is nudged in place and restored exactly, so nothing else may use the
    network meanwhile (a worker thread checks a copy)."""
    x = _prepare(net, x)
    loss, grads, deltas = _analytic(net, x, labels, mistake)
    if key in grads:
        analytic = grads[key]
    else:
        deltas = deltas or mistakes_module.backward(net, x, labels, mistake)[2]
        if key not in deltas:
            raise KeyError(f"{key!r} is neither a parameter, the input nor a stage of this network")
        analytic = deltas[key]
    index = tuple(int(i) for i in np.atleast_1d(index))
    if key not in grads and len(index) == np.ndim(analytic) - 1:
        index = (0,) + index                # a single image's stage: the batch axis is implied
    base = forward_run(net, x, labels)
    if key in grads:
        value = float(_target(net, x, key)[index])
    elif key == "out.probs":
        value = float(base.yhat[index])
    else:
        value = float(next(y for op, a, y in base.stages if op.stage.name == key)[index])
    plus, minus, kink = _difference(net, x, labels, key, index, eps, base.branches())
    numeric = (plus - minus) / (2 * eps)
    g = float(analytic[index])
    err = float(relative_error(numeric, g, noise_floor(loss, eps, tol)))
    return ElementCheck(key, index, value, loss, plus, minus, eps, numeric, g, err, tol, kink)


def check_network(net, x, labels, samples=None, seed=0, eps=EPS, tol=TOLERANCE, keys=None,
                  mistake=None, margin=None, progress=None, cancel=None):
    """Check `samples` random elements (all if None or more than there are) of every parameter
    and of the input against central differences.

    mistake: a name from `mistakes.NAMES` to check that wrong backward instead of the engine's;
    margin: report values this close to a corner in `near_kinks` (default ε);
    progress(done, total) is called after each element; cancel() returning True stops the
    check with CheckCancelled. The network and x are left exactly as they were.
    """
    x = _prepare(net, x)
    rng = np.random.default_rng(seed)
    loss, grads, _ = _analytic(net, x, labels, mistake)
    base = forward_run(net, x, labels)
    # The differenced loss must be the one the gradients belong to (the same ops, the same sums).
    if abs(base.loss - loss) > 1e-12 * max(abs(loss), 1.0):
        raise RuntimeError(f"the forward loss {base.loss!r} is not the engine's {loss!r}")
    floor = noise_floor(loss, eps, tol)
    keys = list(net.params) + ["input"] if keys is None else list(keys)
    chosen = {}
    for key in keys:
        size = _target(net, x, key).size
        if samples is None or samples >= size:
            chosen[key] = np.arange(size)
        else:
            chosen[key] = np.sort(rng.choice(size, size=samples, replace=False))
    total, done = sum(len(v) for v in chosen.values()), 0
    branches = base.branches()
    results = []
    for key in keys:
        target = _target(net, x, key)
        g = np.asarray(grads[key], np.float64)
        idx = chosen[key]
        numeric, kinks = np.empty(len(idx)), []
        for k, flat in enumerate(idx):
            if cancel is not None and cancel():
                raise CheckCancelled()
            index = np.unravel_index(int(flat), target.shape)
            plus, minus, kink = _difference(net, x, labels, key, index, eps, branches)
            numeric[k] = (plus - minus) / (2 * eps)
            kinks.append(kink)
            done += 1
            if progress is not None:
                progress(done, total)
        analytic = g.reshape(-1)[idx]
        results.append(ParameterCheck(key, target.shape, idx, numeric, analytic,
                                      relative_error(numeric, analytic, floor), kinks, tol))
    near = find_kinks(base, eps if margin is None else margin)
    return NetworkCheck(loss, eps, tol, results, near, mistake if isinstance(mistake, str) or mistake is None
                        else mistake.name)
