"""A conv block (Conv, ReLU, max pooling) run as one unit by the fused kernel of `block.py`.

It computes what its three ops compute and records the same three forward and three
backward steps, so the trace reads as before. The stages the kernel never forms (the
ReLU-ed maps, the argmax over them, ∂L/∂A and ∂L/∂C) are derived for the trace only, from
the kernel's own feature maps and its incoming δ, by the separate ops' formulas.
"""

from .block import block_backward, block_forward, recorded_argmax
from .pooling import pool_backward


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
