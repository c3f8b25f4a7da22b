"""Every ConfigError path, with a message that names the field and the reason."""

import copy
import re

import pytest

from convviz.engine import DEFAULT_CONFIG, ConfigError, Network, normalize_config


def cfg(**changes):
    """The default config with `changes` applied: keys like "conv0_size" reach into conv[0]."""
    c = copy.deepcopy(DEFAULT_CONFIG)
    for key, value in changes.items():
        parts = key.split("_", 1)
        if parts[0].startswith(("conv", "dense")) and parts[0][-1].isdigit():
            section, index = re.match(r"([a-z]+)(\d)", parts[0]).groups()
            target = c[section][int(index)]
            field = parts[1]
        elif parts[0] == "output" and len(parts) == 2:
            target, field = c["output"], parts[1]
        else:
            target, field = c, key
        if value is DELETE:
            del target[field]
        else:
            target[field] = value
    return c


DELETE = object()

CASES = [
    # (config, field the message must start with, words it must contain)
    (cfg(inputs=[28, 28]), "config", "unknown field 'inputs'"),
    (cfg(conv0_kernel=3), "conv[0]", "unknown field 'kernel'"),
    ({**cfg(), "dense": [{"units": 4, "act": "relu"}]}, "dense[0]", "unknown field 'act'"),
    (cfg(output_bias=True), "output", "unknown field 'bias'"),
    (cfg(conv0_activation="relux"), "conv[0].activation", "unknown name 'relux'"),
    (cfg(conv0_pool="min"), "conv[0].pool", "unknown name 'min'"),
    (cfg(dense0_activation="softmax"), "dense[0].activation", "unknown name 'softmax'"),
    (cfg(output_activation="relu"), "output.activation", "unknown name 'relu'"),
    (cfg(loss="hinge"), "loss", "unknown name 'hinge'"),
    (cfg(input=DELETE), "input", "missing"),
    (cfg(conv=DELETE), "conv", "missing"),
    (cfg(output=DELETE), "output", "missing"),
    (cfg(conv0_kernels=DELETE), "conv[0].kernels", "missing"),
    ({**cfg(), "dense": [{"activation": "relu"}]}, "dense[0].units", "missing"),
    (cfg(output_classes=DELETE), "output.classes", "missing"),
    (cfg(conv0_kernels=2.0), "conv[0].kernels", "expected an integer, got 2.0"),
    (cfg(conv0_size="5"), "conv[0].size", "expected an integer or a pair"),
    (cfg(conv0_size=[5, 5, 5]), "conv[0].size", "expected an integer or a pair"),
    (cfg(input=[28, 28.0]), "input", "expected an integer, got 28.0"),
    (cfg(conv0_stride=1.5), "conv[0].stride", "expected an integer or a pair"),
    (cfg(dense0_units="64"), "dense[0].units", "expected an integer"),
    (cfg(output_classes=10.0), "output.classes", "expected an integer"),
    (cfg(conv0_kernels=True), "conv[0].kernels", "expected an integer, got True"),
    (cfg(conv0_padding=False), "conv[0].padding", "got False"),
    (cfg(conv0_size=[True, 3]), "conv[0].size", "expected an integer, got True"),
    (cfg(conv0_kernels=0), "conv[0].kernels", "must be positive, got 0"),
    (cfg(conv0_kernels=-3), "conv[0].kernels", "must be positive, got -3"),
    (cfg(conv0_size=[0, 3]), "conv[0].size", "must be positive, got 0"),
    (cfg(conv0_stride=0), "conv[0].stride", "must be positive, got 0"),
    (cfg(conv0_padding=-1), "conv[0].padding", "must be at least 0, got -1"),
    (cfg(conv0_pool_size=0), "conv[0].pool_size", "must be positive"),
    (cfg(conv0_pool_stride=[2, -2]), "conv[0].pool_stride", "must be positive, got -2"),
    (cfg(input=[0, 28]), "input", "must be positive, got 0"),
    ({**cfg(), "dense": [{"units": 0}]}, "dense[0].units", "must be positive, got 0"),
    (cfg(output_classes=1), "output.classes", "must be at least 2, got 1"),
    (cfg(output_classes=0), "output.classes", "must be at least 2, got 0"),
    (cfg(input=[5, 5], conv0_size=7), "conv[0].size", "7x7 kernel is larger than the 5x5 padded input"),
    (cfg(input=[5, 5], conv0_size=[8, 3], conv0_padding=[1, 0], conv0_pool="none"), "conv[0].size",
     "8x3 kernel is larger than the 7x5 padded input"),
    (cfg(input=[9, 5], conv0_size=[3, 6], conv0_padding=0), "conv[0].size",
     "3x6 kernel is larger than the 9x5 padded input"),
    (cfg(input=[6, 6], conv0_size=3, conv0_pool_size=5), "conv[0].pool_size",
     "5x5 window is larger than the 4x4 feature map"),
    ({**cfg(), "conv": [DEFAULT_CONFIG["conv"][0], {"kernels": 4, "size": 13}]}, "conv[1].size",
     "13x13 kernel is larger than the 12x12 padded input"),
    ({**cfg(), "conv": [DEFAULT_CONFIG["conv"][0]] * 4}, "conv", "1 to 3 blocks"),
    ({**cfg(), "conv": []}, "conv", "1 to 3 blocks"),
    ({**cfg(), "conv": DEFAULT_CONFIG["conv"][0]}, "conv", "1 to 3 blocks"),
    ({**cfg(), "dense": {"units": 4}}, "dense", "expected a list"),
    ({**cfg(), "dense": [4]}, "dense[0]", "expected an object"),
    ({**cfg(), "conv": ["conv"]}, "conv[0]", "expected an object"),
    (cfg(output="softmax"), "output", "expected an object"),
    ([1, 2], "config", "expected an object"),
]


@pytest.mark.parametrize("config,field,words", CASES, ids=[f"{f}: {w}" for _, f, w in CASES])
def test_config_error_names_the_field(config, field, words):
    with pytest.raises(ConfigError) as info:
        normalize_config(config)
    message = str(info.value)
    assert message.startswith(f"{field}:"), message
    assert words in message, message
    assert isinstance(info.value, ValueError)
    with pytest.raises(ConfigError, match=re.escape(words)):
        Network(config)


def test_fitting_edge_cases_are_valid():
    normalize_config(cfg(input=[5, 5], conv0_size=[3, 7], conv0_padding=[0, 1], conv0_pool="none"))
    # kernel exactly the padded input, pool exactly the map: 1 × 1 outputs
    c = normalize_config(cfg(input=[5, 5], conv0_size=7, conv0_padding=1, conv0_pool="none"))
    assert Network(c).shapes()[2] == ("conv1.feature_maps", (8, 1, 1))
    c = normalize_config(cfg(input=[6, 6], conv0_size=3, conv0_pool_size=4))
    assert Network(c).shapes()[4] == ("conv1.pooled", (8, 1, 1))
    # a pool window larger than the map is fine when there is no pooling
    normalize_config(cfg(input=[6, 6], conv0_size=3, conv0_pool="none", conv0_pool_size=9))


def test_defaults_are_filled_and_input_not_changed():
    c = {"input": 10, "conv": [{"kernels": 2}], "output": {"classes": 3}}
    original = copy.deepcopy(c)
    n = normalize_config(c)
    assert c == original
    assert n == {"input": [10, 10],
                 "conv": [{"kernels": 2, "size": [3, 3], "stride": [1, 1], "padding": [0, 0],
                           "activation": "relu", "pool": "max", "pool_size": [2, 2], "pool_stride": [2, 2]}],
                 "dense": [], "output": {"classes": 3, "activation": "softmax"}, "loss": "cross_entropy"}
    assert normalize_config(n) == n
    n["conv"][0]["size"][0] = 99                 # a deep copy: the caller's edits change nothing
    assert normalize_config(c)["conv"][0]["size"] == [3, 3]
    # pool_stride defaults to pool_size
    assert normalize_config(cfg(conv0_pool_size=[3, 2], conv0_pool_stride=DELETE))["conv"][0]["pool_stride"] == [3, 2]
