"""The editor follows a language switch: its Qt-free texts (words.Text templates) are extracted by
pyside6-lupdate and translated in the view; every editor widget sets its texts again on LanguageChange."""

import ast
import copy
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from editor_helpers import show_editor, type_into
from PySide6.QtCore import QCoreApplication
from test_translation import compile_translation, lrelease

from convviz.gui.panels.editor import choices, shapes, words
from convviz.gui.panels.editor.presets import PRESETS
from convviz.gui.panels.editor.shape_table import shape_text
from convviz.gui.panels.editor.words import Text, translated
from convviz.gui.presentation import names

EDITOR = Path(shapes.__file__).parent

GERMAN = {
    "editor": {"feature maps C{i}": "Merkmalskarten C{i}",
               "block {block}'s {window} pooling window is larger than its {size} feature maps: use a window of "
               "at most {size}, or no pooling": "das {window}-Fenster von Block {block} ist größer als {size}",
               "{where} of the {what} are never read: {n} − {k} + 2·{p} = {sum} is not a multiple of the stride "
               "{stride}": "{where} der {what} werden nie gelesen ({sum} ist kein Vielfaches von {stride})",
               "the last row": "die letzte Zeile", "padded input": "aufgefüllten Eingabe",
               "Tiny": "Winzig", "scalar": "Skalar"},
    "catalogue": {"average": "Mittelwert"},        # the choices' names (presentation/names.py), as in step titles
    "EditorPanel": {"Apply": "Anwenden", "loss": "Verlust"},
    "ConvFields": {"stride Z_s": "Schrittweite Z_s", "Convolution block %1": "Faltungsblock %1"},
    "ChoiceView": {"Step to a loss, activation or pooling step to see what that choice does, and how the "
                   "others would do it.": "Gehe zu einem Verlust-, Aktivierungs- oder Pooling-Schritt."},
    "EditorDocks": {"Network editor": "Netz-Editor"},
}


@pytest.fixture
def german(qapp, tmp_path):
    translator = compile_translation(tmp_path, GERMAN)

    class Switch:
        def on(self):
            QCoreApplication.installTranslator(translator)

        def off(self):
            QCoreApplication.removeTranslator(translator)

    switch = Switch()
    yield switch
    switch.off()


def _marked():
    """Every literal marked QT_TRANSLATE_NOOP("editor", ...) in the editor package, read from its source,
    and the choices' names the editor shows from presentation/names.py (marked in the catalogue's context,
    which the editor's tr_editor falls back to)."""
    found = set()
    for path in [*EDITOR.glob("*.py"), Path(names.__file__)]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
                context, text = (a.value for a in node.args)
                # the Qt-free texts' context, or the class whose self.tr() shows it
                assert context in (words.CONTEXT, names.CONTEXT) or context in classes, (path.name, text)
                if context in (words.CONTEXT, names.CONTEXT):
                    found.add(text)
    return found


def _templates(text):
    """The templates of a Text and of every Text among its fields."""
    if not isinstance(text, Text):
        return set()
    out = {text.template}
    for v in text.fields.values():
        out |= _templates(v)
    return out


def _produced():
    """Every text the Qt-free editor modules produce for the presets and for each kind of refusal."""
    configs = [copy.deepcopy(p.config) for p in PRESETS.values()]
    tiny = PRESETS["Tiny"].config
    for change in (lambda c: c["conv"][0].update(size=[9, 9]), lambda c: c["conv"][0].update(pool_size=[7, 7]),
                   lambda c: c.update(input=[40, 40]), lambda c: c["dense"][0].update(units=1_000_000),
                   lambda c: c["conv"][0].update(stride=[2, 3], pool="none"), lambda c: c.pop("conv"),
                   lambda c: c["conv"][0].update(size=[3, 2], pool_stride=[3, 3])):
        cfg = copy.deepcopy(tiny)
        change(cfg)
        configs.append(cfg)
    texts = []
    for cfg in configs:
        p = shapes.plan(cfg)
        texts += [t for r in p.rows for t in (r.label, r.equation, r.note)]
        texts += [*p.refusals.values(), *p.notes.values(), *map(shapes.field_words, p.refusals)]
    texts += [shapes.field_words(f) for f in ("conv[0].pool_stride", "dense[1].units", "loss", "output.activation")]
    texts += choices.pairing_warnings("mse", "sigmoid") + choices.pairing_warnings("mape", "softmax")
    return texts


def test_every_text_the_editor_makes_is_marked_and_extracted_by_lupdate(tmp_path):
    marked = _marked()
    produced = set().union(*map(_templates, _produced()))
    assert len(produced) > 30
    assert produced <= marked, produced - marked                 # nothing made from an unmarked template
    lupdate = lrelease().replace("lrelease", "lupdate")
    subprocess.run([lupdate, *map(str, EDITOR.glob("*.py")), names.__file__, "-ts", str(tmp_path / "editor.ts")],
                   check=True, capture_output=True, timeout=120)
    ts = (tmp_path / "editor.ts").read_text(encoding="utf-8")
    # every message in a named context, the one its view translates it in (a wrapper around
    # QCoreApplication.translate would put it in none, and it would never be translated)
    assert "<name></name>" not in ts and "<context>\n    <name/>" not in ts
    extracted = set()
    for context in ts.split("<context>")[1:]:
        if f"<name>{words.CONTEXT}</name>" in context or f"<name>{names.CONTEXT}</name>" in context:
            extracted |= {m.split("</source>")[0] for m in context.split("<source>")[1:]}
    assert {escape(t).replace("'", "&apos;").replace('"', "&quot;") for t in marked} <= extracted


def test_a_text_is_translated_from_its_template_and_its_fields():
    note = shapes.plan({**PRESETS["Tiny"].config, "conv": [{**PRESETS["Tiny"].config["conv"][0], "stride": [2, 1],
                                                             "pool": "none"}]}).notes["conv[0].stride"]
    assert note == ("the last row of the padded input are never read: 8 − 3 + 2·0 = 5 is not a multiple of the "
                    "stride 2")
    marked = translated(note, lambda t: "»" + t)   # each template, nested ones too, through the translator
    assert marked == "»»the last row of the »padded input are never read: 8 − 3 + 2·0 = 5 is not a multiple of " \
                     "the stride 2"
    broken = translated(note, lambda t: t.replace("{stride}", "{lost}"))
    assert broken == note                          # a translation that broke a field falls back to English


def test_the_editor_follows_a_language_switch_and_back(window, qtbot, german):
    editor = show_editor(window, qtbot)
    editor.load_preset("Tiny")
    type_into(qtbot, editor.convs[0].pool_size, 7)      # larger than the 6 × 6 feature maps: a refusal
    docks, conv = window.editor_docks, editor.convs[0]

    def shown():
        return {"apply": editor.apply_button.text(), "refusal": conv.errors["pool_size"].text(),
                "row": editor.table.item(2, 0).text(), "stride": conv.labels["stride"].text(),
                "box": conv.box.title(), "pool": conv.pool.itemText(conv.pool.findData("avg")),
                "preset": editor.preset.itemText(editor.preset.findData("Tiny")),
                "loss": editor.form.labelForField(editor.loss).text(), "dock": docks.editor_dock.windowTitle(),
                "choice": docks.choice.none_page.text()}

    english = shown()
    assert english["refusal"].startswith("block 1's 7 × 7 pooling window is larger than its 6 × 6 feature maps")
    assert english["row"] == "feature maps C₁"
    german.on()
    qtbot.waitUntil(lambda: editor.apply_button.text() == "Anwenden", timeout=3000)
    assert shown() == {"apply": "Anwenden", "refusal": "das 7 × 7-Fenster von Block 1 ist größer als 6 × 6",
                       "row": "Merkmalskarten C₁", "stride": "Schrittweite Z_s", "box": "Faltungsblock 1",
                       "pool": "Mittelwert", "preset": "Winzig", "loss": "Verlust", "dock": "Netz-Editor",
                       "choice": "Gehe zu einem Verlust-, Aktivierungs- oder Pooling-Schritt."}
    assert shape_text(()) == "Skalar"               # the loss row's shape
    german.off()
    qtbot.waitUntil(lambda: editor.apply_button.text() == "Apply", timeout=3000)
    assert shown() == english
