"""Issue 8, items 2, 4, 9 and 10 at the command line: every refusal is one line on stderr and
exit status 2, with no traceback; bad arguments and output paths are caught before any work."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from test_cli import SMALL, run, small_dataset, write_digit_png

from convviz.engine import Network
from unprivileged import error_as_unprivileged, public_folder


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "model.npz"
    Network(seed=0).save(path)
    return str(path)


def assert_one_line_error(r, *words):
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    # The progress bar (epoch n/N [###...] redrawn after "\r") is not an error line.
    lines = [line for line in r.stderr.splitlines() if line.strip() and not line.startswith("epoch ")]
    assert len(lines) == 1, r.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def data(tmp_path):
    return str(small_dataset(tmp_path, n=40))


@pytest.fixture
def small_config(tmp_path):
    (tmp_path / "net.json").write_text(SMALL)
    return str(tmp_path / "net.json")


@pytest.mark.parametrize("args, words", [
    (["--epochs", "0"], ["--epochs", "0"]),
    (["--epochs", "-1"], ["--epochs"]),
    (["--batch-size", "0"], ["--batch-size"]),
    (["--lr", "nan"], ["--lr", "nan"]),
    (["--lr", "inf"], ["--lr", "inf"]),
    (["--lr", "-1"], ["--lr"]),
    (["--momentum", "1"], ["--momentum"]),
    (["--momentum", "nan"], ["--momentum"]),
    (["--seed", "-1"], ["--seed"]),
])
def test_impossible_training_arguments(tmp_path, data, small_config, args, words):
    out = tmp_path / "m.npz"
    r = run("train", "--data", data, "--config", small_config, "--out", str(out), *args)
    assert_one_line_error(r, *words)
    assert not out.exists() and "epoch 1/" not in r.stderr


@pytest.mark.parametrize("where, words", [
    ("folder", ["is a folder"]),
    ("/dev/full", ["/dev/full", "not a regular file"]),
    ("missing-folder", ["does not exist"]),
])
def test_output_path_is_checked_before_the_first_epoch(tmp_path, data, small_config, where, words):
    out = {"folder": str(tmp_path), "missing-folder": str(tmp_path / "nope" / "m.npz")}.get(where, where)
    if where == "/dev/full" and not os.path.exists(where):
        pytest.skip("no /dev/full")
    r = run("train", "--data", data, "--config", small_config, "--epochs", "1", "--out", out)
    assert_one_line_error(r, "--out", *words)
    assert "epoch 1/" not in r.stderr


def test_output_in_a_read_only_folder():
    from convviz.files import check_writable
    with public_folder() as folder:
        os.chmod(folder, 0o555)
        message = error_as_unprivileged(lambda: check_writable(os.path.join(folder, "m.npz")))
        assert message == f"cannot write in {folder} (permission denied)"


def test_cli_reports_an_unwritable_out_before_the_first_epoch(data, small_config):
    # The CLI's --out check is check_writable (tested as an unprivileged user above); here, in
    # the real command, through a read-only file system: /proc.
    if not os.path.isdir("/proc"):
        pytest.skip("no /proc")
    r = run("train", "--data", data, "--config", small_config, "--epochs", "1", "--out", "/proc/m.npz")
    assert_one_line_error(r, "--out /proc/m.npz", "cannot write in /proc")
    assert "epoch 1/" not in r.stderr


@pytest.mark.parametrize("content, words", [
    ("[" * 100_000 + "]" * 100_000, ["nested too deeply"]),
    (json.dumps({"input": [28, 28], "conv": [{"kernels": 10 ** 400}], "output": {"classes": 10}}),
     ["MAX_PARAMETERS"]),
    ("1" * 5000, ["net.json"]),
    (json.dumps({"input": [12, 12], "conv": [{"kernels": 2}], "output": {"classes": 10}}), ["28"]),
    (json.dumps({"input": [28, 28], "conv": [{"kernels": 2}], "output": {"classes": 3}}), ["classes"]),
])
def test_nested_or_absurd_configs(tmp_path, data, content, words):
    (tmp_path / "net.json").write_text(content)
    r = run("train", "--data", data, "--config", str(tmp_path / "net.json"), "--epochs", "1",
            "--out", str(tmp_path / "m.npz"))
    assert_one_line_error(r, *words)


def test_a_config_too_big_to_be_one(tmp_path, data):
    (tmp_path / "net.json").write_text(" " * (2 << 20) + "{}")
    r = run("train", "--data", data, "--config", str(tmp_path / "net.json"), "--out", str(tmp_path / "m.npz"))
    assert_one_line_error(r, "net.json", "limit")


def test_fifos_are_refused_at_once(tmp_path, model):
    fifo = tmp_path / "pipe.npz"
    os.mkfifo(fifo)
    png = tmp_path / "pipe.png"
    os.mkfifo(png)
    write_digit_png(tmp_path / "one.png")
    cases = [("evaluate", "--model", str(fifo), "--data", str(tmp_path / "x.npz")),
             ("evaluate", "--model", model, "--data", str(fifo)),
             ("train", "--config", str(fifo), "--out", str(tmp_path / "m.npz")),
             ("trace", str(png), "--label", "1", "--model", model)]
    for args in cases:
        r = run(*args, timeout=30)
        assert_one_line_error(r, "named pipe")
    r = run("predict", str(png), str(tmp_path / "one.png"), "--model", model, timeout=30)
    assert r.returncode == 2 and "named pipe" in r.stderr and r.stdout.startswith(str(tmp_path / "one.png"))


def test_evaluate_with_a_model_of_another_class_count(tmp_path, data):
    Network({"input": [28, 28], "conv": [{"kernels": 2}], "output": {"classes": 3}}).save(tmp_path / "m3.npz")
    r = run("evaluate", "--model", str(tmp_path / "m3.npz"), "--data", data)
    assert_one_line_error(r, "3 classes")


def test_evaluate_an_empty_data_set(tmp_path, model):
    np.savez(tmp_path / "empty.npz", images=np.zeros((0, 28, 28), np.uint8), labels=np.zeros(0, np.uint8))
    r = run("evaluate", "--model", model, "--data", str(tmp_path / "empty.npz"))
    assert_one_line_error(r, "no digits")


def test_trace_refuses_a_non_finite_lr(tmp_path, model):
    write_digit_png(tmp_path / "one.png")
    r = run("trace", str(tmp_path / "one.png"), "--label", "1", "--lr", "inf", "--model", model)
    assert_one_line_error(r, "--lr")


def test_divergence_stops_training_and_keeps_the_existing_model(tmp_path, data, small_config):
    out = tmp_path / "existing.npz"
    Network(seed=7).save(out)
    before = out.read_bytes()
    r = run("train", "--data", data, "--config", small_config, "--epochs", "2", "--lr", "1e30",
            "--out", str(out))
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "diverged" in r.stderr and "smaller" in r.stderr and "model saved" not in r.stdout
    assert out.read_bytes() == before


def test_a_file_size_limit_during_training_keeps_the_existing_model(tmp_path, data):
    out = tmp_path / "existing.npz"
    Network(seed=7).save(out)
    before = out.read_bytes()
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (20 * 1024, resource.RLIM_INFINITY))\n"
            "from convviz.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    r = subprocess.run([sys.executable, "-c", code, "train", "--data", data, "--epochs", "1", "--out", str(out)],
                       capture_output=True, text=True, timeout=300, check=False,
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    line = assert_one_line_error(r, "existing.npz", "file-size limit")
    assert "unchanged" in line
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.npz", "existing.npz"]


def test_gradcheck_config_is_read_as_safely_as_train_config(tmp_path):
    fifo = tmp_path / "net.json"
    os.mkfifo(fifo)
    assert_one_line_error(run("gradcheck", "--config", str(fifo), timeout=30), "named pipe")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    assert_one_line_error(run("gradcheck", "--config", str(tmp_path / "deep.json")), "nested too deeply")


def test_trace_says_when_the_update_overflows(tmp_path, model):
    write_digit_png(tmp_path / "one.png")
    r = run("trace", str(tmp_path / "one.png"), "--label", "3", "--lr", "1e300", "--model", model)
    assert r.returncode == 0 and "Traceback" not in r.stderr and r.stderr == "", r.stderr
    assert "overflowed" in r.stdout and "smaller --lr" in r.stdout
