"""The network's operations: forward and backward side by side, each with its display equations.

Every op works on a batch: images and maps are (N, C, H, W), vectors (N, n). `forward`
returns (output, cache); `backward` returns (∂L/∂input, {param key: gradient}). The
`*_steps` methods describe a call for the trace; they do no math beyond what they record.
"""

import numpy as np

from . import activations as act
from . import losses
from .conv import conv_backward, conv_forward
from .pooling import pool_backward, pool_forward
from .trace import OpKind, StageId, StageKind

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def step(op, layer, stage, title, equation, about, arrays, meta=None, reads=(), writes=None):
    """A Step's fields; `writes` defaults to the step's own stage."""
    return {"op": OpKind(op), "layer": layer, "stage": stage, "title": title, "equation": equation,
            "about": about, "arrays": arrays, "meta": meta or {}, "reads": tuple(reads),
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

    def forward(self, x, params):
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
        about = ("Each kernel slides over the input; at every position the element-wise product of "
                 "the kernel and the patch under it (its receptive field) is summed and the kernel's "
                 f"bias added. {d} kernels give {d} feature maps of {h1} × {w1}.")
        if any(skipped):
            about += (f" The stride does not divide evenly, so the last {skipped[0]} row(s) and "
                      f"{skipped[1]} column(s) of the padded input are never covered (Eq. 2.1 rounds down).")
        meta = self._meta(params) | {"sizes": sizes, "skipped": tuple(skipped)}
        return [step("conv", self.layer, self.stage, f"{self.layer}: convolution",
                     "C_p[i, j] = Σ_c Σ_m Σ_n I_c[i·Z_s + m, j·Z_s + n] · K_p,c[m, n] + b_p", about,
                     {"input": x, "W": params[self.W], "b": params[self.b], "output": y}, meta,
                     reads=(self.in_stage, self.kernels))]

    def backward_steps(self, dout, dx, grads, cache, params):
        x = cache[0]
        base = {"input": x, "W": params[self.W], "grad_output": dout}
        meta = self._meta(params)
        steps = [
            step("conv_dK", self.layer, self.W_id, f"{self.layer}: kernel gradient ∂L/∂K",
                 "∂L/∂K_p,c[m, n] = Σ_i Σ_j δ_p[i, j] · I_c[i·Z_s + m, j·Z_s + n]",
                 "A kernel weight touched every position of its feature map, so its gradient adds "
                 "up δ times the input pixel it multiplied, over all positions: the correlation of "
                 "the input with the feature maps' gradient.",
                 base | {"grad_W": grads[self.W]}, meta,
                 reads=(self.stage, self.in_stage), writes=(self.kernels,)),
            step("conv_db", self.layer, self.b_id, f"{self.layer}: bias gradient ∂L/∂b",
                 "∂L/∂b_p = Σ_i Σ_j δ_p[i, j]",
                 "Every position of feature map p adds the same bias b_p, so its gradient is the "
                 "sum of the map's gradient δ_p.",
                 {"grad_output": dout, "b": params[self.b], "grad_b": grads[self.b]}, meta,
                 reads=(self.stage,), writes=(self.kernels,)),
        ]
        if dx is not None:
            first = self.in_stage.kind == StageKind.INPUT
            steps.append(step(
                "conv_dX", self.layer, self.in_stage, f"{self.layer}: input gradient ∂L/∂I",
                "∂L/∂I_c = Σ_p (δ_p dilated by Z_s, zero-padded by k − 1) ⋆ rot180(K_p,c), cropped by Z_p",
                "Each input pixel fed every output position whose window covered it, so its gradient "
                "sums δ times the kernel weight it met: a full convolution with the kernel turned "
                "180°." + (" For the input image this is its saliency: how much each pixel would "
                           "change the loss." if first else ""),
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
        about = (f"The activation {self.name} is applied to every value on its own. Without a "
                 "non-linearity here, stacked layers would collapse into one linear map.")
        return [step("activation", self.layer, self.stage, f"{self.layer}: activation {self.name}",
                     f"{eq},   {f_eq}", about, {"input": x, "output": y}, {"activation": self.name},
                     reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        _, d_eq = act.equations(self.name)
        eq = "δ^l = ∂L/∂a^l ⊙ σ′(z^l)" if self.dense else "δ_C = δ_A ⊙ σ′(C)"
        about = ("The gradient passes back through σ by the chain rule: each value is multiplied by "
                 "the slope σ′ at that point." +
                 (" ReLU lets it through where the input was positive and blocks it elsewhere."
                  if self.name == "relu" else ""))
        return [step("activation_grad", self.layer, self.in_stage,
                     f"{self.layer}: through the activation {self.name}", f"{eq},   {d_eq}", about,
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
        "max": "∂L/∂A_p[i·s + m*, j·s + n*] += δ_P[i, j] at the window's argmax (m*, n*); 0 elsewhere",
        "avg": "∂L/∂A_p[i·s + m, j·s + n] += δ_P[i, j] / (k1·k2)",
        "l2": "∂L/∂A_p[i·s + m, j·s + n] += δ_P[i, j] · A_p[i·s + m, j·s + n] / P_p[i, j]",
    }
    _ABOUT_BACK = {
        "max": ("Only the largest value of each window reached the output, so only it gets the "
                "gradient; the other positions of the window had no effect on the loss and get 0."),
        "avg": "Every value of a window counted equally in its mean, so each gets an equal share 1/(k1·k2).",
        "l2": "Each value gets δ in proportion to its share x/P of the window's norm.",
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
        about = (f"Each {self.size[0]} × {self.size[1]} window (stride {self.stride[0]}) is reduced to one "
                 f"value ({self.kind}), shrinking each map to {y.shape[2]} × {y.shape[3]}: fewer numbers, "
                 "and a little tolerance to where exactly a feature appeared.")
        return [step("pool", self.layer, self.stage, f"{self.layer}: {self.kind} pooling",
                     self._FORWARD[self.kind], about, arrays, self._meta(), reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        arrays = {"input": cache[0], "output": cache[5], "grad_output": dout, "grad_input": dx}
        if self.kind == "max":
            arrays["argmax"] = cache[4]
        return [step("pool_grad", self.layer, self.in_stage, f"{self.layer}: routing through {self.kind} pooling",
                     self._BACKWARD[self.kind], self._ABOUT_BACK[self.kind], arrays, self._meta(),
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
        return [step("flatten", "flatten", self.stage, "flatten",
                     f"a^0 = vec(P): {d} × {h} × {w} → {d * h * w}  (index = p·{h * w} + i·{w} + j)",
                     "The maps are laid end to end, map by map and row by row, into one vector so "
                     "the dense layers can weigh every value. Nothing is computed; only the shape changes.",
                     {"input": x, "output": y}, reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        d, h, w = cache[1:]
        return [step("unflatten", "flatten", self.in_stage, "un-flatten the gradient",
                     f"δ_P = reshape(∂L/∂a^0): {d * h * w} → {d} × {h} × {w}",
                     "The gradient vector is folded back into the pooled maps' shape, each value to "
                     "the position it came from.", {"grad_output": dout, "grad_input": dx},
                     reads=(self.stage,))]


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
            # One example: ∂L/∂W is the outer product δ aᵀ. As a broadcast product it is ~3x
            # faster than a matrix product with an inner dimension of 1, and exactly equal.
            weight_grad = dout.T * cache
        else:
            weight_grad = dout.T @ cache
        return dout @ params[self.W], {self.W: weight_grad, self.b: dout.sum(axis=0)}

    def forward_steps(self, x, y, cache, params):
        l, lm = self._superscripts()
        n_out, n_in = params[self.W].shape
        return [step("dense", self.layer, self.stage, f"{self.layer}: weighted sum",
                     f"z^{l}_j = Σ_i W^{l}_ji · a^{lm}_i + b^{l}_j",
                     f"Each of the {n_out} units weighs all {n_in} inputs, adds its bias and gives one "
                     "number z. Large positive weights on active inputs push z up.",
                     {"input": x, "W": params[self.W], "b": params[self.b], "output": y}, {"l": l},
                     reads=(self.in_stage,))]

    def backward_steps(self, dout, dx, grads, cache, params):
        l, lm = self._superscripts()
        base = {"input": cache, "grad_output": dout}
        return [
            step("dense_dW", self.layer, self.W_id, f"{self.layer}: weight gradient ∂L/∂W",
                 f"∂L/∂W^{l} = δ^{l} (a^{lm})ᵀ,   ∂L/∂W^{l}_ji = δ^{l}_j · a^{lm}_i",
                 "A weight's gradient is the error of the unit it feeds times the input it "
                 "carried: weights from inputs that were 0 do not change.",
                 base | {"W": params[self.W], "grad_W": grads[self.W]}, {"l": l},
                 reads=(self.stage,), writes=(self.stage,)),
            step("dense_db", self.layer, self.b_id, f"{self.layer}: bias gradient ∂L/∂b",
                 f"∂L/∂b^{l} = δ^{l}", "A bias adds 1 × b to z, so its gradient is the unit's δ itself.",
                 {"grad_output": dout, "b": params[self.b], "grad_b": grads[self.b]}, {"l": l},
                 reads=(self.stage,), writes=(self.stage,)),
            step("dense_dx", self.layer, self.in_stage, f"{self.layer}: gradient to the layer below",
                 f"∂L/∂a^{lm} = (W^{l})ᵀ δ^{l}",
                 "Each input fed every unit of the layer, so its gradient sums the units' δ "
                 "weighted by the connecting weights.",
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

    def backward(self, dout, cache, params, need_input_grad=True):
        z, yhat = cache
        return act.output_backward(self.name, dout, yhat), {}

    def forward_steps(self, z, yhat, cache, params):
        if self.name == "softmax":
            eq = "ŷ_i = e^(z_i) / Σ_j e^(z_j)"
            about = ("Softmax turns the scores z into probabilities that are positive and sum to 1; "
                     "the largest score gets the largest share.")
        else:
            eq = "ŷ_i = 1 / (1 + e^(−z_i))"
            about = "Each output gets its own probability in (0, 1) from the sigmoid (the paper's choice)."
        arrays = {"input": z, "output": yhat}
        if self.name == "softmax":
            shifted = z - z.max(axis=-1, keepdims=True)
            arrays |= {"exp": np.exp(shifted)}
        return [step("output", "out", self.stage, f"output: {self.name}", eq, about, arrays,
                     {"activation": self.name}, reads=(self.in_stage,))]

    def backward_step(self, dyhat, dz, yhat, target):
        if losses.combines(self.loss, self.name):
            eq = "δ^(L+1) = ∂L/∂z^(L+1) = ŷ − y"
            about = (f"With {self.name} outputs and cross-entropy, the chain rule's terms cancel: "
                     "∂L/∂ŷ_i · ∂ŷ_i/∂z leaves just ŷ − y, the predicted minus the true probability. "
                     "Over a batch, divided by N for the mean.")
        elif self.name == "softmax":
            eq = "δ^(L+1) = (diag(ŷ) − ŷŷᵀ) · ∂L/∂ŷ"
            about = "Every softmax output depends on every z, so the gradient goes through the full Jacobian."
        else:
            eq = "δ^(L+1) = ∂L/∂ŷ ⊙ ŷ ⊙ (1 − ŷ)"
            about = "Through the sigmoid by the chain rule: multiply by its slope ŷ(1 − ŷ)."
        return step("output_grad", "out", self.in_stage, "output: δ^(L+1) = ∂L/∂z", eq, about,
                    {"output": yhat, "target": target, "grad_output": dyhat, "grad_input": dz},
                    {"activation": self.name, "combined": losses.combines(self.loss, self.name)},
                    reads=(self.stage,))
