"""Every number a person reads, formatted in one place (no Qt): values, losses, probabilities."""

import numpy as np


def number(x, digits=4):
    """A value with ~4 significant digits, a real minus sign, no '-0'."""
    x = float(x)
    if x == 0:
        return "0"
    s = f"{x:.{digits}g}"
    if "e" in s:
        mant, exp = s.split("e")
        s = f"{mant}·10<sup>{int(exp)}</sup>"
    return s.replace("-", "−")


def plain_number(x, digits=4):
    """Like number() without markup (for plot labels)."""
    x = float(x)
    return "0" if x == 0 else f"{x:.{digits}g}".replace("-", "−")


def loss_value(x, digits=4):
    """A loss for the narrow loss column: 4 significant digits, at most 6 characters a line;
    small or large values as a mantissa over a power of ten ('3.879<br>×10⁻⁴')."""
    x = float(x)
    if not np.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "NaN")
    if x == 0:
        return "0"
    if 0.01 <= abs(x) < 1e4:
        s = f"{x:.{digits}g}"
        if "e" in s:                       # 1234.5 -> '1235' (no exponent in this range)
            s = f"{x:.0f}"
        return s.replace("-", "−")
    mant, exp = f"{x:.{digits - 1}e}".split("e")
    sup = str(int(exp)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{mant.replace('-', '−')}<br>×10{sup}"


def loss_column_html(loss, before=None, words=("before", "after")):
    """The loss column's text: 'L = …', or before and after (the rerun), `words` being those two
    in the reader's language (texts.TEXT's "loss before" and "loss after", translated)."""
    if before is not None:
        return (f"<div style='text-align:center'>{words[0]}<br>{loss_value(before)}<br>{words[1]}<br>"
                f"<b>{loss_value(loss)}</b></div>")
    return f"<div style='text-align:center'>L =<br><b>{loss_value(loss)}</b></div>"


def percent(p):
    """One decimal, but never a rounded 0.0% or 100.0% for a probability that is not exactly that."""
    if 0.0 < p < 0.0005:
        return "<0.1%"
    if 0.9995 <= p < 1.0:
        return ">99.9%"
    return f"{100 * p:.1f}%"


def loss_number(v):
    """A loss for a learner: 4 decimals, or scientific notation when that would show 0.0000."""
    return f"{v:.4f}" if abs(v) >= 1e-3 or v == 0 else f"{v:.1e}"


def probability(p):
    """A probability in the loss line: one decimal, three significant digits near 0 and 1."""
    return f"{100 * p:.1f}%" if 0.001 <= p <= 0.999 or p in (0, 1) else f"{100 * p:.3g}%"


def precise_percent(p):
    """A probability with two significant digits however small ("0.0012%", "8.1%")."""
    return f"{100 * p:.1f}%" if p >= 0.001 else f"{100 * p:.2g}%"


#: The log-scale bars span 10⁻⁶ … 1 (a probability below shows an empty bar).
LOG_FLOOR = 1e-6


def bar_fraction(p, log=False):
    """The share of a probability bar to fill: p itself, or its place on a log scale from LOG_FLOOR to 1."""
    if not log:
        return float(p)
    if not p > LOG_FLOOR:
        return 0.0
    return min(1.0, float(np.log10(p) / -np.log10(LOG_FLOOR) + 1.0))


def runner_up(probs):
    """(class, probability) of the second most likely class, None for fewer than two."""
    probs = np.asarray(probs)
    if probs.size < 2:
        return None
    k = int(np.argsort(probs, kind="stable")[-2])
    return k, float(probs[k])
