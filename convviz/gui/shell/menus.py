"""The main window's menus and keyboard shortcuts (File, Canvas, Train, Step, View ▸ Language, Help)."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from convviz.gui.shell import dialogs, translations


def _ask(files, title, pattern, method, save=False, suggested=""):
    """A slot that asks for a path, then calls method(path); ignores the action's `checked` argument."""
    def slot(*_):
        # title and pattern are callables: read when asked, in the language showing then
        path = files.ask_path(title(), pattern(), save, suggested)
        if path:
            method(path)
    return slot


class Menus(QObject):
    """The window's menu bar and its actions (each also a window shortcut).

    groups: {menu title: [QAction or (keys, text)]} for the shortcuts dialog.
    """

    def __init__(self, win, session, left, panel, files):
        super().__init__(win)
        self.win = win
        mb = win.menuBar()
        act = self._action
        self._texts = []          # (setter, text): every static text, set again by retranslate()
        groups = {}
        def image_filter():
            return self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp);;All files (*)")

        def model_filter():
            return self.tr("convviz models (*.npz);;All files (*)")

        def npz_filter():
            return self.tr("NumPy archives (*.npz)")

        def png_filter():
            return self.tr("PNG images (*.png)")


        m = self.file_menu = self._menu(mb, lambda: self.tr("&File"))
        groups["File"] = [
            act(m, lambda: self.tr("&Open image…"),
                _ask(files, lambda: self.tr("Open an image of a digit"), image_filter, files.open_image),
                ["Ctrl+O"], lambda: self.tr("Open a picture of a digit (or drop one on the window)")),
            act(m, lambda: self.tr("Open &model…"),
                _ask(files, lambda: self.tr("Open a convviz model"), model_filter, files.open_model),
                ["Ctrl+Shift+O"]),
        ]
        self.save_action = act(m, lambda: self.tr("&Save model…"),
                               _ask(files, lambda: self.tr("Save the model"), model_filter, files.save_model, True,
                                    "model.npz"), ["Ctrl+S"])
        groups["File"].append(self.save_action)
        m.addSeparator()
        groups["File"] += [
            act(m, lambda: self.tr("Export current step arrays (.npz)…"),
                _ask(files, lambda: self.tr("Export the current step's arrays"), npz_filter,
                     files.export_step_arrays, True, "step.npz"), ["Ctrl+E"]),
            act(m, lambda: self.tr("Export whole iteration (.npz + .json)…"),
                _ask(files, lambda: self.tr("Export every step of the iteration"), npz_filter,
                     files.export_iteration, True, "iteration.npz"),
                tip=lambda: self.tr("Every step's arrays in one .npz, and a JSON index of steps, ops and equations")),
            act(m, lambda: self.tr("Export window as PNG…"),
                _ask(files, lambda: self.tr("Save the window as a picture"), png_filter,
                     files.export_window_png, True, "convviz-window.png")),
            act(m, lambda: self.tr("Export stage as PNG…"),
                _ask(files, lambda: self.tr("Save the current stage as a picture"), png_filter,
                     files.export_stage_png, True, "convviz-stage.png")),
        ]
        m.addSeparator()
        self.quit_action = act(m, lambda: self.tr("&Quit"), win.close, ["Ctrl+Q"])
        groups["File"].append(self.quit_action)

        m = self._menu(mb, lambda: self.tr("&Canvas"))
        self.undo_action = act(m, lambda: self.tr("&Undo stroke"), win.undo, ["Ctrl+Z"])
        self.clear_action = act(m, lambda: self.tr("&Clear"), win.clear, ["Delete"])
        self.eraser_action = act(m, lambda: self.tr("&Eraser"), left.eraser_button.setChecked, ["E"], checkable=True)
        left.eraser_button.toggled.connect(self.eraser_action.setChecked)
        self.light_action = act(m, lambda: self.tr("&Light canvas (dark ink on paper)"),
                                lambda light: left.canvas.set_dark(not light), ["I"], checkable=True)
        self.light_action.toggled.connect(left.light_button.setChecked)
        left.light_button.toggled.connect(self.light_action.setChecked)
        m.addSeparator()
        next_sample = act(m, lambda: self.tr("Next &sample"), left.sample_picker.next, ["S"])
        groups["Canvas"] = [self.undo_action, self.clear_action, self.eraser_action, self.light_action, next_sample]

        m = self._menu(mb, lambda: self.tr("&Train"))
        self.label_actions = [act(m, lambda d=d: self.tr("Target y = {0}").format(d),
                                  lambda *_, d=d: session.set_label(d), [str(d)]) for d in range(10)]
        auto = act(m, lambda: self.tr("Target = the &prediction"), lambda *_: session.use_predicted_label(), ["A"])
        m.addSeparator()
        self.apply_action = act(m, lambda: self.tr("&Apply update ▸ next iteration"), lambda *_: session.apply_update(),
                                ["U", "Ctrl+Return"])
        reset = act(m, lambda: self.tr("&Reset weights"), win.reset_weights)
        self.remember_lr_action = act(m, lambda: self.tr("Remember α for the next launch"), lambda *_: None,
                                      tip=lambda: self.tr("Off: every launch starts at the default α"), checkable=True)
        m.addSeparator()
        self.training_action = win.training_dock.toggleViewAction()
        self._texts.append((self.training_action.setText, lambda: self.tr("&Training panel: train on many digits")))
        self.training_action.setShortcut(QKeySequence("Ctrl+T"))
        m.addAction(self.training_action)
        win.addAction(self.training_action)
        self.add_digit_action = act(m, lambda: self.tr("Add the drawing to &my digits"),
                                    lambda *_: win.training.my_digits.add_current(), ["Ctrl+D"])
        self.undo_training_action = act(m, lambda: self.tr("&Undo training"), lambda *_: win.training.undo())
        groups["Train"] = [("0 … 9", ""), auto,       # the digits' row: its text set by retranslate()
                           self.apply_action, reset,
                           self.training_action, self.add_digit_action, self.undo_training_action]
        groups["Train"] += win.gradcheck.add_to_menu(m, act)

        m = self._menu(mb, lambda: self.tr("&Step"))
        steps = panel.actions()
        for a in steps:
            m.addAction(a)
            win.addAction(a)
        groups["Step"] = steps

        m = self.help_menu = self._menu(mb, lambda: self.tr("&Help"))
        self.shortcuts_action = act(m, lambda: self.tr("&Keyboard shortcuts"), self.show_shortcuts, ["F1"])
        about = act(m, lambda: self.tr("&About convviz"), self.show_about)
        groups["Help"] = [self.shortcuts_action, about]
        self.groups = groups
        # the groups' headings in the shortcuts dialog (the keys above are identifiers)
        self.group_titles = {}
        self.retranslate()

    def _action(self, menu, text, slot, keys=(), tip=None, checkable=False):
        a = QAction(self.win)
        self._translated(a.setText, text)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.WindowShortcut)
        if tip:
            self._translated(a.setStatusTip, tip)
        a.setCheckable(checkable)
        (a.toggled if checkable else a.triggered).connect(slot)
        menu.addAction(a)
        self.win.addAction(a)
        return a

    def add_language_menu(self, view_menu):
        """View ▸ Language: English / 简体中文, each named in itself; checked is the one showing.
        Choosing one switches the whole app live (no restart) and is remembered."""
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu("")
        self._translated(self.language_menu.setTitle, lambda: self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions = {}
        for name, own_name in translations.LANGUAGES.items():
            a = QAction(own_name, self.win, checkable=True)
            a.setChecked(name == translations.current_language())
            a.triggered.connect(lambda *_, name=name: self.win.set_language(name))
            group.addAction(a)
            self.language_menu.addAction(a)
            self.language_actions[name] = a

    def _menu(self, bar, title):
        menu = bar.addMenu("")
        self._translated(menu.setTitle, title)
        return menu

    def _translated(self, setter, text):
        """setter(text) now; a callable `text` is called again after every language switch."""
        if callable(text):
            self._texts.append((setter, text))
            text = text()
        setter(text)

    def retranslate(self):
        """Every menu title and action text, the status tips and the shortcuts dialog's headings, in
        the language now installed (the main window calls it on QEvent.LanguageChange)."""
        for setter, text in self._texts:
            setter(text())
        for name, a in getattr(self, "language_actions", {}).items():
            a.setChecked(name == translations.current_language())
        self.groups["Train"][0] = ("0 … 9", self.tr("Training target y = that digit"))
        self.group_titles.update({"File": self.tr("File"), "Canvas": self.tr("Canvas"), "Train": self.tr("Train"),
                                  "Step": self.tr("Step"), "Help": self.tr("Help")})

    def show_shortcuts(self, *_):
        mouse = (self.tr("Mouse"), [(self.tr("left drag"), self.tr("draw on the canvas (erase in eraser mode)")),
                                    (self.tr("right drag"), self.tr("erase")),
                                    (self.tr("drop a file"), self.tr("open an image (or a .npz model)"))])
        titled = {self.group_titles[key]: actions for key, actions in self.groups.items()}
        dlg = dialogs.shortcuts_dialog(self.win, titled, extra=[mouse])
        dlg.open()
        return dlg

    def show_about(self, *_):
        dlg = dialogs.about_dialog(self.win)
        dlg.open()
        return dlg
