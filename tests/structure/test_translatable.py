"""Every string a person reads in the GUI goes through Qt's translation (tr / translate): no
literal words are handed to a Qt text setter in convviz/gui (the presentation layer marks its
texts for translation itself and is checked by its own tests)."""

import ast
import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "convviz" / "gui"

# Calls that put text in front of a person, and which of their arguments are that text.
TEXT_ARGS = {name: (0,) for name in (
    "setText", "setToolTip", "setStatusTip", "setWindowTitle", "showMessage", "addMenu", "setTitle",
    "setPlaceholderText", "QLabel", "QPushButton", "QCheckBox", "setInformativeText", "_heading", "set_text",
    "LabelItem", "setHtml", "set_html")}
TEXT_ARGS |= {"_tool": (0, 1), "addItem": (0, 1), "drawText": (2,), "report": (0, 1), "_status": (0,),
              "act": (1, 3), "_ask": (1, 2), "QAction": (0, 1), "_dialog": (1, 2)}
WORD = re.compile(r"[A-Za-z]{2,}")


def words(node):
    """The words of a literal or f-string's constant parts, HTML tags and entities left out."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = " ".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return []
    return WORD.findall(re.sub(r"<[^>]*>|&\w+;", " ", text))


def untranslated(path):
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
        for k in TEXT_ARGS.get(name, ()):
            if k < len(node.args) and words(node.args[k]):
                found.append(f"{path.relative_to(GUI)}:{node.lineno}: {ast.unparse(node.args[k])[:60]}")
    return found


def test_the_check_sees_a_literal():
    tree = ast.parse('label.setText("Hello there")\nlabel.setText(self.tr("Hello"))\nlabel.setText(f"±{x}")')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "setText"]
    assert [bool(words(c.args[0])) for c in calls] == [True, False, False]


def test_gui_text_goes_through_translation():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        if "presentation" not in path.parts:
            found += untranslated(path)
    assert found == []
