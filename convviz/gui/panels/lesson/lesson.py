"""The lesson controller: Help ▸ Lesson, the lesson dock and the first-launch prompt; it sets each
page up, watches the signals that complete its tasks (never a timer) and remembers the place."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from convviz import shipped
from convviz.gui.panels.lesson.document import LessonFormatError, load_lesson
from convviz.gui.panels.lesson.pane import LessonPane, PromptBar
from convviz.gui.panels.lesson.progress import Progress
from convviz.gui.panels.lesson.setups import SETUPS, apply_setup, find_step, fits_docked, put_away
from convviz.gui.panels.lesson.tasks import CHECKS

DOCK_WIDTH = 300


def lessons_folder():
    """The shipped chapters' folder (resources/lessons)."""
    return Path(str(shipped.root().joinpath(shipped.LESSONS)))


class Lesson(QObject):
    """chapters: the Chapters in the current language; pages: [(chapter index, Page)] in order;
    position: the page shown; done: {task id: its Done line ("" when done in an earlier run)}."""

    def __init__(self, win, folder=None):
        super().__init__(win)
        self.win, self.folder = win, folder or lessons_folder()
        self.chapters = load_lesson(self.folder, QLocale().name())
        self._index()
        if not self.pages:
            raise LessonFormatError(f"no chapter files in {self.folder}")
        page_ids = {p.id for _, p in self.pages}
        task_ids = {t.id for _, p in self.pages for t in p.tasks}
        self.progress = Progress.read(win.settings, page_ids, task_ids)
        self.position = next((k for k, (_, p) in enumerate(self.pages) if p.id == self.progress.page), 0)
        self.done = {t: "" for t in self.progress.done}
        self._watching = []               # (signal, slot) connected for the page shown
        self._set_up = None               # the page whose set-up ran in this window
        self.ctx = {}

        self.pane = LessonPane()
        self.dock = QDockWidget(win)
        self.dock.setObjectName("lessonDock")
        self.dock.setWidget(self.pane)
        # Leave lesson is the way out (it keeps the place); the dock can move and float.
        self.dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        win.addDockWidget(Qt.LeftDockWidgetArea, self.dock)
        win.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Horizontal)
        self.dock.hide()
        self.pane.back.connect(lambda: self.go(self.position - 1))
        self.pane.forward.connect(lambda: self.go(self.position + 1))
        self.pane.setup.connect(self.set_up)
        self.pane.leave.connect(self.leave)
        self.pane.chapterChosen.connect(self.go_to_chapter)
        self.pane.languageChanged.connect(self.reload_text)

        self.action = QAction(win)
        self.action.setShortcut(QKeySequence("Ctrl+L"))
        self.action.setShortcutContext(Qt.WindowShortcut)
        self.action.triggered.connect(lambda *_: self.open())
        menus = win.menus
        menus.help_menu.insertAction(menus.help_menu.actions()[0], self.action)
        win.addAction(self.action)
        menus.groups["Help"].insert(0, self.action)

        self.prompt = PromptBar()
        self.prompt.start.connect(self._start_from_prompt)
        self.prompt.dismiss.connect(self._dismiss_prompt)
        win.menuBar().setCornerWidget(self.prompt, Qt.TopRightCorner)
        self.prompt.setVisible(not self.progress.prompted)
        self.retranslate()
        if self.progress.open:
            self.open()

    def _index(self):
        self.pages = [(c, p) for c, chapter in enumerate(self.chapters) for p in chapter.pages]

    def retranslate(self):
        self.dock.setWindowTitle(QCoreApplication.translate("Lesson", "Lesson"))
        self.action.setText(QCoreApplication.translate("Lesson", "&Lesson: follow the paper step by step"))
        self.action.setStatusTip(QCoreApplication.translate("Lesson", "Open the guided lesson beside the app"))

    # ---- where the learner is ------------------------------------------------------------
    @property
    def page(self):
        return self.pages[self.position][1]

    @property
    def is_open(self):
        return self.dock.isVisible()

    def open(self):
        """Show the pane at the remembered page; its set-up runs unless it already ran in this window
        (coming back after free play keeps what the learner did: "Set this up again" redoes it)."""
        self.prompt.hide()
        self.progress.prompted = self.progress.open = True
        if not self.dock.isVisible() and not self.dock.isFloating() and not fits_docked(self.win, DOCK_WIDTH):
            # a laptop screen: the iteration view keeps its width; the pane floats over the lower right
            # corner (the detail view), clear of the step bar, the pipeline and the canvas
            free = self.win.screen().availableGeometry()
            self.dock.setFloating(True)
            top = free.top() + free.height() * 2 // 5
            self.dock.setGeometry(free.right() - DOCK_WIDTH, top, DOCK_WIDTH, free.bottom() - top - 10)
        self.dock.show()
        self.dock.raise_()
        if self._set_up != self.page.id:
            self.set_up()
        else:
            self._watch()
            self.render()
        self._save()

    def leave(self):
        """Hide the pane and stop watching; the app stays as it is and the place is kept."""
        self._unwatch()
        self.progress.open = False
        self._save()
        self.dock.hide()

    def go(self, position):
        if 0 <= position < len(self.pages) and position != self.position:
            self.position = position
            self.set_up()

    def go_to_chapter(self, chapter):
        first = next((k for k, (c, _) in enumerate(self.pages) if c == chapter), None)
        if first is not None:
            self.go(first)

    def set_up(self):
        """Run the page's set-up, then watch for its tasks."""
        self._unwatch()
        put_away(self.win, SETUPS.get(self._set_up), SETUPS[self.page.id])
        apply_setup(self.win, SETUPS[self.page.id], self.dock)
        self._set_up = self.page.id
        self._watch()
        self._save()
        self.render()

    def reload_text(self):
        """The chapters in the language now set (QLocale's default); the page and the tasks done stay."""
        page_id = self.page.id
        self.chapters = load_lesson(self.folder, QLocale().name())
        self._index()
        self.position = next((k for k, (_, p) in enumerate(self.pages) if p.id == page_id), 0)
        self.retranslate()
        self.render()

    # ---- tasks ---------------------------------------------------------------------------
    def _watch(self):
        self._unwatch()
        self.ctx = {}
        for task in self.page.tasks:
            check = CHECKS[task.id]
            if task.id not in self.done and check.prepare is not None:
                self.ctx[task.id] = check.prepare(self.win)
            for signal in check.signals(self.win):
                slot = (lambda *_, t=task.id: self._check(t))
                signal.connect(slot)
                self._watching.append((signal, slot))

    def _unwatch(self):
        for signal, slot in self._watching:
            signal.disconnect(slot)
        self._watching = []

    def _check(self, task_id):
        check = CHECKS[task_id]
        line = check.done(self.win, self.ctx.get(task_id, {}))
        if line is None or self.done.get(task_id) == line:
            return
        self.done[task_id] = line            # a later success replaces the line with its numbers
        if check.back_to_step:               # the new network's iteration, at the step this page is about
            index = find_step(self.win.session.trace, SETUPS[self.page.id].step)
            if index is not None:
                self.win.stepper.go(index)
        self._save()
        self.render()

    def _save(self):
        self.progress.page = self.page.id
        self.progress.done = set(self.done)
        self.progress.write(self.win.settings)

    def render(self):
        chapter, page = self.pages[self.position]
        total_tasks = sum(len(p.tasks) for _, p in self.pages)
        self.pane.show_page(self.chapters, chapter, page, self.done, self.position, len(self.pages),
                            len(self.done), total_tasks)

    def page_done(self):
        """True when every task of the page shown is done."""
        return all(t.id in self.done for t in self.page.tasks)

    # ---- the first-launch prompt ---------------------------------------------------------
    def _start_from_prompt(self):
        self.open()

    def _dismiss_prompt(self):
        self.prompt.hide()
        self.progress.prompted = True
        self._save()


def install(win):
    """The lesson in `win`; None (and a status message) when its files cannot be read: the app
    still starts without it."""
    try:
        return Lesson(win)
    except (LessonFormatError, OSError, UnicodeDecodeError) as e:
        win.statusBar().showMessage(QCoreApplication.translate("Lesson", "The lesson could not be loaded: {0}")
                                    .format(e), 15000)
        return None
