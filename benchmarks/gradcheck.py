"""Benchmark of the whole-network gradient check on the shipped model (goal: under 2 s at 20 elements per array).

    python benchmarks/gradcheck.py [--repeats N] [--samples N] [--all]

Prints, for the shipped model on the first shipped sample digit: the time of one
`gradcheck.check_network` with `--samples` random elements per array (median and minimum over
repeats, seconds), how many loss evaluations it made, the time per evaluation, and the same
for each mistake. Then what the app does on the GUI thread: one "Check this element" (a copy of
the network and `check_element`) per kind of element, and the iteration's trace built with each
mistake (`mistake_trace.trace_with_mistake`, done on every change while mistakes mode is on)
against the engine's `Network.trace`. `--all` also times the check of every element (slow: ~2 evaluations of the
forward run per parameter).

Mind OPENBLAS_CORETYPE (../shared/design/PITFALLS.md): it may be set on these machines and
slows NumPy. For a figure to quote, unset it in that one command:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/gradcheck.py
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from convviz.digits import load_pretrained, load_samples  # noqa: E402
from convviz.engine import gradcheck, mistakes  # noqa: E402
from convviz.engine.mistake_trace import trace_with_mistake  # noqa: E402

GOAL_SECONDS = 2.0


def timed(fn, repeats):
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times), min(times)


def row(name, check, median, best, goal=True):
    checked = sum(p.checked for p in check.parameters)
    per = median / (2 * checked) * 1e6
    verdict = "PASS" if check.passed else "FAIL"
    return (f"{name:<24} {checked:>8} {2 * checked:>8} {median:>9.3f} {best:>9.3f} {per:>12.1f}  "
            f"{verdict}{'  (over the 2 s goal)' if goal and median >= GOAL_SECONDS else ''}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--all", action="store_true", help="also check every element once")
    args = ap.parse_args(argv)
    net = load_pretrained()
    images, labels = load_samples()
    x, y = images[0] / 255.0, int(labels[0])
    print(f"shipped model: {net.parameter_count()} parameters in {len(net.params)} arrays + the 28x28 input; "
          f"NumPy {np.__version__}; OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    if hasattr(os, "getloadavg"):
        load = " ".join(f"{v:.2f}" for v in os.getloadavg())
        print(f"load average {load} (a busy machine inflates the figures)")
    print(f"{args.samples} random elements per array, {args.repeats} repeats; goal: under {GOAL_SECONDS:g} s\n")
    print(f"{'check':<24} {'elements':>8} {'evals':>8} {'median s':>9} {'min s':>9} {'µs per eval':>12}  result")
    check, median, best = timed(lambda: gradcheck.check_network(net, x, y, samples=args.samples), args.repeats)
    print(row("engine", check, median, best))
    for name in mistakes.NAMES:
        check, median, best = timed(lambda name=name: gradcheck.check_network(
            net, x, y, samples=args.samples, mistake=name), args.repeats)
        print(row(f"mistake {name}", check, median, best))
    if args.all:
        check, median, best = timed(lambda: gradcheck.check_network(net, x, y), 1)
        print(row("engine, every element", check, median, best, goal=False))
    gui_thread(net, x, y, max(args.repeats, 10))


def gui_thread(net, x, y, repeats):
    """The app's synchronous costs: Check this element, and a trace with a mistake."""
    import copy

    print(f"\non the GUI thread ({repeats} repeats)\n{'what':<44} {'median ms':>10} {'min ms':>9}")
    for what, key, index in [("check a kernel weight (conv1.W)", "conv1.W", (3, 0, 2, 2)),
                             ("check a dense weight (dense1.W)", "dense1.W", (5, 100)),
                             ("check an input pixel", "input", (14, 14)),
                             ("check a feature map's δ (conv1.feature_maps)", "conv1.feature_maps", (3, 10, 9))]:
        _, median, best = timed(lambda key=key, index=index: gradcheck.check_element(
            copy.deepcopy(net), x, y, key, index), repeats)
        print(f"{what:<44} {median * 1e3:>10.2f} {best * 1e3:>9.2f}")
    _, median, best = timed(lambda: net.trace(x, y, 0.001), repeats)
    print(f"{'trace, the engine (Network.trace)':<44} {median * 1e3:>10.2f} {best * 1e3:>9.2f}")
    for name in mistakes.NAMES:
        _, median, best = timed(lambda name=name: trace_with_mistake(net, x, y, 0.001, name), repeats)
        print(f"{'trace with ' + name:<44} {median * 1e3:>10.2f} {best * 1e3:>9.2f}")


if __name__ == "__main__":
    main()
