"""'Set a Qt item only when what it shows changed', written once: Qt re-lays out or repaints on
every setText / setRect / setLookupTable, even with the same value."""

_MISSING = object()


def changed(item, slot, value):
    """True, remembering `value`, when `item` last showed something else in `slot`; else False."""
    shown = item.__dict__.setdefault("_convviz_shown", {})
    if shown.get(slot, _MISSING) == value:
        return False
    shown[slot] = value
    return True

