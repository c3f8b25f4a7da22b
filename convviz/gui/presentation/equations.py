"""Plain-Unicode equations from the engine (`x_i`, `K_p,c`, `z^l`, `a^(l−1)`) as Qt rich text."""

import html
import re

# A script after '_' or '^': a parenthesised group, or a name/number run such as `p,c`, `ji`,
# `L+1` (superscripts only) or `l`. Commas join indices only when no space follows (K_p,c[m, n]).
_WORD = r"[A-Za-z0-9*′]+(?:,[A-Za-z0-9]+)*"
_SUP_WORD = r"[A-Za-z0-9]+(?:[+−-][0-9]+)?"


def _group(text, start):
    """End index (exclusive) of the parenthesised group opening at text[start] == '('."""
    depth = 0
    for k in range(start, len(text)):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            depth -= 1
            if depth == 0:
                return k + 1
    return len(text)


def to_rich(text):
    """Equation text -> HTML with <sub>/<sup>; the rest is escaped. Groups nest: e^(z_i)."""
    out, k, n = [], 0, len(text)
    while k < n:
        ch = text[k]
        if ch in "_^" and k + 1 < n and k > 0 and not text[k - 1].isspace():
            tag = "sub" if ch == "_" else "sup"
            if text[k + 1] == "(":
                end = _group(text, k + 1)
                inner = text[k + 1:end]
                # a^(l−1) keeps its parentheses (as in the paper); max_(m,n) drops them
                inner = inner if tag == "sup" else inner[1:-1]
                out.append(f"<{tag}>{to_rich(inner)}</{tag}>")
                k = end
                continue
            m = re.match(_SUP_WORD if tag == "sup" else _WORD, text[k + 1:])
            if m:
                out.append(f"<{tag}>{html.escape(m.group(0))}</{tag}>")
                k += 1 + m.end()
                continue
        out.append(html.escape(ch))
        k += 1
    return "".join(out)


_SUPERSCRIPT = str.maketrans("0123456789+−-()Ll", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁽⁾ᴸˡ")


def _names(title):
    """Engine names inside a title read as words: 'loss: cross_entropy' -> 'loss: cross-entropy'
    (an underscore between two lower-case words is a name, not a subscript)."""
    return re.sub(r"(?<=[a-z]{2})_(?=[a-z]{2})", "-", title)


def title_text(title):
    """A step title as plain text (the step list, tooltips): names read as words and
    superscript groups as Unicode superscripts, 'δ^(L+1)' -> 'δ⁽ᴸ⁺¹⁾'."""
    def sup(m):
        inner = m.group(1)
        return inner.translate(_SUPERSCRIPT) if all(c in "0123456789+−-()Ll" for c in inner) else m.group(0)
    return re.sub(r"\^(\([^()]*\)|[0-9Ll])", sup, _names(title))


def title_rich(title):
    """A step title as rich text: like to_rich, with names such as cross_entropy kept whole."""
    return to_rich(_names(title))


def equation_html(text):
    """A lesson's equation block as rich text: each line through to_rich (C_p -> C<sub>p</sub>),
    the wide gaps between two equations on a line kept (rich text would fold them to one space)."""
    lines = (re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group(0)), to_rich(line)) for line in text.split("\n"))
    return "<br>".join(lines)
