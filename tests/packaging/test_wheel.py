"""The built wheel: it holds every file the code loads and every module, and runs from elsewhere.

The wheel is built from a copy of the tree with setuptools' PEP 517 hooks (what `python -m
build` calls, without its fresh environment), so the check needs no network. `.ci/smoke-wheel`
goes further: pip-installs it into a new venv.
"""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from convviz import shipped

REPO = Path(__file__).resolve().parents[2]
RESOURCES_IN_WHEEL = shipped.PACKAGE.replace(".", "/") + "/"


def _tree_modules():
    """Every module of the tree as the wheel names it (resources/ becomes convviz/resources/)."""
    names = {p.relative_to(REPO).as_posix() for p in (REPO / "convviz").rglob("*.py")}
    names |= {RESOURCES_IN_WHEEL + p.relative_to(REPO / "resources").as_posix()
              for p in (REPO / "resources").rglob("*.py")}
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("setuptools", reason="the test extra installs setuptools to build the wheel")
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    for name in ("convviz", "resources"):
        shutil.copytree(REPO / name, src / name, ignore=ignore)
    out = tmp_path_factory.mktemp("dist")
    code = "import sys, setuptools.build_meta as b; print(b.build_wheel(sys.argv[1]))"
    r = subprocess.run([sys.executable, "-c", code, str(out)], cwd=src, capture_output=True, text=True, check=False,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    return out / r.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def names(wheel):
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def test_the_wheel_holds_every_file_the_code_loads(names):
    # The list comes from the loader's registry: a file the code loads but the build leaves
    # out (a new resource without a package-data glob) fails here, not on a user's machine.
    missing = [RESOURCES_IN_WHEEL + f for f in shipped.FILES.values() if RESOURCES_IN_WHEEL + f not in names]
    assert not missing, f"loaded by convviz.shipped but not in the wheel: {missing}"


def test_the_wheel_holds_every_lesson_chapter(names):
    folder = REPO / "resources" / shipped.LESSONS
    chapters = sorted(RESOURCES_IN_WHEEL + p.relative_to(REPO / "resources").as_posix()
                      for p in folder.rglob("*.md"))
    assert any(c.endswith("en/01-input.md") for c in chapters)
    assert [c for c in chapters if c not in names] == []


def test_the_wheel_holds_every_module_of_the_tree(names):
    # pyproject lists the packages by hand (the resources mapping needs it): a new sub-package
    # left off that list fails here.
    missing = sorted(_tree_modules() - names)
    assert not missing, f"modules missing from the wheel (add their package to pyproject.toml): {missing}"


def test_the_wheel_ships_only_the_registered_resources_and_no_test_set(names):
    shipped_files = {n[len(RESOURCES_IN_WHEEL):] for n in names if n.startswith(RESOURCES_IN_WHEEL)}
    translations = {n for n in shipped_files if n.startswith(shipped.TRANSLATIONS + "/") and n.endswith(".qm")}
    lessons = {n for n in shipped_files if n.startswith(shipped.LESSONS + "/") and n.endswith(".md")}
    assert shipped_files - translations - lessons == set(shipped.FILES.values()) | {"__init__.py"}
    assert not [n for n in names if "t10k" in n or "test" in n.lower()]


def test_the_wheel_ships_every_compiled_translation_and_no_source(names):
    """The app's languages: each .qm of resources/translations ships (the .ts sources stay behind)."""
    compiled = sorted((REPO / "resources" / shipped.TRANSLATIONS).glob("*.qm"))
    assert compiled, "no compiled translation in resources/translations (python tools/translations.py release)"
    missing = [p.name for p in compiled if f"{RESOURCES_IN_WHEEL}{shipped.TRANSLATIONS}/{p.name}" not in names]
    assert missing == []
    assert not [n for n in names if n.endswith(".ts")]


def test_the_wheel_metadata(wheel, names):
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert wheel.name.startswith(f"convviz-{project['version']}-py3-none-any")
    info = f"convviz-{project['version']}.dist-info/"
    with zipfile.ZipFile(wheel) as z:
        metadata = z.read(info + "METADATA").decode()
        entry_points = z.read(info + "entry_points.txt").decode()
    assert f"\nVersion: {project['version']}\n" in metadata
    assert "[gui_scripts]\nconvviz = convviz.cli:main" in entry_points
    assert "[console_scripts]\nconvviz-cli = convviz.cli:main" in entry_points


@pytest.fixture(scope="module")
def unpacked(wheel, tmp_path_factory):
    """The wheel's files as pip lays them into site-packages (no venv: the test's own packages)."""
    site = tmp_path_factory.mktemp("site-packages")
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def _run_installed(site, cwd, *args):
    # Only the unpacked wheel on the path, started from a folder that is not the repository.
    env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
                          timeout=120)


def test_the_unpacked_wheel_loads_its_own_files_from_anywhere(unpacked, tmp_path):
    code = ("import convviz, convviz.shipped as s\n"
            "from convviz.digits import load_pretrained, load_samples\n"
            "load_pretrained(); load_samples()\n"
            "print(convviz.__file__); print(s.path('model')); print(convviz.__version__)")
    r = _run_installed(unpacked, tmp_path, "-c", code)
    assert r.returncode == 0, r.stderr
    package, model, version = r.stdout.split("\n")[:3]
    assert Path(package) == unpacked / "convviz" / "__init__.py"
    assert Path(model) == unpacked / "convviz" / "resources" / "models" / "digits.npz"
    assert version == next(unpacked.glob("convviz-*.dist-info")).name[len("convviz-"):-len(".dist-info")]


def test_the_unpacked_wheel_predicts_a_shipped_sample_and_prints_its_version(unpacked, tmp_path, qapp):
    from PySide6.QtGui import QImage

    from convviz.digits import load_samples
    images, labels = load_samples()
    seven = images[list(labels).index(7)].copy()
    assert QImage(seven.data, 28, 28, 28, QImage.Format.Format_Grayscale8).save(str(tmp_path / "seven.png"))
    r = _run_installed(unpacked, tmp_path, "-m", "convviz", "predict", "seven.png")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("seven.png: 7 (")
    r = _run_installed(unpacked, tmp_path, "-m", "convviz", "--version")
    version = next(unpacked.glob("convviz-*.dist-info")).name[len("convviz-"):-len(".dist-info")]
    assert r.returncode == 0 and r.stdout == f"convviz {version}\n"


def test_from_a_zip_archive_shipped_files_are_extracted_for_the_process(wheel, tmp_path):
    # A wheel is a zip that Python can import from as it is (zipimport): importlib.resources
    # then has no real files, and shipped.path() hands out a temporary copy, removed at exit.
    code = ("import convviz, convviz.shipped as s\n"
            "from convviz.digits import load_pretrained, load_samples\n"
            "p = s.path('model')\n"
            "assert p.read_bytes() == s.read_bytes('model')\n"
            "load_pretrained(); load_samples()\n"
            "print(convviz.__file__); print(p)")
    r = _run_installed(wheel, tmp_path, "-c", code)
    assert r.returncode == 0, r.stderr
    package, model = r.stdout.split("\n")[:2]
    assert package.startswith(str(wheel) + os.sep)
    assert not model.startswith(str(wheel)) and Path(model).name.endswith("digits.npz")
    assert not Path(model).exists()                     # the temporary copy went with the process
