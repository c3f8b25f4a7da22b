"""The editor's presets (no Qt): the shipped model's network, the paper's, a LeNet-like one and a tiny one."""

import copy
from dataclasses import dataclass

from convviz.gui.panels.editor.words import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Preset:
    name: str            # also the key; marked for translation ("editor" context), shown translated by the view
    about: str           # marked the same way
    config: dict
    seed: int = 0
    pretrained: bool = False   # Apply loads the shipped weights instead of fresh ones

    def fresh_config(self):
        return copy.deepcopy(self.config)


def _block(kernels, size, activation, pool, stride=1, padding=0, pool_size=2):
    return {"kernels": kernels, "size": [size, size], "stride": [stride, stride], "padding": [padding, padding],
            "activation": activation, "pool": pool, "pool_size": [pool_size, pool_size],
            "pool_stride": [pool_size, pool_size]}


SHIPPED = Preset(
    QT_TRANSLATE_NOOP("editor", "Shipped digits model"),
    QT_TRANSLATE_NOOP("editor",
                      "The pretrained model the app starts with: two 5 × 5 ReLU blocks with max pooling, "
                      "64 ReLU units, softmax and cross-entropy, trained on 5,000 MNIST digits."),
    {"input": [28, 28], "conv": [_block(8, 5, "relu", "max"), _block(16, 5, "relu", "max")],
     "dense": [{"units": 64, "activation": "relu"}],
     "output": {"classes": 10, "activation": "softmax"}, "loss": "cross_entropy"},
    pretrained=True)

PAPER = Preset(
    QT_TRANSLATE_NOOP("editor", "Paper"),
    QT_TRANSLATE_NOOP("editor",
                      "As in Murugan's paper: one convolution block with ReLU and max pooling, sigmoid dense "
                      "layers, a sigmoid output and the paper's cross-entropy −Σ[y·ln ŷ + (1 − y)·ln(1 − ŷ)]."),
    {"input": [28, 28], "conv": [_block(6, 5, "relu", "max")],
     "dense": [{"units": 32, "activation": "sigmoid"}],
     "output": {"classes": 10, "activation": "sigmoid"}, "loss": "cross_entropy"})

LENET = Preset(
    QT_TRANSLATE_NOOP("editor", "LeNet-like"),
    QT_TRANSLATE_NOOP("editor",
                      "Two blocks with tanh and average pooling, then 120 and 84 tanh units, as in LeCun's "
                      "LeNet-5."),
    {"input": [28, 28], "conv": [_block(6, 5, "tanh", "avg", padding=2), _block(16, 5, "tanh", "avg")],
     "dense": [{"units": 120, "activation": "tanh"}, {"units": 84, "activation": "tanh"}],
     "output": {"classes": 10, "activation": "softmax"}, "loss": "cross_entropy"})

TINY = Preset(
    QT_TRANSLATE_NOOP("editor", "Tiny"),
    QT_TRANSLATE_NOOP("editor",
                      "An 8 × 8 input, two 3 × 3 kernels, 2 × 2 max pooling and 6 units: each value and "
                      "gradient is printed in its cell wherever the cell is big enough (the larger the window, "
                      "the more cells); click any cell for its equation with its numbers."),
    {"input": [8, 8], "conv": [_block(2, 3, "relu", "max")],
     "dense": [{"units": 6, "activation": "relu"}],
     "output": {"classes": 10, "activation": "softmax"}, "loss": "cross_entropy"})

PRESETS = {p.name: p for p in (SHIPPED, PAPER, LENET, TINY)}
