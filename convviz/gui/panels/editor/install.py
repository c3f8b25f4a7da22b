"""Puts the network editor and "This step's choice" into the main window as docks on the right,
with File ▸ Open/Export network config and View ▸ toggles; the window calls `install` once."""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFrame, QMenu, QScrollArea

from convviz.engine import ConfigError
from convviz.engine.config_file import read_config, write_config
from convviz.gui.panels.editor.choice_view import ChoiceView
from convviz.gui.panels.editor.fields import say
from convviz.gui.panels.editor.panel import EditorPanel
from convviz.gui.panels.editor.shapes import changed_fields, field_words, plan
from convviz.gui.panels.editor.words import QT_TRANSLATE_NOOP, joined

CONFIG_FILTER = QT_TRANSLATE_NOOP("EditorDocks", "Network configs (*.json);;All files (*)")
#: The docks open with the window only where they leave the whole pipeline its room (measured: at
#: 1600 px a 430 px dock makes the pipeline scroll); elsewhere View ▸ Network editor (Ctrl+Shift+E).
SHOW_DOCKS_FROM_WIDTH = 1900
DOCK_WIDTH = 430
MIN_DOCKED_WIDTH = 340


class EditorDocks(QObject):
    """editor, choice: the two views; editor_dock, choice_dock: their docks; the config file actions.
    Follows a language switch through the window's LanguageChange (it is no widget itself)."""

    def __init__(self, win):
        super().__init__(win)
        self.win, self.session = win, win.session
        self.editor = EditorPanel(win.session)
        self.editor.applied.connect(lambda text: win.statusBar().showMessage(text, 8000))
        self.editor.failed.connect(win.report)
        self.editor_dock = self._dock("editorDock", self.editor)
        self.choice = ChoiceView()
        self.choice_dock = self._dock("choiceDock", self.choice)
        win.tabifyDockWidget(self.editor_dock, self.choice_dock)
        self.editor_dock.raise_()
        win.resizeDocks([self.editor_dock], [DOCK_WIDTH], Qt.Horizontal)
        screen = win.screen()
        wide = screen is not None and screen.availableGeometry().width() >= SHOW_DOCKS_FROM_WIDTH
        for dock, key in ((self.editor_dock, "view/editor_dock"), (self.choice_dock, "view/choice_dock")):
            # shown or hidden as the learner left it; stored as text, read back without trusting it
            stored = str(win.settings.value(key, "")).lower()
            dock.setVisible(stored == "true" if stored in ("true", "false") else wide)
        st, panel = win.stepper, win.panel
        for signal in (st.stepChanged, st.traceReset, panel.pipeline.elementClicked, panel.detail.elementClicked):
            signal.connect(self.refresh_choice)
        self.choice_dock.visibilityChanged.connect(self.refresh_choice)
        for dock in (self.editor_dock, self.choice_dock):
            dock.visibilityChanged.connect(lambda visible, dock=dock: visible and self._fit(dock))
        self._menus()
        self.retranslate()
        win.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if obj is self.win and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self):
        """Dock titles, menu entries and the shortcuts dialog's heading in the current language."""
        self.editor_dock.setWindowTitle(self.tr("Network editor"))
        self.choice_dock.setWindowTitle(self.tr("This step's choice"))
        self.open_config_action.setText(self.tr("Open network &config…"))
        self.export_config_action.setText(self.tr("E&xport network config (JSON)…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.win.menus.group_titles["View"] = self.tr("View")

    def _dock(self, name, widget):
        dock = QDockWidget(self.win)
        dock.setObjectName(name)              # saveState/restoreState find it by this name
        # scrolled, so a narrow dock never makes the window wider than a laptop's screen
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(widget)
        scroll.setMinimumWidth(160)
        dock.setWidget(scroll)
        dock.setAllowedAreas(Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea)
        self.win.addDockWidget(Qt.RightDockWidgetArea, dock)
        return dock

    def _fit(self, dock):
        """A docked panel squeezed below a usable width (a 1366 px screen: the iteration needs the
        rest) floats beside the window at its own width instead, so Apply and the table stay in view."""
        if dock.isFloating() or dock.width() >= MIN_DOCKED_WIDTH:
            return
        dock.setFloating(True)
        geo = self.win.frameGeometry()
        screen = self.win.screen()
        # on the screen as a whole, its title bar included: at 1366 × 768 a 760 px panel placed
        # 60 px down hid Apply below the screen's edge
        avail = screen.availableGeometry() if screen is not None else geo
        width, height = min(DOCK_WIDTH, avail.width() - 20), min(geo.height(), 760, avail.height() - 40)
        dock.resize(width, height)
        x = min(max(geo.left(), geo.right() - width - 20), avail.right() + 1 - width - 10)   # 10: its frame
        y = min(geo.top() + 60, avail.bottom() + 1 - height - 30)      # 30: room for the title bar
        dock.move(max(avail.left(), x), max(avail.top(), y))

    def _menus(self):
        menus = self.win.menus
        self.open_config_action = QAction(self.win)
        self.open_config_action.triggered.connect(self._ask(self.tr("Open a network config"), self.open_config))
        self.export_config_action = QAction(self.win)
        self.export_config_action.triggered.connect(
            self._ask(self.tr("Export the network's config"), self.export_config, save=True, suggested="network.json"))
        for a in (self.open_config_action, self.export_config_action):
            menus.file_menu.insertAction(menus.quit_action, a)
        menus.file_menu.insertSeparator(menus.quit_action)
        menus.groups["File"][-1:-1] = [self.open_config_action, self.export_config_action]
        view = QMenu(self.win)
        self.editor_action = self.editor_dock.toggleViewAction()
        self.editor_action.toggled.connect(lambda on: self.win.settings.setValue("view/editor_dock", bool(on)))
        self.editor_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.choice_action = self.choice_dock.toggleViewAction()
        self.choice_action.toggled.connect(lambda on: self.win.settings.setValue("view/choice_dock", bool(on)))
        for a in (self.editor_action, self.choice_action):
            view.addAction(a)
            self.win.addAction(a)
        self.win.menuBar().insertMenu(menus.help_menu.menuAction(), view)
        menus.groups["View"] = [self.editor_action, self.choice_action]
        self.view_menu = view

    def _ask(self, title, method, save=False, suggested=""):
        def slot(*_):
            path = self.win.files.ask_path(title, self.tr(CONFIG_FILTER), save, suggested)
            if path:
                method(path)
        return slot

    # ---- the choice view ---------------------------------------------------------------
    def refresh_choice(self, *_):
        """Only while it can be seen: stepping must not pay for a hidden view."""
        if self.choice.isVisible():
            st = self.win.stepper
            self.choice.show(st.trace, st.step(), self.win.panel.selection)

    # ---- config files ------------------------------------------------------------------
    def export_config(self, path):
        """The loaded network's config and the editor's seed as JSON; False (reported) on error."""
        try:
            write_config(path, self.session.net.config, seed=self.editor.seed.value())
        except (OSError, ConfigError) as e:
            self.win.report(self.tr("Could not export the config"), f"{path}\n\n{e}")
            return False
        self.win.statusBar().showMessage(self.tr("Saved the network's config to %1").replace("%1", str(path)), 6000)
        return True

    def open_config(self, path):
        """Build the file's network with fresh weights from its seed; on any error nothing changes."""
        try:
            config, seed = read_config(path)
        except ConfigError as e:
            self.win.report(self.tr("Could not open the config"), f"{e}\n\n" + self.tr("The current network was kept."))
            return False
        refusal = next(iter(plan(config).refusals.items()), None)       # the app's own limits too
        problem = None if refusal is None else f"{say(field_words(refusal[0]))}: {say(refusal[1])}"
        if problem is None and config["output"]["classes"] != 10:
            problem = self.tr("convviz draws 10 digit classes, this network has %1").replace(
                "%1", str(config["output"]["classes"]))
        if problem is None:
            self.editor.set_config(config, seed=seed if seed is not None else self.editor.seed.value())
        if problem is None and self.editor.plan.config != config:
            # a value outside the editor's ranges (e.g. 100 kernels), or unequal stride/padding axes
            problem = self.tr("it uses values the editor cannot show; the differing fields: %1").replace(
                "%1", say(joined(field_words(f) for f in changed_fields(config, self.editor.plan.config))))
        if problem is not None:
            self.win.report(self.tr("Could not open the config"),
                            f"{path}\n\n{say(problem)}\n\n"
                            + self.tr("The current network was kept."))
            self.editor.set_config(self.session.net.config)
            return False
        self.editor.apply(fresh=True, name=Path(path).name)
        return True


def install(win):
    return EditorDocks(win)
