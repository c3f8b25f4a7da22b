"""Translations to come: a convviz_<locale>.qm shipped in resources/translations/ is installed."""

import subprocess
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from convviz import shipped
from convviz.gui.shell.translations import install_translation

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context><name>About</name>
<message><source>Version {0}</source><translation>Fassung {0}</translation></message>
</context>
</TS>
"""


@pytest.fixture
def german(tmp_path, monkeypatch):
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    if not lrelease.is_file():
        pytest.skip("this PySide6 ships no lrelease to compile a translation")
    (tmp_path / "translations").mkdir()
    (tmp_path / "de.ts").write_text(TS, encoding="utf-8")
    qm = tmp_path / "translations" / "convviz_de.qm"
    r = subprocess.run([str(lrelease), str(tmp_path / "de.ts"), "-qm", str(qm)], capture_output=True,
                       text=True, timeout=60, check=False)
    assert r.returncode == 0 and qm.is_file(), r.stdout + r.stderr
    monkeypatch.setattr(shipped, "root", lambda: tmp_path)


def test_a_shipped_translation_for_the_language_is_installed(qapp, german):
    translator = install_translation(qapp, QLocale("de_AT"))    # no de_AT file: falls back to de
    try:
        assert translator is not None
        assert QCoreApplication.translate("About", "Version {0}") == "Fassung {0}"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("About", "Version {0}") == "Version {0}"


def test_no_translation_for_the_language_leaves_the_english(qapp, german):
    assert install_translation(qapp, QLocale("fr_FR")) is None
    assert QCoreApplication.translate("About", "Version {0}") == "Version {0}"
