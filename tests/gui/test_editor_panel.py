"""The network editor in the window, driven with keys and clicks: the live table equals the network's
shapes, refusals name their field and disable Apply, presets build and step to the end, keeping the
weights keeps them bit for bit, and models and configs round-trip through their files."""

import json

import numpy as np
import pytest
from editor_helpers import choose, click_apply, show_editor, table_shapes, type_into
from PySide6.QtCore import QPoint, QRect, Qt

from convviz.engine import Network, normalize_config
from convviz.gui.panels.editor.panel import shape_text
from convviz.gui.panels.editor.presets import PRESETS


@pytest.fixture
def editor(window, qtbot):
    return show_editor(window, qtbot)


def test_the_editor_starts_on_the_loaded_network(window, editor):
    assert normalize_config(editor.config()) == window.session.net.config
    assert table_shapes(editor) == [(n, shape_text(s)) for n, s in window.session.net.shapes()]
    assert "pretrained weights" in window.model_label.text()


def test_fields_change_the_table_to_the_networks_shapes(window, editor, qtbot):
    c = editor.convs[0]
    type_into(qtbot, editor.conv_count, 1)
    type_into(qtbot, c.kernels, 3)
    type_into(qtbot, c.k1, 3)
    type_into(qtbot, c.stride, 2)
    type_into(qtbot, c.padding, 1)
    choose(qtbot, c.pool, "l2")
    type_into(qtbot, editor.dense_count, 2)
    type_into(qtbot, editor.denses[1].units, 7)
    type_into(qtbot, editor.input_size, 14)
    net = Network(editor.config())
    assert table_shapes(editor) == [(n, shape_text(s)) for n, s in net.shapes()]
    assert f"{net.parameter_count():,}" in editor.totals.text()
    row = next(r for r in range(editor.table.rowCount()) if editor.table.item(r, 0).data(Qt.UserRole) ==
               "conv1.feature_maps")
    # rows: ⌊(14 − 3 + 2·1)/2⌋ + 1 = 7, columns: (14 − 5 + 2·1)/2 … = 6
    assert editor.table.item(row, 2).text() == "rows ⌊(14 − 3 + 2·1)/2⌋ + 1 = 7;  columns ⌊(14 − 5 + 2·1)/2⌋ + 1 = 6"
    assert "never read" in editor.notes.text() and editor.notes.isVisible()
    assert editor.apply_button.isEnabled()


@pytest.mark.parametrize("field, value, where, words", [
    ("k1", 28, ("conv", 1, "size"), "does not fit"),
    ("pool_size", 5, ("conv", 1, "pool_size"), "larger than its"),
])
def test_a_refusal_names_its_field_and_disables_apply(window, editor, qtbot, field, value, where, words):
    net = window.session.net
    type_into(qtbot, editor.convs[1].k1, 8)            # block 2's maps: 5 × 8
    type_into(qtbot, editor.convs[1].pool_size, 1)
    type_into(qtbot, editor.convs[1].pool_stride, 1)
    if field == "pool_size":
        value = 6
    type_into(qtbot, getattr(editor.convs[1], field), value)
    label = editor.convs[1].errors[where[2]]
    assert label.isVisible() and words in label.text() and "block 2" in label.text()
    assert sum(lab.isVisible() for c in editor.convs for lab in c.errors.values()) == 1
    assert not editor.apply_button.isEnabled() and "red" in editor.apply_state.text()
    click_apply(qtbot, editor)
    assert window.session.net is net
    type_into(qtbot, getattr(editor.convs[1], field), 3)       # fixed: the red line goes, Apply comes back
    assert not label.isVisible() and editor.apply_button.isEnabled()


def test_too_many_parameters_are_refused_at_the_units(window, editor, qtbot):
    choose(qtbot, editor.convs[1].pool, "none")
    type_into(qtbot, editor.convs[1].kernels, 64)
    type_into(qtbot, editor.denses[0].units, 512)
    assert editor.denses[0].errors["units"].isVisible()
    assert "more than this app steps through" in editor.denses[0].errors["units"].text()
    assert not editor.apply_button.isEnabled()


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_build_and_step_to_the_end(window, editor, qtbot, name, errors):
    choose(qtbot, editor.preset, name)
    assert editor.preset_about.text()
    assert normalize_config(editor.config()) == normalize_config(PRESETS[name].config)
    click_apply(qtbot, editor)
    s = window.session
    assert s.net.config == normalize_config(PRESETS[name].config)
    assert s.trace is not None and window.stepper.index == 0
    origin = "pretrained weights" if PRESETS[name].pretrained else "fresh random weights (seed 0)"
    assert origin in window.model_label.text()
    qtbot.keyClick(window, Qt.Key_End)
    assert window.stepper.index == len(s.trace) - 1
    assert window.panel.counter.text().startswith(f"<b>Step {len(s.trace)} / {len(s.trace)}</b>")
    assert not errors


def test_tiny_reads_the_area_averaged_input(window, editor, qtbot):
    from convviz.digits import area_average
    choose(qtbot, editor.preset, "Tiny")
    click_apply(qtbot, editor)
    x = window.session.trace.steps[0].arrays["output"][0]
    np.testing.assert_array_equal(x, area_average(window.session.x28, 8))
    assert window.left.input_caption.text() == "input I, 8×8"
    assert window.left.preview.array().shape == (8, 8)


def test_keeping_the_weights_keeps_them_bit_for_bit(window, editor, qtbot):
    choose(qtbot, editor.preset, "Tiny")
    click_apply(qtbot, editor)
    before = {k: v.copy() for k, v in window.session.net.params.items()}
    loss_before = window.session.trace.loss
    assert not editor.keep.isEnabled()
    for combo, value in [(editor.loss, "mse"), (editor.convs[0].activation, "sigmoid"),
                         (editor.convs[0].pool, "avg"), (editor.output_act, "sigmoid")]:
        choose(qtbot, combo, value)
        assert editor.keep.isEnabled() and editor.keep.isChecked()
        click_apply(qtbot, editor)
        for k, v in before.items():
            assert window.session.net.params[k].tobytes() == v.tobytes(), k
    assert window.session.net.config["loss"] == "mse" and window.session.trace.loss != loss_before
    assert "Same weights" in window.statusBar().currentMessage()
    choose(qtbot, editor.loss, "cross_entropy")            # unchecked: fresh weights from the seed
    qtbot.mouseClick(editor.keep, Qt.LeftButton)
    assert not editor.keep.isChecked()
    type_into(qtbot, editor.seed, 5)
    click_apply(qtbot, editor)
    fresh = Network(window.session.net.config, seed=5).params
    for k, v in fresh.items():
        np.testing.assert_array_equal(window.session.net.params[k], v)
    type_into(qtbot, editor.denses[0].units, 7)             # parameters change: nothing to keep
    assert not editor.keep.isEnabled()


def test_a_model_round_trips_through_save_and_open_with_its_config(window, editor, qtbot, tmp_path):
    choose(qtbot, editor.preset, "LeNet-like")
    click_apply(qtbot, editor)
    window.session.apply_update()
    assert "trained in the app: 1 update applied to the fresh random weights" in window.model_label.text()
    saved = {k: v.copy() for k, v in window.session.net.params.items()}
    path = tmp_path / "lenet.npz"
    assert window.files.save_model(str(path))
    choose(qtbot, editor.preset, "Tiny")
    click_apply(qtbot, editor)
    assert window.files.open_model(str(path))                # the editor follows the opened model
    assert normalize_config(editor.config()) == normalize_config(PRESETS["LeNet-like"].config)
    assert table_shapes(editor) == [(n, shape_text(s)) for n, s in window.session.net.shapes()]
    for k, v in saved.items():
        assert window.session.net.params[k].tobytes() == v.tobytes()
    assert "weights from lenet.npz" in window.model_label.text()


def test_config_export_and_open(window, editor, qtbot, tmp_path, errors):
    choose(qtbot, editor.preset, "Paper")
    type_into(qtbot, editor.seed, 11)
    click_apply(qtbot, editor)
    path = tmp_path / "paper.json"
    assert window.editor_docks.export_config(str(path))
    data = json.loads(path.read_text())
    assert data["seed"] == 11 and data["loss"] == "cross_entropy" and data["output"]["activation"] == "sigmoid"
    choose(qtbot, editor.preset, "Tiny")
    click_apply(qtbot, editor)
    assert window.editor_docks.open_config(str(path))
    assert window.session.net.config == normalize_config(PRESETS["Paper"].config)
    for k, v in Network(PRESETS["Paper"].config, seed=11).params.items():
        np.testing.assert_array_equal(window.session.net.params[k], v)
    assert "paper.json" in window.model_label.text() and not errors


@pytest.mark.parametrize("content, words", [
    ("{", "not valid JSON"),
    (json.dumps(dict(PRESETS["Tiny"].config, input=[40, 40])), "choose 1 to 28"),
    (json.dumps(dict(PRESETS["Tiny"].config, output={"classes": 3})), "10 digit classes"),
    (json.dumps(dict(PRESETS["Tiny"].config, dense=[{"units": 4000}])), "the differing fields: dense layer 1 units"),
    (json.dumps(dict(PRESETS["Tiny"].config, dense=[{"units": 100_000}])),
     "dense layer 1 units: 2,900,030 parameters are more than this app steps through"),
])
def test_a_bad_config_file_is_reported_and_changes_nothing(window, editor, tmp_path, errors, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content)
    net, cfg = window.session.net, window.session.net.config
    assert not window.editor_docks.open_config(str(path))
    assert window.session.net is net and normalize_config(editor.config()) == cfg
    assert errors and words in errors[-1][1] and "kept" in errors[-1][1]


def test_menus_hold_the_config_actions_and_the_view_toggles(window, editor):
    docks = window.editor_docks
    assert docks.open_config_action in window.menus.file_menu.actions()
    assert docks.export_config_action in window.menus.file_menu.actions()
    assert docks.editor_action in docks.view_menu.actions() and docks.editor_action.isChecked()
    docks.editor_action.trigger()
    assert not docks.editor_dock.isVisible()


def test_opening_a_small_input_model_switches_the_editor_and_the_input(window, editor, tmp_path):
    path = tmp_path / "tiny.npz"
    Network(PRESETS["Tiny"].config, seed=6).save(path)
    assert window.files.open_model(str(path))
    assert normalize_config(editor.config()) == normalize_config(PRESETS["Tiny"].config)
    assert window.session.net_input.shape == (8, 8) and window.session.trace is not None
    assert "weights from tiny.npz" in window.model_label.text()


def test_on_a_1366_screen_the_editor_floats_beside_the_window_with_apply_in_view(window, qtbot):
    window.resize(1366, 768)
    docks = window.editor_docks
    assert not docks.editor_dock.isVisible()            # hidden at start on a small screen
    docks.editor_action.trigger()                       # View ▸ Network editor
    qtbot.waitUntil(docks.editor_dock.isVisible)
    assert docks.editor_dock.isFloating() and docks.editor_dock.width() >= 400
    assert docks.editor.apply_button.isVisible()
    assert window.minimumSizeHint().width() <= 1366
    # and on the screen: the whole panel, Apply included, within the screen's available area
    avail = window.screen().availableGeometry()
    assert avail.contains(docks.editor_dock.geometry()), (avail, docks.editor_dock.geometry())
    apply = docks.editor.apply_button
    assert avail.contains(QRect(apply.mapToGlobal(QPoint(0, 0)), apply.size()))


def test_a_missing_pretrained_model_is_reported_and_the_network_kept(window, editor, qtbot, errors, monkeypatch):
    import convviz.digits
    from convviz.digits import samples

    def missing():
        raise FileNotFoundError("resources/models/digits.npz: no pretrained model shipped")

    monkeypatch.setattr(convviz.digits, "load_pretrained", missing)
    monkeypatch.setattr(samples, "load_pretrained", missing)
    choose(qtbot, editor.preset, "Tiny")
    click_apply(qtbot, editor)
    net = window.session.net
    choose(qtbot, editor.preset, "Shipped digits model")
    click_apply(qtbot, editor)
    assert window.session.net is net
    assert errors and "no pretrained model" in errors[-1][1] and "kept" in errors[-1][1]


def test_the_editor_opens_again_as_the_learner_left_it(make_window, settings, qtbot):
    win = make_window()
    assert not win.editor_docks.editor_dock.isVisible()
    win.editor_docks.editor_action.trigger()
    win.close()
    again = make_window()
    qtbot.waitUntil(again.editor_docks.editor_dock.isVisible)
    assert not again.editor_docks.choice_dock.isVisible()
    settings.setValue("view/editor_dock", "garbage")            # unreadable: the screen decides
    assert not make_window().editor_docks.editor_dock.isVisible()
