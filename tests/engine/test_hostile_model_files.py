"""Issue 8, items 4, 6 and 10: hostile model files are refused quickly, in bounded memory, with
a message that says what is wrong (a FIFO, a device, a zip bomb, a config asking for gigabytes)."""

import json
import os
import threading
import time
import tracemalloc
import zipfile

import numpy as np
import pytest

from convviz.engine import ConfigError, ModelFileError, Network, normalize_config
from convviz.engine.config import DEFAULT_CONFIG, MAX_PARAMETERS
from unprivileged import error_as_unprivileged, public_folder


def unblock_fifo_later(path, seconds=3.0):
    """Open the FIFO's writing end after a while, so a reader wrongly blocked in open() returns
    (and the test fails on its timing instead of hanging the suite)."""
    def release():
        time.sleep(seconds)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        except OSError:
            pass
    t = threading.Thread(target=release, daemon=True)
    t.start()
    return t


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "model.npz"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_at_once(fifo):
    unblock_fifo_later(fifo)
    start = time.monotonic()
    with pytest.raises(ModelFileError, match="named pipe"):
        Network.load(fifo)
    assert time.monotonic() - start < 2


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_as_not_a_regular_file(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(ModelFileError, match=f"^{device}: is a device, not a regular file"):
        Network.load(device)


def test_a_symlink_loop_is_named_as_such(tmp_path):
    (tmp_path / "a.npz").symlink_to(tmp_path / "b.npz")
    (tmp_path / "b.npz").symlink_to(tmp_path / "a.npz")
    with pytest.raises(ModelFileError, match="symbolic link loop"):
        Network.load(tmp_path / "a.npz")


def test_permission_denied_is_named_as_such():
    with public_folder() as folder:
        path = os.path.join(folder, "m.npz")
        Network().save(path)
        os.chmod(path, 0)
        assert error_as_unprivileged(lambda: Network.load(path)) == f"{path}: permission denied"


def model_file(path, config, params=None, extra=None):
    arrays = {f"param/{k}": v for k, v in (params or {}).items()}
    with open(path, "wb") as f:
        np.savez(f, config=np.array(json.dumps(config)), format_version=np.array(1), **arrays, **(extra or {}))
    return path


def peak_memory(fn):
    tracemalloc.start()
    try:
        fn()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


def test_a_config_asking_for_a_huge_network_is_refused_before_allocating(tmp_path):
    config = dict(DEFAULT_CONFIG, dense=[{"units": 2_000_000, "activation": "relu"}])
    path = model_file(tmp_path / "huge.npz", config, Network().params)

    def load():
        with pytest.raises(ModelFileError, match="MAX_PARAMETERS"):
            Network.load(path)
    start = time.monotonic()
    assert peak_memory(load) < 5 << 20
    assert time.monotonic() - start < 2


def test_the_size_limit_applies_to_network_too():
    with pytest.raises(ConfigError, match=f"limit of {MAX_PARAMETERS:,}"):
        Network(dict(DEFAULT_CONFIG, dense=[{"units": 2_000_000}]))
    with pytest.raises(ConfigError, match="MAX_VALUES"):
        normalize_config(dict(DEFAULT_CONFIG, input=[100_000, 100_000]))


def test_an_absurd_kernel_count_says_the_limit():
    with pytest.raises(ConfigError, match=r"conv\[0\].*limit of 10,000,000 \(MAX_PARAMETERS\)"):
        Network(dict(DEFAULT_CONFIG, conv=[dict(DEFAULT_CONFIG["conv"][0], kernels=10 ** 400)]))


def test_an_unused_zip_bomb_member_is_never_decompressed(tmp_path):
    path = tmp_path / "bomb.npz"
    Network(seed=4).save(path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z, \
            z.open("junk.bin", "w", force_zip64=True) as m:
        block = bytes(1 << 20)
        for _ in range(256):                              # 256 MB of zeros, about 250 KB on disk
            m.write(block)
    assert path.stat().st_size < 2 << 20
    net = None

    def load():
        nonlocal net
        net = Network.load(path)
    assert peak_memory(load) < 10 << 20
    np.testing.assert_array_equal(net.params["out.W"], Network(seed=4).params["out.W"])


def test_a_parameter_member_declaring_more_than_its_shape_is_refused_unread(tmp_path):
    net = Network(seed=4)
    path = model_file(tmp_path / "m.npz", net.config, net.params)
    # Rewrite out.b as a compressed member padded to 256 MB behind a valid header.
    data = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data[name] = z.read(name)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, blob in data.items():
            if name == "param/out.b.npy":
                with z.open(name, "w", force_zip64=True) as m:
                    m.write(blob)
                    for _ in range(256):
                        m.write(bytes(1 << 20))
            else:
                z.writestr(name, blob)

    def load():
        with pytest.raises(ModelFileError, match="out.b declares"):
            Network.load(path)
    assert peak_memory(load) < 10 << 20


def test_a_header_claiming_a_huge_shape_is_refused_before_allocating(tmp_path):
    net = Network(seed=4)
    path = model_file(tmp_path / "m.npz", net.config, net.params)
    header = np.lib.format.header_data_from_array_1_0(np.zeros(3))
    header["shape"] = (10 ** 9,)
    fake = tmp_path / "fake.npy"
    with open(fake, "wb") as f:
        np.lib.format.write_array_header_1_0(f, header)
        f.write(bytes(64))
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("param/conv9.W.npy", b"")             # an unexpected member

    def load():
        with pytest.raises(ModelFileError, match="unexpected"):
            Network.load(path)
    assert peak_memory(load) < 10 << 20
    path2 = model_file(tmp_path / "m2.npz", net.config, {k: v for k, v in net.params.items() if k != "out.W"})
    with zipfile.ZipFile(path2, "a") as z:
        z.write(fake, "param/out.W.npy")

    def load2():
        with pytest.raises(ModelFileError, match=r"out.W has shape \(1000000000,\)"):
            Network.load(path2)
    assert peak_memory(load2) < 10 << 20


def test_a_deeply_nested_config_is_refused_clearly(tmp_path):
    path = tmp_path / "deep.npz"
    with open(path, "wb") as f:
        np.savez(f, config=np.array("[" * 100_000 + "]" * 100_000), format_version=np.array(1))
    with pytest.raises(ModelFileError, match="nested too deeply"):
        Network.load(path)
    nested = [1]
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(ConfigError, match="conv: expected a list"):
        normalize_config({"input": 28, "conv": {"a": nested}, "output": {"classes": 10}})


def test_float128_beyond_float64_is_refused_after_the_cast(tmp_path):
    if np.finfo(np.longdouble).max <= np.finfo(np.float64).max:
        pytest.skip("long double is float64 here")
    net = Network(seed=4)
    params = dict(net.params)
    params["out.b"] = np.full(10, np.longdouble("1e4000"))
    path = model_file(tmp_path / "big.npz", net.config, params)
    with pytest.raises(ModelFileError, match="out.b holds non-finite"):
        Network.load(path)


def test_float32_network_names_a_finite_input_too_large_for_it():
    net = Network(dtype=np.float32)
    x = np.zeros((28, 28))
    x[3, 3] = 1e39
    with pytest.raises(ValueError, match="1e\\+39 are too large for this float32 network"):
        net.forward(x)
    x[3, 3] = np.inf
    with pytest.raises(ValueError, match="NaN or infinite"):
        net.forward(x)


def test_saving_non_finite_parameters_is_refused_and_writes_nothing(tmp_path):
    net = Network()
    net.params["out.b"][2] = np.nan
    with pytest.raises(ValueError, match="out.b"):
        net.save(tmp_path / "m.npz")
    assert list(tmp_path.iterdir()) == []


def test_many_classes_keep_no_classes_squared_table(tmp_path):
    """Found by the config fuzz: 56,214 classes made the label table eye(classes) 23.5 GiB. A
    network with many classes now builds and loads in bounded memory, and its targets are right."""
    config = {"input": [8, 8], "conv": [{"kernels": 1, "size": [8, 8], "pool": "none"}],
              "output": {"classes": 56_214}}
    net = Network(config)
    assert peak_memory(lambda: Network(config)) < 16 << 20
    path = model_file(tmp_path / "wide.npz", net.config, net.params)
    assert peak_memory(lambda: Network.load(path)) < 16 << 20
    x = np.random.default_rng(0).random((2, 8, 8))
    _, grads = net.loss_and_gradients(x, np.array([3, 56_213]))
    small = Network(dict(config, output={"classes": 1024}), seed=0)      # below the cut: the table
    assert small._one_hot is not None and net._one_hot is None


def test_one_hot_targets_are_the_same_with_and_without_the_table():
    from convviz.engine.network import one_hot, one_hot_table
    y = np.array([0, 4, 2, 4])
    for dtype in (np.float32, np.float64):
        expected = np.eye(5, dtype=dtype)[y]
        for table in (one_hot_table(5, dtype), None):
            got = one_hot(table, y, 5, dtype)
            assert got.dtype == dtype and np.array_equal(got, expected)
