"""`convviz trace --config`: a network config built with fresh weights from --seed, the image
area-averaged to a smaller input; bad combinations exit 2 in one line."""

import json

import numpy as np
from test_cli import run, write_digit_png

from convviz.digits import area_average, load_image, preprocess
from convviz.engine import Network
from convviz.engine.config_file import write_config
from convviz.gui.panels.editor.presets import TINY


def _rows(stdout):
    return [line for line in stdout.splitlines()[1:] if line[:3].strip().isdigit()]


def test_trace_with_a_config_uses_fresh_weights_from_the_seed(tmp_path):
    write_digit_png(tmp_path / "one.png")
    write_config(tmp_path / "tiny.json", TINY.config, seed=4)
    r = run("trace", str(tmp_path / "one.png"), "--label", "1", "--config", str(tmp_path / "tiny.json"),
            "--seed", "9")
    assert r.returncode == 0, r.stderr
    x = area_average(preprocess(load_image(tmp_path / "one.png")), 8)
    trace = Network(TINY.config, seed=9).trace(x, 1, lr=0.1)
    assert len(_rows(r.stdout)) == len(trace)
    assert f"loss {trace.loss:.6g} -> {trace.loss_after:.6g}" in r.stdout
    r = run("trace", str(tmp_path / "one.png"), "--label", "1", "--config", str(tmp_path / "tiny.json"))
    trace = Network(TINY.config, seed=4).trace(x, 1, lr=0.1)          # without --seed: the file's
    assert f"loss {trace.loss:.6g} -> {trace.loss_after:.6g}" in r.stdout


def test_trace_config_errors_exit_2_in_one_line(tmp_path):
    write_digit_png(tmp_path / "one.png")
    model = str(tmp_path / "m.npz")
    Network(TINY.config).save(model)
    (tmp_path / "bad.json").write_text(json.dumps(dict(TINY.config, loss="hinge")))
    write_config(tmp_path / "big.json", dict(TINY.config, input=[32, 32]))
    write_config(tmp_path / "tiny.json", TINY.config)
    for extra, words in [(["--config", str(tmp_path / "bad.json")], "loss: unknown name"),
                         (["--config", str(tmp_path / "nope.json")], "no such file"),
                         (["--config", str(tmp_path / "big.json")], "reads 32×32 images"),
                         (["--config", str(tmp_path / "tiny.json"), "--model", model], "give one")]:
        r = run("trace", str(tmp_path / "one.png"), "--label", "1", *extra)
        assert r.returncode == 2 and words in r.stderr and "Traceback" not in r.stderr, (extra, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1


def test_predict_area_averages_for_a_smaller_model(tmp_path):
    write_digit_png(tmp_path / "one.png")
    net = Network(TINY.config, seed=2)
    net.save(tmp_path / "tiny.npz")
    r = run("predict", str(tmp_path / "one.png"), "--model", str(tmp_path / "tiny.npz"))
    assert r.returncode == 0, r.stderr
    probs = net.forward(area_average(preprocess(load_image(tmp_path / "one.png")), 8))
    top = int(probs.argmax())
    assert f"{top} ({100 * probs[top]:.1f}%)" in r.stdout


def test_train_reads_an_exported_config_with_its_seed_field(tmp_path):
    rng = np.random.default_rng(0)
    np.savez(tmp_path / "d.npz", images=(rng.random((20, 28, 28)) * 255).astype(np.uint8),
             labels=(np.arange(20) % 10).astype(np.uint8))
    write_config(tmp_path / "tiny.json", dict(TINY.config, input=[28, 28]), seed=3)
    out = tmp_path / "m.npz"
    r = run("train", "--data", str(tmp_path / "d.npz"), "--config", str(tmp_path / "tiny.json"), "--epochs", "1",
            "--batch-size", "10", "--no-augment", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert Network.load(out).config["conv"][0]["kernels"] == 2
