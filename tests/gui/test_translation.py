"""A second language works end to end: a translation compiled with Qt's lrelease and installed
as a QTranslator changes the widgets' texts and the catalogue's op titles."""

import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from convviz.engine import Network, OpKind
from convviz.gui.panels.draw.left_column import LeftColumn
from convviz.gui.panels.iteration.network_panel import PhaseIndicator
from convviz.gui.widgets.translate import step_title

GERMAN = {"LeftColumn": {"1 · Draw a digit": "1 · Zeichne eine Ziffer", "Brush": "Pinsel"},
          "catalogue": {"Forward": "Vorwärts", "{layer}: convolution": "{layer}: Faltung"}}


def lrelease():
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease (part of PySide6-Essentials) not found"
    return found


def compile_translation(folder, contexts):
    """A QTranslator loaded with {context: {source: translation}}, compiled by Qt's lrelease."""
    ts = ['<?xml version="1.0" encoding="utf-8"?>', '<!DOCTYPE TS>', '<TS version="2.1" language="de">']
    for context, texts in contexts.items():
        ts.append(f"<context><name>{context}</name>")
        ts += [f"<message><source>{escape(a)}</source><translation>{escape(b)}</translation></message>"
               for a, b in texts.items()]
        ts.append("</context>")
    ts.append("</TS>")
    (folder / "de.ts").write_text("\n".join(ts), encoding="utf-8")
    subprocess.run([lrelease(), str(folder / "de.ts"), "-qm", str(folder / "de.qm")], check=True,
                   capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(folder / "de.qm"))
    return translator


@pytest.fixture
def german(qapp, tmp_path):
    translator = compile_translation(tmp_path, GERMAN)
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_widgets_and_catalogue_follow_the_installed_translation(german, qtbot):
    left = LeftColumn()
    qtbot.addWidget(left)
    texts = {w.text() for w in left.findChildren(type(left.target_text))}
    assert {"1 · Zeichne eine Ziffer", "Pinsel"} <= texts
    phases = PhaseIndicator()
    qtbot.addWidget(phases)
    assert phases.labels["forward"].text() == "Vorwärts"
    conv = Network(seed=0).trace(np.eye(28), 1).find(OpKind.CONV)
    assert step_title(conv) == "conv1: Faltung"


def test_without_a_translation_the_texts_are_english(qapp, qtbot):
    left = LeftColumn()
    qtbot.addWidget(left)
    assert "1 · Draw a digit" in {w.text() for w in left.findChildren(type(left.target_text))}


def test_lupdate_collects_every_catalogue_text(tmp_path):
    """Qt's own extractor sees the presentation layer's marked templates (a wrapper with another
    name than QT_TRANSLATE_NOOP would hide them from it)."""
    from convviz.gui.presentation import catalogue, stages, texts
    lupdate = lrelease().replace("lrelease", "lupdate")
    sources = [str(p) for p in (Path(catalogue.__file__).parents[1]).rglob("*.py")]
    subprocess.run([lupdate, *sources, "-ts", str(tmp_path / "all.ts")], check=True, capture_output=True, timeout=120)
    ts = (tmp_path / "all.ts").read_text(encoding="utf-8")
    found = set()
    for context in ts.split("<context>")[1:]:
        if "<name>catalogue</name>" in context:
            found |= {m.split("</source>")[0] for m in context.split("<source>")[1:]}
    wanted = {*catalogue.TITLES.values(), *catalogue.ABOUT.values(), *catalogue.ABOUT_BY_CHOICE.values(),
              *catalogue.ABOUT_NOTES.values(), *catalogue.PHASE_NAMES.values(), *texts.CAPTIONS.values(),
              *stages.TITLES.values(), *texts.TEXT.values()}
    assert {escape(t).replace("'", "&apos;").replace('"', "&quot;") for t in wanted} <= found
