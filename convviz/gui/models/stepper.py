"""The stepper model: which step of the current trace is shown, and play/pause through it."""

from PySide6.QtCore import QObject, QTimer, Signal


class Stepper(QObject):
    """Holds a Trace and the current step index; views connect to its signals and redraw.

    stepChanged(int) is emitted whenever the index changes (also after set_trace, with its index);
    traceReset() is emitted when a new trace is set, before stepChanged(0).
    playingChanged(bool) and speedChanged(float) report the play state and speed.
    """

    stepChanged = Signal(int)
    traceReset = Signal()
    playingChanged = Signal(bool)
    speedChanged = Signal(float)

    def __init__(self, trace=None, parent=None, steps_per_second=2.0):
        super().__init__(parent)
        self._trace = None
        self._index = 0
        self._speed = float(steps_per_second)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self._timer.setInterval(self._interval_ms())
        if trace is not None:
            self.set_trace(trace)

    # ---- trace and index ---------------------------------------------------------------
    @property
    def trace(self):
        return self._trace

    @property
    def index(self):
        return self._index

    def __len__(self):
        return 0 if self._trace is None else len(self._trace)

    def step(self):
        """The current Step, or None without a trace."""
        return None if self._trace is None else self._trace[self._index]

    def set_trace(self, trace, index=0):
        """Show a new trace from step `index` (clamped; 0 by default: a new iteration starts at step 0,
        the same iteration recomputed for a new drawing keeps its step)."""
        self._trace = trace
        n = 0 if trace is None else len(trace)
        self._index = max(0, min(int(index), n - 1))
        if n == 0:
            self.pause()
        self.traceReset.emit()
        self.stepChanged.emit(self._index)

    def go(self, i):
        """Jump to step i (clamped to the trace); emits stepChanged if the index changed."""
        if self._trace is None or len(self._trace) == 0:
            return
        i = max(0, min(int(i), len(self._trace) - 1))
        if i != self._index:
            self._index = i
            self.stepChanged.emit(i)

    def next(self):
        self.go(self._index + 1)

    def prev(self):
        self.go(self._index - 1)

    def home(self):
        self.go(0)

    def end(self):
        if self._trace is not None:
            self.go(len(self._trace) - 1)

    @property
    def at_end(self):
        return self._trace is None or self._index >= len(self._trace) - 1

    # ---- play / pause ------------------------------------------------------------------
    @property
    def playing(self):
        return self._timer.isActive()

    @property
    def speed(self):
        """Steps per second while playing."""
        return self._speed

    def set_speed(self, steps_per_second):
        self._speed = max(0.1, min(60.0, float(steps_per_second)))
        self._timer.setInterval(self._interval_ms())
        self.speedChanged.emit(self._speed)

    def _interval_ms(self):
        return max(1, int(round(1000.0 / self._speed)))

    def play(self):
        if self._trace is None or len(self._trace) == 0 or self.playing:
            return
        if self.at_end:              # play from the start again once the end was reached
            self.go(0)
        self._timer.start()
        self.playingChanged.emit(True)

    def pause(self):
        if self._timer.isActive():
            self._timer.stop()
            self.playingChanged.emit(False)

    def toggle_play(self):
        if self.playing:
            self.pause()
        else:
            self.play()

    def _on_tick(self):
        if self.at_end:
            self.pause()
        else:
            self.next()
            if self.at_end:
                self.pause()
