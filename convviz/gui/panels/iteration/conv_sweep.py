"""While playing, a convolution step slides its receptive field over the input: the selection
moves along the middle row of the first feature map, and the usual markers show the window."""

from PySide6.QtCore import QObject, QTimer

from convviz.engine import OpKind

#: Never faster than this per position (each position redraws the step).
MIN_INTERVAL_MS = 45


def sweep_positions(shape, count=8):
    """Up to `count` (p, i, j) positions along the middle row of map 0 of a (D, H, W) output."""
    _, h, w = shape
    stride = max(1, w // count)
    return [(0, h // 2, j) for j in range(0, w, stride)][:count]


class ConvSweep(QObject):
    """Drives `panel.select` while `stepper` plays through a CONV step; restores the learner's
    own selection when the step ends or playing stops."""

    def __init__(self, panel, stepper):
        super().__init__(panel)
        self.panel, self.stepper = panel, stepper
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.positions, self.k, self.saved, self.active = [], 0, None, False

    def refresh(self, *_):
        """Start or stop the sweep for the current step and play state."""
        step = self.stepper.step()
        want = self.stepper.playing and step is not None and step.op == OpKind.CONV \
            and step.arrays["output"].ndim == 3
        was_active, self.active = self.active, False
        self.timer.stop()
        if was_active and not want:            # the learner's own selection back, drawn at this step
            if self.saved is None:
                self.panel.clear_selection()
            else:
                self.panel.select(*self.saved)
        if want:
            if not was_active:                 # keep the learner's selection, not the sweep's
                self.saved = self.panel.selection
            self.active, self.k = True, 0
            self.stage = step.stage
            self.positions = sweep_positions(step.arrays["output"].shape)
            self.timer.start(max(MIN_INTERVAL_MS, int(1000 / self.stepper.speed / (len(self.positions) + 1))))
            self._tick()

    def _tick(self):
        if not self.active or self.k >= len(self.positions):
            self.timer.stop()
            return
        self.panel.select(self.stage, self.positions[self.k])
        self.k += 1
