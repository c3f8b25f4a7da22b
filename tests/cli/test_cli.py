"""The command line as a user runs it: real processes, exit codes, one-line errors, no tracebacks."""

import os
import signal
import struct
import subprocess
import sys
import time
import zlib

import numpy as np
import pytest

from convviz.engine import Network

SMALL = ('{"input": [28, 28], "conv": [{"kernels": 2, "size": 5, "pool": "max"}], "dense": [], '
         '"output": {"classes": 10}}')


def run(*args, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "convviz", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def write_digit_png(path, value=255):
    from PySide6.QtGui import QImage
    img = np.zeros((56, 56), np.uint8)
    img[10:46, 26:31] = value          # a thick "1"
    q = QImage(img.data, 56, 56, 56, QImage.Format.Format_Grayscale8)
    assert q.save(str(path))


def png_claiming(path, width, height):
    """A PNG header announcing a huge image, with no pixel data behind it."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk +
                     struct.pack(">I", zlib.crc32(chunk)))


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "model.npz"
    Network(seed=0).save(path)
    return str(path)


@pytest.fixture
def bad_files(tmp_path):
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "garbage.png").write_bytes(os.urandom(300))
    write_digit_png(tmp_path / "full.png")
    data = (tmp_path / "full.png").read_bytes()
    (tmp_path / "truncated.png").write_bytes(data[:len(data) // 2])
    (tmp_path / "folder.png").mkdir()
    png_claiming(tmp_path / "huge.png", 100000, 100000)
    return [tmp_path / n for n in ("missing.png", "empty.png", "garbage.png", "truncated.png",
                                   "folder.png", "huge.png")]


def test_predict_prints_top3(tmp_path, model):
    write_digit_png(tmp_path / "one.png")
    r = run("predict", str(tmp_path / "one.png"), "--model", model)
    assert r.returncode == 0, r.stderr
    line = r.stdout.strip()
    assert line.startswith(str(tmp_path / "one.png") + ":") and line.count("%") == 3


def test_predict_bad_files_exit_2_and_others_still_predicted(tmp_path, model, bad_files):
    write_digit_png(tmp_path / "good.png")
    r = run("predict", *map(str, bad_files), str(tmp_path / "good.png"), "--model", model)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == len(bad_files)
    for path, line in zip(bad_files, lines):
        assert path.name in line
    assert r.stdout.startswith(str(tmp_path / "good.png") + ":")


def test_predict_blank_image_is_an_error(tmp_path, model):
    write_digit_png(tmp_path / "blank.png", value=0)
    r = run("predict", str(tmp_path / "blank.png"), "--model", model)
    assert r.returncode == 2 and "blank" in r.stderr and "Traceback" not in r.stderr


def test_trace_prints_every_step(tmp_path, model):
    write_digit_png(tmp_path / "one.png")
    r = run("trace", str(tmp_path / "one.png"), "--label", "1", "--lr", "0.05", "--model", model)
    assert r.returncode == 0, r.stderr
    net = Network.load(model)
    from convviz.digits import load_image, preprocess
    trace = net.trace(preprocess(load_image(tmp_path / "one.png")), 1, lr=0.05)
    rows = [l for l in r.stdout.splitlines()[1:] if l[:3].strip().isdigit()]
    assert len(rows) == len(trace)
    for row, step in zip(rows, trace):
        assert row.split()[1:4] == [step.phase, step.op, step.layer]
    assert f"loss {trace.loss:.6g} -> {trace.loss_after:.6g}" in r.stdout


def test_trace_label_out_of_range(tmp_path, model):
    write_digit_png(tmp_path / "one.png")
    r = run("trace", str(tmp_path / "one.png"), "--label", "12", "--model", model)
    assert r.returncode == 2 and "--label" in r.stderr and "Traceback" not in r.stderr


def test_evaluate_prints_accuracy_and_confusion(tmp_path, model):
    rng = np.random.default_rng(0)
    np.savez(tmp_path / "d.npz", images=(rng.random((20, 28, 28)) * 255).astype(np.uint8),
             labels=(np.arange(20) % 10).astype(np.uint8))
    r = run("evaluate", "--model", model, "--data", str(tmp_path / "d.npz"))
    assert r.returncode == 0, r.stderr
    assert "accuracy" in r.stdout and "confusion matrix" in r.stdout
    net = Network.load(model)
    from convviz.engine.training import evaluate
    d = np.load(tmp_path / "d.npz")
    expected = evaluate(net, d["images"] / 255.0, d["labels"])["accuracy"]
    assert f"accuracy {100 * expected:.2f}%" in r.stdout


def test_bad_model_and_data_exit_2(tmp_path, model):
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    r = run("evaluate", "--model", str(tmp_path / "junk.npz"), "--data", str(tmp_path / "nope.npz"))
    assert r.returncode == 2 and "junk.npz" in r.stderr and "Traceback" not in r.stderr
    r = run("evaluate", "--model", model, "--data", str(tmp_path / "nope.npz"))
    assert r.returncode == 2 and "nope.npz" in r.stderr and "Traceback" not in r.stderr


def test_train_bad_config_exit_2(tmp_path):
    (tmp_path / "net.json").write_text('{"input": [28, 28], "conv": [{"kernels": 0}], "output": {"classes": 10}}')
    r = run("train", "--config", str(tmp_path / "net.json"), "--epochs", "1", "--out", str(tmp_path / "m.npz"))
    assert r.returncode == 2 and "conv[0].kernels" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "broken.json").write_text("{")
    r = run("train", "--config", str(tmp_path / "broken.json"), "--out", str(tmp_path / "m.npz"))
    assert r.returncode == 2 and "broken.json" in r.stderr


def small_dataset(tmp_path, n=200):
    rng = np.random.default_rng(0)
    path = tmp_path / "d.npz"
    np.savez(path, images=(rng.random((n, 28, 28)) * 255).astype(np.uint8),
             labels=(np.arange(n) % 10).astype(np.uint8))
    return path


def test_train_writes_a_loadable_model(tmp_path):
    (tmp_path / "net.json").write_text(SMALL)
    out = tmp_path / "m.npz"
    r = run("train", "--data", str(small_dataset(tmp_path)), "--config", str(tmp_path / "net.json"),
            "--epochs", "2", "--batch-size", "50", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "epoch 2/2" in r.stderr and "ETA" in r.stderr
    assert Network.load(out).config["conv"][0]["kernels"] == 2


def test_train_ctrl_c_keeps_last_finished_epoch(tmp_path):
    (tmp_path / "net.json").write_text(SMALL)
    out = tmp_path / "m.npz"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-m", "convviz", "train", "--data", str(small_dataset(tmp_path, 2000)),
                             "--config", str(tmp_path / "net.json"), "--epochs", "500", "--batch-size", "20",
                             "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.time() + 60
    while not out.exists() and time.time() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "Ctrl+C" in stdout
    Network.load(out)   # a whole epoch's model, readable
