"""`convviz-cli gradcheck`: check the network's gradients (or a classic mistake's) by central differences."""

import argparse
import json

import numpy as np

from convviz.engine.mistakes import NAMES as MISTAKE_NAMES


class GradcheckInputError(ValueError):
    """Bad input to `gradcheck`: one line on stderr, exit status 2."""


def _samples(text):
    if text == "all":
        return "all"
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive whole number or 'all', got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number or 'all', got {n}")
    return n


def _positive(text):
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
    if not np.isfinite(v) or v <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return v


def add_parser(sub):
    g = sub.add_parser(
        "gradcheck", help="check every gradient against central differences",
        description="Check ∂L/∂θ of every parameter and of the input against central differences "
                    "(L(θ + ε) − L(θ − ε)) / 2ε on one image. Exit 0 if all agree, 1 if any "
                    "does not, 2 on bad input. Elements whose ±ε step crosses a corner of the "
                    "loss (ReLU at 0, a max-pool tie, |ŷ − y| at 0) are reported apart, not as failures.")
    source = g.add_mutually_exclusive_group()
    source.add_argument("--model", help="model file (default: the shipped model)")
    source.add_argument("--config", help="network configuration as JSON, with fresh weights from --seed")
    g.add_argument("--image", help="a digit picture (default: the first shipped sample digit)")
    g.add_argument("--label", type=int, help="the true digit (required with --image)")
    g.add_argument("--samples", type=_samples, metavar="N",
                   help="elements checked per array, or 'all' (default: all of them in a network of at "
                        "most 5000 elements with its input, else 20)")
    g.add_argument("--mistake", choices=MISTAKE_NAMES,
                   help="check a classic backprop mistake instead of the engine's backward run")
    g.add_argument("--seed", type=int, default=0, help="which elements are sampled (and --config's weights)")
    g.add_argument("--tol", type=_positive, default=1e-6, help="relative error tolerance (default: 1e-6)")
    g.add_argument("--eps", type=_positive, default=1e-5, help="the step ε (default: 1e-5)")
    return g


def _network(args):
    from convviz.engine import Network
    if args.config:
        try:
            with open(args.config) as f:
                config = json.load(f)
        except OSError as e:
            raise GradcheckInputError(f"{args.config}: cannot read ({e.strerror})") from None
        except json.JSONDecodeError as e:
            raise GradcheckInputError(f"{args.config}: not valid JSON ({e})") from None
        return Network(config, seed=args.seed), f"{args.config} (fresh weights, seed {args.seed})"
    if args.model:
        return Network.load(args.model), args.model
    from convviz.digits import load_pretrained
    return load_pretrained(), "the shipped model"


def _input(args, net, prepared):
    """(image, label, description): --image/--label, or the first shipped sample."""
    if args.image is not None:
        if args.label is None:
            raise GradcheckInputError("--label: required with --image (the digit the image shows)")
        image, label, what = prepared(args.image), args.label, args.image
    else:
        from convviz.digits import load_samples
        images, labels = load_samples()
        image, what = images[0].astype(np.float64) / 255.0, "the first shipped sample digit"
        label = int(labels[0]) if args.label is None else args.label
    if tuple(net.config["input"]) != np.shape(image):
        raise GradcheckInputError(f"the network takes {net.config['input'][0]}x{net.config['input'][1]} "
                                  f"images, the image is {np.shape(image)[0]}x{np.shape(image)[1]}")
    if not 0 <= label < net.classes:
        raise GradcheckInputError(f"--label: {label} is outside 0..{net.classes - 1}")
    return image, label, what


def _kinds(check):
    """{(layer, kind): (count, why)} over every checked element whose ±ε crossed a corner."""
    out = {}
    for p in check.parameters:
        for kink in p.kinks:
            if kink is not None:
                n, _ = out.get((kink.layer, kink.kind), (0, None))
                out[(kink.layer, kink.kind)] = (n + 1, kink.why)
    return out


def report(check, affected=None):
    """The result table and verdict as lines of text."""
    lines = [f"{'array':<12} {'shape':<12} {'checked':>12} {'worst rel. error':>17} {'at kinks':>9}  result"]
    for p in check.parameters:
        shape = "x".join(map(str, p.shape))
        worst = f"{p.worst:.3g}" if (~p.at_kink).any() else "-"
        mark = "" if affected is None else ("  (mistake acts here)" if p.key in affected else "")
        lines.append(f"{p.key:<12} {shape:<12} {f'{p.checked}/{p.size}':>12} {worst:>17} "
                     f"{int(p.at_kink.sum()):>9}  {'PASS' if p.passed else 'FAIL'}{mark}")
    kinds = _kinds(check)
    if kinds:
        lines.append("")
        lines.append("At kinks (not counted as failures: L has a corner there, so no derivative exists):")
        for (layer, kind), (n, why) in sorted(kinds.items()):
            lines.append(f"  {layer}: {n} element(s) whose ±ε step crossed a corner ({kind}). {why}")
    lines.append("")
    failed = [p.key for p in check.parameters if not p.passed]
    if failed:
        lines.append(f"FAIL: {', '.join(failed)} disagree with central differences "
                     f"(relative error ≥ {check.tol:g}).")
    else:
        lines.append(f"PASS: every checked gradient away from kinks agrees with central differences "
                     f"to a relative error below {check.tol:g}.")
    return lines


def cmd_gradcheck(args, prepared):
    """Run the check; `prepared(path)` loads and preprocesses an image as `predict` does."""
    from convviz.engine import gradcheck, mistakes

    net, source = _network(args)
    image, label, what = _input(args, net, prepared)
    mistake = mistakes.get(args.mistake) if args.mistake else None
    if args.samples is None:
        samples = gradcheck.default_samples(net, image)
    else:
        samples = None if args.samples == "all" else args.samples
    check = gradcheck.check_network(net, image, label, samples=samples, seed=args.seed,
                                    eps=args.eps, tol=args.tol, mistake=mistake)
    per = "every element" if samples is None else f"up to {samples} random elements (seed {args.seed})"
    print(f"network: {source}; image: {what}; label {label}; loss {check.loss:.6g}")
    print(f"central differences (L(θ + ε) − L(θ − ε)) / 2ε, ε = {check.eps:g}, on {per} of every array")
    affected = None
    if mistake is not None:
        affected = mistake.affects(net)
        print(f"mistake {mistake.name}: {mistake.title}. {mistake.explanation}")
        print(f"  wrong: {mistake.wrong}")
        print(f"  right: {mistake.right}")
        if affected:
            print(f"  it should show in: {', '.join(sorted(affected))}")
        else:
            print(f"  this network gives it nothing to act on (it needs {mistake.needs}): "
                  "the gradients stay right")
    print()
    print("\n".join(report(check, affected)))
    return 0 if check.passed else 1
