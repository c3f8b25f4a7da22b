"""The classic backprop mistakes, each a named variant of the backward run, for the gradient check to catch.

The engine's ops stay untouched: `backward` runs every op's real backward except the one a
mistake replaces, which is computed here from that op's forward input, output and δ. With no
mistake it gives exactly `Network.loss_and_gradients`, plus δ at every stage.
Only the gradient-check view and `convviz-cli gradcheck` use this module.
"""

from dataclasses import dataclass

import numpy as np

from . import losses
from .kinks import as_batch, one_hot
from .ops import Activation, Conv, Pool


@dataclass(frozen=True)
class Mistake:
    """One mistake: its short name (a CLI choice), a title, what goes wrong, the wrong and the right
    equation, and what a network needs for the mistake to act at all."""

    name: str
    title: str
    explanation: str
    wrong: str
    right: str
    needs: str

    def affects(self, net):
        """The gradient keys (parameters and "input") this mistake changes in `net`; empty where it
        has nothing to act on (no max pool for `maxpool-to-all`, 1 × 1 kernels for `flipped-kernel`)."""
        ops = net.ops
        if self.name == "bias-no-sum":
            return {op.b for op, shape in _conv_outputs(net) if shape[0] * shape[1] > 1}
        acting = [i for i, op in enumerate(ops) if acts(self.name, op, net)]
        if not acting:
            return set()
        # Everything below the last op it acts on gets a wrong δ, and the input with it.
        below = {key for op in ops[:acting[-1]] for key in (getattr(op, "W", None), getattr(op, "b", None)) if key}
        return below | {"input"}


MISTAKES = (
    Mistake("no-sigma-prime", "forget the activation derivative σ′",
            "δ went back through every hidden activation unchanged, as if σ′ were 1: the chain rule "
            "lost a factor, so every gradient below an activation is wrong.",
            "δ_C = δ_A", "δ_C = δ_A ⊙ σ′(C)", "a hidden activation other than identity"),
    Mistake("flipped-kernel", "convolution instead of cross-correlation in ∂L/∂I",
            "∂L/∂I used each kernel turned 180° from the right way round (a convolution where the chain "
            "rule asks for a cross-correlation with the rotated kernel, or a flip done twice), so each "
            "pixel got δ times the weight from the opposite side of the window.",
            "∂L/∂I_c = Σ_p δ_p (full) ⋆ K_p,c", "∂L/∂I_c = Σ_p δ_p (full) ⋆ rot180(K_p,c)",
            "a kernel larger than 1 × 1"),
    Mistake("maxpool-to-all", "route the max-pool gradient to every window element",
            "Each window's δ went to all k1·k2 of its inputs instead of only the maximum: the inputs "
            "that lost the max contest had no effect on the loss, yet got a gradient.",
            "∂L/∂A_p[i·s + m, j·s + n] += δ_P[i, j] for every (m, n)",
            "∂L/∂A_p[i·s + m*, j·s + n*] += δ_P[i, j] at the argmax only",
            "a max-pooling layer with windows larger than 1 × 1"),
    Mistake("avgpool-no-mean", "drop the 1/N of average pooling",
            "Each input of an average-pool window got the whole δ instead of δ/(k1·k2): the mean "
            "divides by the window size, so its gradient must too, and everything below comes out "
            "k1·k2 times too large.",
            "∂L/∂A_p[i·s + m, j·s + n] += δ_P[i, j]", "∂L/∂A_p[i·s + m, j·s + n] += δ_P[i, j] / (k1·k2)",
            "an average-pooling layer with windows larger than 1 × 1"),
    Mistake("bias-no-sum", "forget the bias gradient's sum over positions",
            "∂L/∂b_p kept only the δ of the last position of feature map p (db[p] = δ in the loop "
            "instead of db[p] += δ), but b_p is added at every position, so every position's δ "
            "belongs in its gradient.",
            "∂L/∂b_p = δ_p[H1 − 1, W1 − 1]", "∂L/∂b_p = Σ_i Σ_j δ_p[i, j]",
            "a feature map with more than one position"),
)

NAMES = tuple(m.name for m in MISTAKES)


def get(name):
    """The Mistake called `name`; ValueError listing the names otherwise."""
    for m in MISTAKES:
        if m.name == name:
            return m
    raise ValueError(f"unknown mistake {name!r}; choose one of {', '.join(NAMES)}")


def _conv_outputs(net):
    """[(Conv op, (H1, W1))] from the network's stage shapes."""
    shapes = dict(net.shapes())
    return [(op, shapes[op.stage.name][1:]) for op in net.ops if isinstance(op, Conv)]


def acts(name, op, net):
    """True where mistake `name` replaces `op`'s backward in `net` (not used for bias-no-sum)."""
    if name == "no-sigma-prime":
        return isinstance(op, Activation) and op.name != "identity"
    if name == "flipped-kernel":
        return isinstance(op, Conv) and np.prod(net.params[op.W].shape[2:]) > 1
    if name == "maxpool-to-all":
        return isinstance(op, Pool) and op.kind == "max" and op.size[0] * op.size[1] > 1
    if name == "avgpool-no-mean":
        return isinstance(op, Pool) and op.kind == "avg" and op.size[0] * op.size[1] > 1
    return False


def _to_every_window_element(dout, x_shape, size, stride):
    """δ of each window added, whole, to every input of that window."""
    dx = np.zeros(x_shape)
    hp, wp = dout.shape[2:]
    for m in range(size[0]):
        for n in range(size[1]):
            dx[:, :, m:m + stride[0] * (hp - 1) + 1:stride[0], n:n + stride[1] * (wp - 1) + 1:stride[1]] += dout
    return dx


def input_gradient(dout, W, x_shape, stride, padding):
    """∂L/∂I_c[r, s] = Σ_p Σ_(i, j) δ_p[i, j] · K_p,c[r − i·Z_s, s − j·Z_s] (padding cropped):
    each output position sends δ times the weight that met the pixel back to it."""
    n, _, h1, w1 = dout.shape
    _, c, k1, k2 = W.shape
    (sh, sw), (ph, pw) = stride, padding
    h, w = x_shape[2:]
    dxp = np.zeros((n, c, h + 2 * ph, w + 2 * pw))
    for m in range(k1):
        for q in range(k2):
            dxp[:, :, m:m + sh * (h1 - 1) + 1:sh, q:q + sw * (w1 - 1) + 1:sw] += \
                np.einsum("npij,pc->ncij", dout, W[:, :, m, q])
    return dxp[:, :, ph:ph + h, pw:pw + w]


def _op_backward(op, d, a, out, cache, params, mistake):
    """(∂L/∂input, parameter gradients) of one op: its real backward, or the mistake's variant."""
    name = mistake.name if mistake else None
    if name == "no-sigma-prime" and isinstance(op, Activation):
        return d, {}
    if name in ("maxpool-to-all", "avgpool-no-mean") and isinstance(op, Pool) and \
            op.kind == {"maxpool-to-all": "max", "avgpool-no-mean": "avg"}[name]:
        return _to_every_window_element(d, a.shape, op.size, op.stride), {}
    if name == "flipped-kernel" and isinstance(op, Conv):
        _, grads = op.backward(d, cache, params, False)
        return input_gradient(d, params[op.W][:, :, ::-1, ::-1], a.shape, op.stride, op.padding), grads
    d_in, grads = op.backward(d, cache, params, True)
    if name == "bias-no-sum" and isinstance(op, Conv):
        grads = dict(grads)
        grads[op.b] = d[:, :, -1, -1].sum(axis=0)      # summed over the batch, not over positions
    return d_in, grads


def backward(net, x, labels, mistake=None):
    """(loss, grads, deltas): the loss and ∂L/∂θ as `net.loss_and_gradients` gives them (with
    "input" in x's shape), computed with `mistake` (a Mistake, a name or None) in place of the
    right backward of the ops it concerns; deltas maps each stage name to ∂L/∂(that stage)."""
    if isinstance(mistake, str):
        mistake = get(mistake)
    params = net.params
    a = as_batch(net, x)
    n = a.shape[0]
    runs = []
    for op in net.ops:
        out, cache = op.forward(a, params)
        runs.append((op, a, out, cache))
        a = out
    z = a
    yhat, out_cache = net.output.forward(z, params)
    target = one_hot(net, labels)
    loss_name, out_act = net.config["loss"], net.config["output"]["activation"]
    loss = float(losses.loss_terms(loss_name, out_act, yhat, target, z).sum(axis=-1).mean())
    dyhat = losses.loss_gradient(loss_name, out_act, yhat, target) / n
    if losses.combines(loss_name, out_act):
        dz = (yhat - target) / n
    else:
        dz = net.output.backward(dyhat, out_cache, params)[0]
    deltas, grads, d = {"out.probs": dyhat, "out.z": dz}, {}, dz
    for op, a, out, cache in reversed(runs):
        deltas[op.stage.name] = d
        d, g = _op_backward(op, d, a, out, cache, params, mistake)
        grads.update(g)
    grads["input"] = d[:, 0].reshape(np.shape(x))
    deltas["input"] = d
    return loss, grads, deltas
