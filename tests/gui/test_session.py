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
