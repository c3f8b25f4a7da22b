"""convviz.__version__: pyproject.toml's version as installed, or "0+unknown" for an uninstalled tree."""

import importlib.metadata
from pathlib import Path, PurePosixPath

import pytest

import convviz

REPO = Path(__file__).resolve().parents[2]


class FakeDistribution:
    def __init__(self, version, files=None, site=None):
        self.version = version
        self.files = files
        self._site = site

    def locate_file(self, f):
        return Path(self._site) / f


def with_distribution(monkeypatch, dist):
    def distribution(name):
        assert name == "convviz"
        if dist is None:
            raise importlib.metadata.PackageNotFoundError(name)
        return dist
    monkeypatch.setattr(importlib.metadata, "distribution", distribution)


def test_an_uninstalled_tree_says_its_version_is_unknown(monkeypatch):
    with_distribution(monkeypatch, None)
    assert convviz._installed_version() == convviz.UNKNOWN_VERSION == "0+unknown"


def test_an_editable_install_reports_its_metadata_version(monkeypatch):
    # An editable install's RECORD lists no convviz/__init__.py: the metadata is this tree's.
    with_distribution(monkeypatch, FakeDistribution("9.8.7", files=[PurePosixPath("convviz-9.8.7.dist-info/METADATA")]))
    assert convviz._installed_version() == "9.8.7"


def test_a_wheel_install_reports_its_version_when_it_is_this_copy(monkeypatch):
    here = Path(convviz.__file__).resolve().parent.parent
    with_distribution(monkeypatch, FakeDistribution("1.2.3", [PurePosixPath("convviz/__init__.py")], here))
    assert convviz._installed_version() == "1.2.3"


def test_another_installed_copy_does_not_lend_this_tree_its_version(monkeypatch, tmp_path):
    with_distribution(monkeypatch, FakeDistribution("0.0.1", [PurePosixPath("convviz/__init__.py")], tmp_path))
    assert convviz._installed_version() == "0+unknown"


def test_the_version_is_read_once_and_cached(monkeypatch):
    monkeypatch.delitem(convviz.__dict__, "__version__", raising=False)
    with_distribution(monkeypatch, None)
    assert convviz.__version__ == "0+unknown"
    with_distribution(monkeypatch, FakeDistribution("5.5.5"))
    assert convviz.__version__ == "0+unknown"            # cached in the module
    monkeypatch.delitem(convviz.__dict__, "__version__")
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        _ = convviz.nonesuch


def test_this_runs_pyproject_version_when_installed():
    tomllib = pytest.importorskip("tomllib")
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    try:
        importlib.metadata.distribution("convviz")
        installed = True
    except importlib.metadata.PackageNotFoundError:
        installed = False
    # CI installs the tree (pip install -e); a developer may run it from PYTHONPATH.
    assert convviz.__version__ == (declared if installed else "0+unknown")
