"""The clicked element's equation with its numbers, as HTML (no Qt): the formatter of each kind of
`convviz.engine.explain` result lives with its op in presentation/ops; every number comes from
presentation.numbers, every word from presentation.texts (the view passes its translator)."""

from convviz.gui.presentation.ops import EXPLAIN


def _same(text):
    return text


def format_explanation(kind, d, step, translate=_same):
    """HTML for explain's (kind, data); '' for a kind without a formatter. translate: the view's translator."""
    f = EXPLAIN.get(kind)
    return f(d, step, translate) if f else ""
