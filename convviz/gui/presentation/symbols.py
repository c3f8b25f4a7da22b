"""Names and symbols of a selected element in the paper's notation (no Qt): C_p[i, j], K_p,c[m, n], W_j,i."""

from convviz.engine import OpKind, StageKind


def is_conv_step(step):
    """True for a step about a conv block's parameters, read from the typed trace (it writes or
    updates the block's kernels): its bias is one per kernel, not one per unit."""
    return step.op in (OpKind.CONV_DK, OpKind.CONV_DB) or (step.target is not None
                                                          and step.target.kind == StageKind.KERNELS)


def conv_layers(trace):
    """The layers of a trace that are conv blocks (they have a convolution step); empty without one."""
    return frozenset(s.layer for s in trace if s.op == OpKind.CONV) if trace is not None else frozenset()


#: Each stage's symbol in the equations (names in any language are the same notation).
STAGE_SYMBOLS = {StageKind.INPUT: "I", StageKind.KERNELS: "K", StageKind.FEATURE_MAPS: "C", StageKind.ACTIVATED: "A",
                 StageKind.POOLED: "P", StageKind.FLATTEN: "a⁰", StageKind.Z: "z", StageKind.A: "a",
                 StageKind.PROBS: "ŷ", StageKind.LOSS: "L", StageKind.WEIGHTS: "W", StageKind.BIAS: "b"}


def element_name(stage, index, convs=None):
    """The stage's layer and symbol and the element's index named as in the equations:
    'conv1 P[p=0, i=3, j=4]', 'I[c=0, r=1, q=2]' (notation, never the engine's stage key).

    convs: the conv blocks' layers (conv_layers(trace)): a bias there is b_p, one per kernel, else
    b_j, one per unit; without them a bias's index is k."""
    K = stage.kind
    names = {3: ("p", "i", "j"), 4: ("p", "c", "m", "n"), 2: ("j", "i"), 1: ("k",)}
    if K == StageKind.INPUT and len(index) == 3:
        names = {3: ("c", "r", "q")}                # the input position, as in ∂L/∂I_c[r, q]
    if K == StageKind.BIAS:
        names = {1: ("k" if convs is None else "p" if stage.layer in convs else "j",)}
    if K in (StageKind.Z, StageKind.A, StageKind.PROBS, StageKind.FLATTEN):
        names = {1: ({StageKind.PROBS: "i", StageKind.FLATTEN: "k"}.get(K, "j"),)}
    labels = names.get(len(index), tuple(f"d{k}" for k in range(len(index))))
    symbol = STAGE_SYMBOLS.get(K, str(K))
    where = symbol if stage.layer == str(K) else f"{stage.layer} {symbol}"     # the input, flatten, loss: no layer
    return f"{where}[" + ", ".join(f"{n}={v}" for n, v in zip(labels, index)) + "]"


MAP_SYMBOLS = {StageKind.INPUT: "I", StageKind.FEATURE_MAPS: "C", StageKind.ACTIVATED: "A", StageKind.POOLED: "P"}
_VECTOR_SYMBOLS = {StageKind.Z: "z", StageKind.A: "a", StageKind.PROBS: "ŷ", StageKind.BIAS: "b"}


def element_symbol(stage, index):
    """The selected element in the equations' notation (HTML), e.g. C<sub>0</sub>[7, 11]; '' if none."""
    kind = stage.kind
    idx = tuple(int(v) for v in index)
    if kind in MAP_SYMBOLS and len(idx) == 3:
        return f"{MAP_SYMBOLS[kind]}<sub>{idx[0]}</sub>[{idx[1]}, {idx[2]}]"
    if kind == StageKind.KERNELS and len(idx) == 4:
        return f"K<sub>{idx[0]},{idx[1]}</sub>[{idx[2]}, {idx[3]}]"
    if kind == StageKind.FLATTEN and len(idx) == 1:
        return f"a⁰[{idx[0]}]"
    if kind in _VECTOR_SYMBOLS and len(idx) == 1:
        return f"{_VECTOR_SYMBOLS[kind]}<sub>{idx[0]}</sub>"
    if kind == StageKind.WEIGHTS and len(idx) == 2:
        return f"W<sub>{idx[0]},{idx[1]}</sub>"
    if kind == StageKind.LOSS:
        return "L"
    return ""
