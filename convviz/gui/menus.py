"""The main window's menus and keyboard shortcuts (File, Canvas, Train, Step, Help)."""

from . import dialogs
from .main_window import IMAGE_FILTER

MODEL_FILTER = "convviz models (*.npz);;All files (*)"


def _ask(win, title, pattern, method, save=False, suggested=""):
    """A slot that asks for a path, then calls method(path); ignores the action's `checked` argument."""
    def slot(*_):
        path = win.ask_path(title, pattern, save, suggested)
        if path:
            method(path)
    return slot


def build_menus(win):
    """Menus for `win` (a MainWindow); sets win.menu_groups = {menu title: [QAction]} for the help."""
    mb = win.menuBar()
    act = win._action
    groups = {}

    m = mb.addMenu("&File")
    groups["File"] = [
        act(m, "&Open image…", _ask(win, "Open an image of a digit", IMAGE_FILTER, win.open_image),
            ["Ctrl+O"], "Open a picture of a digit (or drop one on the window)"),
        act(m, "Open &model…", _ask(win, "Open a convviz model", MODEL_FILTER, win.open_model),
            ["Ctrl+Shift+O"]),
        act(m, "&Save model…", _ask(win, "Save the model", MODEL_FILTER, win.save_model, True, "model.npz"),
            ["Ctrl+S"]),
    ]
    m.addSeparator()
    groups["File"] += [
        act(m, "Export current step arrays (.npz)…",
            _ask(win, "Export the current step's arrays", "NumPy archives (*.npz)",
                    win.export_step_arrays, True, "step.npz"), ["Ctrl+E"]),
        act(m, "Export window as PNG…",
            _ask(win, "Save the window as a picture", "PNG images (*.png)", win.export_window_png, True,
                    "convviz-window.png")),
        act(m, "Export stage as PNG…",
            _ask(win, "Save the current stage as a picture", "PNG images (*.png)",
                    win.export_stage_png, True, "convviz-stage.png")),
    ]
    m.addSeparator()
    groups["File"].append(act(m, "&Quit", win.close, ["Ctrl+Q"]))

    m = mb.addMenu("&Canvas")
    win.undo_action = act(m, "&Undo stroke", win.undo, ["Ctrl+Z"])
    win.clear_action = act(m, "&Clear", win.clear, ["Delete"])
    win.eraser_action = act(m, "&Eraser", win.eraser_button.setChecked, ["E"], checkable=True)
    win.eraser_button.toggled.connect(win.eraser_action.setChecked)
    win.light_action = act(m, "&Light canvas (dark ink on paper)", win.set_light_canvas, ["I"], checkable=True)
    win.light_action.toggled.connect(win.light_button.setChecked)
    win.light_button.toggled.connect(win.light_action.setChecked)
    m.addSeparator()
    next_sample = act(m, "Next &sample", win.sample_picker.next, ["S"])
    groups["Canvas"] = [win.undo_action, win.clear_action, win.eraser_action, win.light_action, next_sample]

    m = mb.addMenu("&Train")
    win.label_actions = [act(m, f"Target y = {d}", lambda *_, d=d: win.set_label(d), [str(d)]) for d in range(10)]
    auto = act(m, "Target = the &prediction", win.use_predicted_label, ["A"])
    m.addSeparator()
    win.apply_action = act(m, "&Apply update ▸ next iteration", win.apply_update, ["U", "Ctrl+Return"])
    reset = act(m, "&Reset weights", win.reset_weights)
    groups["Train"] = [("0 … 9", "Training target y = that digit"), auto, win.apply_action, reset]

    m = mb.addMenu("&Step")
    steps = win.panel.actions()
    for a in steps:
        m.addAction(a)
        win.addAction(a)
    groups["Step"] = steps

    m = mb.addMenu("&Help")
    win.shortcuts_action = act(m, "&Keyboard shortcuts", lambda: show_shortcuts(win), ["F1"])
    about = act(m, "&About convviz", lambda: show_about(win))
    groups["Help"] = [win.shortcuts_action, about]
    win.menu_groups = groups


def show_shortcuts(win):
    mouse = ("Mouse", [("left drag", "draw on the canvas (erase in eraser mode)"),
                       ("right drag", "erase"),
                       ("drop a file", "open an image (or a .npz model)")])
    dlg = dialogs.shortcuts_dialog(win, win.menu_groups, extra=[mouse])
    dlg.open()
    return dlg


def show_about(win):
    dlg = dialogs.about_dialog(win)
    dlg.open()
    return dlg
