"""Benchmark: one training iteration of the NumPy engine against PyTorch CPU eager, interleaved.

    python benchmarks/engine.py [--configs default,digits] [--batches 1,32,64]
                                [--dtypes float64,float32] [--threads 1,2] [--rounds 7] [--no-torch]

For both shipped networks (the default config and the shipped models/digits.json), at each batch
size, dtype and thread count: the time of one `loss_and_gradients` (every gradient, the
input's too) and of the same iteration in PyTorch eager with the same weights (autograd of
the mean cross-entropy to every parameter and the input). The two are timed in alternating
blocks in one process, several rounds; each figure is the minimum over rounds of that
round's median. A cell whose round medians spread by more than STALL_SPREAD, or that holds a
sample past a scheduler slice (a multi-threaded BLAS/OpenMP call that waited for a
descheduled worker), is flagged "stall": rerun it on a quieter machine before quoting it.
The ratio engine / PyTorch is marked "miss" above the goal 0.8. Below the table: one
`net.trace(x, y)` of one image, and the agreement of the two implementations' gradients.

Thread counts: NumPy's BLAS through threadpoolctl (pip install threadpoolctl, the `bench`
extra), PyTorch through torch.set_num_threads.

Mind OPENBLAS_CORETYPE (../shared/design/PITFALLS.md): it may be set on these machines and
slows NumPy. For a figure to quote, unset it in that one command:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/engine.py
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from convviz import shipped  # noqa: E402
from convviz.engine import DEFAULT_CONFIG, Network  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:      # the benchmark still runs, without the comparison
    torch = None
try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:
    threadpool_info = threadpool_limits = None

GOAL = 0.8               # engine / PyTorch, the goal for every cell
STALL_SPREAD = 1.3       # round medians further apart than this: the cell was disturbed
SLICE_S = 0.004          # a sample this much above its round's median waited for a scheduler slice


def configs():
    """The two shipped networks: the app's default and the pretrained model's (digits.json)."""
    return {"default": DEFAULT_CONFIG,
            "digits": json.loads(shipped.file("model_config").read_text(encoding="utf-8"))}


# ---- the same network in PyTorch -----------------------------------------------------------

class TorchNet:
    """A config's network in PyTorch eager with the engine's weights (softmax + cross-entropy)."""

    ACT = {"relu": "relu", "tanh": "tanh", "sigmoid": "sigmoid", "identity": None}

    def __init__(self, net):
        cfg = net.config
        assert cfg["output"]["activation"] == "softmax" and cfg["loss"] == "cross_entropy"
        self.dtype = {np.float64: torch.float64, np.float32: torch.float32}[net.dtype.type]
        self.p = {k: torch.tensor(v, dtype=self.dtype, requires_grad=True) for k, v in net.params.items()}
        self.cfg = cfg

    def _act(self, name, t):
        fn = self.ACT[name]
        return t if fn is None else getattr(torch, fn)(t)

    def logits(self, t):
        p = self.p
        for i, b in enumerate(self.cfg["conv"], 1):
            t = F.conv2d(t, p[f"conv{i}.W"], p[f"conv{i}.b"], stride=tuple(b["stride"]), padding=tuple(b["padding"]))
            t = self._act(b["activation"], t)
            if b["pool"] == "max":
                t = F.max_pool2d(t, tuple(b["pool_size"]), tuple(b["pool_stride"]))
            elif b["pool"] == "avg":
                t = F.avg_pool2d(t, tuple(b["pool_size"]), tuple(b["pool_stride"]))
            else:
                assert b["pool"] == "none", "l2 pooling has no PyTorch twin here"
        t = t.flatten(1)
        for j, d in enumerate(self.cfg["dense"], 1):
            t = self._act(d["activation"], F.linear(t, p[f"dense{j}.W"], p[f"dense{j}.b"]))
        return F.linear(t, p["out.W"], p["out.b"])

    def inputs(self, x, y):
        xt = torch.tensor(x[:, None], dtype=self.dtype, requires_grad=True)
        return xt, torch.tensor(y, dtype=torch.long)

    def loss_and_gradients(self, xt, yt):
        loss = F.cross_entropy(self.logits(xt), yt)
        return loss, torch.autograd.grad(loss, [*self.p.values(), xt])


# ---- timing --------------------------------------------------------------------------------

def _block(fn, calls):
    for _ in range(2):
        fn()
    samples = []
    for _ in range(calls):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return samples


def interleaved(fa, fb, calls, rounds, pause=0.03):
    """Per function: (min over rounds of the round median, max/min of the round medians,
    whether a sample waited a scheduler slice), timing fa and fb in alternating blocks.

    Blocks, not single calls, with a pause at each switch: OpenBLAS's and PyTorch's worker
    threads keep spinning a while after a call; alternating call by call makes the two pools
    fight over the cores and slows both several-fold.
    """
    medians = {0: [], 1: []}
    stalled = {0: False, 1: False}
    for _ in range(rounds):
        for i, fn in enumerate((fa, fb)):
            if fn is None:
                continue
            time.sleep(pause)
            s = _block(fn, calls)
            med = statistics.median(s)
            medians[i].append(med)
            stalled[i] |= max(s) > med + SLICE_S
    out = []
    for i in (0, 1):
        m = medians[i]
        out.append((min(m), max(m) / min(m), stalled[i]) if m else (None, None, False))
    return out


def calls_for(seconds_per_call, budget=0.06):
    return int(min(max(budget / max(seconds_per_call, 1e-6), 5), 200))


# ---- one cell ------------------------------------------------------------------------------

def data(batch, h, w):
    rng = np.random.default_rng(batch)
    return rng.random((batch, h, w)), rng.integers(0, 10, batch)


def make_net(cfg, dtype):
    net = Network(cfg, seed=0, dtype=dtype)
    rng = np.random.default_rng(1)
    for k, p in net.params.items():          # non-zero biases, so both use them
        if k.endswith(".b"):
            p[...] = rng.normal(0, 0.1, p.shape)
    return net


def agreement(net, tnet, x, y):
    """Max |engine − PyTorch| over the loss and every gradient."""
    loss, grads = net.loss_and_gradients(x, y)
    tloss, tgrads = tnet.loss_and_gradients(*tnet.inputs(x, y))
    worst = abs(loss - tloss.item())
    for key, tg in zip([*net.params, "input"], tgrads):
        worst = max(worst, float(np.abs(grads[key] - tg.numpy().reshape(grads[key].shape)).max()))
    return worst


def run_cell(net, tnet, batch, rounds):
    h, w = net.config["input"]
    x, y = data(batch, h, w)
    ours = lambda: net.loss_and_gradients(x, y)        # noqa: E731
    theirs = None
    if tnet is not None:
        xt, yt = tnet.inputs(x, y)
        theirs = lambda: tnet.loss_and_gradients(xt, yt)    # noqa: E731
    t0 = time.perf_counter()
    ours()
    calls = calls_for(time.perf_counter() - t0)
    return interleaved(ours, theirs, calls, rounds)


def fmt_ms(v):
    return "       —" if v is None else f"{v * 1e3:8.3f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", default="default,digits", help="comma-separated: default, digits")
    parser.add_argument("--batches", default="1,32,64")
    parser.add_argument("--dtypes", default="float64,float32")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--rounds", type=int, default=7, help="alternating rounds per cell (default 7)")
    parser.add_argument("--no-torch", action="store_true", help="skip the PyTorch comparison")
    args = parser.parse_args(argv)
    names = args.configs.split(",")
    batches = [int(b) for b in args.batches.split(",")]
    dtypes = [np.dtype(d) for d in args.dtypes.split(",")]
    threads = [int(t) for t in args.threads.split(",")]
    use_torch = torch is not None and not args.no_torch
    cfgs = configs()

    # NumPy's BLAS (torch brings its own OpenMP and may bring another BLAS)
    blas = next((i for i in (threadpool_info() if threadpool_info else [])
                 if i["user_api"] == "blas" and "numpy" in i["filepath"]), {})
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; Python "
          f"{platform.python_version()}, NumPy {np.__version__} ({blas.get('internal_api', '?')} "
          f"{blas.get('version', '?')}, kernel {blas.get('architecture', '?')})"
          + (f"; torch {torch.__version__} eager" if use_torch else "; torch: not run"))
    print("env: " + ", ".join(f"{k}={os.environ.get(k, '(unset)')}" for k in
                              ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")))
    if os.environ.get("OPENBLAS_CORETYPE") or os.environ.get("OPENBLAS_L2_SIZE"):
        print("WARNING: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are set and slow NumPy: unset both to quote a figure")
    if hasattr(os, "getloadavg"):
        print("load average before the run: %.2f %.2f %.2f" % os.getloadavg())
    if threadpool_limits is None:
        print("threadpoolctl not installed: NumPy's BLAS keeps its own thread count")
    print(f"\n{'network':8s} {'dtype':7s} {'thr':>3s} {'batch':>5s} {'engine ms':>9s} {'torch ms':>9s} "
          f"{'ratio':>6s}  notes")
    traces, agree = [], []
    for threads_n in threads:
        limit = threadpool_limits(limits=threads_n, user_api="blas") if threadpool_limits else None
        if use_torch:
            torch.set_num_threads(threads_n)
        for name in names:
            for dtype in dtypes:
                net = make_net(cfgs[name], dtype)
                tnet = TorchNet(net) if use_torch else None
                for batch in batches:
                    (e, e_spread, e_stall), (t, t_spread, t_stall) = run_cell(net, tnet, batch, args.rounds)
                    notes = []
                    ratio = ""
                    if t is not None:
                        ratio = f"{e / t:6.2f}"
                        if e / t > GOAL:
                            notes.append(f"miss (> {GOAL})")
                    spread = max(e_spread, t_spread or 1.0)
                    if spread > STALL_SPREAD or e_stall or t_stall:
                        notes.append(f"stall (rounds spread {spread:.2f}"
                                     + (", slice wait" if e_stall or t_stall else "") + ")")
                    print(f"{name:8s} {dtype.name:7s} {threads_n:3d} {batch:5d} {fmt_ms(e)} {fmt_ms(t)} "
                          f"{ratio:>6s}  {'; '.join(notes)}", flush=True)
                h, w = net.config["input"]
                x1, y1 = data(1, h, w)
                (tr, tr_spread, _), _ = interleaved(lambda net=net, x1=x1, y1=y1: net.trace(x1[0], int(y1[0])), None,
                                                    calls_for(0.003), args.rounds)
                traces.append((name, dtype.name, threads_n, tr, tr_spread))
                if tnet is not None and threads_n == threads[0]:
                    x, y = data(32, h, w)
                    agree.append((name, dtype.name, agreement(net, tnet, x, y)))
        if limit is not None:
            limit.unregister()
    print(f"\n{'trace of one image':18s} {'dtype':7s} {'thr':>3s} {'ms':>8s}")
    for name, dt, threads_n, tr, spread in traces:
        print(f"{name:18s} {dt:7s} {threads_n:3d} {fmt_ms(tr)}"
              + (f"  stall (rounds spread {spread:.2f})" if spread > STALL_SPREAD else ""))
    if agree:
        print("\nagreement with PyTorch at batch 32 (max |difference| over the loss and every gradient):")
        for name, dt, worst in agree:
            tol = 1e-12 if dt == "float64" else 1e-5
            print(f"  {name:8s} {dt:7s} {worst:.1e}" + ("" if worst < tol else f"  DISAGREE (> {tol})"))


if __name__ == "__main__":
    main()
