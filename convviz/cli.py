"""The command line: `convviz` opens the app; subcommands train, evaluate, predict, trace and gradcheck."""

import argparse
import difflib
import math
import os
import signal
import sys
import time

import numpy as np

import convviz

SUBCOMMANDS = ("train", "evaluate", "predict", "trace", "gradcheck")
VERSION_FLAGS = ("-V", "--version")


class UserError(Exception):
    """Bad input from the user: reported as one line on stderr, exit status 2."""


def _fmt_seconds(s):
    s = int(round(s))
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


# When the progress bar was last drawn (monotonic seconds), shared by every call.
_progress_last = [0.0]


def _progress_bar(p, stream):
    # Redraw at most ten times a second, and always at the end of an epoch.
    now = time.monotonic()
    if now - _progress_last[0] < 0.1 and p.batch != p.batches:
        return
    _progress_last[0] = now
    width = 24
    done = int(width * p.batch / p.batches)
    stream.write(f"\repoch {p.epoch}/{p.epochs} [{'#' * done}{'.' * (width - done)}] "
                 f"loss {p.loss:.4f}  acc {100 * p.accuracy:5.1f}%  lr {p.lr:.4g}  "
                 f"ETA {_fmt_seconds(p.eta)}   ")
    stream.flush()


def _load_model(path, sizes="28"):
    """The --model network (the shipped one without it). sizes="28": it must read 28 × 28 digits;
    "square": any square input up to 28, which predict and trace area-average the digit to."""
    from convviz.digits import load_pretrained
    from convviz.engine import Network
    net = load_pretrained() if path is None else Network.load(path)
    h, w = net.config["input"]
    if (h, w) != (28, 28) and (sizes == "28" or h != w or not 1 <= h <= 28):
        raise UserError(f"--model {path}: the network takes {h}x{w} images; digits are 28x28"
                        + ("" if sizes == "28" else " (or area-averaged to a smaller square)"))
    return net


def _check_train_arguments(args):
    """One clear line for each impossible argument, before any data is read."""
    if args.epochs < 1:
        raise UserError(f"--epochs: must be at least 1, got {args.epochs}")
    if args.batch_size < 1:
        raise UserError(f"--batch-size: must be at least 1, got {args.batch_size}")
    _check_lr(args.lr)
    if not 0 <= args.momentum < 1:          # also false for nan
        raise UserError(f"--momentum: must be at least 0 and less than 1, got {args.momentum}")
    if args.seed < 0:
        raise UserError(f"--seed: must be 0 or more, got {args.seed}")


def _check_lr(lr):
    if not (math.isfinite(lr) and lr > 0):
        raise UserError(f"--lr: the learning rate α must be a finite number above 0, got {lr}")


def _check_out(path):
    from convviz.files import FileRefused, check_writable
    try:
        check_writable(path)
    except FileRefused as e:
        raise UserError(f"--out {path}: {e.reason}") from None


def cmd_train(args):
    from convviz.digits import augment, default_dataset_path, load_dataset
    from convviz.engine import DEFAULT_CONFIG, Network
    from convviz.engine.config_file import read_config
    from convviz.engine.training import evaluate, train
    from convviz.files import os_reason

    _check_train_arguments(args)
    config = DEFAULT_CONFIG
    if args.config:
        # the app's File ▸ Export network config writes these (a "seed" beside the fields is ignored
        # here: --seed decides)
        config, _ = read_config(args.config)
    # float32 halves memory traffic; the saved model is loaded as float64 for display.
    net = Network(config, seed=args.seed, dtype=np.float32)
    if list(net.config["input"]) != [28, 28] or net.classes < 10:
        raise UserError(f"--config: the network takes {net.config['input'][0]}x{net.config['input'][1]} "
                        f"images into {net.classes} classes; digits need 28x28 inputs and at least "
                        "10 classes")
    _check_out(args.out)           # before the first epoch, not after it
    images, labels = load_dataset(args.data or default_dataset_path())
    if len(images) == 0:
        raise UserError(f"{args.data}: no digits to train on")
    x = images.astype(np.float32) / 255.0
    print(f"training on {len(x)} digits, {net.parameter_count()} parameters, "
          f"{args.epochs} epochs of batch {args.batch_size}, lr {args.lr}, momentum {args.momentum}, "
          f"{args.schedule} schedule, augmentation {'off' if args.no_augment else 'on'}", flush=True)
    stop = {"requested": False}

    def on_sigint(signum, frame):
        stop["requested"] = True

    def on_epoch(epoch, net):
        sys.stderr.write("\n")      # the error below, if any, on a line of its own
        try:
            net.save(args.out)   # after every epoch, so an interruption keeps the last whole epoch
        except OSError as e:
            kept = f"it still holds epoch {epoch - 1}" if epoch > 1 else "the file is unchanged"
            raise UserError(f"--out {args.out}: could not save the model after epoch {epoch} "
                            f"({os_reason(e)}); {kept}") from None

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        result = train(net, x, labels.astype(int), args.epochs, args.batch_size, args.lr,
                       args.momentum, args.schedule, args.seed,
                       augment=None if args.no_augment else augment,
                       progress=lambda p: _progress_bar(p, sys.stderr),
                       cancel=lambda: stop["requested"], on_epoch=on_epoch)
    finally:
        signal.signal(signal.SIGINT, previous)
    if result.diverged:
        sys.stderr.write("\n")
        where = (f"{args.out} holds the model after epoch {result.epochs_done}" if result.epochs_done
                 else f"{args.out} was not written")
        raise UserError(f"{result.message} {where}.".replace("α (now", "--lr (now"))
    if result.cancelled:
        sys.stderr.write("\n")
        if result.epochs_done:
            print(f"stopped by Ctrl+C; {args.out} holds the model after epoch {result.epochs_done}")
        else:
            print("stopped by Ctrl+C before the first epoch finished; no model written")
        return 130
    metrics = evaluate(net, x, labels)
    print(f"done in {_fmt_seconds(result.history[-1]['seconds'])}: training accuracy "
          f"{100 * metrics['accuracy']:.2f}% (no augmentation); model saved to {args.out}")
    return 0


def cmd_evaluate(args):
    from convviz.digits import load_dataset
    from convviz.engine.training import evaluate

    net = _load_model(args.model)
    images, labels = load_dataset(args.data)
    if len(images) == 0:
        raise UserError(f"{args.data}: no digits to evaluate")
    if int(labels.max()) >= net.classes:
        raise UserError(f"--model: the network has {net.classes} classes, but {args.data} holds "
                        f"labels up to {int(labels.max())}")
    t0 = time.perf_counter()
    m = evaluate(net, images.astype(np.float64) / 255.0, labels)
    print(f"accuracy {100 * m['accuracy']:.2f}% on {m['count']} digits "
          f"({time.perf_counter() - t0:.1f} s)")
    print("per class: " + "  ".join(f"{d}: {100 * a:.1f}%" for d, a in enumerate(m["per_class"])))
    print("confusion matrix (rows: true digit, columns: predicted):")
    k = len(m["per_class"])
    print("      " + "".join(f"{d:>6d}" for d in range(k)))
    for d in range(k):
        print(f"{d:>6d}" + "".join(f"{v:>6d}" for v in m["confusion"][d]))
    return 0


def _prepared(path):
    from convviz.digits import is_blank, load_image, preprocess
    image = load_image(path)
    if is_blank(image):
        raise UserError(f"{path}: no digit found (the image is blank)")
    return preprocess(image)


def cmd_predict(args):
    from convviz.digits import ImageLoadError

    net = _load_model(args.model, sizes="square")
    failed = False
    for path in args.images:
        try:
            probs = net.forward(_sized_for(net, _prepared(path), "--model"))
        except (ImageLoadError, UserError) as e:
            print(f"convviz predict: {e}", file=sys.stderr)
            failed = True
            continue
        top = np.argsort(probs)[::-1][:3]
        print(f"{path}: " + ", ".join(f"{d} ({100 * probs[d]:.1f}%)" for d in top))
    return 2 if failed else 0


def _stats(a):
    a = np.asarray(a, dtype=np.float64)
    return f"{a.min():>10.4g} {a.mean():>10.4g} {a.max():>10.4g}"


def _network_for_trace(args):
    """--model's network, or --config's with fresh weights from --seed (else the file's seed, else 0)."""
    if args.config is None:
        return _load_model(args.model, sizes="square")
    if args.model is not None:
        raise UserError("--config and --model: give one (a config builds fresh weights; a model has its own)")
    from convviz.engine import Network
    from convviz.engine.config_file import read_config
    config, seed = read_config(args.config)
    seed = args.seed if args.seed is not None else (seed or 0)
    return Network(config, seed=seed)


def _sized_for(net, x28, option):
    """The prepared 28 × 28 image, area-averaged to a smaller square input as the app does."""
    from convviz.digits import area_average
    h, w = net.config["input"]
    if h != w or not 1 <= h <= 28:
        raise UserError(f"{option}: the network reads {h}×{w} images; convviz prepares 28×28 digits "
                        f"(or area-averages them to a smaller square)")
    return x28 if h == 28 else area_average(x28, h)


def cmd_trace(args):
    _check_lr(args.lr)
    net = _network_for_trace(args)
    if not 0 <= args.label < net.classes:
        raise UserError(f"--label: {args.label} is outside 0..{net.classes - 1}")
    x = _sized_for(net, _prepared(args.image), "--config" if args.config else "--model")
    trace = net.trace(x, args.label, lr=args.lr)
    print(f"{'#':>3} {'phase':8} {'op':15} {'layer':8} {'shape':>14} "
          f"{'min':>10} {'mean':>10} {'max':>10} {'‖grad‖':>10}")
    for s in trace:
        main = s.main_array()
        shape = "x".join(map(str, np.shape(main))) or "scalar"
        grad = next((s.arrays[k] for k in ("grad_input", "grad_W", "grad_b", "grad") if k in s.arrays), None)
        norm = f"{np.linalg.norm(grad):>10.4g}" if grad is not None else f"{'':>10}"
        values = _stats(main) if main is not None and np.size(main) else f"{'':>32}"
        print(f"{s.index:>3} {s.phase:8} {s.op:15} {s.layer:8} {shape:>14} {values} {norm}")
    print(f"loss {trace.loss:.6g} -> {trace.loss_after:.6g} after one step of lr {args.lr:g}; "
          f"P(y={args.label}) {trace.probs[args.label]:.4f} -> {trace.probs_after[args.label]:.4f}")
    if not np.isfinite(trace.loss_after) or not all(np.isfinite(p).all() for p in trace.params_after.values()):
        print(f"the update overflowed: with lr {args.lr:g} the weights or the loss become infinite or NaN "
              "(the app would not apply it); try a smaller --lr")
    return 0


def build_parser():
    p = argparse.ArgumentParser(prog="convviz", description="See how a CNN computes and learns. "
                                "With no command, opens the app (on FILE: an image or a .npz model, "
                                "if given; --quit-after SECONDS closes it again).")
    p.add_argument(*VERSION_FLAGS, action="version", version=f"%(prog)s {convviz.__version__}")
    sub = p.add_subparsers(dest="command", metavar="{" + ",".join(SUBCOMMANDS) + "}")
    t = sub.add_parser("train", help="train a network on digits")
    t.add_argument("--data", help="an .npz or MNIST IDX dataset (default: the shipped 5,000 digits)")
    t.add_argument("--epochs", type=int, default=30)
    t.add_argument("--batch-size", type=int, default=32)
    t.add_argument("--lr", type=float, default=0.05)
    t.add_argument("--momentum", type=float, default=0.9)
    t.add_argument("--schedule", choices=("constant", "cosine", "step"), default="cosine")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--no-augment", action="store_true", help="train on the digits as they are")
    t.add_argument("--config", help="network configuration as JSON (default: the paper-sized net)")
    t.add_argument("--out", required=True, help="where to save the model (.npz)")
    e = sub.add_parser("evaluate", help="accuracy, per-class accuracy and confusion matrix")
    e.add_argument("--model", help="model file (default: the shipped model)")
    e.add_argument("--data", required=True)
    pr = sub.add_parser("predict", help="top-3 digits for each image file")
    pr.add_argument("images", nargs="+", metavar="IMAGE")
    pr.add_argument("--model")
    tr = sub.add_parser("trace", help="print one recorded training iteration as a table")
    tr.add_argument("image", metavar="IMAGE")
    tr.add_argument("--label", type=int, required=True)
    tr.add_argument("--lr", type=float, default=0.1)
    tr.add_argument("--model", help="model file (default: the shipped model)")
    tr.add_argument("--config", help="a network config (JSON, as File ▸ Export network config writes) "
                    "built with fresh weights")
    tr.add_argument("--seed", type=int, help="the fresh weights' seed with --config (default: the file's, else 0)")
    from convviz import cli_gradcheck
    cli_gradcheck.add_parser(sub)
    return p


def cmd_gradcheck(args):
    from convviz import cli_gradcheck
    try:
        return cli_gradcheck.cmd_gradcheck(args, _prepared)
    except cli_gradcheck.GradcheckInputError as e:
        raise UserError(str(e)) from e


def _has_display(argv):
    """False only where Qt would abort for want of a screen: X11/Wayland systems with neither."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True     # macOS and Windows always have their own platform plugin
    return bool(os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
                or os.environ.get("WAYLAND_DISPLAY") or "-platform" in argv)


def _quit_after(argv):
    """(argv without `--quit-after SECONDS`, seconds or None): a smoke test's way to close the app."""
    if "--quit-after" not in argv:
        return argv, None
    i = argv.index("--quit-after")
    try:
        seconds = float(argv[i + 1])
    except (IndexError, ValueError):
        raise UserError("--quit-after needs a number of seconds") from None
    if not 0 <= seconds <= 86400:
        raise UserError(f"--quit-after: {argv[i + 1]} is outside 0..86400 seconds")
    return argv[:i] + argv[i + 2:], seconds


def _app_usage_error(argv):
    """Why argv cannot open the app (a mistyped command, no display), or None."""
    first = argv[0] if argv else ""
    # A bare word that names no file is a command, not a picture to open: `convviz predit x.png`.
    if first and not first.startswith("-") and not os.path.exists(first) and not any(
            c in first for c in "./" + os.sep):
        near = difflib.get_close_matches(first, SUBCOMMANDS, n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        return f"unknown command '{first}'{hint}; choose from {', '.join(SUBCOMMANDS)}, or give a file to open"
    if not _has_display(argv):
        return ("no display to open the app on (DISPLAY and WAYLAND_DISPLAY are unset); "
                "the subcommands need none, or set QT_QPA_PLATFORM=offscreen")
    return None


def _open_app(argv):
    try:
        argv, seconds = _quit_after(argv)
        problem = _app_usage_error(argv)
    except UserError as e:
        problem = str(e)
    if problem:
        build_parser().print_usage(sys.stderr)
        print(f"convviz: error: {problem}", file=sys.stderr)
        return 2
    from convviz.gui.app import run
    return run(argv, quit_after=seconds)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in VERSION_FLAGS:
        print(f"convviz {convviz.__version__}")
        return 0
    if not argv or argv[0] not in SUBCOMMANDS + ("-h", "--help"):
        return _open_app(argv)
    args = build_parser().parse_args(argv)
    handler = {"train": cmd_train, "evaluate": cmd_evaluate, "predict": cmd_predict,
               "trace": cmd_trace, "gradcheck": cmd_gradcheck}[args.command]
    from convviz.engine import ConfigError, ModelFileError
    errors = (UserError, ConfigError, ModelFileError, FileNotFoundError)
    try:
        from convviz.digits import DatasetError, ImageLoadError
        errors += (DatasetError, ImageLoadError)
    except ImportError:
        pass
    try:
        return handler(args)
    except errors as e:
        print(f"convviz {args.command}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
