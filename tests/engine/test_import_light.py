"""The engine is pure NumPy: importing it must not pull in Qt or pyqtgraph (the CLI and the
tests use it without a screen, and a GUI import would cost seconds)."""

import json
import subprocess
import sys

HEAVY = ("PySide6", "shiboken6", "pyqtgraph")


def test_engine_import_loads_no_gui_modules():
    code = ("import sys, json\n"
            "import convviz.engine\n"
            "from convviz.engine import Network\n"
            "Network().trace(__import__('numpy').zeros((28, 28)), 1)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in %r)))\n" % (HEAVY,))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_every_engine_module_imports_without_gui():
    code = ("import sys, pkgutil, importlib, json, convviz.engine as e\n"
            "names = [m.name for m in pkgutil.iter_modules(e.__path__)]\n"
            "for n in names: importlib.import_module('convviz.engine.' + n)\n"
            "print(json.dumps([names, sorted(m for m in sys.modules if m.split('.')[0] in %r)]))\n" % (HEAVY,))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    names, heavy = json.loads(out.stdout.strip().splitlines()[-1])
    assert {"network", "conv", "pooling", "trace"} <= set(names)
    assert heavy == [], f"GUI modules imported by the engine: {heavy}"
