"""tools/translations.py check: the shipped Chinese .ts holds every user-visible string of the code,
each finished and keeping its placeholders, and the shipped .qm is what lrelease makes of it. Its
detections are tried on a small package of their own; then the real files are checked."""

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tool():
    return load_tool()


@pytest.fixture
def tiny(tool, tmp_path, monkeypatch):
    """The tool pointed at a package of one class with two strings."""
    (tmp_path / "convviz").mkdir()
    (tmp_path / "convviz" / "panel.py").write_text(
        "from PySide6.QtCore import QObject\n\n\nclass Panel(QObject):\n    def texts(self):\n"
        "        return self.tr('Hello {name}'), self.tr('Step %1 of %2')\n", encoding="utf-8")
    folder = tmp_path / "resources" / "translations"
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "FOLDER", folder)
    monkeypatch.setattr(tool, "TS", folder / "convviz_zh_CN.ts")
    monkeypatch.setattr(tool, "QM", folder / "convviz_zh_CN.qm")
    assert tool.main(["update"]) == 0
    return tmp_path


def translate(ts, texts):
    tree = ET.parse(ts)
    for m in tree.getroot().iter("message"):
        if m.findtext("source") in texts:
            t = m.find("translation")
            t.text = texts[m.findtext("source")]
            t.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def test_a_new_ts_is_all_unfinished_and_a_finished_one_passes(tool, tiny, capsys):
    found = tool.findings()
    assert found["counts"] == (2, 0, 2) and len(found["unfinished"]) == 2
    assert found["missing"] == [] and found["dropped"] == []
    translate(tool.TS, {"Hello {name}": "你好 {name}", "Step %1 of %2": "第 %1 步，共 %2 步"})
    assert tool.main(["release"]) == 0
    assert tool.main(["check"]) == 0
    assert "2 messages, 2 finished, 0 unfinished" in capsys.readouterr().out


def test_check_fails_on_a_missing_string_a_lost_placeholder_and_a_stale_qm(tool, tiny, capsys):
    translate(tool.TS, {"Hello {name}": "你好", "Step %1 of %2": "第 %1 步，共 %2 步"})   # {name} lost
    tool.main(["release"])
    translate(tool.TS, {"Step %1 of %2": "第 %1 步 / %2"})                              # .qm now stale
    with (tiny / "convviz" / "panel.py").open("a", encoding="utf-8") as f:
        f.write("\n    def more(self):\n        return self.tr('A new button')\n")
    found = tool.findings()
    assert found["missing"] == ["[Panel] 'A new button'"]
    assert len(found["lost"]) == 1 and "{name}" in found["lost"][0]
    assert len(found["stale_qm"]) == 1 and "Step %1 of %2" in found["stale_qm"][0]
    assert tool.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "A new button" in out


def test_an_empty_translation_is_unfinished(tool, tiny):
    translate(tool.TS, {"Hello {name}": " ", "Step %1 of %2": "第 %1 步，共 %2 步"})
    assert tool.findings()["unfinished"] == ["[Panel] 'Hello {name}'"]


def test_the_real_ts_holds_every_string_and_the_qm_is_current():
    """Everything but the wording: no string missing or stale, no placeholder lost, the .qm current."""
    found = load_tool().findings()
    assert (found["missing"], found["dropped"], found["lost"], found["stale_qm"]) == ([], [], [], [])


def test_every_message_of_the_real_ts_is_translated():
    found = load_tool().findings()
    assert found["unfinished"] == [], f"{len(found['unfinished'])} unfinished, e.g. {found['unfinished'][:5]}"


def hidden_from_lupdate(path):
    """Literal texts handed to a home-made wrapper (`tr("…")`, `_tr("…")`, `_translate("ctx", "…")`):
    lupdate extracts them with no context or not at all, so no translation of them is ever found
    at run time. `translate("ctx", "…")` (an alias of QCoreApplication.translate) it does read."""
    import ast

    def literal(arg):
        return isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args and literal(node.args[0])):
            continue
        name = node.func.id
        if name == "translate" and len(node.args) >= 2 and literal(node.args[1]):
            continue
        if name.lstrip("_") in ("tr", "t", "translate"):
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            found.append(f"{where}:{node.lineno}: {node.args[0].value[:50]!r}")
    return found


EDITOR_DOCKS = ROOT / "convviz" / "gui" / "panels" / "editor" / "install.py"


def test_the_wrapper_scan_tells_what_lupdate_reads(tmp_path):
    code = ('translate("Ctx", "read")\n_translate("Ctx", "hidden")\ntr("hidden")\n_tr("hidden")\n'
            'self.tr("read")\nQCoreApplication.translate("Ctx", "read")\n')
    (tmp_path / "m.py").write_text(code, encoding="utf-8")
    found = hidden_from_lupdate(tmp_path / "m.py")
    assert [f.split(": ", 1)[0].rsplit(":", 1)[1] for f in found] == ["2", "3", "4"]


def test_no_literal_text_goes_through_a_wrapper_lupdate_cannot_see():
    found = [f for p in sorted((ROOT / "convviz").rglob("*.py")) if p != EDITOR_DOCKS for f in hidden_from_lupdate(p)]
    assert found == []


def test_the_editor_docks_texts_reach_lupdate():
    assert hidden_from_lupdate(EDITOR_DOCKS) == []
