"""The editor's live shapes (no Qt): stages, parameters and multiply-adds equal the engine's; every
refusal names its field, in words; skipped borders are pointed out; keep-weights is decided by field."""

import copy

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convviz.engine import Network, normalize_config
from convviz.engine.config import ACTIVATION_NAMES, LOSS_NAMES, OUTPUT_ACTIVATIONS, POOL_KINDS, ConfigError
from convviz.gui.panels.editor.presets import PRESETS
from convviz.gui.panels.editor.shapes import MAX_PARAMETERS, changed_fields, keeps_weights, plan

blocks = st.fixed_dictionaries({
    "kernels": st.integers(1, 4), "size": st.lists(st.integers(1, 6), min_size=2, max_size=2),
    "stride": st.lists(st.integers(1, 3), min_size=2, max_size=2),
    "padding": st.lists(st.integers(0, 2), min_size=2, max_size=2),
    "activation": st.sampled_from(ACTIVATION_NAMES), "pool": st.sampled_from(POOL_KINDS),
    "pool_size": st.lists(st.integers(1, 3), min_size=2, max_size=2),
    "pool_stride": st.lists(st.integers(1, 3), min_size=2, max_size=2)})
configs = st.fixed_dictionaries({
    "input": st.integers(3, 28).map(lambda n: [n, n]),
    "conv": st.lists(blocks, min_size=1, max_size=3),
    "dense": st.lists(st.fixed_dictionaries({"units": st.integers(1, 8),
                                             "activation": st.sampled_from(ACTIVATION_NAMES)}), max_size=3),
    "output": st.fixed_dictionaries({"classes": st.just(10), "activation": st.sampled_from(OUTPUT_ACTIVATIONS)}),
    "loss": st.sampled_from(LOSS_NAMES)})


def macs(net):
    """Multiply-adds per image counted from the engine's own trace: each conv or dense output element
    is a sum over its weights' fan-in."""
    total = 0
    for s in net.stages():
        if s.id.name.endswith(".feature_maps"):
            w = net.params[s.id.layer + ".W"]
            total += int(np.prod(s.shape)) * int(np.prod(w.shape[1:]))
    for key, w in net.params.items():
        if key.endswith(".W") and not key.startswith("conv"):
            total += w.size
    return total


@settings(max_examples=120, deadline=None)
@given(cfg=configs)
def test_shapes_equal_the_networks_on_random_configs(cfg):
    p = plan(cfg)
    try:
        normalize_config(cfg)
    except ConfigError as e:
        assert not p.ok and p.config is None
        field = next(iter(p.refusals))
        assert str(e).startswith(field + ":"), (p.refusals, str(e))   # the same field the engine names
        return
    assert p.ok, p.refusals
    net = Network(cfg, seed=0)
    assert [(r.stage, r.shape) for r in p.rows] == net.shapes()
    assert p.params == net.parameter_count()
    assert p.madds == macs(net)
    assert p.config == net.config


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_plan_like_their_networks(name):
    cfg = PRESETS[name].config
    p = plan(cfg)
    net = Network(cfg)
    assert p.ok and [(r.stage, r.shape) for r in p.rows] == net.shapes() and p.params == net.parameter_count()


def test_eq_2_1_is_worked_out_in_numbers():
    rows = {r.stage: r for r in plan(PRESETS["Shipped digits model"].config).rows}
    assert rows["conv1.feature_maps"].equation == "(28 − 5 + 2·0)/1 + 1 = 24"
    assert rows["conv1.pooled"].equation == "(24 − 2)/2 + 1 = 12"
    assert rows["flatten"].equation == "16 · 4 · 4 = 256"


def test_a_skipped_border_is_pointed_out():
    cfg = copy.deepcopy(PRESETS["Tiny"].config)
    cfg["conv"][0].update(stride=[2, 2], pool="none")      # (8 − 3 + 0) = 5 is odd
    p = plan(cfg)
    row = next(r for r in p.rows if r.stage == "conv1.feature_maps")
    assert row.equation == "⌊(8 − 3 + 2·0)/2⌋ + 1 = 3"
    assert "last row and the last column" in p.notes["conv[0].stride"]
    assert "5 is not a multiple of the stride 2" in row.note
    cfg["conv"][0].update(stride=[1, 1])
    assert not plan(cfg).notes


@pytest.mark.parametrize("change, field, words", [
    (lambda c: c["conv"][0].update(size=[9, 9]), "conv[0].size", "does not fit its 8 × 8 padded input"),
    (lambda c: c["conv"][0].update(pool_size=[7, 7]), "conv[0].pool_size", "larger than its 6 × 6 feature maps"),
    (lambda c: c.update(input=[40, 40]), "input", "choose 1 to 28"),
    (lambda c: c["dense"][0].update(units=0), "dense[0].units", "must be positive"),
    (lambda c: c["conv"][0].update(kernels=0), "conv[0].kernels", "must be positive"),
    (lambda c: c.update(loss="hinge"), "loss", "unknown name"),
    (lambda c: c["dense"][0].update(units=1_000_000), "dense[0].units", "more than this app steps through"),
])
def test_every_refusal_names_its_field_in_words(change, field, words):
    cfg = copy.deepcopy(PRESETS["Tiny"].config)
    change(cfg)
    p = plan(cfg)                     # never raises
    assert not p.ok and p.config is None
    assert list(p.refusals) == [field]
    assert words in p.refusals[field]


def test_parameters_over_the_cap_are_refused_and_under_it_are_not():
    cfg = copy.deepcopy(PRESETS["Tiny"].config)
    cfg["dense"][0]["units"] = MAX_PARAMETERS // 18       # 18 inputs, plus biases: just over the cap
    assert not plan(cfg).ok
    cfg["dense"][0]["units"] = 1000
    assert plan(cfg).ok


def test_keep_weights_only_when_parameter_free_fields_change():
    old = normalize_config(PRESETS["Shipped digits model"].config)
    for path, value in [("loss", "mse"), ("output.activation", "sigmoid"), ("conv[0].activation", "tanh"),
                        ("conv[1].pool", "avg"), ("dense[0].activation", "sigmoid")]:
        new = copy.deepcopy(old)
        _set(new, path, value)
        assert changed_fields(old, new) == [path]
        assert keeps_weights(old, new), path
    for path, value in [("conv[0].pool", "none"), ("conv[0].kernels", 9), ("dense[0].units", 10),
                        ("conv[0].stride", [2, 2]), ("input", [14, 14])]:
        new = copy.deepcopy(old)
        _set(new, path, value)
        assert not keeps_weights(old, new), path


def _set(cfg, path, value):
    *head, last = path.replace("]", "").replace("[", ".").split(".")
    for k in head:
        cfg = cfg[int(k)] if k.isdigit() else cfg[k]
    cfg[last] = value


def test_the_shipped_preset_is_the_shipped_models_network():
    from convviz.digits import load_pretrained
    assert normalize_config(PRESETS["Shipped digits model"].config) == load_pretrained().config


def test_fields_in_words():
    from convviz.gui.panels.editor.shapes import field_words
    assert field_words("conv[0].pool") == "block 1 pooling"
    assert field_words("dense[1].activation") == "dense layer 2 activation"
    assert field_words("output.activation") == "output activation"
    assert field_words("loss") == "loss"
