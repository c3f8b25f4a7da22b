"""What the gradient check says to a learner (no Qt): why a kink has no derivative, what each classic
mistake does, and a checked element's numbers, as source strings the views pass through tr().

The sentences are keyed by the engine's kink kinds (`kinks.WHY`) and mistake names
(`mistakes.NAMES`); the engine keeps its own English for the CLI. Every string here is marked
with QT_TRANSLATE_NOOP(CONTEXT, …) so Qt's lupdate finds it; a view shows it through
`QCoreApplication.translate(CONTEXT, text)`, handed in as `tr`.
"""

import html

from convviz.gui.presentation import palette
from convviz.gui.presentation.equations import to_rich

CONTEXT = "gradcheck"


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 - the name lupdate looks for
    return text


#: The element check's words (check_html), marked here where lupdate sees them.
CHECK_TEXTS = {"backprop": QT_TRANSLATE_NOOP("gradcheck", "backprop"),
               "mistaken": QT_TRANSLATE_NOOP("gradcheck", "backprop with the mistake"),
               "tolerance": QT_TRANSLATE_NOOP("gradcheck", "relative error; tolerance %1"),
               "pass": QT_TRANSLATE_NOOP("gradcheck", "PASS: backprop agrees with central differences."),
               "fail": QT_TRANSLATE_NOOP("gradcheck", "FAIL: backprop disagrees with central differences."),
               "kink": QT_TRANSLATE_NOOP("gradcheck", "AT A KINK: no derivative to check here.")}


KINK_WHY = {
    "relu": QT_TRANSLATE_NOOP(
        "gradcheck", "ReLU has a corner at 0: its slope is 0 on the left and 1 on the right, so at 0 there is "
        "no single derivative and the two sides of the difference see different slopes."),
    "leaky_relu": QT_TRANSLATE_NOOP(
        "gradcheck", "Leaky ReLU has a corner at 0: its slope is 0.01 on the left and 1 on the right, so at 0 "
        "there is no single derivative."),
    "elu": QT_TRANSLATE_NOOP(
        "gradcheck", "ELU's slope is 1 on both sides of 0 but its curvature jumps there, so a difference that "
        "straddles 0 is off by an amount of order ε instead of ε²."),
    "max_pool_tie": QT_TRANSLATE_NOOP(
        "gradcheck", "Two values of a max-pool window are (nearly) equal: a nudge decides which one is the "
        "maximum, and the gradient goes to one or the other, so max has a corner there."),
    "l2_pool_zero": QT_TRANSLATE_NOOP(
        "gradcheck", "An L2-pool window is (nearly) all zeros: √(Σ x²) has a cone point at 0 with no derivative, "
        "and close to it its curvature 1/‖x‖ makes the central difference's error, of order (ε/‖x‖)², too "
        "large to judge the gradient by."),
    "abs_loss": QT_TRANSLATE_NOOP(
        "gradcheck", "|ŷ_i − y_i| has a corner where ŷ_i = y_i: slope −1 on one side, +1 on the other."),
}

MISTAKE_TITLE = {
    "no-sigma-prime": QT_TRANSLATE_NOOP("gradcheck", "forget the activation derivative σ′"),
    "flipped-kernel": QT_TRANSLATE_NOOP("gradcheck", "convolution instead of cross-correlation in ∂L/∂I"),
    "maxpool-to-all": QT_TRANSLATE_NOOP("gradcheck", "route the max-pool gradient to every window element"),
    "avgpool-no-mean": QT_TRANSLATE_NOOP("gradcheck", "drop the 1/N of average pooling"),
    "bias-no-sum": QT_TRANSLATE_NOOP("gradcheck", "forget the bias gradient's sum over positions"),
}

MISTAKE_WHAT = {
    "no-sigma-prime": QT_TRANSLATE_NOOP(
        "gradcheck", "δ went back through every hidden activation unchanged, as if σ′ were 1: the chain rule "
        "lost a factor, so every gradient below an activation is wrong."),
    "flipped-kernel": QT_TRANSLATE_NOOP(
        "gradcheck", "∂L/∂I used each kernel turned 180° from the right way round (a convolution where the "
        "chain rule asks for a cross-correlation with the rotated kernel, or a flip done twice), so each "
        "pixel got δ times the weight from the opposite side of the window."),
    "maxpool-to-all": QT_TRANSLATE_NOOP(
        "gradcheck", "Each window's δ went to all k1·k2 of its inputs instead of only the maximum: the inputs "
        "that lost the max contest had no effect on the loss, yet got a gradient."),
    "avgpool-no-mean": QT_TRANSLATE_NOOP(
        "gradcheck", "Each input of an average-pool window got the whole δ instead of δ/(k1·k2): the mean "
        "divides by the window size, so its gradient must too, and everything below comes out k1·k2 "
        "times too large."),
    "bias-no-sum": QT_TRANSLATE_NOOP(
        "gradcheck", "∂L/∂b_p kept only the δ of the last position of feature map p (db[p] = δ in the loop "
        "instead of db[p] += δ), but b_p is added at every position, so every position's δ belongs in "
        "its gradient."),
}

MISTAKE_NEEDS = {
    "no-sigma-prime": QT_TRANSLATE_NOOP("gradcheck", "a hidden activation other than identity"),
    "flipped-kernel": QT_TRANSLATE_NOOP("gradcheck", "a kernel larger than 1 × 1"),
    "maxpool-to-all": QT_TRANSLATE_NOOP("gradcheck", "a max-pooling layer with windows larger than 1 × 1"),
    "avgpool-no-mean": QT_TRANSLATE_NOOP("gradcheck", "an average-pooling layer with windows larger than 1 × 1"),
    "bias-no-sum": QT_TRANSLATE_NOOP("gradcheck", "a feature map with more than one position"),
}


def mistake_note(mistake, tr):
    """The inspector's line at a step where `mistake` (a mistakes.Mistake) acts: wrong and right equation."""
    return (f"<p style='color:{palette.FAIL_TEXT}'><b>" + html.escape(tr(CONTEXT, "The mistake acts at this step.")) +
            "</b> " + html.escape(tr(CONTEXT, "It computes %1 instead of %2.")).replace(
                "%1", f"<b>{to_rich(mistake.wrong)}</b>").replace("%2", f"<b>{to_rich(mistake.right)}</b>") + "</p>")


def _g(x, digits):
    """A number to `digits` significant digits with a real minus sign (all of them: this is the proof)."""
    return f"{float(x):.{digits}g}".replace("-", "−")


def check_html(check, symbol, mistake, tr):
    """An ElementCheck as the inspector shows it: both loss evaluations, the difference quotient
    with its numbers, backprop's value, the relative error and the verdict (a kink explained).
    symbol: the element in the paper's notation (HTML); mistake: a mistakes.Mistake or None."""
    t = (lambda text: html.escape(tr(CONTEXT, text)))
    plus, minus = _g(check.loss_plus, 15), _g(check.loss_minus, 15)
    lines = [
        f"θ = {symbol} = {_g(check.value, 12)},&nbsp; ε = {_g(check.eps, 3)}",
        f"L(θ + ε) = {plus}",
        f"L(θ − ε) = {minus}",
        f"g<sub>num</sub> = (L(θ + ε) − L(θ − ε)) / 2ε = ({plus} − {minus}) / {_g(2 * check.eps, 3)} = "
        f"<b>{_g(check.numeric, 10)}</b>",
        f"g = <b>{_g(check.analytic, 10)}</b> &nbsp;(" +
        t(CHECK_TEXTS["mistaken" if mistake is not None else "backprop"]) + ")",
        f"|g<sub>num</sub> − g| / (|g<sub>num</sub>| + |g|) = <b>{_g(check.rel_error, 3)}</b> &nbsp;(" +
        t(CHECK_TEXTS["tolerance"]).replace("%1", _g(check.tol, 3)) + ")",
    ]
    body = "<br>".join(lines)
    colour = {"pass": palette.PASS_TEXT, "fail": palette.FAIL_TEXT, "kink": palette.KINK_TEXT}[check.status]
    verdict = (colour, t(CHECK_TEXTS[check.status]))
    # The verdict first: on a short screen it is what shows without scrolling.
    out = (f"<p style='color:{verdict[0]}; font-weight:bold; margin:0 0 4px 0'>{verdict[1]}</p>"
           f"<div style='font-family: DejaVu Sans Mono, monospace; font-size: 9pt'>{body}</div>")
    if check.kink is not None:
        why = tr(CONTEXT, KINK_WHY[check.kink.kind])
        out += "<p>" + html.escape(tr(CONTEXT, "θ ± ε crossed a corner in %1: %2").replace(
            "%1", check.kink.layer).replace("%2", why)) + "</p>"
    elif check.status == "fail" and mistake is not None:
        out += "<p>" + html.escape(tr(CONTEXT, MISTAKE_WHAT[mistake.name])) + "</p>"
    return out
