"""Live shapes for the network editor (no Qt): every stage's shape with Eq. 2.1 in numbers, the
parameter count, multiply-adds per image, skipped borders, and refusals in words per field. Every
sentence is a words.Text: English here, translated by the view from its marked template."""

import re
from dataclasses import dataclass, field

from convviz.engine.config import ConfigError, conv_output_size, normalize_config, skipped_border
from convviz.gui.panels.editor.words import QT_TRANSLATE_NOOP, Text
from convviz.gui.presentation import names

#: The app reads its input from the preprocessed 28 × 28 image, area-averaged to n × n.
MAX_INPUT = 28
#: Beyond this a trace (every array, float64, several copies) stops being quick to step through.
MAX_PARAMETERS = 1_000_000

_FIELD = re.compile(r"^(?P<field>[a-z_]+(\[\d+\])?(\.[a-z_]+)?): (?P<why>.*)$", re.S)


@dataclass(frozen=True)
class Row:
    """One stage: its name as in Network.shapes(), a reader's label, shape, Eq. 2.1 worked out, cost."""

    stage: str
    label: str
    shape: tuple
    equation: str = ""
    params: int = 0
    madds: int = 0
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """What a config builds: rows up to the first impossible stage, totals, refusals {field: words}."""

    rows: tuple
    params: int
    madds: int
    refusals: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)       # field -> a skipped border, said in words
    config: dict = None                             # normalized; None when refused

    @property
    def ok(self):
        return not self.refusals


def _pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def _x(a, b):
    return f"{a} × {b}"


class _Refusal(Exception):
    """The app's own limit on a field, with its reason as a Text (the engine's ConfigError is in English)."""

    def __init__(self, field, why):
        super().__init__(f"{field}: {why}")
        self.field, self.why = field, why


def _axis_eq(n, k, p, s, out):
    """Eq. 2.1 for one axis in numbers: (28 − 5 + 2·0)/1 + 1 = 24, floored where it does not divide."""
    inner = f"{n} − {k}" + (f" + 2·{p}" if p is not None else "")
    if (n - k + 2 * (p or 0)) % s:
        return f"⌊({inner})/{s}⌋ + 1 = {out}"
    return f"({inner})/{s} + 1 = {out}"


def _eq(h, w, k, p, s, oh, ow):
    """Both axes, written once when they are the same sum."""
    rows = _axis_eq(h, k[0], p[0] if p else None, s[0], oh)
    cols = _axis_eq(w, k[1], p[1] if p else None, s[1], ow)
    return rows if rows == cols else Text(QT_TRANSLATE_NOOP("editor", "rows {rows};  columns {cols}"),
                                          rows=rows, cols=cols)


def _skipped(h, w, k, p, s, what):
    """Words for a border no window reaches (H − k1 + 2Z_p not divisible by Z_s), or ''."""
    sr, sc = skipped_border(h, k[0], p[0], s[0]), skipped_border(w, k[1], p[1], s[1])
    parts = []
    if sr:
        parts.append(Text(QT_TRANSLATE_NOOP("editor", "the last row")) if sr == 1 else
                     Text(QT_TRANSLATE_NOOP("editor", "the last {count} rows"), count=sr))
    if sc:
        parts.append(Text(QT_TRANSLATE_NOOP("editor", "the last column")) if sc == 1 else
                     Text(QT_TRANSLATE_NOOP("editor", "the last {count} columns"), count=sc))
    if not parts:
        return ""
    n, k_, p_, s_ = (h, k[0], p[0], s[0]) if sr else (w, k[1], p[1], s[1])
    where = parts[0] if len(parts) == 1 else Text(QT_TRANSLATE_NOOP("editor", "{rows} and {columns}"),
                                                  rows=parts[0], columns=parts[1])
    return Text(QT_TRANSLATE_NOOP("editor", "{where} of the {what} are never read: {n} − {k} + 2·{p} = {sum} "
                                            "is not a multiple of the stride {stride}"),
                where=where, what=what, n=n, k=k_, p=p_, sum=n - k_ + 2 * p_, stride=s_)


def _refuse(e):
    """A refusal as (field, words): the app's own as a Text, the engine's ConfigError split at its field."""
    if isinstance(e, _Refusal):
        return e.field, e.why
    m = _FIELD.match(str(e))
    return (m["field"], m["why"]) if m else ("config", str(e))


def _named(table, engine_id):
    """A choice's shown name (translated where the view says it), or the value itself as it was given."""
    return Text(table[engine_id]) if isinstance(engine_id, str) and engine_id in table else str(engine_id)


def plan(config):
    """The Plan of an editor config dict (the engine's fields); never raises for a bad config."""
    rows, refusals, notes = [], {}, {}
    total_params = total_madds = 0
    try:
        n = _pair(config["input"])
        if not all(isinstance(v, int) and 1 <= v <= MAX_INPUT for v in n):
            raise _Refusal("input", Text(QT_TRANSLATE_NOOP(
                "editor", "the app's input is the drawn 28 × 28 image, area-averaged to a smaller size; "
                          "choose 1 to {most}, not {size}"), most=MAX_INPUT, size=_x(*n)))
        h, w = n
        rows.append(Row("input", Text(QT_TRANSLATE_NOOP("editor", "input image I")), (1, h, w),
                        Text(QT_TRANSLATE_NOOP("editor", "as drawn")) if (h, w) == (28, 28) else
                        Text(QT_TRANSLATE_NOOP("editor", "28 × 28 area-averaged to {size}"), size=_x(h, w))))
        channels = 1
        for i, block in enumerate(config["conv"]):
            f, layer, b = f"conv[{i}]", f"conv{i + 1}", i + 1
            d = int(block["kernels"])
            k, s = _pair(block.get("size", 3)), _pair(block.get("stride", 1))
            p = _pair(block.get("padding", 0))
            if k[0] > h + 2 * p[0] or k[1] > w + 2 * p[1]:
                raise _Refusal(f"{f}.size", Text(QT_TRANSLATE_NOOP(
                    "editor", "block {block}'s {kernel} kernel does not fit its {padded} padded input ({size} "
                              "plus padding {padding} on each side): use a kernel of at most {padded}, or more "
                              "padding"),
                    block=b, kernel=_x(*k), padded=_x(h + 2 * p[0], w + 2 * p[1]), size=_x(h, w), padding=p[0]))
            oh, ow = conv_output_size(h, k[0], p[0], s[0]), conv_output_size(w, k[1], p[1], s[1])
            params = d * channels * k[0] * k[1] + d
            madds = d * oh * ow * channels * k[0] * k[1]
            rows.append(Row(f"{layer}.kernels", Text(QT_TRANSLATE_NOOP("editor", "kernels K{i} and biases b{i}"),
                                                     i=_sub(b)),
                            (d, channels, k[0], k[1]), params=params))
            note = _skipped(h, w, k, p, s, Text(QT_TRANSLATE_NOOP("editor", "padded input")))
            if note:
                notes[f"{f}.stride"] = note
            rows.append(Row(f"{layer}.feature_maps", Text(QT_TRANSLATE_NOOP("editor", "feature maps C{i}"), i=_sub(b)),
                            (d, oh, ow),
                            _eq(h, w, k, p, s, oh, ow), madds=madds, note=note))
            act = block.get("activation", "relu")
            rows.append(Row(f"{layer}.activated", Text(QT_TRANSLATE_NOOP("editor", "activated A{i} = {act}(C{i})"),
                                                       i=_sub(b), act=act), (d, oh, ow)))
            total_params, total_madds = total_params + params, total_madds + madds
            h, w = oh, ow
            kind = block.get("pool", "max")
            if kind != "none":
                pk = _pair(block.get("pool_size", 2))
                ps = _pair(block.get("pool_stride", pk))
                if pk[0] > h or pk[1] > w:
                    raise _Refusal(f"{f}.pool_size", Text(QT_TRANSLATE_NOOP(
                        "editor", "block {block}'s {window} pooling window is larger than its {size} feature "
                                  "maps: use a window of at most {size}, or no pooling"),
                        block=b, window=_x(*pk), size=_x(h, w)))
                oh, ow = conv_output_size(h, pk[0], 0, ps[0]), conv_output_size(w, pk[1], 0, ps[1])
                note = _skipped(h, w, pk, (0, 0), ps, Text(QT_TRANSLATE_NOOP("editor", "activated maps")))
                if note:
                    notes[f"{f}.pool_stride"] = note
                rows.append(Row(f"{layer}.pooled", Text(QT_TRANSLATE_NOOP("editor", "pooled P{i} ({kind})"),
                                                        i=_sub(b), kind=_named(names.POOLS, kind)), (d, oh, ow),
                                _eq(h, w, pk, None, ps, oh, ow), note=note))
                h, w = oh, ow
            channels = d
        flat = channels * h * w
        rows.append(Row("flatten", Text(QT_TRANSLATE_NOOP("editor", "flattened a⁰")), (flat,),
                        f"{channels} · {h} · {w} = {flat}"))
        biggest = ("conv[0].kernels", 0)
        for j, layer in enumerate(config.get("dense", [])):
            units = int(layer["units"])
            params, madds = units * flat + units, units * flat
            biggest = max(biggest, (f"dense[{j}].units", params), key=lambda t: t[1])
            rows.append(Row(f"dense{j + 1}.z", Text(QT_TRANSLATE_NOOP("editor", "dense z{l} = W{l}·a{below} + b{l}"),
                                                    l=_sup(j + 1), below=_sup(j)),
                            (units,), _weights(units, flat), params, madds))
            rows.append(Row(f"dense{j + 1}.a", Text(QT_TRANSLATE_NOOP("editor", "activated a{l} = {act}(z)"),
                                                    l=_sup(j + 1), act=layer.get("activation", "relu")), (units,)))
            total_params, total_madds = total_params + params, total_madds + madds
            flat = units
        out = config["output"]
        classes = int(out["classes"])
        params, madds = classes * flat + classes, classes * flat
        rows.append(Row("out.z", Text(QT_TRANSLATE_NOOP("editor", "output z")), (classes,), _weights(classes, flat),
                        params, madds))
        rows.append(Row("out.probs", f"ŷ = {out.get('activation', 'softmax')}(z)", (classes,)))
        rows.append(Row("loss", Text(QT_TRANSLATE_NOOP("editor", "loss L ({loss})"),
                                     loss=_named(names.LOSSES, config.get("loss", "cross_entropy"))), ()))
        total_params, total_madds = total_params + params, total_madds + madds
        if total_params > MAX_PARAMETERS:
            where = biggest[0] if biggest[1] * 2 > total_params else "conv[0].kernels"
            raise _Refusal(where, Text(QT_TRANSLATE_NOOP(
                "editor", "{count} parameters are more than this app steps through smoothly ({most}): use fewer "
                          "units or kernels, a larger stride or more pooling"),
                count=f"{total_params:,}", most=f"{MAX_PARAMETERS:,}"))
        normalized = normalize_config(config)      # the engine has the last word on every field
    except (ConfigError, _Refusal) as e:
        field_name, why = _refuse(e)
        refusals[field_name] = why
        normalized = None
    except (KeyError, TypeError, ValueError) as e:   # a hand-written config missing a field
        refusals["config"] = Text(QT_TRANSLATE_NOOP("editor", "not a complete network description ({error})"),
                                  error=f"{type(e).__name__}: {e}")
        normalized = None
    return Plan(tuple(rows), total_params, total_madds, refusals, notes, normalized)


def _weights(units, inputs):
    return Text(QT_TRANSLATE_NOOP("editor", "{units} × {inputs} weights"), units=units, inputs=inputs)


def _sub(i):
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _sup(i):
    return str(i).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


#: Fields that hold no parameters: changing only these keeps every weight's shape and meaning.
_PARAMETER_FREE = re.compile(r"^(conv\[\d+\]\.(activation|pool)|dense\[\d+\]\.activation|output\.activation|loss)$")


_WORDS = {"activation": QT_TRANSLATE_NOOP("editor", "activation"), "pool": QT_TRANSLATE_NOOP("editor", "pooling"),
          "pool_size": QT_TRANSLATE_NOOP("editor", "pool size"),
          "pool_stride": QT_TRANSLATE_NOOP("editor", "pool stride"),
          "size": QT_TRANSLATE_NOOP("editor", "kernel size"), "stride": QT_TRANSLATE_NOOP("editor", "stride"),
          "padding": QT_TRANSLATE_NOOP("editor", "padding"), "kernels": QT_TRANSLATE_NOOP("editor", "kernels"),
          "units": QT_TRANSLATE_NOOP("editor", "units"), "classes": QT_TRANSLATE_NOOP("editor", "classes")}
_TOP_WORDS = {"input": QT_TRANSLATE_NOOP("editor", "input"), "loss": QT_TRANSLATE_NOOP("editor", "loss"),
              "output.activation": QT_TRANSLATE_NOOP("editor", "output activation"),
              "output.classes": QT_TRANSLATE_NOOP("editor", "output classes"),
              "config": QT_TRANSLATE_NOOP("editor", "config")}


def field_words(field):
    """A config field as a reader says it: conv[0].pool -> "block 1 pooling", loss -> "loss"."""
    m = re.match(r"^(conv|dense)\[(\d+)\]\.(\w+)$", field)
    if m:
        what = _WORDS.get(m[3])
        what = Text(what) if what else m[3]
        if m[1] == "conv":
            return Text(QT_TRANSLATE_NOOP("editor", "block {n} {what}"), n=int(m[2]) + 1, what=what)
        return Text(QT_TRANSLATE_NOOP("editor", "dense layer {n} {what}"), n=int(m[2]) + 1, what=what)
    if field in _TOP_WORDS:
        return Text(_TOP_WORDS[field])
    return field.replace("output.", "output ").replace("_", " ")


def changed_fields(old, new):
    """The fields (engine names) whose values differ between two normalized configs."""
    out = []

    def walk(a, b, prefix):
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b)):
                walk(a.get(key), b.get(key), f"{prefix}.{key}" if prefix else key)
        elif isinstance(a, list) and isinstance(b, list) and a and isinstance(a[0], dict):
            if len(a) != len(b):
                out.append(prefix)
                return
            for i, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{prefix}[{i}]")
        elif a != b:
            out.append(prefix)

    walk(old, new, "")
    return out


def keeps_weights(old, new):
    """True when `new` differs from `old` only where there are no parameters (loss, activations,
    the pooling kind between max, avg and L2, the output activation), so the same weights fit."""
    changed = changed_fields(old, new)
    if not all(_PARAMETER_FREE.match(c) for c in changed):
        return False
    # max ↔ none changes every later shape; max ↔ avg ↔ l2 does not
    for a, b in zip(old["conv"], new["conv"]):
        if (a["pool"] == "none") != (b["pool"] == "none"):
            return False
    return True


def normalize_or_none(cfg):
    """The normalized config, or None where the engine refuses it."""
    try:
        return normalize_config(cfg)
    except (ConfigError, KeyError, TypeError, ValueError):
        return None


def owner(field):
    """(kind, index, key) of a refusal's field: ("conv", 0, "size"), ("dense", 1, "units"),
    ("input", None, None), ("other", None, None); (None, None, None) for no field."""
    if field is None:
        return None, None, None
    if field == "input":
        return "input", None, None
    head, _, key = field.partition(".")
    for kind in ("conv", "dense"):
        if head.startswith(kind + "[") and head.endswith("]"):
            return kind, int(head[len(kind) + 1:-1]), key
    return "other", None, None
