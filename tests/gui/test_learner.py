"""What a learner trips over (issue 14), driven with real keys and clicks."""

from PySide6.QtCore import Qt

from convviz.engine import StageId
from convviz.gui.widgets import colors


def _type_lr(window, qtbot, text):
    """Type α into its box and press Return, as a learner would."""
    window.left.lr_spin.setFocus()
    window.left.lr_spin.selectAll()
    qtbot.keyClicks(window.left.lr_spin, text)
    qtbot.keyClick(window.left.lr_spin, Qt.Key_Return)


def _press(window, qtbot, key, times=1):
    for _ in range(times):
        qtbot.keyClick(window, key)


# ---- 1: forward colour scales come from what the step shows ----------------------------
def test_forward_scales_do_not_depend_on_alpha(window, qtbot):
    conv1, conv2 = StageId.parse("conv1.feature_maps"), StageId.parse("conv2.feature_maps")
    _press(window, qtbot, Qt.Key_Home)
    _press(window, qtbot, Qt.Key_Right, 4)
    pipe = window.panel.pipeline
    small = {s: pipe.views[s].levels for s in (conv1, conv2) if pipe.shown_image(s) is not None}
    assert conv1 in small
    _type_lr(window, qtbot, "5")
    assert window.session.lr == 5
    _press(window, qtbot, Qt.Key_Home)
    _press(window, qtbot, Qt.Key_Right, 4)
    big = {s: window.panel.pipeline.views[s].levels for s in small}
    assert big == small
    trace = window.session.trace
    shown = trace[window.stepper.index]
    # the scale is that of the array the step shows, nothing else
    col = next(c for c in window.panel.pipeline.columns if c.stage == conv1)
    assert window.panel.pipeline.views[conv1].levels == colors.value_levels([col.latest(col.values, shown.index)[1]])
    # after the update the rerun shows the new values on their own scale
    _press(window, qtbot, Qt.Key_End)
    after = col.latest(col.values, window.stepper.index)[1]
    assert window.panel.pipeline.views[conv1].levels == colors.value_levels([after])

