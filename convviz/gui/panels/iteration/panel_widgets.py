"""The network panel's small controls: mode buttons, speed and gradient-scale boxes, the step list
and the first screen's hint (their texts translatable in the NetworkPanel context)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QComboBox, QListWidget, QToolButton

MODES = ("values", "gradients", "both")
MODE_NAMES = {"values": QT_TRANSLATE_NOOP("NetworkPanel", "Values"),
              "gradients": QT_TRANSLATE_NOOP("NetworkPanel", "Gradients"),
              "both": QT_TRANSLATE_NOOP("NetworkPanel", "Both")}
MODE_TIPS = {"values": QT_TRANSLATE_NOOP("NetworkPanel", "Show the values each stage computed"),
             "gradients": QT_TRANSLATE_NOOP("NetworkPanel",
                                            "Show the gradients ∂L/∂· (blue negative, white 0, red positive)"),
             "both": QT_TRANSLATE_NOOP("NetworkPanel", "Gradients blended over the values")}
SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0)
SCALES = ("stage", "step")
SCALE_NAMES = {"stage": QT_TRANSLATE_NOOP("NetworkPanel", "scale: each stage"),
               "step": QT_TRANSLATE_NOOP("NetworkPanel", "scale: whole step")}


def first_hint():
    """The first screen's line: what to do (the readout says it until the learner takes a step)."""
    return QCoreApplication.translate(
        "NetworkPanel", "<b>Press → (or ▶ to play)</b> to step through one training iteration, op by op. "
        "Click any pixel, unit or weight for its numbers.")


def scale_box():
    """The gradient scale choice: each stage its own, or one for the whole step."""
    box = QComboBox()
    box.setFocusPolicy(Qt.NoFocus)
    for s in SCALES:
        box.addItem(QCoreApplication.translate("NetworkPanel", SCALE_NAMES[s]), s)
    box.setToolTip(QCoreApplication.translate(
        "NetworkPanel", "Gradient colours: one scale for every stage of the step (colours compare across "
        "stages) or each stage its own (small gradients visible)"))
    return box


def speed_box(stepper):
    """The playing speed (steps per second), bound to the stepper."""
    box = QComboBox()
    box.setFocusPolicy(Qt.NoFocus)
    box.setToolTip(QCoreApplication.translate("NetworkPanel", "Playing speed (steps per second)"))
    for sp in SPEEDS:
        box.addItem(QCoreApplication.translate("NetworkPanel", "{0} steps/s").format(f"{sp:g}"), sp)
    box.setCurrentIndex(min(range(len(SPEEDS)), key=lambda k: abs(SPEEDS[k] - stepper.speed)))
    box.currentIndexChanged.connect(lambda k: stepper.set_speed(SPEEDS[k]))
    return box


def mode_buttons(parent, mode):
    """(group, buttons): Values / Gradients / Both as checkable buttons, ids in MODES' order."""
    group, buttons = QButtonGroup(parent), []
    for k, m in enumerate(MODES):
        b = QToolButton()
        b.setText(QCoreApplication.translate("NetworkPanel", MODE_NAMES[m]))
        b.setCheckable(True)
        b.setFocusPolicy(Qt.NoFocus)
        b.setToolTip(QCoreApplication.translate("NetworkPanel", MODE_TIPS[m]))
        b.setChecked(m == mode)
        group.addButton(b, k)
        buttons.append(b)
    return group, buttons


def step_list():
    """The list of the iteration's steps; long titles end in "…" (the tooltip has them whole)."""
    steps = QListWidget()
    steps.setFocusPolicy(Qt.NoFocus)
    steps.setMinimumWidth(230)
    steps.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    steps.setTextElideMode(Qt.ElideRight)
    return steps
