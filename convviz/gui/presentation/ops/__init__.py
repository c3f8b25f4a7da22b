"""One home per op kind for its presentation (no Qt): each module holds everything the GUI shows
for its ops, the explanation of a clicked element (EXPLAIN, keyed by explain's kind), what a
selection outlines (OUTLINES, same keys) and the big view's panels (PANELS, keyed by OpKind),
as the engine keeps an op's forward, backward and equations together. The tables here merge
them for the dispatchers (explanations.py, selection.py, big_view.py); titles and learners'
explanations are the catalogue's, keyed by OpKind."""

from convviz.gui.presentation.ops import activation, conv, dense, flatten, inputs, output, pool, update

FAMILIES = (inputs, conv, activation, pool, flatten, dense, output, update)

EXPLAIN = {kind: f for family in FAMILIES for kind, f in family.EXPLAIN.items()}
OUTLINES = {kind: f for family in FAMILIES for kind, f in family.OUTLINES.items()}
PANELS = {op: f for family in FAMILIES for op, f in family.PANELS.items()}
