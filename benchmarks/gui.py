"""GUI latency (offscreen): step key -> window repainted, canvas move -> bars repainted, startup,
editor field -> shape table, editor Apply -> new trace shown.

    python benchmarks/gui.py [--network shipped|default|tiny] [--moves 2000] [--rate 125] [--runs 5]

Prints a table and last a line `step p95 X ms, draw p95 Y ms, startup Z s`. Goals: step and
draw p95 < 16 ms (one frame at 60 Hz), startup < 1.5 s; an editor field change updates the shape
table in < 16 ms, Apply of the largest preset plus its new trace shown in < 200 ms. Not a test:
timings depend on the machine. On these machines run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (PITFALLS.md).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings written by the benchmark's window go to a throw-away folder, not the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="convviz-bench-")

CHILD = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from convviz.gui.app import create
app, win = create([])
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Paint and obj is win.panel:
            QTimer.singleShot(0, done)
        return False
def done():
    if app.property("reported"):
        return
    app.setProperty("reported", True)
    print(f"PAINTED {time.perf_counter() - t0:.4f}", flush=True)
    app.quit()
f = FirstPaint()
win.panel.installEventFilter(f)
win.show()
app.exec()
"""


def startup(runs):
    """(process start -> first paint, app.create start -> first paint) medians in seconds."""
    wall, inproc = [], []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True, env=env,
                                cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        for line in proc.stdout:
            if line.startswith("PAINTED"):
                wall.append(time.perf_counter() - t)
                inproc.append(float(line.split()[1]))
                break
        proc.wait(timeout=30)
    return wall, inproc


class Paints:
    """Counts paint events of every widget; `settle()` processes events until a round paints nothing."""

    def __init__(self, app):
        from PySide6.QtCore import QEvent, QObject

        outer = self
        self.count = 0

        class Filter(QObject):
            def eventFilter(self, obj, ev):
                if ev.type() == QEvent.Paint:
                    outer.count += 1
                return False

        self.filter = Filter()
        app.installEventFilter(self.filter)
        self.app = app

    def settle(self, rounds=50):
        for _ in range(rounds):
            before = self.count
            self.app.processEvents()
            if self.count == before:
                return


def pct(values, q):
    import numpy as np
    return float(np.percentile(np.asarray(values) * 1e3, q))


def step_latency(app, win, paints):
    """Right through the whole iteration (forward then back), then Left back to step 0."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    times = {"Right": [], "Left": [], "cpu": []}
    n = len(win.session.trace)
    for key, name in [(Qt.Key_Right, "Right")] * (n - 1) + [(Qt.Key_Left, "Left")] * (n - 1):
        t, c = time.perf_counter(), time.process_time()
        QTest.keyClick(win, key)
        paints.settle()
        times[name].append(time.perf_counter() - t)
        # CPU time of this process: what the step costs, less disturbed by other loads than wall time
        times["cpu"].append(time.process_time() - c)
    assert win.stepper.index == 0
    return times


def draw_latency(app, win, paints, moves, rate):
    """Moves at `rate` Hz along a curve; latency = move sent -> next bars repaint showing it."""
    import numpy as np
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    bars, canvas = win.left.prediction, win.left.canvas
    painted = []
    original = bars.paintEvent

    def timed_paint(event):
        original(event)
        painted.append((time.perf_counter(), bars.revision))

    bars.paintEvent = timed_paint
    canvas_painted = []
    canvas_original = canvas.paintEvent

    def timed_canvas_paint(event):
        canvas_original(event)
        canvas_painted.append(time.perf_counter())

    canvas.paintEvent = timed_canvas_paint

    def send(kind, x, y):
        etype = {"press": QEvent.MouseButtonPress, "move": QEvent.MouseMove,
                 "release": QEvent.MouseButtonRelease}[kind]
        pos = QPointF(x, y)
        held = Qt.NoButton if kind == "release" else Qt.LeftButton
        which = Qt.NoButton if kind == "move" else Qt.LeftButton
        app.sendEvent(canvas, QMouseEvent(etype, pos, canvas.mapToGlobal(pos), which, held, Qt.NoModifier))

    win.clear()
    paints.settle()
    # strokes stay inside the canvas, whose side depends on the window's height (a move outside
    # it paints nothing, which read as a 150 ms "latency" once the left column grew a line)
    c, r = canvas.width() / 2, canvas.width() * 0.4
    send("press", c, c)
    sent = []
    period = 1.0 / rate
    start = time.perf_counter()
    for i in range(moves):
        while time.perf_counter() < start + i * period:
            app.processEvents()
        t = i * 0.02
        send("move", c + r * np.sin(t), c + r * np.sin(2.3 * t))
        sent.append((time.perf_counter(), bars.revision))
    paints.settle()
    send("release", c, c)
    paints.settle()
    # A move is shown by the first bars paint whose revision came after it.
    lat, j = [], 0
    for t_sent, rev in sent:
        while j < len(painted) and (painted[j][1] <= rev or painted[j][0] < t_sent):
            j += 1
        if j < len(painted):
            lat.append(painted[j][0] - t_sent)
    # The canvas itself: the first canvas paint after each move.
    ink_lat, j = [], 0
    for t_sent, _ in sent:
        while j < len(canvas_painted) and canvas_painted[j] < t_sent:
            j += 1
        if j < len(canvas_painted):
            ink_lat.append(canvas_painted[j] - t_sent)
    canvas.paintEvent = canvas_original
    # A single move after a pause (no throttle wait): the cost of preprocess + forward + paint.
    iso = []
    send("press", 100, 100)
    for i in range(200):
        time.sleep(0.02)
        app.processEvents()
        rev = bars.revision
        t = time.perf_counter()
        send("move", 100 + (i % 80), 100 + (i % 50))
        deadline = t + 2.0
        while not (painted and painted[-1][1] > rev) and time.perf_counter() < deadline:
            app.processEvents()
        iso.append(painted[-1][0] - t)
    bars.paintEvent = original
    send("release", 100, 100)
    return lat, iso, ink_lat


def editor_latency(app, win, paints, runs=20):
    """(field change -> shape table, Apply of the largest preset -> new trace painted; each also as the
    process's CPU time) in seconds.

    A field change is a typed value and Return in a spin box (one valueChanged); Apply is a click
    that builds the network, traces the current drawing and repaints the window.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from convviz.gui.panels.editor.presets import PRESETS
    from convviz.gui.panels.editor.shapes import plan

    docks = win.editor_docks
    docks.editor_dock.show()
    docks.editor_dock.raise_()
    paints.settle()
    ed = docks.editor
    fields, applies, fields_cpu, applies_cpu = [], [], [], []
    spin = ed.convs[0].kernels
    for i in range(runs):
        value = 4 + i % 8
        spin.setFocus()
        spin.lineEdit().selectAll()
        QTest.keyClicks(spin.lineEdit(), str(value))
        t, c = time.perf_counter(), time.process_time()
        QTest.keyClick(spin.lineEdit(), Qt.Key_Return)
        paints.settle()
        fields.append(time.perf_counter() - t)
        fields_cpu.append(time.process_time() - c)
        assert ed.table.item(2, 1).text().startswith(f"{value} ×")
    largest = max(PRESETS.values(), key=lambda p: plan(p.config).params)
    for i in range(max(3, runs // 4)):
        ed.load_preset("Tiny")                 # from another network, so the pipeline is rebuilt too
        ed.apply(fresh=True)
        paints.settle()
        ed.load_preset(largest.name)
        ed.seed.setValue(i)
        paints.settle()
        t, c = time.perf_counter(), time.process_time()
        QTest.mouseClick(ed.apply_button, Qt.LeftButton)
        paints.settle()
        applies.append(time.perf_counter() - t)
        applies_cpu.append(time.process_time() - c)
        assert win.session.net.config["conv"][0]["kernels"] == largest.config["conv"][0]["kernels"]
    return fields, applies, fields_cpu, applies_cpu, largest.name


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--moves", type=int, default=2000)
    ap.add_argument("--rate", type=float, default=125.0, help="mouse events per second")
    ap.add_argument("--runs", type=int, default=5, help="startup runs")
    ap.add_argument("--network", choices=("shipped", "default", "tiny"), default="shipped",
                    help="step through the shipped model (2 conv blocks), DEFAULT_CONFIG's net or the "
                         "editor's Tiny preset (every cell's number printed)")
    args = ap.parse_args(argv)

    import numpy as np
    wall, inproc = startup(args.runs)

    from convviz.gui.app import create
    app, win = create([])
    if args.network == "default":
        from convviz.engine import DEFAULT_CONFIG, Network
        path = os.path.join(os.environ["XDG_CONFIG_HOME"], "default.npz")
        Network(DEFAULT_CONFIG, seed=0).save(path)
        assert win.files.open_model(path)
    if args.network == "tiny":
        win.editor_docks.editor.load_preset("Tiny")
        assert win.editor_docks.editor.apply(fresh=True)
        win.resize(1600, 1000)         # the kernels, pooled maps and vectors print their numbers
    print(f"network: {args.network} ({len(win.session.net.config['conv'])} conv block(s), "
          f"{win.session.net.parameter_count()} parameters)")
    win.show()
    paints = Paints(app)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)
    win.activateWindow()
    paints.settle()
    steps = step_latency(app, win, paints)
    lat, iso, ink_lat = draw_latency(app, win, paints, args.moves, args.rate)
    all_steps = steps["Right"] + steps["Left"]
    fields, applies, fields_cpu, applies_cpu, largest = editor_latency(app, win, paints)

    rows = [
        (f"step key -> window repainted, forward ({len(steps['Right'])} Right)", steps["Right"]),
        (f"step key -> window repainted, back ({len(steps['Left'])} Left)", steps["Left"]),
        ("step, CPU time of the process (all steps)", steps["cpu"]),
        (f"canvas move -> bars repainted ({len(lat)} moves at {args.rate:g} Hz)", lat),
        ("canvas move after a pause -> bars repainted", iso),
        ("canvas move -> stroke repainted on the canvas", ink_lat),
        (f"editor field -> shape table repainted ({len(fields)} changes)", fields),
        ("editor field, CPU time of the process", fields_cpu),
        (f"editor Apply '{largest}' -> new trace repainted ({len(applies)})", applies),
        ("editor Apply, CPU time of the process", applies_cpu),
    ]
    print(f"{'measure':58s} {'median ms':>10s} {'p95 ms':>8s} {'max ms':>8s}")
    for name, vals in rows:
        print(f"{name:58s} {pct(vals, 50):10.2f} {pct(vals, 95):8.2f} {pct(vals, 100):8.2f}")
    print(f"{'startup: process start -> first paint (median of %d)' % len(wall):58s} "
          f"{np.median(wall) * 1e3:10.0f}")
    print(f"{'startup: app.create start -> first paint':58s} {np.median(inproc) * 1e3:10.0f}")
    print(f"step p95 {pct(all_steps, 95):.1f} ms, draw p95 {pct(lat, 95):.1f} ms, "
          f"startup {np.median(wall):.2f} s, editor field p95 {pct(fields, 95):.1f} ms, "
          f"apply p95 {pct(applies, 95):.0f} ms")
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
