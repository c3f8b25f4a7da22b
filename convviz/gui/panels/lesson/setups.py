"""Each lesson page's set-up, keyed by page id: the network, the step, the selection, the view mode,
the backprop mistake and the dock to show, put in place through the window's public parts (the
editor's presets and Apply, the stepper, the network panel, the session). The lesson adds no math."""

from dataclasses import dataclass

from convviz.engine import OpKind, StageId

#: The editor's preset keys (not display text: EditorPanel.load_preset takes these names).
TINY, SHIPPED = "Tiny", "Shipped digits model"


@dataclass(frozen=True)
class Setup:
    """network: an editor preset's key; step: (OpKind, layer or None) shown; selection: (stage
    name, index) selected, None for none; mode: values, gradients or both; mistake: a mistakes name
    or None; dock: "editor" or "training" shown beside; needs_input: load a sample when blank."""

    network: str
    step: tuple = (OpKind.INPUT, None)
    selection: tuple = None
    mode: str = "values"
    mistake: str = None
    dock: str = None
    needs_input: bool = True


KERNEL = ("conv1.kernels", (0, 0, 1, 1))

SETUPS = {
    "input-draw": Setup(SHIPPED, needs_input=False),
    "input-pixel": Setup(SHIPPED),
    "conv-sum": Setup(TINY, (OpKind.CONV, "conv1")),
    "conv-stride": Setup(TINY, (OpKind.CONV, "conv1"), dock="editor"),
    "conv-padding": Setup(TINY, (OpKind.CONV, "conv1"), dock="editor"),
    "act-forward": Setup(TINY, (OpKind.ACTIVATION, "conv1")),
    "act-derivative": Setup(TINY, (OpKind.ACTIVATION_GRAD, "conv1"), mode="both"),
    "act-choose": Setup(TINY, (OpKind.ACTIVATION_GRAD, "conv1"), mode="both", dock="editor"),
    "pool-forward": Setup(TINY, (OpKind.POOL, "conv1")),
    "pool-grad": Setup(TINY, (OpKind.POOL_GRAD, "conv1"), mode="both"),
    "pool-kinds": Setup(TINY, (OpKind.POOL_GRAD, "conv1"), mode="both", dock="editor"),
    "dense-flatten": Setup(TINY, (OpKind.FLATTEN, None)),
    "dense-layer": Setup(TINY, (OpKind.DENSE, "dense1")),
    "output-softmax": Setup(TINY, (OpKind.OUTPUT, "out")),
    "loss-compare": Setup(TINY, (OpKind.LOSS_GRAD, None), mode="both", dock="editor"),
    "back-delta": Setup(TINY, (OpKind.OUTPUT_GRAD, "out"), mode="both"),
    "back-weights": Setup(TINY, (OpKind.CONV_DK, "conv1"), mode="both"),
    "back-overlay": Setup(TINY, (OpKind.CONV_DX, "conv1")),
    "check-element": Setup(TINY, (OpKind.CONV_DK, "conv1"), KERNEL, mode="both"),
    "check-mistake": Setup(TINY, (OpKind.CONV_DK, "conv1"), KERNEL, mode="both", mistake="no-sigma-prime"),
    "descent-update": Setup(TINY, (OpKind.UPDATE, None), mode="both"),
    "descent-alpha": Setup(TINY, (OpKind.UPDATE, None), mode="both"),
    "descent-train": Setup(SHIPPED, dock="training"),
    "own-digit": Setup(SHIPPED, needs_input=False),
    "own-keep": Setup(SHIPPED, dock="training"),
}


def find_step(trace, step):
    """The index of the step (op, layer) in `trace`, None without one."""
    op, layer = step
    if trace is None:
        return None
    found = next((s for s in trace if s.op == op and (layer is None or s.layer == layer)), None)
    return None if found is None else found.index


def use_network(win, preset):
    """The preset's network in the session, unless it is in use already (the learner's weights and
    updates stay then); the editor's fields show the preset either way."""
    editor = win.editor_docks.editor
    editor.load_preset(preset)
    if editor.plan.config != win.session.net.config:
        editor.apply(fresh=preset == TINY)


#: The width a dock the lesson shows (the editor, the training panel) takes when it has to float.
FLOAT_WIDTH = 430


def fits_docked(win, *widths):
    """True when the window's panels and docks of these widths fit the screen side by side."""
    screen = win.screen()
    if screen is None:
        return True
    return win.centralWidget().minimumSizeHint().width() + sum(widths) + 12 * len(widths) <= \
        screen.availableGeometry().width()


def show_dock(win, dock, lesson_dock=None):
    """Show a dock beside the lesson; on a screen too narrow for both docked (a 1366 px laptop) it
    floats at the screen's right edge, left of a floating lesson pane, instead of pushing the
    window past the screen."""
    lesson_docked = lesson_dock is not None and lesson_dock.isVisible() and not lesson_dock.isFloating()
    widths = [FLOAT_WIDTH] + ([lesson_dock.width()] if lesson_docked else [])
    if not dock.isFloating() and not fits_docked(win, *widths):
        free = win.screen().availableGeometry()
        right = free.right()
        if lesson_dock is not None and lesson_dock.isVisible() and lesson_dock.isFloating():
            right = lesson_dock.frameGeometry().left() - 4
        dock.setFloating(True)
        dock.setGeometry(max(free.left(), right - FLOAT_WIDTH), free.top() + 40, FLOAT_WIDTH, free.height() - 80)
    dock.show()
    dock.raise_()


def dock_of(win, name):
    """The window's dock a Setup names ("editor", "training"), None for None."""
    return {"editor": win.editor_docks.editor_dock, "training": win.training_dock}.get(name)


def put_away(win, before, after):
    """Hide the floating dock the page `before` showed when the page `after` does not need it:
    a floating window would cover the iteration for nothing (a docked one stays where it is)."""
    dock = dock_of(win, before.dock) if before is not None else None
    if dock is not None and before.dock != after.dock and dock.isFloating():
        dock.hide()


def apply_setup(win, setup, lesson_dock=None):
    """Put the window in the state `setup` describes; the learner's drawing stays unless blank.
    lesson_dock: the lesson's own dock, which a dock shown for the page must not cover."""
    session, stepper, panel = win.session, win.stepper, win.panel
    stepper.pause()
    session.set_mistake(setup.mistake)
    use_network(win, setup.network)
    if setup.needs_input and session.trace is None:
        win.left.sample_picker.next()            # a blank canvas: a shipped sample to work on
    panel.set_mode(setup.mode)
    index = find_step(session.trace, setup.step)
    if index is not None:
        stepper.go(index)
    if setup.selection is None:
        if panel.selection is not None:
            panel.clear_selection()
    else:
        panel.select(StageId.parse(setup.selection[0]), setup.selection[1])
    if setup.dock is not None:
        show_dock(win, dock_of(win, setup.dock), lesson_dock)


def state_matches(win, setup):
    """True when the window is in `setup`'s state (the tests assert each page's set-up with it)."""
    trace = win.session.trace
    if setup.needs_input and trace is None:
        return False
    editor = win.editor_docks.editor
    editor_cfg = editor.plan.config
    ok = win.session.net.config == editor_cfg and editor.preset.currentData() == setup.network
    ok = ok and win.session.mistake == setup.mistake and win.panel.mode == setup.mode
    if trace is not None:
        ok = ok and win.stepper.index == find_step(trace, setup.step)
    want = None if setup.selection is None else (StageId.parse(setup.selection[0]), tuple(setup.selection[1]))
    return ok and win.panel.selection == want
