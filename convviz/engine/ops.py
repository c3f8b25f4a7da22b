"""The network's operations: forward and backward side by side, each with its display equations.

Every op works on a batch: images and maps are (N, C, H, W), vectors (N, n). `forward`
returns (output, cache); `backward` returns (∂L/∂input, {param key: gradient}). The
`*_steps` methods describe a call for the trace (equations, arrays, the stages read and
written); they do no math beyond what they record. Titles and explanations for learners live
in the GUI's text catalogue (convviz.gui.presentation.catalogue), not here.
"""

import numpy as np

from . import activations as act
from . import losses
from .block import block_forward
from .conv import conv_backward, conv_forward
from .pooling import pool_backward, pool_forward
from .trace import OpKind, StageId, StageKind

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def step(op, layer, stage, equation, arrays, meta=None, reads=(), writes=None):
    """A Step's fields; `writes` defaults to the step's own stage."""
    return {"op": OpKind(op), "layer": layer, "stage": stage, "equation": equation,
            "arrays": arrays, "meta": meta or {}, "reads": tuple(reads),
            "writes": (stage,) if writes is None else tuple(writes)}


class Conv:
    """Convolution of the block's input with D kernels, plus one bias per kernel."""

    def __init__(self, layer, in_stage, stride, padding):
        self.layer, self.in_stage = layer, in_stage
        self.stage = StageId(layer, StageKind.FEATURE_MAPS)
        self.kernels = StageId(layer, StageKind.KERNELS)
        self.stride, self.padding = tuple(stride), tuple(padding)
        self.W_id, self.b_id = StageId(layer, StageKind.WEIGHTS), StageId(layer, StageKind.BIAS)
        self.W, self.b = self.W_id.name, self.b_id.name
        # The pool size when this conv runs inside the fused block (network.py): its feature
        # maps alone are then computed by the same kernel, so they equal the block's bit for bit.
        self.fused_pool = None

    def forward(self, x, params):
        if self.fused_pool:
            _, _, maps = block_forward(x, params[self.W], params[self.b], self.stride, self.padding,
                                       self.fused_pool, keep_maps=True)
            return maps, (x, params[self.W], self.stride, self.padding, None)
        return conv_forward(x, params[self.W], params[self.b], self.stride, self.padding)

    def backward(self, dout, cache, params, need_input_grad=True):
        dx, kernel_grad, bias_grad = conv_backward(dout, cache, need_input_grad)
        return dx, {self.W: kernel_grad, self.b: bias_grad}

    def _meta(self, params):
        k = params[self.W].shape[2:]
        return {"stride": self.stride, "padding": self.padding, "kernel_size": tuple(k),
                "input_stage": self.in_stage}

    def forward_steps(self, x, y, cache, params):
        d, c, k1, k2 = params[self.W].shape
        h, w = x.shape[2:]
        h1, w1 = y.shape[2:]
        sizes = (f"H1 = (H − k1 + 2·Z_p)/Z_s + 1 = ({h} − {k1} + 2·{self.padding[0]})/{self.stride[0]} + 1 = {h1},  "
                 f"W1 = ({w} − {k2} + 2·{self.padding[1]})/{self.stride[1]} + 1 = {w1}")
        skipped = [(h - k1 + 2 * self.padding[0]) % self.stride[0], (w - k2 + 2 * self.padding[1]) % self.stride[1]]
        meta = self._meta(params) | {"sizes": sizes, "skipped": tuple(skipped)}
        return [step("conv", self.layer, self.stage,
                     "C_p[i, j] = Σ_c Σ_m Σ_n I_c[i·Z_s + m, j·Z_s + n] · K_p,c[m, n] + b_p",
                     {"input": x, "W": params[self.W], "b": params[self.b], "output": y}, meta,
                     reads=(self.in_stage, self.kernels))]

    def backward_steps(self, dout, dx, grads, cache, params):
        x = cache[0]
        base = {"input": x, "W": params[self.W], "grad_output": dout}
        meta = self._meta(params)
        steps = [
            step("conv_dK", self.layer, self.W_id,
                 "∂L/∂K_p,c[m, n] = Σ_i Σ_j δ_p[i, j] · I_c[i·Z_s + m, j·Z_s + n]",
                 base | {"grad_W": grads[self.W]}, meta,
                 reads=(self.stage, self.in_stage), writes=(self.kernels,)),
            step("conv_db", self.layer, self.b_id, "∂L/∂b_p = Σ_i Σ_j δ_p[i, j]",
                 {"grad_output": dout, "b": params[self.b], "grad_b": grads[self.b]}, meta,
                 reads=(self.stage,), writes=(self.kernels,)),
        ]
        if dx is not None:
            steps.append(step(
                "conv_dX", self.layer, self.in_stage,
                "∂L/∂I_c[r, q] = Σ_p Σ_i Σ_j δ_p[i, j] · K_p,c[r + Z_p − i·Z_s, q + Z_p − j·Z_s]",
                base | {"grad_input": dx}, meta, reads=(self.stage, self.kernels)))
        return steps


class Activation:
    """σ applied element by element to a conv block's feature maps or a dense layer's z."""

    def __init__(self, layer, name, in_stage, stage, dense):
        self.layer, self.name, self.in_stage, self.stage, self.dense = layer, name, in_stage, stage, dense

    def forward(self, x, params):
        return act.activate(self.name, x), x

    def backward(self, dout, cache, params, need_input_grad=True):
        return dout * act.derivative(self.name, cache), {}

    def forward_steps(self, x, y, cache, params):
        f_eq, _ = act.equations(self.name)
        eq = "a^l_j = σ(z^l_j)" if self.dense else "A_p[i, j] = σ(C_p[i, j])"
        return [step("activation", self.layer, self.stage, f"{eq},   {f_eq}", {"input": x, "output": y},
                     {"activation": self.name},
                     reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        _, d_eq = act.equations(self.name)
        eq = "δ^l = ∂L/∂a^l ⊙ σ′(z^l)" if self.dense else "δ_C = δ_A ⊙ σ′(C)"
        return [step("activation_grad", self.layer, self.in_stage,
                     f"{eq},   {d_eq}",
                     {"input": cache, "grad_output": dout, "derivative": act.derivative(self.name, cache),
                      "grad_input": dx}, {"activation": self.name}, reads=(self.stage,))]


class Pool:
    """Max, average or L2-norm pooling of each activated map over k1 × k2 windows."""

    _FORWARD = {
        "max": "P_p[i, j] = max_(m,n) A_p[i·s + m, j·s + n]",
        "avg": "P_p[i, j] = (1 / k1·k2) Σ_m Σ_n A_p[i·s + m, j·s + n]",
        "l2": "P_p[i, j] = √( Σ_m Σ_n A_p[i·s + m, j·s + n]² )",
    }
    _BACKWARD = {
        "max": "∂L/∂A_p[i·s + m*, j·s + n*] += δ_P[i, j],   (m*, n*) = argmax_(m,n) A_p[i·s + m, j·s + n]",
        "avg": "∂L/∂A_p[i·s + m, j·s + n] += δ_P[i, j] / (k1·k2)",
        "l2": "∂L/∂A_p[i·s + m, j·s + n] += δ_P[i, j] · A_p[i·s + m, j·s + n] / P_p[i, j]",
    }

    def __init__(self, layer, kind, size, stride, in_stage):
        self.layer, self.kind, self.size, self.stride = layer, kind, tuple(size), tuple(stride)
        self.in_stage, self.stage = in_stage, StageId(layer, StageKind.POOLED)

    def forward(self, x, params):
        return pool_forward(x, self.kind, self.size, self.stride)

    def backward(self, dout, cache, params, need_input_grad=True):
        return pool_backward(dout, cache), {}

    def _meta(self):
        return {"pool": self.kind, "pool_size": self.size, "pool_stride": self.stride}

    def forward_steps(self, x, y, cache, params):
        arrays = {"input": x, "output": y}
        if self.kind == "max":
            arrays["argmax"] = cache[4]
        return [step("pool", self.layer, self.stage, self._FORWARD[self.kind], arrays, self._meta(),
                     reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        arrays = {"input": cache[0], "output": cache[5], "grad_output": dout, "grad_input": dx}
        if self.kind == "max":
            arrays["argmax"] = cache[4]
        return [step("pool_grad", self.layer, self.in_stage, self._BACKWARD[self.kind], arrays, self._meta(),
                     reads=(self.stage,))]


class Flatten:
    """Pooled maps (N, D, Hp, Wp) -> one vector (N, D·Hp·Wp), kernel by kernel, row by row."""

    layer = "flatten"
    stage = StageId.solo(StageKind.FLATTEN)

    def __init__(self, in_stage):
        self.in_stage = in_stage

    def forward(self, x, params):
        return x.reshape(x.shape[0], -1), x.shape

    def backward(self, dout, cache, params, need_input_grad=True):
        return dout.reshape(cache), {}

    def forward_steps(self, x, y, cache, params):
        d, h, w = x.shape[1:]
        return [step("flatten", "flatten", self.stage,
                     f"a^0 = vec(P): {d} × {h} × {w} → {d * h * w},   a^0_k = P_p[i, j],   k = p·{h * w} + i·{w} + j",
                     {"input": x, "output": y}, reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        d, h, w = cache[1:]
        return [step("unflatten", "flatten", self.in_stage, f"δ_P = vec⁻¹(∂L/∂a^0): {d * h * w} → {d} × {h} × {w}",
                     {"grad_output": dout, "grad_input": dx}, reads=(self.stage,))]


class Dense:
    """The affine map z^l = W^l a^(l−1) + b^l of a dense (or the classification) layer."""

    def __init__(self, layer, index_label, in_stage, stage):
        self.layer, self.l, self.in_stage, self.stage = layer, index_label, in_stage, stage
        self.W_id, self.b_id = StageId(layer, StageKind.WEIGHTS), StageId(layer, StageKind.BIAS)
        self.W, self.b = self.W_id.name, self.b_id.name

    def forward(self, x, params):
        return x @ params[self.W].T + params[self.b], x

    def _superscripts(self):
        """(this layer, the layer below) as superscripts: ("1", "0"), ("2", "1"), ("(L+1)", "L")."""
        if self.l == "L+1":
            return "(L+1)", "L"
        return self.l, str(int(self.l) - 1)

    def backward(self, dout, cache, params, need_input_grad=True):
        if dout.shape[0] == 1:
            # One example: ∂L/∂W is the outer product δ aᵀ. A matrix product with an inner
            # dimension of 1 is slow in OpenBLAS, and so is a broadcast product (27 µs for
            # 64 × 1152); with a zero second row the inner dimension is 2 (7.5 µs), and
            # δ_j·a_i + 0·0 is exactly δ_j·a_i.
            d2 = np.zeros((2, dout.shape[1]), dout.dtype)
            a2 = np.zeros((2, cache.shape[1]), cache.dtype)
            d2[0], a2[0] = dout[0], cache[0]
            weight_grad = d2.T @ a2
        else:
            weight_grad = dout.T @ cache
        return dout @ params[self.W], {self.W: weight_grad, self.b: dout.sum(axis=0)}

    def forward_steps(self, x, y, cache, params):
        l, lm = self._superscripts()
        return [step("dense", self.layer, self.stage, f"z^{l}_j = Σ_i W^{l}_ji · a^{lm}_i + b^{l}_j",
                     {"input": x, "W": params[self.W], "b": params[self.b], "output": y}, {"l": l},
                     reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        l, lm = self._superscripts()
        base = {"input": cache, "grad_output": dout}
        return [
            step("dense_dW", self.layer, self.W_id,
                 f"∂L/∂W^{l} = δ^{l} (a^{lm})ᵀ,   ∂L/∂W^{l}_ji = δ^{l}_j · a^{lm}_i",
                 base | {"W": params[self.W], "grad_W": grads[self.W]}, {"l": l},
                 reads=(self.stage,), writes=(self.stage,)),
            step("dense_db", self.layer, self.b_id, f"∂L/∂b^{l} = δ^{l}",
                 {"grad_output": dout, "b": params[self.b], "grad_b": grads[self.b]}, {"l": l},
                 reads=(self.stage,), writes=(self.stage,)),
            step("dense_dx", self.layer, self.in_stage, f"∂L/∂a^{lm} = (W^{l})ᵀ δ^{l}",
                 base | {"W": params[self.W], "grad_input": dx}, {"l": l}, reads=(self.stage,)),
        ]


class Output:
    """The classification layer's activation ŷ = σ(z^(L+1)): softmax or sigmoid."""

    layer = "out"
    stage = StageId("out", StageKind.PROBS)
    in_stage = StageId("out", StageKind.Z)

    def __init__(self, name, loss):
        self.name, self.loss = name, loss

    def forward(self, z, params):
        yhat = act.output_activate(self.name, z)
        return yhat, (z, yhat)

    def forward_and_log(self, z):
        """(ŷ, ln ŷ) where softmax gives ln ŷ on the way (for cross-entropy), else (ŷ, None)."""
        if self.name == "softmax":
            return act.softmax_and_log(z)
        return act.output_activate(self.name, z), None

    def backward(self, dout, cache, params, need_input_grad=True):
        z, yhat = cache
        return act.output_backward(self.name, dout, yhat), {}

    def forward_steps(self, z, yhat, cache, params):
        eq = "ŷ_i = e^(z_i) / Σ_j e^(z_j)" if self.name == "softmax" else "ŷ_i = 1 / (1 + e^(−z_i))"
        arrays = {"input": z, "output": yhat}
        if self.name == "softmax":
            shifted = z - z.max(axis=-1, keepdims=True)
            arrays |= {"exp": np.exp(shifted)}
        return [step("output", "out", self.stage, eq, arrays,
                     {"activation": self.name}, reads=(self.in_stage,))]

    def backward_step(self, dyhat, dz, yhat, target):
        if losses.combines(self.loss, self.name):
            eq = "δ^(L+1) = ∂L/∂z^(L+1) = ŷ − y"
        elif self.name == "softmax":
            eq = "δ^(L+1) = (diag(ŷ) − ŷŷᵀ) · ∂L/∂ŷ"
        else:
            eq = "δ^(L+1) = ∂L/∂ŷ ⊙ ŷ ⊙ (1 − ŷ)"
        return step("output_grad", "out", self.in_stage, eq,
                    {"output": yhat, "target": target, "grad_output": dyhat, "grad_input": dz},
                    {"activation": self.name, "combined": losses.combines(self.loss, self.name)},
                    reads=(self.stage,))
