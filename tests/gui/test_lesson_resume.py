"""Leaving the lesson and coming back keeps the place and the learner's app state (also in a new
window with the same settings); Help ▸ Lesson opens it; the first-launch prompt never blocks; a
language switch reloads the chapters' text and keeps the page and the tasks done."""

import shutil

from PySide6.QtCore import QEvent, QLocale, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from convviz.gui.panels.lesson.lesson import lessons_folder
from convviz.gui.panels.lesson.setups import SETUPS, state_matches


def test_first_launch_prompts_without_blocking(make_window, qtbot, settings):
    win = make_window()
    lesson = win.lesson
    assert lesson.prompt.isVisible() and not lesson.is_open
    assert QApplication.activeModalWidget() is None               # a bar, never a dialog
    qtbot.mouseClick(lesson.prompt.later_button, Qt.LeftButton)
    assert not lesson.prompt.isVisible() and not lesson.is_open
    win.close()
    again = make_window()
    assert not again.lesson.prompt.isVisible()                    # asked once
    assert not again.lesson.is_open


def test_start_from_the_prompt_opens_the_first_page_set_up(make_window, qtbot):
    win = make_window()
    qtbot.mouseClick(win.lesson.prompt.start_button, Qt.LeftButton)
    assert win.lesson.is_open and win.lesson.page.id == "input-draw"
    assert state_matches(win, SETUPS["input-draw"])


def test_help_lesson_opens_and_the_buttons_walk_the_pages(make_window, qtbot):
    win = make_window()
    lesson = win.lesson
    assert lesson.action in win.menus.help_menu.actions()
    qtbot.keyClick(win, Qt.Key_L, Qt.ControlModifier)             # Help ▸ Lesson
    assert lesson.is_open and not lesson.pane.back_button.isEnabled()
    for _ in range(3):
        qtbot.mouseClick(lesson.pane.next_button, Qt.LeftButton)
    assert lesson.page.id == "conv-stride" and state_matches(win, SETUPS["conv-stride"])
    assert "Page 4 of" in lesson.pane.progress.text()
    qtbot.mouseClick(lesson.pane.back_button, Qt.LeftButton)
    assert lesson.page.id == "conv-sum"
    lesson.pane.chapters.activated.emit(6)                        # the chapter list: 7, the backward run
    assert lesson.page.id == "back-delta" and state_matches(win, SETUPS["back-delta"])


def test_leave_and_resume_keep_the_place_and_the_learners_state(make_window, qtbot, settings):
    win = make_window()
    lesson = win.lesson
    lesson.open()
    lesson.go(next(k for k, (_, p) in enumerate(lesson.pages) if p.id == "pool-forward"))
    qtbot.mouseClick(lesson.pane.leave_button, Qt.LeftButton)
    assert not lesson.is_open
    qtbot.keyClick(win, Qt.Key_End)                                # free play: the last step
    last = win.stepper.index
    win.lesson.action.trigger()
    assert lesson.is_open and lesson.page.id == "pool-forward"
    assert win.stepper.index == last                              # the learner's state is kept
    qtbot.mouseClick(lesson.pane.setup_button, Qt.LeftButton)     # until asked to set it up again
    assert state_matches(win, SETUPS["pool-forward"])
    win.activateWindow()
    qtbot.waitUntil(lambda: not win.panel.pipeline.relayout_pending, timeout=5000)
    pos = win.panel.pipeline.element_widget_pos("conv1.pooled", (0, 1, 1))
    qtbot.mouseClick(win.panel.pipeline.graphics.viewport(), Qt.LeftButton, pos=QPoint(round(pos.x()), round(pos.y())))
    assert lesson.done["click-pooled"].startswith("Done — ")
    win.close()

    again = make_window()                                         # a new window, the same settings
    resumed = again.lesson
    assert resumed.is_open and resumed.page.id == "pool-forward"  # it was open when the app closed
    assert state_matches(again, SETUPS["pool-forward"])
    assert resumed.done == {"click-pooled": ""}
    assert "Done earlier." in resumed.pane.tasks.text()
    qtbot.mouseClick(resumed.pane.leave_button, Qt.LeftButton)
    again.close()
    third = make_window(settings=QSettings(settings.fileName(), QSettings.IniFormat))
    assert not third.lesson.is_open and third.lesson.page.id == "pool-forward"


def test_a_corrupt_stored_place_starts_at_the_first_page(make_window, settings):
    settings.setValue("lesson/page", "no-such-page")
    settings.setValue("lesson/done", "click-pooled,not-a-task")
    settings.setValue("lesson/open", "perhaps")
    win = make_window()
    assert win.lesson.position == 0 and win.lesson.done == {"click-pooled": ""}
    assert not win.lesson.is_open


def test_a_language_switch_reloads_the_text_and_keeps_the_place(make_window, qtbot, tmp_path):
    folder = tmp_path / "lessons"
    shutil.copytree(str(lessons_folder()), folder)
    (folder / "de").mkdir(exist_ok=True)
    english = (folder / "en" / "02-convolution.md").read_text(encoding="utf-8")
    (folder / "de" / "02-convolution.md").write_text(
        english.replace("# Convolution", "# Faltung").replace("A kernel slides over the image", "Ein Kern gleitet"),
        encoding="utf-8")
    win = make_window()
    from convviz.gui.panels.lesson.lesson import Lesson
    lesson = Lesson(win, folder)
    lesson.open()
    lesson.go_to_chapter(1)
    lesson.done["click-second-map"] = "Done — C = 1."
    QLocale.setDefault(QLocale("de_DE"))
    try:
        QApplication.sendEvent(lesson.pane, QEvent(QEvent.LanguageChange))
        assert lesson.page.id == "conv-sum" and lesson.pane.title.text() == "Ein Kern gleitet"
        assert lesson.pane.chapters.itemText(1).startswith("2 · Faltung")
        assert "Done — C = 1." in lesson.pane.tasks.text()
    finally:
        QLocale.setDefault(QLocale("en_US"))
    QApplication.sendEvent(lesson.pane, QEvent(QEvent.LanguageChange))
    assert lesson.pane.title.text() == "A kernel slides over the image" and lesson.page.id == "conv-sum"


def test_without_its_files_the_app_starts_without_the_lesson(make_window, monkeypatch, tmp_path):
    from convviz.gui.panels.lesson import lesson
    monkeypatch.setattr(lesson, "lessons_folder", lambda: tmp_path)
    win = make_window()
    assert win.lesson is None
    assert "The lesson could not be loaded" in win.statusBar().currentMessage()
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "01-input.md").write_text("# Broken\n## no id\n", encoding="utf-8")
    win = make_window()
    assert win.lesson is None and "01-input.md, line 2" in win.statusBar().currentMessage()


def test_the_pane_and_the_prompt_follow_an_installed_translation(make_window, qtbot, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    ts = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">'
          '<context><name>LessonPane</name><message><source>Leave lesson</source>'
          '<translation>Lektion verlassen</translation></message></context>'
          '<context><name>PromptBar</name><message><source>Not now</source>'
          '<translation>Nicht jetzt</translation></message></context>'
          '<context><name>Lesson</name><message><source>Lesson</source>'
          '<translation>Lektion</translation></message></context></TS>')
    (tmp_path / "de.ts").write_text(ts, encoding="utf-8")
    subprocess.run([found, str(tmp_path / "de.ts"), "-qm", str(tmp_path / "de.qm")], check=True,
                   capture_output=True, timeout=60)
    win = make_window()
    lesson = win.lesson
    lesson.open()
    lesson.go(3)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "de.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: lesson.pane.leave_button.text() == "Lektion verlassen", timeout=3000)
        assert lesson.prompt.later_button.text() == "Nicht jetzt"
        assert lesson.dock.windowTitle() == "Lektion" and lesson.position == 3
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: lesson.pane.leave_button.text() == "Leave lesson", timeout=3000)
    assert lesson.dock.windowTitle() == "Lesson"


def test_a_floating_dock_a_page_showed_goes_away_on_a_page_without_it(make_window, qtbot):
    win = make_window()
    lesson = win.lesson
    lesson.open()
    lesson.go(3)                                                  # conv-stride: the editor
    editor = win.editor_docks.editor_dock
    assert editor.isVisible()
    editor.setFloating(True)                                      # as on a narrow screen
    lesson.go(5)                                                  # act-forward: no editor
    assert not editor.isVisible()
    lesson.go(7)                                                  # act-choose: the editor again
    assert editor.isVisible()
