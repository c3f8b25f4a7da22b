"""View ▸ Language switches the whole app live, through the real menu: the menus, the step list,
the phase badges and the inspector change to Simplified Chinese and back, and the learner's
drawing, step and selection survive both switches; the choice is remembered and read back
validated; the first launch follows the system's language."""

import html
import re

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox

from convviz import shipped
from convviz.engine import OpKind
from convviz.gui.presentation.equations import title_text
from convviz.gui.shell import dialogs, translations
from convviz.gui.widgets.translate import step_title

CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture
def english_after(qapp):
    """Whatever a test switches to, the next test starts in English with the default locale it had."""
    before = QLocale()
    yield
    translations.set_language(qapp, translations.ENGLISH)
    QLocale.setDefault(before)
    QCoreApplication.processEvents()


def choose(qtbot, window, name):
    """Trigger View ▸ Language ▸ `name` as a learner does, and wait for the window to follow."""
    menu = window.menus.language_menu
    assert menu.menuAction() in window.editor_docks.view_menu.actions()       # it is in View
    action = next(a for a in menu.actions() if a.text() == translations.LANGUAGES[name])
    action.trigger()
    wanted = QCoreApplication.translate("Menus", "&File")
    qtbot.waitUntil(lambda: window.menus.file_menu.title() == wanted, timeout=5000)
    assert action.isChecked()


def step_texts(window):
    return [window.panel.steps.item(k).text() for k in range(window.panel.steps.count())]


def test_switching_language_live_changes_the_texts_and_keeps_the_work(make_window, qtbot, english_after, settings):
    assert shipped.translation("zh_CN") is not None, "the Chinese .qm must ship in resources/translations"
    window = make_window()
    for _ in range(3):                                  # step a few ops, as a learner does
        qtbot.keyClick(window, Qt.Key_Right)
    conv = window.stepper.trace.find(OpKind.CONV)
    while window.stepper.index > conv.index:            # and back to the convolution
        qtbot.keyClick(window, Qt.Key_Left)
    pipe = window.panel.pipeline
    pos = pipe.element_widget_pos("conv1.kernels", (0, 0, 1, 1))
    qtbot.mouseClick(pipe.graphics.viewport(), Qt.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    selection, index, ink = window.panel.selection, window.stepper.index, window.left.canvas.ink_array().copy()
    assert selection is not None and index == conv.index
    english = {"file": window.menus.file_menu.title(), "steps": step_texts(window),
               "inspector": window.panel.inspector.toPlainText(), "phase": window.panel.phase.text(),
               "title": window.windowTitle(), "model": window.model_label.text()}
    assert "Selected:" in english["inspector"]
    assert english["file"] == "&File" and "convolution" in english["steps"][conv.index]

    choose(qtbot, window, translations.CHINESE)
    assert QLocale().name() == "zh_CN"                  # the lesson pane and others read it
    chinese_conv = title_text(step_title(conv))
    assert chinese_conv != title_text(conv.meta.get("title", "")) and "卷积" in chinese_conv
    assert CJK.search(window.menus.file_menu.title())
    assert step_texts(window)[conv.index].endswith(chinese_conv)
    assert window.panel.phase.text() == QCoreApplication.translate("catalogue", "Forward") != english["phase"]
    inspector = window.panel.inspector.toPlainText()
    where = QCoreApplication.translate("Inspector", "{0} · step {1} of {2}").format(
        window.panel.phase.text().upper(), conv.index + 1, len(window.stepper.trace))
    selected = QCoreApplication.translate("Inspector", "Selected:")
    assert CJK.search(where + selected) and where in inspector and selected in inspector
    assert inspector != english["inspector"]
    assert window.windowTitle() != english["title"]
    name = QCoreApplication.translate("MainWindow", "pretrained model (shipped with convviz)")
    assert window.session.model_name == name and name in window.model_label.text()     # the window's words
    assert CJK.search(window.model_label.text())
    # the work survives the switch
    assert window.panel.selection == selection and window.stepper.index == index
    assert np.array_equal(window.left.canvas.ink_array(), ink)
    assert settings.value(translations.SETTING) == "zh_CN"

    choose(qtbot, window, translations.ENGLISH)
    assert window.menus.file_menu.title() == english["file"]
    assert step_texts(window) == english["steps"]
    assert window.panel.inspector.toPlainText() == english["inspector"]
    assert window.panel.phase.text() == english["phase"] and window.windowTitle() == english["title"]
    assert window.model_label.text() == english["model"]
    assert window.panel.selection == selection and window.stepper.index == index
    assert np.array_equal(window.left.canvas.ink_array(), ink)
    assert settings.value(translations.SETTING) == "en_US"


def test_qt_own_dialog_buttons_follow_the_language(qapp, english_after):
    """Qt's own strings (message-box buttons, file dialogs) come from Qt's qtbase_zh_CN.qm."""
    installed = translations.set_language(qapp, translations.CHINESE)
    assert len(installed) == 2                       # the app's and Qt's
    box = QMessageBox(QMessageBox.Warning, "t", "x", QMessageBox.Cancel)
    assert box.button(QMessageBox.Cancel).text() == "取消"
    translations.set_language(qapp, translations.ENGLISH)
    box = QMessageBox(QMessageBox.Warning, "t", "x", QMessageBox.Cancel)
    assert box.button(QMessageBox.Cancel).text() == "Cancel"


def test_the_shortcuts_dialog_in_chinese_shows_names_without_accelerators(make_window, qtbot, english_after):
    """Chinese menus write the accelerator as "(&M)" after the name: the shortcuts list shows the
    name alone, and the dialog's Close button is Qt's own Chinese (qtbase_zh_CN.qm)."""
    window = make_window()
    choose(qtbot, window, translations.CHINESE)
    source = QCoreApplication.translate("Menus", "Open &model…")
    assert re.search(r"\(&M\)", source), source             # the form this test is about
    dlg = window.menus.show_shortcuts()
    text = dlg.findChildren(QLabel)[0].text()
    assert "&amp;" not in text and not re.search(r"[(（][A-Z0-9][)）]", text), text
    assert html.escape(dialogs.plain_text(source)) in text and "打开模型" in text
    close = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.Close)
    assert close.text() == "关闭"
    dlg.close()


@pytest.mark.parametrize(("text", "plain"), [("&Open model…", "Open model…"), ("打开模型(&M)…", "打开模型…"),
                                             ("导出网络配置 (JSON)(&X)…", "导出网络配置 (JSON)…"),
                                             ("视图（&V）", "视图"), ("Save && quit", "Save & quit")])
def test_plain_text_drops_both_accelerator_forms(text, plain):
    assert dialogs.plain_text(text) == plain


def test_qt_own_close_button_is_chinese(qapp, english_after):
    """QDialogButtonBox's Close and Cancel come from qtbase_zh_CN.qm (qt_zh_CN.qm only names
    qtbase and qtmultimedia, and this Qt ships no qtmultimedia_zh_CN.qm)."""
    translations.set_language(qapp, translations.CHINESE)
    box = QDialogButtonBox(QDialogButtonBox.Close | QDialogButtonBox.Cancel)
    assert box.button(QDialogButtonBox.Close).text() == "关闭"
    assert box.button(QDialogButtonBox.Cancel).text() == "取消"


def test_the_language_is_remembered_and_read_back_validated(tmp_path):
    s = QSettings(str(tmp_path / "c.ini"), QSettings.IniFormat)
    s.setValue(translations.SETTING, "zh_CN")
    assert translations.chosen_language(s, environ={}) == "zh_CN"
    s.setValue(translations.SETTING, "klingon")       # an edited file: dropped, the system's used
    assert translations.chosen_language(s, environ={}) == translations.system_language()
    assert s.value(translations.SETTING) is None
    assert translations.chosen_language(s, environ={"CONVVIZ_LANG": "zh_CN"}) == "zh_CN"
    assert translations.chosen_language(s, environ={"CONVVIZ_LANG": "xx"}) == translations.system_language()


def test_the_first_launch_follows_the_system_language():
    assert translations.system_language(QLocale("zh_CN")) == "zh_CN"
    assert translations.system_language(QLocale("zh_TW")) == "zh_CN"
    assert translations.system_language(QLocale("de_DE")) == "en_US"
    assert translations.system_language(QLocale("en_GB")) == "en_US"


def test_an_unknown_language_is_refused(qapp):
    with pytest.raises(ValueError, match="no such language"):
        translations.set_language(QApplication.instance(), "xx_YY")


def test_the_phase_badges_stay_whole_and_the_toolbar_wraps_when_narrow(make_window, qtbot, english_after):
    """At the panel's narrowest (beside a docked editor) the Chinese phase badges keep their whole
    names ("前向传播", not "前…播"): the toolbar wraps its parts onto a second row instead."""
    window = make_window()
    choose(qtbot, window, translations.CHINESE)
    panel = window.panel
    window.resize(window.minimumSizeHint().width(), 800)
    qtbot.waitUntil(lambda: panel.width() <= panel.minimumSizeHint().width() + 40, timeout=3000)
    for _ in range(5):
        QApplication.processEvents()
    for lab in panel.phase.labels.values():
        assert CJK.search(lab.text())
        assert lab.width() >= lab.sizeHint().width(), (lab.text(), lab.width(), lab.sizeHint().width())
    bar = panel.toolbar

    def parts():
        return [bar.layout().itemAt(k).geometry() for k in range(bar.layout().count())]

    def wrapped():                                        # a part lies wholly under another
        return max(g.top() for g in parts()) > min(g.bottom() for g in parts())
    assert all(bar.rect().contains(g) for g in parts()), (bar.rect(), parts())       # nothing cut off
    assert wrapped()
    assert not any(a.intersects(b) for i, a in enumerate(parts()) for b in parts()[i + 1:])
    window.resize(1900, 900)                                                          # room: one row again
    qtbot.waitUntil(lambda: not wrapped(), timeout=3000)
