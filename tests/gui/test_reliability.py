"""Issue 8, items 2, 4, 7, 8 and 10 in the app: every failure of an action the user started ends
in one message box with the drawing, the model and the current step unchanged; a divergent update
is not applied; corrupt settings never stop the app from starting."""

import os
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from convviz.engine import Network
from convviz.gui.models.session import DEFAULT_LR
from convviz.gui.panels.draw.canvas import DEFAULT_BRUSH


class State:
    """What a failed action must leave as it was."""

    def __init__(self, win):
        self.win = win
        s = win.session
        self.ink = win.left.canvas.ink_array().copy()
        self.net = s.net
        self.params = {k: v.copy() for k, v in s.net.params.items()}
        self.trace, self.step = s.trace, win.stepper.index
        self.updates = s.updates_applied

    def assert_unchanged(self):
        w, s = self.win, self.win.session
        np.testing.assert_array_equal(w.left.canvas.ink_array(), self.ink)
        assert s.net is self.net
        for k, v in self.params.items():
            np.testing.assert_array_equal(s.net.params[k], v, err_msg=k)
        assert s.trace is self.trace and w.stepper.index == self.step
        assert s.updates_applied == self.updates


@pytest.fixture
def moved(window, qtbot):
    """A window a few steps into its trace, so 'the current step is unchanged' means something."""
    for _ in range(3):
        window.stepper.next()
    assert window.stepper.index == 3
    return window


@pytest.mark.parametrize("failure", [RecursionError("maximum recursion depth exceeded"),
                                     MemoryError(), ZeroDivisionError("a bug")])
def test_any_failure_opening_a_model_is_one_message(moved, tmp_path, errors, monkeypatch, failure):
    path = tmp_path / "m.npz"
    Network(seed=3).save(path)
    state = State(moved)

    def boom(*a, **k):
        raise failure
    monkeypatch.setattr(Network, "load", boom)
    assert moved.files.open_model(str(path)) is False
    assert len(errors) == 1 and "m.npz" in errors[0][1] and "kept" in errors[0][1]
    state.assert_unchanged()


def test_the_message_is_a_real_message_box(make_window, tmp_path, qtbot):
    from PySide6.QtWidgets import QMessageBox
    win = make_window(report_error=None)             # the window's own reporter, not the recorder
    state = State(win)
    (tmp_path / "junk.npz").write_bytes(b"not a model")
    assert win.files.open_model(str(tmp_path / "junk.npz")) is False
    boxes = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "Could not open the model" in boxes[0].text()
    assert "junk.npz" in boxes[0].informativeText() and "kept" in boxes[0].informativeText()
    state.assert_unchanged()
    boxes[0].accept()


def test_a_deeply_nested_model_config_is_one_message(moved, tmp_path, errors):
    path = tmp_path / "deep.npz"
    with open(path, "wb") as f:
        np.savez(f, config=np.array("[" * 100_000 + "]" * 100_000), format_version=np.array(1))
    state = State(moved)
    assert moved.files.open_model(str(path)) is False
    assert len(errors) == 1 and "nested too deeply" in errors[0][1]
    state.assert_unchanged()


def test_a_fifo_as_model_or_image_does_not_freeze_the_window(moved, tmp_path, errors):
    state = State(moved)
    for name, action in (("pipe.npz", moved.files.open_model), ("pipe.png", moved.files.open_image)):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        threading.Thread(target=lambda p=fifo: (time.sleep(3), _open_writer(p)), daemon=True).start()
        start = time.monotonic()
        assert action(str(fifo)) is False
        assert time.monotonic() - start < 2
    assert len(errors) == 2 and all("named pipe" in text for _, text in errors)
    state.assert_unchanged()


def _open_writer(path):
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


def test_any_failure_opening_an_image_is_one_message(moved, tmp_path, errors, monkeypatch):
    import convviz.gui.shell.files as files
    state = State(moved)

    def boom(path):
        raise MemoryError
    monkeypatch.setattr(files, "load_image", boom)
    assert moved.files.open_image(str(tmp_path / "x.png")) is False
    assert len(errors) == 1 and "x.png" in errors[0][1]
    state.assert_unchanged()


def test_a_save_that_fails_midway_keeps_the_old_file_and_says_so(moved, tmp_path, errors, monkeypatch):
    path = tmp_path / "mine.npz"
    Network(seed=9).save(path)
    before = path.read_bytes()
    state = State(moved)

    def full(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(np.lib.format, "write_array", full)
    assert moved.files.save_model(str(path)) is False
    assert len(errors) == 1 and "No space left" in errors[0][1] and "unchanged" in errors[0][1]
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["mine.npz"]
    state.assert_unchanged()


def test_step_arrays_export_reports_the_name_it_wrote(moved, tmp_path, errors):
    assert moved.files.export_step_arrays(str(tmp_path / "noext"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["noext.npz"]
    assert str(tmp_path / "noext.npz") in moved.statusBar().currentMessage()
    assert not errors


def test_png_exports_are_atomic_and_report_failures(moved, tmp_path, errors):
    assert moved.files.export_window_png(str(tmp_path / "w.png"))
    assert moved.files.export_stage_png(str(tmp_path / "s"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.png", "w.png"]
    assert not moved.files.export_window_png(str(tmp_path / "no-such-folder" / "w.png"))
    assert len(errors) == 1 and "w.png" in errors[0][1]


def test_a_divergent_update_is_not_applied(moved, errors, qtbot):
    from PySide6.QtCore import Qt
    state = State(moved)
    key = next(iter(moved.session.trace.params_after))
    moved.session.trace.params_after[key].flat[0] = np.inf       # as a far too large α would make it
    qtbot.mouseClick(moved.left.apply_button, Qt.LeftButton)
    assert len(errors) == 1
    _, text = errors[0]
    assert "smaller" in text and "α" in text and key in text
    state.assert_unchanged()


BAD_SETTINGS = {
    "view/speed": "nan", "window/geometry": "oops", "view/split": "oops", "view/bottom": "oops",
    "canvas/brush": "999999999999", "train/lr": "inf", "view/mode": "sideways", "canvas/dark": "maybe",
    "files/last_dir": "\x00bad",
}


def ini_with(tmp_path, entries):
    path = tmp_path / "bad.ini"
    sections = {}
    for key, value in entries.items():
        group, name = key.split("/")
        sections.setdefault(group, []).append(f"{name}={value}")
    path.write_text("".join(f"[{g}]\n" + "\n".join(lines) + "\n" for g, lines in sections.items()))
    return QSettings(str(path), QSettings.IniFormat)


@pytest.mark.parametrize("key", [*BAD_SETTINGS, "all at once"])
def test_corrupt_settings_never_stop_the_app(make_window, tmp_path, key):
    entries = BAD_SETTINGS if key == "all at once" else {key: BAD_SETTINGS[key]}
    settings = ini_with(tmp_path, entries)
    win = make_window(settings=settings)
    assert win.stepper.speed == 2.0
    assert win.left.canvas.brush_width == DEFAULT_BRUSH and win.left.brush_slider.value() == DEFAULT_BRUSH
    assert win.session.lr == DEFAULT_LR and win.left.lr_spin.value() == DEFAULT_LR
    win.save_settings()                              # the bad values are replaced by good ones
    again = make_window(settings=QSettings(settings.fileName(), QSettings.IniFormat))
    assert again.stepper.speed == 2.0 and again.session.lr == DEFAULT_LR


@pytest.mark.parametrize("key, value", [("view/speed", "1e308"), ("train/lr", "-1"), ("canvas/brush", "-5"),
                                        ("view/speed", "0")])
def test_out_of_range_settings_are_replaced(make_window, tmp_path, key, value):
    win = make_window(settings=ini_with(tmp_path, {key: value}))
    assert win.stepper.speed == 2.0 and win.session.lr == DEFAULT_LR and win.left.canvas.brush_width == DEFAULT_BRUSH


def test_an_update_whose_loss_overflows_is_not_applied(moved, errors, qtbot):
    """Weights can stay finite (1e299) while the forward run after them overflows: refused too."""
    from PySide6.QtCore import Qt
    moved.left.lr_spin.setValue(5.0)
    state = State(moved)
    moved.session.trace.loss_after = float("nan")       # as such weights would make it
    qtbot.mouseClick(moved.left.apply_button, Qt.LeftButton)
    assert len(errors) == 1 and "the loss" in errors[0][1] and "smaller α" in errors[0][1]
    state.assert_unchanged()
