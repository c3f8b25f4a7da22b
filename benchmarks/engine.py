"""Benchmark of the NumPy engine on the default network, against PyTorch CPU eager when installed.

    python benchmarks/engine.py [--repeats N] [--no-torch]

Prints, in float64 and float32: the forward and backward time of every op (median over
repeats, microseconds) at batch 1 and 64, one whole `loss_and_gradients` at batch 1 and 64,
and one `net.trace(x, y)` at batch 1. With torch importable, the same network (same weights,
same dtype, as many threads as NumPy's BLAS uses) runs in PyTorch eager in the same process:
the table gets its times and the ratio numpy/torch, and the outputs and gradients of both are
compared (max abs difference).

Mind OPENBLAS_CORETYPE (../shared/design/PITFALLS.md): it may be set on these machines and
slows NumPy. For a figure to quote, unset it in that one command:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/engine.py

On a machine shared with other busy processes, multi-threaded BLAS/OpenMP calls now and then
wait a whole scheduler slice for a descheduled worker (figures near 4, 8, 16 or 32 ms); the
load average is printed for that reason. OPENBLAS_NUM_THREADS=1 gives steadier figures
(torch then gets 1 thread too).
"""

import argparse
import ctypes
import glob
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from convviz.engine import DEFAULT_CONFIG, Network, losses  # noqa: E402
from convviz.engine.ops import Activation, Conv, Dense, Flatten, Pool  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:      # the benchmark still runs, without the comparison
    torch = None


# ---- machine -------------------------------------------------------------------------------

def openblas_info():
    """(threads, core name) of the OpenBLAS NumPy loaded, or (None, '?') when not found."""
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "*openblas*.so*"))
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", "_64_", ""):
                try:
                    threads = getattr(lib, f"{prefix}get_num_threads{suffix}")
                    core = getattr(lib, f"{prefix}get_corename{suffix}")
                except AttributeError:
                    continue
                core.restype = ctypes.c_char_p
                return int(threads()), core().decode()
    return None, "?"


def cpu_name():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


# ---- timing --------------------------------------------------------------------------------

def median_us(fn, repeats, warmup=3):
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - t0)
    return statistics.median(samples) / 1e3


def paired_median_us(fa, fb, repeats, rounds=4, pause=0.05):
    """Medians of fa and fb, timed in alternating blocks (a, b, a, b, ...) so that load from
    other processes, which comes and goes, weighs on both alike.

    Blocks, not single calls, with a pause at each switch: NumPy's OpenBLAS and torch's
    OpenMP each keep their worker threads spinning for a while after a call; alternating call
    by call makes the two pools fight over the cores and slows both several-fold.
    """
    a, b = [], []
    per_round = max(repeats // rounds, 1)
    for _ in range(rounds):
        for fn, samples in ((fa, a), (fb, b)):
            time.sleep(pause)
            for _ in range(2):
                fn()
            for _ in range(per_round):
                t0 = time.perf_counter_ns()
                fn()
                samples.append(time.perf_counter_ns() - t0)
    return statistics.median(a) / 1e3, statistics.median(b) / 1e3


# ---- the engine, op by op ------------------------------------------------------------------

def op_name(op):
    if isinstance(op, Conv):
        return f"{op.layer} conv"
    if isinstance(op, Activation):
        return f"{op.layer} {op.name}"
    if isinstance(op, Pool):
        return f"{op.layer} {op.kind} pool"
    if isinstance(op, Flatten):
        return "flatten"
    if isinstance(op, Dense):
        return f"{op.layer} dense"
    return type(op).__name__


def engine_op_calls(net, x, y):
    """{row: (forward call, backward call)} for every op of one iteration, on the inputs and
    incoming gradients training gives it."""
    xb, _ = net._as_batch(x)
    n = xb.shape[0]
    target = net._targets(y, n)
    params = net.params
    records, a = [], xb
    for op in net.ops:
        out, cache = op.forward(a, params)
        records.append((op, a, cache))
        a = out
    z = a
    loss_name, out_act = net.config["loss"], net.config["output"]["activation"]

    def head_forward():
        yhat, _ = net.output.forward(z, params)
        losses.loss_terms(loss_name, out_act, yhat, target, z).sum(axis=-1).mean()
        return yhat

    yhat = head_forward()

    def head_backward():
        losses.loss_gradient(loss_name, out_act, yhat, target)
        return (yhat - target) / n

    calls = {}
    d = head_backward()
    douts = []
    for op, _, cache in reversed(records):
        douts.append(d)
        d, _ = op.backward(d, cache, params, True)
    douts.reverse()
    for (op, inp, cache), dout in zip(records, douts):
        calls[op_name(op)] = (lambda op=op, inp=inp: op.forward(inp, params),
                              lambda op=op, dout=dout, cache=cache: op.backward(dout, cache, params, True))
    calls[f"output {out_act} + {loss_name}"] = (head_forward, head_backward)
    return calls


# ---- the same network in PyTorch -----------------------------------------------------------

class TorchNet:
    """The default config's network in PyTorch eager, with the engine's weights."""

    def __init__(self, net):
        cfg = net.config
        assert len(cfg["conv"]) == 1 and cfg["output"]["activation"] == "softmax" and \
            cfg["loss"] == "cross_entropy", "the comparison is written for the default config"
        dtype = {np.float64: torch.float64, np.float32: torch.float32}[net.dtype.type]
        self.p = {k: torch.tensor(v, dtype=dtype, requires_grad=True) for k, v in net.params.items()}
        self.dtype = dtype
        self.block = cfg["conv"][0]
        self.dense_act = [d["activation"] for d in cfg["dense"]]
        self.n_dense = len(cfg["dense"])

    ACT = {"relu": F.relu if torch else None, "tanh": torch.tanh if torch else None,
           "sigmoid": torch.sigmoid if torch else None, "identity": lambda t: t}

    def ops(self):
        """[(row name, function of its input)] in forward order, matching the engine's rows."""
        b, p = self.block, self.p
        rows = [("conv1 conv", lambda t: F.conv2d(t, p["conv1.W"], p["conv1.b"], stride=tuple(b["stride"]),
                                                  padding=tuple(b["padding"]))),
                (f"conv1 {b['activation']}", self.ACT[b["activation"]])]
        if b["pool"] == "max":
            rows.append(("conv1 max pool", lambda t: F.max_pool2d(t, tuple(b["pool_size"]), tuple(b["pool_stride"]))))
        elif b["pool"] == "avg":
            rows.append(("conv1 avg pool", lambda t: F.avg_pool2d(t, tuple(b["pool_size"]), tuple(b["pool_stride"]))))
        rows.append(("flatten", lambda t: t.flatten(1)))
        for j in range(1, self.n_dense + 1):
            rows.append((f"dense{j} dense", lambda t, j=j: F.linear(t, p[f"dense{j}.W"], p[f"dense{j}.b"])))
            rows.append((f"dense{j} {self.dense_act[j - 1]}", self.ACT[self.dense_act[j - 1]]))
        rows.append(("out dense", lambda t: F.linear(t, p["out.W"], p["out.b"])))
        return rows

    def loss(self, x, y):
        t = x
        for _, f in self.ops():
            t = f(t)
        return F.cross_entropy(t, y), torch.softmax(t, dim=-1)

    def inputs(self, x, y):
        xt = torch.tensor(np.asarray(x).reshape(-1, 1, *x.shape[-2:]), dtype=self.dtype, requires_grad=True)
        return xt, torch.tensor(np.atleast_1d(y), dtype=torch.long)

    def loss_and_gradients(self, xt, yt):
        """Loss and every gradient, the input's included (as the engine's default)."""
        loss, _ = self.loss(xt, yt)
        grads = torch.autograd.grad(loss, [*self.p.values(), xt])
        return loss, grads

    def op_calls(self, xt, yt):
        """{row: (forward call, backward call)} like `engine_op_calls`; backward is autograd of
        that op alone (to its input and its parameters)."""
        calls = {}
        t = xt
        for name, f in self.ops():
            inp = t.detach().requires_grad_(True)
            out = f(inp)
            dout = torch.randn_like(out)
            wrt = [inp] + [v for k, v in self.p.items() if k.split(".")[0] == name.split()[0]
                           and name.split()[1] in ("conv", "dense")]
            calls[name] = (lambda f=f, inp=inp: f(inp),
                           lambda out=out, wrt=wrt, dout=dout: torch.autograd.grad(out, wrt, dout, retain_graph=True))
            t = out.detach()
        z = t.detach().requires_grad_(True)

        def head():
            return F.cross_entropy(z, yt)

        loss = head()
        calls["output softmax + cross_entropy"] = (head, lambda: torch.autograd.grad(loss, [z], retain_graph=True))
        return calls


# ---- report --------------------------------------------------------------------------------

def fmt(v):
    return "—" if v is None else (f"{v:9.1f}" if v < 1e5 else f"{v:9.0f}")


def ratio(a, b):
    return "" if b is None or b == 0 else f"{a / b:5.2f}"


def run(dtype, repeats, use_torch):
    name = np.dtype(dtype).name
    net = Network(DEFAULT_CONFIG, seed=0, dtype=dtype)
    rng = np.random.default_rng(0)
    for k, p in net.params.items():          # non-zero biases so the comparison covers them
        if k.endswith(".b"):
            p[...] = rng.normal(0, 0.1, p.shape)
    h, w = net.config["input"]
    data = {1: (rng.random((1, h, w)), rng.integers(0, 10, 1)), 64: (rng.random((64, h, w)), rng.integers(0, 10, 64))}
    tnet = TorchNet(net) if use_torch else None

    print(f"\n=== {name} ===")
    print(f"{'op (default config)':34s} {'batch':>5s} {'fwd µs':>9s} {'bwd µs':>9s}"
          + (f" {'torch fwd':>9s} {'torch bwd':>9s} {'np/torch':>8s}" if tnet else ""))
    for batch in (1, 64):
        x, y = data[batch]
        reps = repeats if batch == 1 else max(repeats // 5, 10)
        mine = engine_op_calls(net, x, y)
        theirs = tnet.op_calls(*tnet.inputs(x, y)) if tnet else {}
        for row, (f_call, b_call) in mine.items():
            if row in theirs:
                f, tf = paired_median_us(f_call, theirs[row][0], reps)
                b, tb = paired_median_us(b_call, theirs[row][1], reps)
            else:
                f, b = median_us(f_call, reps), median_us(b_call, reps)
                tf = tb = None
            line = f"{row:34s} {batch:5d} {fmt(f)} {fmt(b)}"
            if tnet:
                line += f" {fmt(tf)} {fmt(tb)} {ratio(f + b, None if tf is None else tf + tb):>8s}"
            print(line)

    print(f"\n{'whole iteration':34s} {'batch':>5s} {'numpy µs':>9s}" + (f" {'torch µs':>9s} {'np/torch':>8s}" if tnet else ""))
    results = {}
    for batch in (1, 64):
        x, y = data[batch]
        reps = repeats if batch == 1 else max(repeats // 5, 10)
        theirs = None
        if tnet:
            xt, yt = tnet.inputs(x, y)
            ours, theirs = paired_median_us(lambda: net.loss_and_gradients(x, y),
                                            lambda: tnet.loss_and_gradients(xt, yt), reps, rounds=10)
        else:
            ours = median_us(lambda: net.loss_and_gradients(x, y), reps)
        line = f"{'loss_and_gradients':34s} {batch:5d} {fmt(ours)}"
        if tnet:
            line += f" {fmt(theirs)} {ratio(ours, theirs):>8s}"
        results[batch] = (ours, theirs)
        print(line)
    x1, y1 = data[1][0][0], int(data[1][1][0])
    tr = median_us(lambda: net.trace(x1, y1), max(repeats // 2, 10))
    print(f"{'trace (one image, with recording)':34s} {1:5d} {fmt(tr)}")
    results["trace"] = tr

    if tnet:
        print("\nagreement with PyTorch (max abs difference):")
        for batch in (1, 64):
            x, y = data[batch]
            loss, grads = net.loss_and_gradients(x, y)
            xt, yt = tnet.inputs(x, y)
            tloss, tgrads = tnet.loss_and_gradients(xt, yt)
            _, tprobs = tnet.loss(xt, yt)
            diffs = {"probs": np.abs(net.forward(x) - tprobs.detach().numpy()).max(),
                     "loss": abs(loss - tloss.item())}
            for key, tg in zip([*net.params, "input"], tgrads):
                diffs[key] = np.abs(grads[key] - tg.numpy().reshape(grads[key].shape)).max()
            print(f"  batch {batch:2d}: " + ", ".join(f"{k} {v:.1e}" for k, v in diffs.items()))
            tol = 1e-12 if dtype == np.float64 else 1e-5
            assert max(diffs.values()) < tol, f"numpy and torch disagree beyond {tol}: {diffs}"
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200,
                        help="timed calls per figure at batch 1, a fifth of it at batch 64 (default 200)")
    parser.add_argument("--no-torch", action="store_true", help="skip the PyTorch comparison")
    args = parser.parse_args(argv)
    use_torch = torch is not None and not args.no_torch
    threads, core = openblas_info()
    print(f"machine: {cpu_name()}, {os.cpu_count()} CPUs; Python {platform.python_version()}, "
          f"NumPy {np.__version__} (OpenBLAS core {core}, {threads} threads)")
    if hasattr(os, "getloadavg"):
        print("load average before the run: %.2f %.2f %.2f (other processes on the CPUs skew the figures)"
              % os.getloadavg())
    print("env: " + ", ".join(f"{k}={os.environ.get(k, '(unset)')}" for k in
                              ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")))
    if use_torch:
        torch.set_num_threads(threads or 1)
        print(f"torch {torch.__version__} eager, {torch.get_num_threads()} threads")
    else:
        print("torch: not installed" if torch is None else "torch: skipped (--no-torch)")
    summary = {name: run(dtype, args.repeats, use_torch) for name, dtype in (("float64", np.float64),
                                                                           ("float32", np.float32))}
    print("\ngoals:")
    for name, r in summary.items():
        (b1, t1), (b64, t64) = r[1], r[64]
        parts = [f"trace {r['trace'] / 1e3:.2f} ms (< 5: {'yes' if r['trace'] < 5000 else 'NO'})"]
        if t1:
            parts.insert(0, f"batch 1 {b1 / t1:.2f}x torch (<= 1: {'yes' if b1 <= t1 else 'NO'})")
            parts.insert(1, f"batch 64 {b64 / t64:.2f}x torch (<= 1.5: {'yes' if b64 <= 1.5 * t64 else 'NO'})")
        print(f"  {name}: " + "; ".join(parts))


if __name__ == "__main__":
    main()
