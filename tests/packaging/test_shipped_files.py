"""convviz.shipped: every shipped file loads through importlib.resources, and a missing one says so."""

import configparser
import importlib.resources
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from convviz import shipped
from convviz.digits import load_pretrained
from convviz.digits.samples import load_model_config

REPO = Path(__file__).resolve().parents[2]


def pyproject():
    tomllib = pytest.importorskip("tomllib")                     # Python 3.11+
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(shipped.FILES))
def test_every_registered_file_is_there_and_readable(name):
    data = shipped.read_bytes(name)
    assert len(data) > 100
    path = shipped.path(name)
    assert path.is_file() and path.read_bytes() == data
    assert shipped.describe(name) == "convviz/resources/" + shipped.FILES[name]


def test_the_model_config_is_the_shipped_models_config():
    from convviz.engine.config import normalize_config
    assert normalize_config(load_model_config()) == load_pretrained().config


def test_a_missing_file_names_itself_and_the_remedy(monkeypatch, tmp_path):
    monkeypatch.setattr(shipped, "root", lambda: tmp_path)
    with pytest.raises(shipped.MissingResourceError) as info:
        shipped.read_bytes("samples")
    assert str(info.value) == ("convviz/resources/samples/samples.npz is missing from this "
                               "installation of convviz; reinstall it")
    assert isinstance(info.value, FileNotFoundError)


def test_translations_are_looked_up_by_locale(monkeypatch, tmp_path):
    assert shipped.translation("xx_YY") is None                 # none ships yet
    monkeypatch.setattr(shipped, "root", lambda: tmp_path)
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "convviz_de.qm").write_bytes(b"qm bytes")
    assert shipped.translation("de") == b"qm bytes" and shipped.translation("fr") is None


def test_the_package_data_globs_cover_the_translations_folder():
    globs = pyproject()["tool"]["setuptools"]["package-data"]
    assert f"{shipped.TRANSLATIONS}/*.qm" in globs[shipped.PACKAGE]


def test_the_source_tree_fallback_only_serves_an_uninstalled_tree():
    root = shipped.root()
    if importlib.util.find_spec(shipped.PACKAGE) is None:        # PYTHONPATH=clone, not installed
        assert Path(root) == REPO / "resources"
    else:                                                        # installed: through importlib
        assert str(root) == str(importlib.resources.files(shipped.PACKAGE))
    assert shipped._source_tree_resources() == REPO / "resources"


def test_the_source_tree_fallback_without_resources_says_reinstall(monkeypatch, tmp_path):
    import convviz
    (tmp_path / "convviz").mkdir()
    monkeypatch.setattr(convviz, "__path__", [str(tmp_path / "convviz")])
    with pytest.raises(shipped.MissingResourceError, match="reinstall convviz"):
        shipped._source_tree_resources()


def test_the_desktop_entry_starts_the_app_with_the_shipped_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str                                      # keys are case-sensitive
    entry.read_string(shipped.read_text("desktop_entry"))
    e = entry["Desktop Entry"]
    assert e["Type"] == "Application" and e["Terminal"] == "false"
    scripts = pyproject()["project"]["gui-scripts"]
    command = e["Exec"].split()[0]
    assert command in scripts and e["TryExec"] == command
    assert e["Icon"] + ".svg" == shipped.FILES["icon"]
    assert e["StartupWMClass"] == "convviz" and e["Categories"].endswith(";")


def test_the_icon_is_a_square_svg():
    from xml.etree import ElementTree
    svg = ElementTree.fromstring(shipped.read_bytes("icon"))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 64 64" and svg.get("width") == svg.get("height")
    # No text: decoding SVG text needs a QGuiApplication (PITFALLS.md), and fonts vary anyway.
    assert not list(svg.iter("{http://www.w3.org/2000/svg}text"))
    assert len(list(svg.iter("{http://www.w3.org/2000/svg}rect"))) > 30    # the grid is drawn


def test_the_saved_model_records_the_convviz_that_wrote_it(tmp_path):
    import convviz
    from convviz.engine import Network
    Network(seed=0).save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz") as f:
        assert str(f["convviz_version"]) == convviz.__version__
        assert json.loads(str(f["config"]))
    Network.load(tmp_path / "m.npz")
    with np.load(shipped.path("model")) as f:                    # written before versions were
        assert "convviz_version" not in f.files
    load_pretrained()                                            # and still loads


def test_the_desktop_entry_passes_desktop_file_validate(tmp_path):
    import shutil
    import subprocess
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate (Debian: desktop-file-utils) is not installed")
    entry = tmp_path / "convviz.desktop"
    entry.write_bytes(shipped.read_bytes("desktop_entry"))
    r = subprocess.run([tool, str(entry)], capture_output=True, text=True, timeout=60, check=False)
    assert (r.returncode, r.stdout + r.stderr) == (0, "")
