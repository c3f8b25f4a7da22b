"""Stepper: index, signals, clamping, a new trace restarting at 0, play/pause with its timer."""

import numpy as np
import pytest

from convviz.engine import Network
from convviz.gui.models.stepper import Stepper


@pytest.fixture(scope="module")
def trace():
    x = np.zeros((28, 28))
    x[5:23, 13:16] = 1.0
    return Network(seed=0).trace(x, 1)


def test_navigation_and_signals(qtbot, trace):
    st = Stepper()
    seen = []
    st.stepChanged.connect(seen.append)
    with qtbot.waitSignal(st.traceReset):
        st.set_trace(trace)
    assert st.index == 0 and seen == [0] and st.step() is trace[0]
    st.next()
    st.next()
    st.prev()
    assert st.index == 1
    st.end()
    assert st.index == len(trace) - 1 and st.at_end
    st.next()                                  # clamped: no signal
    assert seen[-1] == len(trace) - 1 and seen.count(len(trace) - 1) == 1
    st.home()
    st.prev()
    assert st.index == 0
    st.go(10_000)
    assert st.index == len(trace) - 1
    st.set_trace(trace)                        # a new trace starts at step 0
    assert st.index == 0 and seen[-1] == 0


def test_without_trace_nothing_happens(qtbot):
    st = Stepper()
    st.next()
    st.end()
    st.play()
    assert st.index == 0 and not st.playing and st.step() is None


def test_play_runs_to_the_end_and_stops(qtbot, trace):
    st = Stepper(trace)
    st.set_speed(60)
    with qtbot.waitSignal(st.playingChanged):
        st.play()
    assert st.playing
    qtbot.waitUntil(lambda: not st.playing, timeout=5000)
    assert st.at_end
    st.play()                                  # from the end, play starts over
    assert st.index == 0 and st.playing
    st.toggle_play()
    assert not st.playing
    assert st.speed == 60
    st.set_speed(1000)
    assert st.speed == 60.0
