"""The names a learner reads for the network's choices (activations, pooling kinds, losses), by the engine's id.

The engine keeps its ids ("relu", "max", "cross_entropy") and no words for learners; every view
that names a choice in words (step titles, explanations, pipeline headings, the editor's lists)
takes the name from here, marked for translation in the catalogue's context (CONTEXT). Ids that
read the same in every language (sigmoid, tanh, MSE) are not marked. Formulas keep the engine's
function names as notation ("A = relu(C)").
"""

CONTEXT = "catalogue"


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name Qt's translation tools look for)
    """Marks `text` for translation in `context`; returns it unchanged."""
    return text


ACTIVATIONS = {"identity": QT_TRANSLATE_NOOP("catalogue", "identity"), "sigmoid": "sigmoid", "tanh": "tanh",
               "relu": "ReLU", "leaky_relu": QT_TRANSLATE_NOOP("catalogue", "leaky ReLU"), "elu": "ELU",
               "softplus": "softplus", "softmax": "softmax"}
POOLS = {"max": QT_TRANSLATE_NOOP("catalogue", "max"), "avg": QT_TRANSLATE_NOOP("catalogue", "average"),
         "l2": QT_TRANSLATE_NOOP("catalogue", "L2-norm"), "none": QT_TRANSLATE_NOOP("catalogue", "none")}
LOSSES = {"cross_entropy": QT_TRANSLATE_NOOP("catalogue", "cross-entropy"), "mse": "MSE", "msle": "MSLE",
          "l2": "L2", "l1": "L1", "mae": "MAE", "mape": "MAPE"}
KINDS = {"activation": ACTIVATIONS, "pool": POOLS, "loss": LOSSES}


def _same(text):
    return text


def name(kind, engine_id, translate=_same):
    """The shown name of the engine's `engine_id` of `kind` ("activation", "pool" or "loss") in
    the language `translate` gives; an id this table lacks (or "σ", "") is shown as it is."""
    shown = KINDS[kind].get(engine_id)
    return engine_id if shown is None else translate(shown)
