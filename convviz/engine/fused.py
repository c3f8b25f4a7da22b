"""A conv block (Conv, ReLU, max pooling) run as one unit by the fused kernel of `block.py`.

It computes what its three ops compute and records the same three forward and three
backward steps, so the trace reads as before. The stages the kernel never forms (the
ReLU-ed maps, the argmax over them, ∂L/∂A and ∂L/∂C) are derived for the trace only, from
the kernel's own feature maps and its incoming δ, by the separate ops' formulas.
"""

from .block import block_backward, block_forward, fuses, recorded_argmax
from .config import conv_output_size
from .ops import Conv
from .pooling import pool_backward


def fuse(ops, config):
    """The network's ops as they run: each conv block that `block.fuses` allows (its Conv,
    Activation and Pool) becomes one ConvReluMaxPool; every other op runs on its own."""
    units, i, hw = [], 0, config["input"]
    blocks = iter(config["conv"])
    while i < len(ops):
        op = ops[i]
        if not isinstance(op, Conv):
            units.append(op)
            i += 1
            continue
        b = next(blocks)
        hw = [conv_output_size(hw[k], b["size"][k], b["padding"][k], b["stride"][k]) for k in (0, 1)]
        if fuses(b["activation"], b["pool"], b["pool_size"], b["pool_stride"], hw):
            op.fused_pool = tuple(b["pool_size"])
            units.append(ConvReluMaxPool(op, ops[i + 1], ops[i + 2]))
            i += 3
        else:
            units.append(op)
            i += 1
        if b["pool"] != "none":
            hw = [conv_output_size(hw[k], b["pool_size"][k], 0, b["pool_stride"][k]) for k in (0, 1)]
    return units


class ConvReluMaxPool:
    """Conv → ReLU → max pooling over non-overlapping windows, as `block.fuses` allows."""

    def __init__(self, conv, activation, pool):
        self.conv, self.activation, self.pool = conv, activation, pool
        self.layer = conv.layer
        self.ops = (conv, activation, pool)

    def forward(self, x, params, keep_maps=False):
        c = self.conv
        pooled, cache, maps = block_forward(x, params[c.W], params[c.b], c.stride, c.padding,
                                            self.pool.size, keep_maps)
        return pooled, {"block": cache, "maps": maps, "input": x}

    def forward_for_trace(self, x, params):
        return self.forward(x, params, keep_maps=True)

    def backward(self, dout, cache, params, need_input_grad=True):
        dx, kernel_grad, bias_grad = block_backward(dout, cache["block"], need_input_grad)
        return dx, {self.conv.W: kernel_grad, self.conv.b: bias_grad}

    def forward_steps(self, x, y, cache, params):
        maps = cache["maps"]
        activated, _ = self.activation.forward(maps, params)
        pool_cache = (activated, "max", self.pool.size, self.pool.stride, recorded_argmax(cache["block"]), y)
        cache["pool"] = pool_cache
        return (self.conv.forward_steps(x, maps, None, params)
                + self.activation.forward_steps(maps, activated, maps, params)
                + self.pool.forward_steps(activated, y, pool_cache, params))

    def backward_steps(self, dout, dx, grads, cache, params):
        maps, pool_cache = cache["maps"], cache["pool"]
        d_activated = pool_backward(dout, pool_cache)
        d_maps, _ = self.activation.backward(d_activated, maps, params)
        return (self.pool.backward_steps(dout, d_activated, {}, pool_cache, params)
                + self.activation.backward_steps(d_activated, d_maps, {}, maps, params)
                + self.conv.backward_steps(d_maps, dx, grads, (cache["input"],), params))
