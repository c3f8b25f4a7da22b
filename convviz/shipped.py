"""The files that ship inside the package (convviz.resources), found through importlib.resources."""

import atexit
import contextlib
import importlib.resources
import importlib.util
from pathlib import Path

PACKAGE = "convviz.resources"

#: Every shipped file the code loads, by what it is. The packaging tests check that each one
#: is inside the built wheel, so a file loaded by another name than these is a bug.
FILES = {
    "model": "models/digits.npz",              # the pretrained network (Network.save format)
    "model_config": "models/digits.json",      # its configuration, as `convviz train --config` takes it
    "samples": "samples/samples.npz",          # 100 training digits, 10 per class, for the GUI
    "training_digits": "data/mnist-train-5k.npz",   # what `convviz train` learns from by default
    "icon": "convviz.svg",                     # the application icon (window, menu entry)
    "desktop_entry": "convviz.desktop",        # the freedesktop menu entry (see the README)
    "attribution": "README.md",                # the data's source and licence: CC BY-SA asks it travel along
}

#: Qt translations: translations/convviz_<locale>.qm, compiled from the .ts beside them by
#: tools/translations.py release (Simplified Chinese: zh_CN).
TRANSLATIONS = "translations"
#: The guided lesson's chapters: lessons/<language>/NN-name.md and lessons/README.md (their format).
LESSONS = "lessons"


class MissingResourceError(FileNotFoundError):
    """A file that should ship with convviz is not in this installation."""


def root():
    """The shipped files' folder as an importlib.resources Traversable."""
    if importlib.util.find_spec(PACKAGE) is not None:
        return importlib.resources.files(PACKAGE)
    return _source_tree_resources()


def _source_tree_resources():
    """A clone on PYTHONPATH but not installed: pyproject's package-dir mapping
    (convviz.resources -> resources/) was never applied, so apply it here. Installed copies,
    editable or not, never come this way."""
    import convviz
    folder = Path(next(iter(convviz.__path__))).parent / "resources"
    if not (folder / "__init__.py").is_file():
        raise MissingResourceError(f"{PACKAGE} is not installed and there is no resources/ folder beside "
                                   "the convviz package; reinstall convviz")
    return folder


def file(name):
    """The Traversable of shipped file `name` (a key of FILES); MissingResourceError if absent."""
    resource = root().joinpath(*FILES[name].split("/"))
    if not resource.is_file():
        raise MissingResourceError(f"{describe(name)} is missing from this installation of convviz; "
                                   "reinstall it")
    return resource


def describe(name):
    """How a message names a shipped file: its place inside the package."""
    return f"{PACKAGE.replace('.', '/')}/{FILES[name]}"


def read_bytes(name):
    return file(name).read_bytes()


def read_text(name):
    return file(name).read_text(encoding="utf-8")


_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def path(name):
    """A real file-system path to shipped file `name`, valid while the process runs.

    Installed packages are plain folders, so this is the file itself; from a zip archive
    importlib.resources extracts a temporary copy, removed at exit."""
    resource = file(name)
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(importlib.resources.as_file(resource))


def translation(locale_name):
    """The bytes of translations/convviz_<locale_name>.qm, or None when none ships for it."""
    resource = root().joinpath(TRANSLATIONS, f"convviz_{locale_name}.qm")
    return resource.read_bytes() if resource.is_file() else None
