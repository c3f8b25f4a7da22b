"""The paper's CNN: conv blocks, flatten, dense layers, output and loss, run forward and backward.

One code path (`_run`) serves `loss_and_gradients`, `sgd_step` and `trace`, so what the app
replays is exactly what training computes.
"""

import numpy as np

from convviz.files import atomic_write

from . import losses
from .config import DEFAULT_CONFIG, conv_output_size, normalize_config
from .fused import fuse
from .model_file import FORMAT_VERSION, ModelFileError, read_model_file, write_model_file
from .ops import Activation, Conv, Dense, Flatten, Output, Pool, step
from .trace import OpKind, Recorder, Stage, StageId, StageKind, Trace

__all__ = ["FORMAT_VERSION", "DivergenceError", "ModelFileError", "Network"]


class DivergenceError(ArithmeticError):
    """An update would make the parameters non-finite (α too large): nothing was changed."""


#: Up to this many classes the identity is kept for label lookups (classes² values: 8 MB at 1024).
ONE_HOT_TABLE_MAX = 1024


def one_hot_table(classes, dtype):
    """The identity whose row y is label y's target, or None where classes² would be too big to keep."""
    if classes > ONE_HOT_TABLE_MAX:
        return None
    table = np.eye(classes, dtype=dtype)
    table.flags.writeable = False
    return table


def one_hot(table, y, classes, dtype):
    """A fresh (n, classes) array of one-hot targets for the labels y (already checked)."""
    if table is not None:
        return table.take(y, axis=0)        # 6x faster than eye(...)[y] at batch 1
    targets = np.zeros((len(y), classes), dtype=dtype)
    targets[np.arange(len(y)), y] = 1
    return targets


class Network:
    """A small CNN after Murugan (arXiv:1711.03278), in float64 unless `dtype` is given."""

    def __init__(self, config=None, seed=0, dtype=np.float64):
        self._structure(config, dtype)
        self.params = self._init_params(np.random.default_rng(seed))

    def _structure(self, config, dtype):
        """Config, dtype, ops and parameter shapes: everything but the parameters (nothing big)."""
        self.config = normalize_config(DEFAULT_CONFIG if config is None else config)
        self.dtype = np.dtype(dtype)
        self._build()

    # ---- structure -------------------------------------------------------------------
    def _build(self):
        cfg = self.config
        self.ops, self._stages = [], []
        h, w = cfg["input"]
        channels, stage = 1, StageId.solo(StageKind.INPUT)

        def add(sid, op, shape):
            self._stages.append(Stage(sid, OpKind(op), tuple(shape)))

        add(stage, "input", (1, h, w))
        self._param_shapes = {}
        for i, block in enumerate(cfg["conv"], 1):
            layer = f"conv{i}"
            d = block["kernels"]
            self._param_shapes[f"{layer}.W"] = (d, channels) + tuple(block["size"])
            self._param_shapes[f"{layer}.b"] = (d,)
            self.ops.append(Conv(layer, stage, block["stride"], block["padding"]))
            h = conv_output_size(h, block["size"][0], block["padding"][0], block["stride"][0])
            w = conv_output_size(w, block["size"][1], block["padding"][1], block["stride"][1])
            maps, activated = StageId(layer, StageKind.FEATURE_MAPS), StageId(layer, StageKind.ACTIVATED)
            add(StageId(layer, StageKind.KERNELS), "conv", self._param_shapes[f"{layer}.W"])
            add(maps, "conv", (d, h, w))
            self.ops.append(Activation(layer, block["activation"], maps, activated, False))
            add(activated, "activation", (d, h, w))
            stage = activated
            if block["pool"] != "none":
                self.ops.append(Pool(layer, block["pool"], block["pool_size"], block["pool_stride"], stage))
                h = conv_output_size(h, block["pool_size"][0], 0, block["pool_stride"][0])
                w = conv_output_size(w, block["pool_size"][1], 0, block["pool_stride"][1])
                stage = StageId(layer, StageKind.POOLED)
                add(stage, "pool", (d, h, w))
            channels = d
        self.ops.append(Flatten(stage))
        n = channels * h * w
        stage = StageId.solo(StageKind.FLATTEN)
        add(stage, "flatten", (n,))
        for j, layer_cfg in enumerate(cfg["dense"], 1):
            layer, units = f"dense{j}", layer_cfg["units"]
            z, a = StageId(layer, StageKind.Z), StageId(layer, StageKind.A)
            self._param_shapes[f"{layer}.W"] = (units, n)
            self._param_shapes[f"{layer}.b"] = (units,)
            self.ops.append(Dense(layer, str(j), stage, z))
            self.ops.append(Activation(layer, layer_cfg["activation"], z, a, True))
            add(z, "dense", (units,))
            add(a, "activation", (units,))
            stage, n = a, units
        classes = cfg["output"]["classes"]
        self._param_shapes["out.W"] = (classes, n)
        self._param_shapes["out.b"] = (classes,)
        self.ops.append(Dense("out", "L+1", stage, StageId("out", StageKind.Z)))
        self.output = Output(cfg["output"]["activation"], cfg["loss"])
        add(StageId("out", StageKind.Z), "dense", (classes,))
        add(StageId("out", StageKind.PROBS), "output", (classes,))
        add(StageId.solo(StageKind.LOSS), "loss", ())
        self.units = fuse(self.ops, self.config)    # the ops as they run
        self._one_hot = one_hot_table(classes, self.dtype)

    def _init_params(self, rng):
        """He-normal weights before ReLU-like activations, Glorot-normal otherwise; zero biases."""
        params = {}
        acts = {f"conv{i}": b["activation"] for i, b in enumerate(self.config["conv"], 1)}
        acts |= {f"dense{j}": d["activation"] for j, d in enumerate(self.config["dense"], 1)}
        for key, shape in self._param_shapes.items():
            if key.endswith(".b"):
                params[key] = np.zeros(shape, self.dtype)
                continue
            fan_in = int(np.prod(shape[1:]))
            fan_out = shape[0] * int(np.prod(shape[2:]))
            if acts.get(key.split(".")[0], "identity") in ("relu", "leaky_relu", "elu"):
                std = np.sqrt(2.0 / fan_in)
            else:
                std = np.sqrt(2.0 / (fan_in + fan_out))
            params[key] = (rng.standard_normal(shape) * std).astype(self.dtype)
        return params

    @property
    def classes(self):
        return self.config["output"]["classes"]

    def stages(self):
        """Every Stage of the pipeline in order (id, the op kind that fills it, shape without batch axis)."""
        return tuple(self._stages)

    def shapes(self):
        """[(stage name, output shape)] for every layer, from the input to the loss (Eq. 2.1 sizes)."""
        return [(s.id.name, s.shape) for s in self._stages]

    def param_stage(self, key):
        """The pipeline stage that shows parameter `key`: a conv block's kernels, a dense layer's z."""
        sid = StageId.parse(key)
        return sid.sibling(StageKind.KERNELS if sid.layer.startswith("conv") else StageKind.Z)

    def parameter_count(self):
        return int(sum(p.size for p in self.params.values()))

    # ---- inputs ----------------------------------------------------------------------
    def _as_batch(self, x):
        x = np.asarray(x)
        h, w = self.config["input"]
        if x.ndim == 2 and x.shape == (h, w):
            single = True
        elif x.ndim == 3 and x.shape[1:] == (h, w) and x.shape[0] > 0:
            single = False
        else:
            raise ValueError(f"input: expected an image of shape ({h}, {w}) or a batch (N, {h}, {w}), "
                             f"got shape {x.shape}")
        if x.dtype == self.dtype:            # real numbers already: no dtype checks (~1.5 µs)
            cast = x
        elif not np.issubdtype(x.dtype, np.number) or np.issubdtype(x.dtype, np.complexfloating):
            raise ValueError(f"input: expected real numbers, got dtype {x.dtype}")
        else:
            with np.errstate(over="ignore"):     # a too large value is refused below, by value
                cast = x.astype(self.dtype, copy=False)
        if not np.isfinite(cast).all():
            if not np.isfinite(x).all():
                raise ValueError("input: contains NaN or infinite values")
            # Finite, but beyond this network's dtype (1e39 in a float32 network).
            raise ValueError(f"input: values up to {np.max(np.abs(x)):g} are too large for this "
                             f"{self.dtype} network (at most {float(np.finfo(self.dtype).max):g})")
        x = cast
        return x.reshape(-1, 1, h, w), single

    def _targets(self, y, n):
        y = np.asarray(y)
        if y.ndim == 0:
            y = y.reshape(1)
        if y.shape != (n,) or y.dtype.kind not in "iu":                     # signed or unsigned integers
            raise ValueError(f"labels: expected {n} integer label(s), got {y!r}")
        if np.minimum.reduce(y) < 0 or np.maximum.reduce(y) >= self.classes:   # 1 µs, not 2.5
            bad = (y < 0) | (y >= self.classes)
            raise ValueError(f"labels: {int(y[bad][0])} is outside 0..{self.classes - 1}")
        return one_hot(self._one_hot, y, self.classes, self.dtype)

    # ---- forward and backward --------------------------------------------------------
    def forward(self, x):
        """ŷ for an image (H, W) -> (classes,) or a batch (N, H, W) -> (N, classes)."""
        a, single = self._as_batch(x)
        for op in self.units:
            a, _ = op.forward(a, self.params)
        yhat, _ = self.output.forward(a, self.params)
        return yhat[0] if single else yhat

    def loss_and_gradients(self, x, y, need_input_grad=True):
        """Mean loss over the batch and ∂L/∂θ for every parameter, plus "input" (∂L/∂I, x's shape)."""
        loss, grads, _ = self._run(x, y, params=self.params, need_input_grad=need_input_grad)
        return loss, grads

    def sgd_step(self, x, y, lr):
        """θ ← θ − α·∂L/∂θ in place; returns the loss before the step. DivergenceError, with every
        parameter unchanged, when the loss, a gradient or an updated parameter is not finite."""
        with np.errstate(over="ignore", invalid="ignore"):   # checked below, by value
            loss, grads, _ = self._run(x, y, params=self.params, need_input_grad=False)
            after = {key: p - lr * grads[key] for key, p in self.params.items()}
        bad = [k for k, v in after.items() if not np.isfinite(v).all()]
        if not np.isfinite(loss) or bad:
            what = f"{bad[0]} would become non-finite" if bad else f"the loss is {loss}"
            raise DivergenceError(f"update not applied: {what} with α = {lr:g}; the weights are "
                                  "unchanged. Try a smaller α.")
        for key, p in self.params.items():
            p[...] = after[key]
        return loss

    def _run(self, x, y, params, need_input_grad=True, recorder=None, backward=True):
        xb, single = self._as_batch(x)
        n = xb.shape[0]
        target = self._targets(y, n)
        rec = recorder.add if recorder else None
        if rec:
            rec("forward", [step("input", "input", StageId.solo(StageKind.INPUT),
                                 f"I[i, j] ∈ [0, 1],   I: {xb.shape[2]} × {xb.shape[3]}",
                                 {"output": xb})])
        caches, a = [], xb
        for op in self.units:
            out, cache = (op.forward_for_trace if rec and hasattr(op, "forward_for_trace")
                          else op.forward)(a, params)
            if rec:
                rec("forward", op.forward_steps(a, out, cache, params))
            caches.append(cache)
            a = out
        z = a
        yhat, log_yhat = self.output.forward_and_log(z)     # ln ŷ shared with the loss
        if rec:
            rec("forward", self.output.forward_steps(z, yhat, None, params))
        loss_name, out_act = self.config["loss"], self.config["output"]["activation"]
        terms = losses.loss_terms(loss_name, out_act, yhat, target, z, log_yhat)
        per_example = terms.sum(axis=-1)
        loss = float(per_example.sum() / n)    # as .mean() computes it, without its Python layer
        if not backward:
            return loss, {}, (yhat[0] if single else yhat)
        # The batch loss is the mean over examples, so every example's gradient carries 1/N.
        # With the combined δ = ŷ − y, ∂L/∂ŷ is only shown, never used: computed for the trace.
        combined = losses.combines(loss_name, out_act)
        dyhat = losses.loss_gradient(loss_name, out_act, yhat, target) / n if rec or not combined else None
        if combined:
            dz = (yhat - target) / n
        else:
            dz = self.output.backward(dyhat, (z, yhat), params)[0]
        if rec:
            probs_id, loss_id = StageId("out", StageKind.PROBS), StageId.solo(StageKind.LOSS)
            rec("loss", [step("loss", "loss", loss_id, losses.equation(loss_name, out_act),
                              {"input": yhat, "target": target, "terms": terms,
                               "per_example": per_example, "output": np.float64(loss)},
                              {"loss": loss_name, "output": out_act}, reads=(probs_id,))])
            rec("backward", [step("loss_grad", "loss", probs_id,
                                  losses.gradient_equation(loss_name, out_act),
                                  {"input": yhat, "target": target, "grad_input": dyhat},
                                  {"loss": loss_name, "output": out_act}, reads=(loss_id,))])
            rec("backward", [self.output.backward_step(dyhat, dz, yhat, target)])
        grads, d = {}, dz
        for op, cache in zip(reversed(self.units), reversed(caches)):
            need = need_input_grad or op is not self.units[0]
            d_in, g = op.backward(d, cache, params, need)
            if rec:
                rec("backward", op.backward_steps(d, d_in, g, cache, params))
            grads.update(g)
            d = d_in
        if need_input_grad:
            grads["input"] = d[:, 0][0] if single else d[:, 0]
        return loss, grads, (yhat[0] if single else yhat)

    # ---- the trace -------------------------------------------------------------------
    def trace(self, x, y, lr=0.1):
        """Record one full training iteration on (x, y) with learning rate α = lr; changes nothing."""
        _, single = self._as_batch(x)
        recorder, entries = Recorder(single), []
        loss, grads, probs = self._run(x, y, params=self.params, recorder=recorder)
        # A far too large α may overflow here: the app checks `params_after` before applying it.
        # Δ = −α·∂L/∂θ, then θ + Δ: exactly θ − α·∂L/∂θ (x − y is x + (−y) in IEEE arithmetic).
        with np.errstate(over="ignore", invalid="ignore"):
            deltas = {key: grads[key] * -lr for key in self.params}
            after = {key: p + deltas[key] for key, p in self.params.items()}
        recorder.own([*after.values(), *deltas.values()])      # made here: recorded uncopied
        for key, p in self.params.items():
            symbol = "K" if key.startswith("conv") and key.endswith(".W") else key.split(".")[1]
            sid = StageId.parse(key)
            arrays = {"before": p, "grad": grads[key], "delta": deltas[key], "after": after[key]}
            entries.append(step("update", sid.layer, sid, f"{symbol} ← {symbol} − α · ∂L/∂{symbol},   α = {lr:g}",
                                arrays, {"lr": lr}, writes=(self.param_stage(key),)))
        recorder.add("update", entries)
        rerun = Recorder(single, recorder.copies)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            loss_after, _, probs_after = self._run(x, y, params=after, recorder=rerun, backward=False)
        batch = (lambda a: a[None]) if single else (lambda a: a)   # the recorder drops the batch axis
        # Every stage's values after the update, so a view can show what the update changed.
        stages_after = {f"after/{s.stage.name}": batch(s.arrays["output"]) for s in rerun.steps}
        recorder.add("update", [step("rerun", "out", StageId.solo(StageKind.LOSS),
                                     f"L: {loss:.6g} → {loss_after:.6g}",
                                     {"probs_before": batch(probs), "probs_after": batch(probs_after),
                                      "loss_before": np.float64(loss), "loss_after": np.float64(loss_after)}
                                     | stages_after,
                                     {"lr": lr}, reads=(StageId("out", StageKind.PROBS),))])
        return Trace(steps=recorder.steps, label=y, lr=lr, loss=loss, probs=probs, grads=grads,
                     loss_after=loss_after, probs_after=probs_after, params_after=after,
                     stages=self.stages())

    # ---- files -----------------------------------------------------------------------
    def save(self, path):
        """One .npz of the config (as JSON) and every parameter, written atomically; non-finite
        parameters are refused (ValueError): such a file could never be loaded."""
        bad = [k for k, v in self.params.items() if not np.isfinite(v).all()]
        if bad:
            raise ValueError(f"{path}: not saved: {', '.join(bad)} hold non-finite values")
        with atomic_write(path) as f:
            write_model_file(f, self.config, self.params)

    @classmethod
    def load(cls, path, dtype=np.float64):
        """A Network from a file written by `save`; ModelFileError names the file and the problem."""
        net = cls.__new__(cls)

        def shapes(config):
            # The structure (cheap) comes first, so every stored array is checked against its
            # expected shape before it is decompressed; nothing big is allocated before.
            net._structure(config, dtype)
            return net._param_shapes
        net.params = read_model_file(path, shapes, dtype)
        return net

    def restore(self, path):
        """Load parameters of the same architecture from `path`; on any error the net is unchanged."""
        def shapes(config):
            if normalize_config(config) != self.config:
                raise ModelFileError(f"{path}: the file's network differs from this one's configuration")
            return self._param_shapes
        self.params.update(read_model_file(path, shapes, self.dtype))   # validated in full first
