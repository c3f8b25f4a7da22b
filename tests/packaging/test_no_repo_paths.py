"""Nothing in convviz/ finds a shipped file by a path relative to the repository or the working
folder: such a path works in a clone and fails in an installed wheel (issue 9). Every shipped
file goes through convviz.shipped (importlib.resources)."""

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# The two places that may look at where the package lies, and why:
ALLOWED = {
    # setuptools' convviz.resources -> resources/ mapping, applied by hand for a clone that
    # is run from PYTHONPATH without being installed (an installed copy never gets there).
    ("convviz/shipped.py", "_source_tree_resources"),
    # compares the installed metadata's files with this very module; loads nothing.
    ("convviz/__init__.py", "_installed_version"),
}
LOCATION = ("__file__", "__path__", "__spec__", "RESOURCES")
RESOURCES_IN_A_PATH = re.compile(r"(^|[/\\])resources([/\\]|$)")


def find_repo_paths(source, filename):
    """[(line, what)] for each way `source` could reach a file by a repository-relative path."""
    found = []
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}

    def visit(node, function):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        allowed = (filename, function) in ALLOWED
        line = getattr(node, "lineno", 0)
        # Where a module lies (then climbing to the repository), or the working folder.
        if isinstance(node, ast.Name) and node.id in LOCATION and not allowed:
            found.append((line, node.id))
        elif isinstance(node, ast.Attribute):
            if node.attr in LOCATION and not allowed:
                found.append((line, node.attr))
            elif node.attr in ("getcwd", "cwd"):
                found.append((line, f"{node.attr}()"))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
              and RESOURCES_IN_A_PATH.search(node.value) and not allowed):
            found.append((line, f"path string {node.value!r}"))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, None)
    return found


@pytest.mark.parametrize("source", [
    "from convviz import RESOURCES\nRESOURCES / 'models'",
    "import convviz\nconvviz.RESOURCES / 'x.npz'",
    "from pathlib import Path\nROOT = Path(__file__).resolve().parent.parent / 'resources'",
    "p = Path(__file__).parents[1]",
    "import os\nos.path.join(os.path.dirname(__file__), 'x')",
    "open('resources/models/digits.npz', 'rb')",
    "np.load(Path.cwd() / 'data.npz')",
    "import os\nos.getcwd()",
    "root = some_path / 'resources'",
    "import convviz\nconvviz.__path__[0]",
    "import convviz\nPath(convviz.__spec__.origin).parent",
    "def f():\n    return 'C:\\\\app\\\\resources\\\\m.npz'",
])
def test_the_scan_finds_each_kind_of_repository_path(source):
    assert find_repo_paths(source, "convviz/example.py")


@pytest.mark.parametrize("source", [
    '"""Loads resources/models/digits.npz through convviz.shipped."""\nfrom convviz import shipped',
    "def f():\n    '''reads resources/ via shipped'''\n    return shipped.path('model')",
    "PACKAGE = 'convviz.resources'",
    "p = Path(user_file).parent / 'labels.gz'",
    "import os, tempfile\ntempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)))",
    "text = 'Sample digits unavailable'",
])
def test_the_scan_passes_code_that_goes_through_the_loader(source):
    assert find_repo_paths(source, "convviz/example.py") == []


def test_the_allowed_functions_are_only_allowed_in_their_own_file():
    source = "def _source_tree_resources():\n    return Path(__file__).resolve() / 'resources'"
    assert find_repo_paths(source, "convviz/shipped.py") == []
    assert len(find_repo_paths(source, "convviz/gui/app.py")) == 2


def test_nothing_in_the_package_loads_by_a_repository_path():
    files = sorted((REPO / "convviz").rglob("*.py"))
    assert len(files) > 30
    found = [f"{f.relative_to(REPO).as_posix()}:{line}: {what}"
             for f in files for line, what in find_repo_paths(f.read_text(encoding="utf-8"),
                                                               f.relative_to(REPO).as_posix())]
    assert not found, "load shipped files through convviz.shipped instead:\n" + "\n".join(found)
