"""The network panel: pipeline of every stage, step controls, step list and inspector."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class NetworkPanel(QWidget):
    """Shows the stepper's current step of a training iteration (minimal first version)."""

    def __init__(self, stepper, parent=None):
        super().__init__(parent)
        self.stepper = stepper
        self._label = QLabel("No trace yet: draw a digit.")
        lay = QVBoxLayout(self)
        lay.addWidget(self._label)
        self._actions = self._make_actions()
        self.addActions(self._actions)
        stepper.stepChanged.connect(self._on_step)
        stepper.traceReset.connect(lambda: self._on_step(stepper.index))
        if stepper.trace is not None:
            self._on_step(stepper.index)

    def _make_actions(self):
        spec = [("Next step", ["Right", "N"], self.stepper.next),
                ("Previous step", ["Left", "P"], self.stepper.prev),
                ("First step", ["Home"], self.stepper.home),
                ("Last step", ["End"], self.stepper.end),
                ("Play / pause", ["Space"], self.stepper.toggle_play)]
        acts = []
        for text, keys, slot in spec:
            a = QAction(text, self)
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.WindowShortcut)
            a.triggered.connect(slot)
            acts.append(a)
        return acts

    def actions(self):
        """The stepping QActions (with shortcuts) for the window's menus and toolbar."""
        return list(self._actions)

    def _on_step(self, i):
        s = self.stepper.step()
        self._label.setText("" if s is None else f"{s.index}: {s.phase} · {s.title}")

    def export_stage_png(self, path):
        return self.grab().save(str(path))

    def current_step_arrays(self):
        s = self.stepper.step()
        return {} if s is None else {k: v for k, v in s.arrays.items()}
