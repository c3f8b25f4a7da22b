"""`convviz gradcheck` as a user runs it: the table, PASS/FAIL, exit 0/1/2, one-line errors."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from convviz.digits import load_pretrained
from convviz.engine import Network
from convviz.engine.mistakes import NAMES

SMALL = {"input": [28, 28], "conv": [{"kernels": 2, "size": 5, "stride": 3, "activation": "tanh", "pool": "avg"}],
         "dense": [{"units": 4, "activation": "tanh"}], "output": {"classes": 10}}


def run(*args, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "convviz", "gradcheck", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, check=False)


def rows(stdout):
    """{array: (checked, worst, at kinks, result)} from the table."""
    out = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[5] in ("PASS", "FAIL"):
            out[parts[0]] = (parts[2], parts[3], int(parts[4]), parts[5])
    return out


def write_png(path, image):
    from PySide6.QtGui import QImage
    img = np.ascontiguousarray(image, np.uint8)
    h, w = img.shape
    assert QImage(img.data, w, h, w, QImage.Format.Format_Grayscale8).save(str(path))


def test_shipped_model_passes():
    r = run()
    assert r.returncode == 0, r.stdout + r.stderr
    table = rows(r.stdout)
    net = load_pretrained()
    assert set(table) == set(net.params) | {"input"}
    for key, (checked, worst, _kinks, result) in table.items():
        size = net.params[key].size if key != "input" else 28 * 28
        assert checked == f"{min(20, size)}/{size}" and result == "PASS"
        assert worst == "-" or float(worst) < 1e-6
    assert r.stdout.rstrip().splitlines()[-1].startswith("PASS")


def test_a_mistake_fails_exactly_where_it_acts():
    r = run("--mistake", "bias-no-sum", "--samples", "5")
    assert r.returncode == 1, r.stdout + r.stderr
    biases = {k for k in load_pretrained().params if k.startswith("conv") and k.endswith(".b")}
    failed = {k for k, v in rows(r.stdout).items() if v[3] == "FAIL"}
    assert failed == biases
    assert "b_p is added at every position" in r.stdout
    assert r.stdout.rstrip().splitlines()[-1].startswith("FAIL")


def test_config_image_label_and_all_elements(tmp_path):
    (tmp_path / "net.json").write_text(json.dumps(SMALL))
    image = np.zeros((40, 40))
    image[8:32, 17:23] = 255
    write_png(tmp_path / "one.png", image)
    # No --samples: a network this small (about 1,000 elements with its input) is checked whole.
    args = ("--config", str(tmp_path / "net.json"), "--image", str(tmp_path / "one.png"), "--label", "1",
            "--seed", "3")
    r = run(*args)
    assert r.returncode == 0, r.stdout + r.stderr
    net = Network(SMALL, seed=3)
    table = rows(r.stdout)
    assert {k: v[0] for k, v in table.items()} == {k: f"{p.size}/{p.size}" for k, p in net.params.items()} | \
        {"input": "784/784"}
    r = run(*args, "--samples", "all", "--mistake", "avgpool-no-mean")
    assert r.returncode == 1
    assert {k for k, v in rows(r.stdout).items() if v[3] == "FAIL"} == {"conv1.W", "conv1.b", "input"}


def test_help_lists_the_mistakes():
    r = run("--help")
    assert r.returncode == 0
    for name in NAMES:
        assert name in r.stdout


@pytest.mark.parametrize("args,words", [
    (["--samples", "0"], "--samples"),
    (["--samples", "many"], "--samples"),
    (["--tol", "-1"], "--tol"),
    (["--mistake", "nope"], "--mistake"),
    (["--label", "12"], "--label"),
    (["--config", "SMALL"], "takes 12x12 images"),
    (["--image", "missing.png", "--label", "1"], "missing.png"),
    (["--image", "IMAGE"], "--label"),
    (["--config", "CONFIG"], "conv[0].kernels"),
    (["--config", "BROKEN"], "BROKEN"),
    (["--model", "JUNK"], "JUNK"),
    (["--model", "JUNK", "--config", "CONFIG"], "not allowed with"),
])
def test_bad_input_exits_2_without_a_traceback(tmp_path, args, words):
    files = {"IMAGE": tmp_path / "one.png", "CONFIG": tmp_path / "bad.json", "BROKEN": tmp_path / "broken.json",
             "JUNK": tmp_path / "junk.npz", "SMALL": tmp_path / "small.json"}
    files["SMALL"].write_text(json.dumps(SMALL | {"input": [12, 12]}))
    write_png(files["IMAGE"], np.full((28, 28), 200))
    files["CONFIG"].write_text('{"input": [28, 28], "conv": [{"kernels": 0}], "output": {"classes": 10}}')
    files["BROKEN"].write_text("{")
    files["JUNK"].write_bytes(b"not a zip")
    args = [str(files[a]) if a in files else a for a in args]
    words = str(files[words]) if words in files else words
    r = run(*args)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert words in r.stderr.strip().splitlines()[-1]
