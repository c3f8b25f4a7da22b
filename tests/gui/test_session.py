"""The Session model on its own: what each intent changes and which signals announce it."""

import threading

import numpy as np
import pytest

from convviz.engine import Network
from convviz.gui.models.session import Session


def ink():
    a = np.zeros((280, 280), np.float32)
    a[40:240, 130:150] = 1.0
    return a


@pytest.fixture
def session(qapp):
    return Session(Network(seed=0), "test net", lr=0.01)


def record(session):
    seen = []
    for name in ("predictionChanged", "traceChanged", "paramsChanged"):
        getattr(session, name).connect(lambda name=name: seen.append(name))
    session.lrChanged.connect(lambda lr: seen.append(("lr", lr)))
    return seen


def test_drawing_predicts_and_a_finished_stroke_starts_an_iteration(session):
    seen = record(session)
    session.set_image(ink(), new_iteration=False)
    assert seen == ["predictionChanged"] and session.trace is None
    assert np.array_equal(session.probs, session.net.forward(session.x28))
    session.start_iteration()
    assert seen[-1] == "traceChanged" and session.trace.label == session.label == int(np.argmax(session.probs))
    assert session.loss_history == [session.trace.loss]
    session.set_image(np.zeros((280, 280), np.float32))
    assert session.probs is None and session.trace is None and session.label is None


def test_target_and_lr_retrace(session):
    session.set_image(ink())
    seen = record(session)
    session.set_label(7)
    assert session.label_is_chosen and session.trace.label == 7 and seen == ["traceChanged"]
    session.set_lr(0.05)
    assert seen[-2:] == [("lr", 0.05), "traceChanged"] and session.trace.lr == 0.05
    session.set_lr(0.05)                      # no change, no signal
    assert len(seen) == 3
    session.use_predicted_label()
    assert not session.label_is_chosen and session.trace.label == int(np.argmax(session.probs))


def test_update_changes_the_parameters_and_extends_the_history(session):
    session.set_image(ink())
    session.set_label(3)
    trace = session.trace
    seen = record(session)
    assert session.apply_update()
    for key, value in trace.params_after.items():
        assert np.array_equal(session.net.params[key], value)
        assert session.net.params[key] is not value                 # a copy, not the trace's array
    assert seen == ["paramsChanged", "predictionChanged", "traceChanged"]
    assert session.updates_applied == 1
    assert session.loss_history == [trace.loss, session.trace.loss] and session.trace.loss == trace.loss_after
    session.reset_weights()
    assert session.updates_applied == 0 and session.trace.loss == trace.loss
    assert session.loss_history == [trace.loss]


def test_parameters_change_only_on_the_gui_thread(session):
    session.set_image(ink())
    before = {k: v.copy() for k, v in session.net.params.items()}
    errors = []

    def worker():
        try:
            session.set_params({k: v + 1 for k, v in before.items()})
        except RuntimeError as e:
            errors.append(str(e))

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert errors and "GUI thread" in errors[0]
    for k, v in before.items():
        assert np.array_equal(session.net.params[k], v)
    session.set_params({k: v + 0 for k, v in before.items()})      # on the GUI thread it is fine
    assert session.updates_applied == 1


def test_no_update_without_an_iteration(session):
    assert not session.apply_update() and session.updates_applied == 0


def test_applied_updates_are_kept_across_targets_and_inputs_and_cleared_with_new_weights(session):
    session.set_image(ink())
    session.set_label(3)
    seen = []
    session.updatesChanged.connect(lambda: seen.append("updates"))
    first = session.trace
    session.apply_update()
    session.set_label(5)                                  # a new target keeps the record
    second = session.trace
    session.apply_update()
    session.set_image(np.rot90(ink()))                    # so does a new input
    assert seen == ["updates", "updates"]
    records = session.update_history
    assert [r.label for r in records] == [3, 5]
    assert (records[0].loss, records[0].loss_after) == (first.loss, first.loss_after)
    assert (records[0].prob, records[0].prob_after) == (first.probs[3], first.probs_after[3])
    assert (records[1].loss, records[1].prob) == (second.loss, second.probs[5]) and records[1].lr == 0.01
    session.reset_weights()
    assert session.update_history == () and seen[-1] == "updates"


def test_restore_params_puts_back_weights_and_count(session):
    session.set_image(ink())
    before = {k: v.copy() for k, v in session.net.params.items()}
    session.apply_update()
    session.set_params({k: v * 0.5 for k, v in before.items()}, updates=40)
    assert session.updates_applied == 41
    session.restore_params(before, 1)
    assert session.updates_applied == 1
    for k, v in before.items():
        assert np.array_equal(session.net.params[k], v) and session.net.params[k].dtype == v.dtype
    assert np.array_equal(session.probs, session.net.forward(session.x28))


def test_a_smaller_network_reads_the_area_averaged_input(session):
    from convviz.digits import area_average
    from convviz.gui.panels.editor.presets import TINY

    session.set_image(ink())
    seen = []
    session.networkChanged.connect(lambda: seen.append("networkChanged"))
    session.set_network(Network(TINY.config, seed=3), "tiny", origin="fresh random weights (seed 3)")
    assert seen == ["networkChanged"]
    assert session.net_input.shape == (8, 8)
    np.testing.assert_array_equal(session.net_input, area_average(session.x28, 8))
    np.testing.assert_array_equal(session.trace.steps[0].arrays["output"][0], session.net_input)
    assert np.array_equal(session.probs, session.net.forward(session.net_input))
    assert session.weights_origin == "fresh random weights (seed 3)"


def test_rechoose_keeps_the_weights_bit_for_bit_and_the_updates(session):
    session.set_image(ink())
    session.apply_update()
    before = {k: v.copy() for k, v in session.net.params.items()}
    cfg = dict(session.net.config, loss="mse")
    other = Network(cfg, seed=99)                 # other fresh weights, replaced by the session's
    session.rechoose(other)
    assert session.net is other and session.net.config["loss"] == "mse"
    assert before.keys() == other.params.keys()
    for k, v in before.items():
        assert other.params[k].dtype == v.dtype and other.params[k].tobytes() == v.tobytes(), k
    loss_step = next(s for s in session.trace if s.op == "loss")
    assert loss_step.meta["loss"] == "mse"
    assert session.updates_applied == 1 and session.weights_origin.startswith("trained in the app: 1 update")
    session.reset_weights()                       # Reset still goes back to the weights as loaded
    assert session.updates_applied == 0
    with pytest.raises(ValueError, match="differ in shape"):
        session.rechoose(Network(dict(cfg, dense=[{"units": 5}]), seed=0))
