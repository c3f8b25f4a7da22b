"""Accuracy of the shipped model on the MNIST test set, and the time to predict one drawing.

    python benchmarks/digits.py [--test PATH]     (default PATH: ../shared/data/mnist-test-10k.npz)
"""

import argparse
import time
from pathlib import Path

import numpy as np

from convviz import shipped
from convviz.digits import load_dataset, load_pretrained, preprocess
from convviz.engine.training import evaluate


def median_ms(fn, repeats=200):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(times)), 1e3 * float(np.percentile(times, 95))


def main():
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist-test-10k.npz"
    ap = argparse.ArgumentParser()
    ap.add_argument("--test", default=str(default))
    args = ap.parse_args()

    t0 = time.perf_counter()
    net = load_pretrained()
    load_ms = 1e3 * (time.perf_counter() - t0)
    size_kb = len(shipped.read_bytes("model")) / 1024

    # A 280 x 280 canvas with a thick stroke, like a drawing in the app.
    canvas = np.zeros((280, 280), np.float32)
    canvas[60:220, 130:150] = 1.0
    canvas[60:80, 90:150] = 1.0
    pre = median_ms(lambda: preprocess(canvas))
    x = preprocess(canvas)
    fwd = median_ms(lambda: net.forward(x))
    both = median_ms(lambda: net.forward(preprocess(canvas)))
    trace = median_ms(lambda: net.trace(x, 1, lr=0.1), repeats=50)

    print(f"model: {size_kb:.0f} KB, {net.parameter_count()} parameters, loaded in {load_ms:.1f} ms")
    print(f"{'what':38s} {'median ms':>10s} {'p95 ms':>10s}")
    for name, (med, p95) in [("preprocess (280 x 280 canvas)", pre), ("forward (one image, float64)", fwd),
                             ("predict one drawing (both)", both), ("trace one training iteration", trace)]:
        print(f"{name:38s} {med:10.3f} {p95:10.3f}")
    if Path(args.test).exists():
        images, labels = load_dataset(args.test)
        m = evaluate(net, images / 255.0, labels)
        prepared = np.stack([preprocess(im) for im in images])
        m2 = evaluate(net, prepared, labels)
        print(f"test accuracy: {100 * m['accuracy']:.2f}% on {m['count']} digits as given; "
              f"{100 * m2['accuracy']:.2f}% after passing each through preprocess()")
    else:
        print(f"no test set at {args.test}: accuracy not measured")


if __name__ == "__main__":
    main()
