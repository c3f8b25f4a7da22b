"""Save/load/restore round trips, and ModelFileError for every kind of bad file, leaving the net unchanged."""

import json
import zipfile

import numpy as np
import pytest

from convviz.engine import ModelFileError, Network

from engine_helpers import small_config

CFG = small_config([{"kernels": 3, "size": [3, 2], "stride": [1, 2], "padding": 1, "activation": "tanh",
                     "pool": "avg"},
                    {"kernels": 2, "size": 2, "activation": "elu", "pool": "none"}],
                   dense=[{"units": 5, "activation": "softplus"}], classes=4, output="sigmoid",
                   loss="msle", input=(9, 10))


def trained(config=CFG, seed=3):
    net = Network(config, seed=seed)
    rng = np.random.default_rng(seed)
    for p in net.params.values():
        p += rng.normal(0, 0.1, p.shape)
    return net


def snapshot(net):
    return {k: v.copy() for k, v in net.params.items()}


def assert_params_equal(a, b):
    assert set(a) == set(b)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k], err_msg=k)


@pytest.mark.parametrize("config", [None, CFG])
@pytest.mark.parametrize("name", ["model.npz", "model", "model.bin"])
def test_round_trip(tmp_path, config, name):
    net = trained(config)
    path = tmp_path / name
    net.save(path)
    assert path.is_file()              # written where asked, no ".npz" added behind the caller's back
    loaded = Network.load(path)
    assert loaded.config == net.config
    assert_params_equal(loaded.params, net.params)
    x = np.random.default_rng(0).random((3, *net.config["input"]))
    np.testing.assert_array_equal(loaded.forward(x), net.forward(x))
    loaded = Network.load(str(path), dtype=np.float32)     # a str works too
    assert all(p.dtype == np.float32 for p in loaded.params.values())
    np.testing.assert_allclose(loaded.forward(x), net.forward(x), atol=1e-5)
    other = Network(config, seed=99)
    other.restore(path)
    assert_params_equal(other.params, net.params)


def test_float32_save_keeps_values(tmp_path):
    net = trained()
    net32 = Network(CFG, dtype=np.float32)
    for k, v in net.params.items():
        net32.params[k][...] = v
    net32.save(tmp_path / "m.npz")
    back = Network.load(tmp_path / "m.npz", dtype=np.float32)
    assert_params_equal(back.params, net32.params)


def write(path, net, drop=None, change=None, config=None, version=1, extra=None):
    """A model file like `save` writes, with one thing broken."""
    arrays = {f"param/{k}": v for k, v in net.params.items() if k != drop}
    if change:
        key, value = change
        arrays[f"param/{key}"] = value
    arrays.update(extra or {})
    meta = {"config": np.array(json.dumps(net.config) if config is None else config)}
    if version is not None:
        meta["format_version"] = np.array(version)
    with open(path, "wb") as f:
        np.savez(f, **meta, **arrays)
    return path


def bad_files(tmp_path):
    net = trained()
    good = tmp_path / "good.npz"
    net.save(good)
    data = good.read_bytes()
    (tmp_path / "garbage.npz").write_bytes(b"this is not a zip file at all\x00\x01\x02" * 10)
    (tmp_path / "truncated.npz").write_bytes(data[: len(data) // 2])
    (tmp_path / "empty.npz").write_bytes(b"")
    (tmp_path / "folder.npz").mkdir()
    w = net.params["conv1.W"]
    nan = w.copy()
    nan.flat[3] = np.nan
    with zipfile.ZipFile(tmp_path / "plain.zip", "w") as z:
        z.writestr("hello.txt", "hi")
    np.save(tmp_path / "one-array.npy", w)
    return {
        "missing": (tmp_path / "nope.npz", "no such file"),
        "folder": (tmp_path / "folder.npz", "is a folder"),
        "garbage": (tmp_path / "garbage.npz", "not a convviz model file"),
        "truncated": (tmp_path / "truncated.npz", "not a convviz model file"),
        "empty": (tmp_path / "empty.npz", "not a convviz model file"),
        "zip without arrays": (tmp_path / "plain.zip", "not a convviz model file"),
        "a .npy": (tmp_path / "one-array.npy", "not a convviz model file"),
        "wrong shape": (write(tmp_path / "shape.npz", net, change=("conv1.W", w[:, :, :2])),
                        "conv1.W has shape (3, 1, 2, 2), expected (3, 1, 3, 2)"),
        "transposed": (write(tmp_path / "t.npz", net, change=("dense1.W", net.params["dense1.W"].T)),
                       "dense1.W has shape"),
        "missing param": (write(tmp_path / "drop.npz", net, drop="out.b"), "missing ['out.b']"),
        "extra param": (write(tmp_path / "extra.npz", net, extra={"param/conv9.W": w}),
                        "unexpected ['conv9.W']"),
        "NaN param": (write(tmp_path / "nan.npz", net, change=("conv1.W", nan)), "conv1.W holds non-finite"),
        "inf param": (write(tmp_path / "inf.npz", net, change=("out.b", np.full(4, np.inf))), "out.b holds non-finite"),
        "int param": (write(tmp_path / "int.npz", net, change=("out.b", np.arange(4))), "out.b holds"),
        "string param": (write(tmp_path / "str.npz", net, change=("out.b", np.array(["a"] * 4))), "out.b"),
        "no config": (write(tmp_path / "nocfg.npz", net, config=None, extra={}) if False else
                      _without_config(tmp_path / "nocfg.npz", net), "no config"),
        "config not JSON": (write(tmp_path / "json.npz", net, config="{not json"), "not valid JSON"),
        "invalid config": (write(tmp_path / "cfg.npz", net, config=json.dumps({**net.config, "loss": "x"})),
                           "invalid config: loss"),
        "config a list": (write(tmp_path / "list.npz", net, config=json.dumps([1])), "invalid config"),
        "no version": (write(tmp_path / "nover.npz", net, version=None), "format version"),
        "future version": (write(tmp_path / "v2.npz", net, version=2), "unsupported model format version 2"),
        "version not a number": (write(tmp_path / "vs.npz", net, version="one"), "format version"),
        "version an array": (write(tmp_path / "va.npz", net, version=[1, 1]), "format version"),
        "config an array": (write(tmp_path / "ca.npz", net, config=[json.dumps(net.config)] * 2), "config"),
    }


def _without_config(path, net):
    with open(path, "wb") as f:
        np.savez(f, format_version=np.array(1), **{f"param/{k}": v for k, v in net.params.items()})
    return path


CASE_NAMES = ["missing", "folder", "garbage", "truncated", "empty", "zip without arrays", "a .npy",
              "wrong shape", "transposed", "missing param", "extra param", "NaN param", "inf param",
              "int param", "string param", "no config", "config not JSON", "invalid config",
              "config a list", "no version", "future version", "version not a number",
              "version an array", "config an array"]


def test_case_list_is_complete(tmp_path):
    assert sorted(bad_files(tmp_path)) == sorted(CASE_NAMES)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_load_bad_file(tmp_path, case):
    path, words = bad_files(tmp_path)[case]
    with pytest.raises(ModelFileError) as info:
        Network.load(path)
    message = str(info.value)
    assert message.startswith(str(path)), message          # names the file
    assert words in message, message


@pytest.mark.parametrize("case", CASE_NAMES)
def test_restore_bad_file_leaves_params_unchanged(tmp_path, case):
    path, words = bad_files(tmp_path)[case]
    net = trained(seed=5)
    before = snapshot(net)
    ids = {k: id(v) for k, v in net.params.items()}
    with pytest.raises(ModelFileError, match="^" + str(path).replace("\\", "\\\\").replace(".", r"\.")):
        net.restore(path)
    assert_params_equal(net.params, before)
    assert {k: id(v) for k, v in net.params.items()} == ids


def test_restore_of_another_architecture(tmp_path):
    net = trained(seed=5)
    before = snapshot(net)
    other = small_config([{"kernels": 3, "size": [3, 2], "stride": [1, 2], "padding": 1, "activation": "relu",
                           "pool": "avg"},
                          {"kernels": 2, "size": 2, "activation": "elu", "pool": "none"}],
                         dense=[{"units": 5, "activation": "softplus"}], classes=4, output="sigmoid",
                         loss="msle", input=(9, 10))          # same shapes, another activation
    Network(other).save(tmp_path / "other.npz")
    Network().save(tmp_path / "default.npz")
    for name in ("other.npz", "default.npz"):
        with pytest.raises(ModelFileError, match="differs from this one's configuration"):
            net.restore(tmp_path / name)
        assert_params_equal(net.params, before)


def test_restore_midway_failure_leaves_params_unchanged(tmp_path):
    """A file whose early parameters are fine and a late one is bad must not be half-applied."""
    net = trained(seed=5)
    good = trained(seed=6)
    bad = good.params["out.W"].copy()
    bad[0, 0] = np.nan
    path = write(tmp_path / "late.npz", good, change=("out.W", bad))
    before = snapshot(net)
    with pytest.raises(ModelFileError, match="out.W"):
        net.restore(path)
    assert_params_equal(net.params, before)
