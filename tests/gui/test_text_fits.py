"""No text is wider than its widget, in English and in Simplified Chinese, at 1366 × 768: every
visible label, button (tool buttons of the bars too), tab and group-box title of the window, with
the lesson, the training panel, the network editor docks and the Check gradients window shown.

A text counts as cut when its widget is narrower than it needs, or when an ancestor that never
scrolls sideways (the left column, the training dock) hides part of it. Word-wrapped labels and
labels meant to be cut (horizontal size policy Ignored: the step counter
and the readout, whose tooltips hold the whole text) are left out, as are elided tabs."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QGroupBox, QLabel, QPushButton, QSizePolicy, QTabBar

from convviz.gui.shell import translations

ROOT = Path(__file__).resolve().parents[2]
SIZE = (1366, 768)
SLACK = 2        # px: rounding of font metrics


def cjk_font():
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def text_width(widget, text, rich):
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(widget.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        return doc.idealWidth()
    return max((widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n")), default=0)


def visible_width(w):
    """How much of `w`'s width its window shows: cut by every ancestor, except a scroll area the
    learner can scroll sideways (a left column or a dock that never scrolls sideways cuts)."""
    top = w.window()
    rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
    p = w.parentWidget()
    while p is not None and p is not top:
        area = p.parentWidget()
        if (isinstance(area, QAbstractScrollArea) and p is area.viewport()
                and area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
            break
        rect = rect.intersected(QRect(p.mapTo(top, QPoint(0, 0)), p.size()))
        p = p.parentWidget()
    return max(0, rect.width())


def clipped(window_widgets, checked=None):
    """[(what, text, needed px, has px)] for each visible text wider than its room; `checked`
    (a list) collects every text measured."""
    found = [] if checked is None else checked
    found, checked = [], found
    for top in window_widgets:
        for w in [*top.findChildren(QLabel), *top.findChildren(QAbstractButton),
                  *top.findChildren(QTabBar), *top.findChildren(QGroupBox)]:
            if not w.isVisible() or w.width() <= 1:
                continue
            if isinstance(w, QLabel):
                if (w.wordWrap() or not w.text() or w.pixmap() is not None and not w.pixmap().isNull()
                        or w.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored):
                    continue
                rich = w.textFormat() == Qt.TextFormat.RichText or (
                    w.textFormat() == Qt.TextFormat.AutoText and re.search(r"<[a-zA-Z/][^>]*>", w.text()))
                need = text_width(w, w.text(), rich)
                has = w.contentsRect().width() - (w.width() - visible_width(w))
            elif isinstance(w, QAbstractButton):
                if not w.text():
                    continue
                need, has = w.sizeHint().width(), visible_width(w)    # the style's room for text, icon and frame
            elif isinstance(w, QTabBar):
                for k in range(w.count()):
                    if w.elideMode() == 0 and w.tabRect(k).width() + SLACK < w.tabSizeHint(k).width():
                        found.append((type(w).__name__, w.tabText(k), w.tabSizeHint(k).width(), w.tabRect(k).width()))
                continue
            else:
                if not w.title():
                    continue
                need, has = w.fontMetrics().horizontalAdvance(w.title().replace("&", "")) + 20, visible_width(w)
            checked.append(w.text() if hasattr(w, "text") else w.title())
            if need > has + SLACK:
                found.append((type(w).__name__, w.text() if hasattr(w, "text") else w.title(), round(need), has))
    return found


def measure(language, size):
    """In this process (its own QApplication on a screen of `size`): the window built in English,
    switched live to `language`, every panel shown; the clipped texts."""
    from convviz.gui import app as gui_app
    app, window = gui_app.create([])
    window.show()
    window.resize(*size)
    if language != translations.ENGLISH:
        translations.set_language(app, language)          # live, as View ▸ Language does
    # opened one by one, as a learner does (a dock that does not fit floats)
    for action in (window.lesson.action, window.menus.training_action, window.editor_docks.editor_action,
                   window.editor_docks.choice_action):
        action.trigger()
        for _ in range(10):
            app.processEvents()
    view = window.gradcheck.open_view()
    for _ in range(10):
        app.processEvents()
    tops = [window, view] + [d for d in (window.lesson.dock, window.training_dock, window.editor_docks.editor_dock,
                                         window.editor_docks.choice_dock) if d.isFloating()]
    assert window.lesson.dock.isVisible()
    checked = []
    found = clipped(tops, checked)
    view.close()
    return {"clipped": found, "checked": checked, "file_menu": window.menus.file_menu.title()}


@pytest.mark.parametrize("language", [translations.ENGLISH, translations.CHINESE])
def test_no_text_is_wider_than_its_widget(language, tmp_path, qapp):
    if language == translations.CHINESE and not cjk_font():
        pytest.skip("no font with Chinese glyphs (install fonts-noto-cjk): their widths cannot be measured")
    # A screen of 1366 × 768 needs an application of its own (Qt's offscreen screen is set at start).
    screen = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1],
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    (tmp_path / "screen.json").write_text(json.dumps(screen), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={tmp_path / 'screen.json'}",
           "XDG_CONFIG_HOME": str(tmp_path), "HOME": str(tmp_path), "CONVVIZ_LANG": "",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    r = subprocess.run([sys.executable, __file__, language], env=env, capture_output=True, text=True,
                       timeout=240, check=False, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert len(result["checked"]) > 100                   # the walk saw the window's texts
    if language == translations.CHINESE:
        assert re.search("[\u4e00-\u9fff]", result["file_menu"])
    found = result["clipped"]
    assert found == [], "\n".join(f"{kind} {text!r}: needs {need} px, has {has}" for kind, text, need, has in found)


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], SIZE)))


def test_the_walk_sees_a_clipped_label(qtbot):
    from PySide6.QtWidgets import QWidget
    top = QWidget()
    qtbot.addWidget(top)
    label = QLabel("a label far too long for the forty pixels it is given", top)
    label.setFixedWidth(40)
    button = QPushButton("a button far too long too", top)
    button.setFixedWidth(40)
    top.show()
    assert [k for k, *_ in clipped([top])] == ["QLabel", "QPushButton"]
    label.setWordWrap(True)
    assert [k for k, *_ in clipped([top])] == ["QPushButton"]


def test_the_walk_sees_a_text_cut_by_a_column_that_never_scrolls_sideways(qtbot):
    from PySide6.QtWidgets import QScrollArea, QWidget
    column = QScrollArea()
    qtbot.addWidget(column)
    column.setFixedSize(80, 60)
    column.setWidgetResizable(True)
    inner = QWidget()
    label = QLabel("a label wider than the column it sits in", inner)
    inner.setMinimumWidth(label.sizeHint().width())
    column.setWidget(inner)
    column.show()
    column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)     # the learner can scroll to it
    assert clipped([column]) == []
    column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    assert [k for k, *_ in clipped([column])] == ["QLabel"]
