"""The main window's menus and keyboard shortcuts (File, Canvas, Train, Step, Help)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from convviz.gui.shell import dialogs
from convviz.gui.shell.files import IMAGE_FILTER, MODEL_FILTER


def _ask(files, title, pattern, method, save=False, suggested=""):
    """A slot that asks for a path, then calls method(path); ignores the action's `checked` argument."""
    def slot(*_):
        path = files.ask_path(title, pattern, save, suggested)
        if path:
            method(path)
    return slot


class Menus:
    """The window's menu bar and its actions (each also a window shortcut).

    groups: {menu title: [QAction or (keys, text)]} for the shortcuts dialog.
    """

    def __init__(self, win, session, left, panel, files):
        self.win = win
        mb = win.menuBar()
        act = self._action
        groups = {}

        m = mb.addMenu("&File")
        groups["File"] = [
            act(m, "&Open image…", _ask(files, "Open an image of a digit", IMAGE_FILTER, files.open_image),
                ["Ctrl+O"], "Open a picture of a digit (or drop one on the window)"),
            act(m, "Open &model…", _ask(files, "Open a convviz model", MODEL_FILTER, files.open_model),
                ["Ctrl+Shift+O"]),
            act(m, "&Save model…", _ask(files, "Save the model", MODEL_FILTER, files.save_model, True, "model.npz"),
                ["Ctrl+S"]),
        ]
        m.addSeparator()
        groups["File"] += [
            act(m, "Export current step arrays (.npz)…",
                _ask(files, "Export the current step's arrays", "NumPy archives (*.npz)",
                     files.export_step_arrays, True, "step.npz"), ["Ctrl+E"]),
            act(m, "Export window as PNG…",
                _ask(files, "Save the window as a picture", "PNG images (*.png)", files.export_window_png, True,
                     "convviz-window.png")),
            act(m, "Export stage as PNG…",
                _ask(files, "Save the current stage as a picture", "PNG images (*.png)",
                     files.export_stage_png, True, "convviz-stage.png")),
        ]
        m.addSeparator()
        groups["File"].append(act(m, "&Quit", win.close, ["Ctrl+Q"]))

        m = mb.addMenu("&Canvas")
        self.undo_action = act(m, "&Undo stroke", win.undo, ["Ctrl+Z"])
        self.clear_action = act(m, "&Clear", win.clear, ["Delete"])
        self.eraser_action = act(m, "&Eraser", left.eraser_button.setChecked, ["E"], checkable=True)
        left.eraser_button.toggled.connect(self.eraser_action.setChecked)
        self.light_action = act(m, "&Light canvas (dark ink on paper)", lambda light: left.canvas.set_dark(not light),
                                ["I"], checkable=True)
        self.light_action.toggled.connect(left.light_button.setChecked)
        left.light_button.toggled.connect(self.light_action.setChecked)
        m.addSeparator()
        next_sample = act(m, "Next &sample", left.sample_picker.next, ["S"])
        groups["Canvas"] = [self.undo_action, self.clear_action, self.eraser_action, self.light_action, next_sample]

        m = mb.addMenu("&Train")
        self.label_actions = [act(m, f"Target y = {d}", lambda *_, d=d: session.set_label(d), [str(d)])
                              for d in range(10)]
        auto = act(m, "Target = the &prediction", lambda *_: session.use_predicted_label(), ["A"])
        m.addSeparator()
        self.apply_action = act(m, "&Apply update ▸ next iteration", lambda *_: session.apply_update(),
                                ["U", "Ctrl+Return"])
        reset = act(m, "&Reset weights", win.reset_weights)
        groups["Train"] = [("0 … 9", "Training target y = that digit"), auto, self.apply_action, reset]
        groups["Train"] += win.gradcheck.add_to_menu(m, act)

        m = mb.addMenu("&Step")
        steps = panel.actions()
        for a in steps:
            m.addAction(a)
            win.addAction(a)
        groups["Step"] = steps

        m = mb.addMenu("&Help")
        self.shortcuts_action = act(m, "&Keyboard shortcuts", self.show_shortcuts, ["F1"])
        about = act(m, "&About convviz", self.show_about)
        groups["Help"] = [self.shortcuts_action, about]
        self.groups = groups

    def _action(self, menu, text, slot, keys=(), tip=None, checkable=False):
        a = QAction(text, self.win)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.WindowShortcut)
        if tip:
            a.setStatusTip(tip)
        a.setCheckable(checkable)
        (a.toggled if checkable else a.triggered).connect(slot)
        menu.addAction(a)
        self.win.addAction(a)
        return a

    def show_shortcuts(self, *_):
        mouse = ("Mouse", [("left drag", "draw on the canvas (erase in eraser mode)"),
                           ("right drag", "erase"),
                           ("drop a file", "open an image (or a .npz model)")])
        dlg = dialogs.shortcuts_dialog(self.win, self.groups, extra=[mouse])
        dlg.open()
        return dlg

    def show_about(self, *_):
        dlg = dialogs.about_dialog(self.win)
        dlg.open()
        return dlg
