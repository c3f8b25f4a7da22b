"""The training panel in the window, with real clicks and keys: training lowers the validation
loss, the curves get one point per batch and epoch, pause/resume/stop, undo bit for bit,
divergence restores, the GUI answers while training, and closing the window ends the worker."""

import math
import multiprocessing
import statistics
import time

import numpy as np
import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from convviz.engine import Network


@pytest.fixture
def trainer(make_window, qtbot, tmp_path):
    win = make_window(net=Network(seed=0), my_digits_path=tmp_path / "mine" / "my-digits.npz")
    qtbot.keyClick(win, Qt.Key_T, Qt.ControlModifier)            # Train ▸ Training panel
    assert win.training_dock.isVisible()
    p = win.training
    p.limit.setValue(300)
    p.epochs.setValue(2)
    p.augment.setChecked(False)
    p.lr.setValue(0.05)
    yield win, p
    p.shutdown()


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.LeftButton)


def wait_idle(qtbot, panel, timeout=120_000):
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=timeout)


def test_training_lowers_validation_loss_applies_the_result_and_undoes_bit_for_bit(trainer, qtbot):
    win, p = trainer
    before = {k: v.copy() for k, v in win.session.net.params.items()}
    click(qtbot, p.start_button)
    assert p.state == "running" and not p.start_button.isEnabled()
    wait_idle(qtbot, p)
    r = p.record
    assert r.finished.outcome == "done", p.status.text()
    batches = math.ceil(270 / 32)                                # 300 images, 10% validation
    assert p.curves.point_counts() == (2 * batches, 3) == (len(r.batch_losses), len(r.epochs))
    assert r.epochs[-1].val_loss < 0.8 * r.epochs[0].val_loss
    for k, v in r.finished.params.items():                       # the result is in use, as float64
        assert win.session.net.params[k].dtype == np.float64
        assert np.array_equal(win.session.net.params[k], v.astype(np.float64))
    assert win.session.updates_applied == 2 * batches
    assert "Done" in p.status.text() and p.progress.value() == 1000
    assert win.stepper.trace is win.session.trace                # the iteration view shows the new net
    assert np.array_equal(win.session.trace.params_after["out.b"],
                          win.session.net.params["out.b"] - win.session.lr * win.session.trace.grads["out.b"])
    # Click a confusion cell: its digits appear.
    true = int(np.argmax(r.epochs[-1].confusion.sum(axis=1)))
    p.show_cell(true, true)
    assert p.digits.shown == r.epochs[-1].confusion[true, true] > 0
    click(qtbot, p.undo_button)
    for k, v in before.items():
        assert np.array_equal(win.session.net.params[k], v) and win.session.net.params[k].dtype == v.dtype
    assert win.session.updates_applied == 0 and not p.undo_button.isEnabled()


def test_pause_resume_stop_and_the_gui_answers_while_training(trainer, qtbot, stroke):
    win, p = trainer
    p.epochs.setValue(200)
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.record.snapshot is not None, timeout=60_000)
    # The GUI thread answers: a 5 ms timer's lateness while training, and a drawing predicts.
    late, clock = [], QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(5)
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        late.append(now - last[0] - 5)
        last[0] = now

    timer.timeout.connect(tick)
    timer.start()
    win.clear()
    stroke(win.left.canvas, [(140, 40), (140, 240)])
    qtbot.wait(1000)
    timer.stop()
    # Loose bounds (2 cores shared with other jobs); a frozen GUI would give a handful of ticks.
    assert len(late) > 20 and statistics.median(late) < 100, (len(late), statistics.median(late))
    assert win.session.probs is not None and p.live_probs.probs is not None
    assert not np.array_equal(p.live_probs.probs, win.session.probs)   # live: the net being trained
    click(qtbot, p.pause_button)
    assert p.state == "paused" and p.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: p.record.snapshot.paused, timeout=30_000)
    count = len(p.record.batch_losses)
    qtbot.wait(400)
    assert len(p.record.batch_losses) == count
    click(qtbot, p.pause_button)
    assert p.state == "running"
    qtbot.waitUntil(lambda: len(p.record.batch_losses) > count, timeout=30_000)
    click(qtbot, p.stop_button)
    wait_idle(qtbot, p)
    assert p.record.finished.outcome == "stopped" and "Stopped" in p.status.text()
    assert win.session.updates_applied == p.record.finished.batches_done == len(p.record.batch_losses)
    assert not multiprocessing.active_children()


def test_divergence_restores_the_last_good_weights_and_says_why(trainer, qtbot):
    win, p = trainer
    before = {k: v.copy() for k, v in win.session.net.params.items()}
    p.lr.setValue(10.0)
    click(qtbot, p.start_button)
    wait_idle(qtbot, p)
    assert p.record.finished.outcome == "diverged"
    assert "smaller α" in p.status.text() and "exploded" in p.status.text()
    for k, v in before.items():          # diverged at the 2nd batch: the last good weights are the first
        assert np.array_equal(win.session.net.params[k], v.astype(np.float32).astype(np.float64))


def test_closing_the_window_while_training_leaves_no_process(trainer, qtbot, tmp_path):
    win, p = trainer
    p.epochs.setValue(200)
    click(qtbot, p.start_button)
    qtbot.waitUntil(lambda: p.record.snapshot is not None, timeout=60_000)
    pid = p.worker.pid
    saved = tmp_path / "during.npz"                 # Save model works while it trains
    assert win.files.save_model(str(saved))
    loaded = Network.load(saved)
    assert all(np.array_equal(loaded.params[k], v) for k, v in win.session.net.params.items())
    start = time.monotonic()
    win.close()
    assert time.monotonic() - start < 10 and p.worker is None
    assert not multiprocessing.active_children()
    import os
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_my_digits_from_the_window_and_a_corrupt_file(make_window, qtbot, tmp_path):
    path = tmp_path / "my-digits.npz"
    win = make_window(net=Network(seed=0), my_digits_path=path)
    view = win.training.my_digits
    win.session.set_label(4)
    qtbot.keyClick(win, Qt.Key_D, Qt.ControlModifier)            # Train ▸ Add the drawing to my digits
    qtbot.keyClick(win, Qt.Key_D, Qt.ControlModifier)
    assert len(view.store) == 2 and view.list.count() == 2 and path.exists()
    view.list.item(0).setSelected(True)
    click(qtbot, view.delete_button)
    assert view.list.count() == 1 and "Deleted 1" in view.message.text()
    win.close()
    path.write_bytes(b"garbage")
    win2 = make_window(net=Network(seed=0), my_digits_path=path)
    v2 = win2.training.my_digits
    assert "could not be read" in v2.message.text() and "garbage" not in v2.message.text()
    assert len(v2.store) == 0 and win2.session.probs is not None   # the app works on
    assert v2.add_current() and v2.store.moved_to.read_bytes() == b"garbage"
    win2.training.set_source("mine")
    assert not win2.training.start() and "at least two" in win2.training.status.text()


def test_updates_by_hand_are_a_curve_that_survives_a_new_target(window, qtbot):
    view = window.training.updates
    qtbot.keyClick(window, Qt.Key_3)
    qtbot.keyClick(window, Qt.Key_U)
    qtbot.keyClick(window, Qt.Key_5)
    qtbot.keyClick(window, Qt.Key_U)
    qtbot.keyClick(window, Qt.Key_U)
    xs, ys = view.loss.getData()
    assert list(xs) == [1, 2, 3] and len(view.marks) == 1
    assert [r.label for r in window.session.update_history] == [3, 5, 5]
    assert ys[0] == window.session.update_history[0].loss and "3 updates" in view.caption.text()
    window.reset_weights()
    assert view.loss.getData()[0] is None or len(view.loss.getData()[0]) == 0


def test_starting_from_random_weights_uses_the_seed(trainer, qtbot):
    win, p = trainer
    p.form.fresh.setChecked(True)
    p.form.seed.setValue(3)
    p.lr.setValue(10.0)                      # diverges at once: the restored weights are the start
    click(qtbot, p.start_button)
    wait_idle(qtbot, p)
    assert p.record.finished.outcome == "diverged"
    fresh = Network(win.session.net.config, seed=3).params
    for k, v in fresh.items():
        assert np.array_equal(win.session.net.params[k], v.astype(np.float32).astype(np.float64))
    click(qtbot, p.undo_button)
    for k, v in Network(seed=0).params.items():
        assert np.array_equal(win.session.net.params[k], v)


def test_the_form_is_kept_between_runs_and_garbage_settings_are_ignored(make_window, settings, qtbot):
    win = make_window(net=Network(seed=0))
    p = win.training
    p.epochs.setValue(7)
    p.lr.setValue(0.05)
    p.schedule.setCurrentIndex(p.schedule.findData("cosine"))
    p.augment.setChecked(False)
    p.set_source("mine")
    assert not p.start()                              # no digits of mine: refused, but the form is kept
    win.close()
    again = make_window(net=Network(seed=0)).training
    assert (again.epochs.value(), again.lr.value(), again.schedule.currentData()) == (7, 0.05, "cosine")
    assert not again.augment.isChecked() and again.source.currentData() == "mine"
    for key, value in (("epochs", "nan"), ("lr", "1e300"), ("batch", "abc"), ("schedule", "warp"),
                       ("source", "file"), ("augment", "maybe")):
        settings.setValue(f"training/{key}", value)
    third = make_window(net=Network(seed=0)).training
    assert (third.epochs.value(), third.lr.value(), third.batch.value()) == (3, 0.02, 32)
    assert third.schedule.currentData() == "constant" and third.source.currentData() == "shipped"
    assert third.augment.isChecked()


def test_a_network_with_a_smaller_input_is_refused_in_words(make_window, tmp_path):
    """The digits are 28 × 28: training a Tiny (8 × 8) network says so instead of failing in the worker."""
    from convviz.gui.panels.editor.presets import TINY

    win = make_window(net=Network(seed=0), my_digits_path=tmp_path / "my-digits.npz")
    win.session.set_network(Network(TINY.config, seed=1), "tiny", origin="fresh random weights (seed 1)")
    panel = win.training
    assert not panel.start() and panel.worker is None
    assert "8×8" in panel.status.text() and "28 × 28 input" in panel.status.text()
