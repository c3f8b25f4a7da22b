"""Network configuration: defaults, validation with field-naming errors, and Eq. 2.1 sizes."""

import copy
import reprlib

DEFAULT_CONFIG = {
    "input": [28, 28],
    "conv": [{"kernels": 8, "size": [5, 5], "stride": 1, "padding": 0, "activation": "relu",
              "pool": "max", "pool_size": 2, "pool_stride": 2}],
    "dense": [{"units": 64, "activation": "relu"}],
    "output": {"classes": 10, "activation": "softmax"},
    "loss": "cross_entropy",
}

ACTIVATION_NAMES = ("identity", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus")
OUTPUT_ACTIVATIONS = ("softmax", "sigmoid")
POOL_KINDS = ("max", "avg", "l2", "none")
LOSS_NAMES = ("cross_entropy", "mse", "msle", "l2", "l1", "mae", "mape")
MAX_CONV_BLOCKS = 3
#: A network this app can show and train on one machine: 10 million parameters (80 MB in
#: float64, the paper-sized default has 75 thousand) and 10 million values per image over all
#: stages. Checked before anything is allocated, so a hostile config cannot take gigabytes.
MAX_PARAMETERS = 10_000_000
MAX_VALUES = 10_000_000

_TOP_KEYS = {"input", "conv", "dense", "output", "loss"}
_CONV_KEYS = {"kernels", "size", "stride", "padding", "activation", "pool", "pool_size", "pool_stride"}
_DENSE_KEYS = {"units", "activation"}
_OUTPUT_KEYS = {"classes", "activation"}


class ConfigError(ValueError):
    """A configuration that cannot work; the message names the field and the reason."""


def conv_output_size(n, k, padding, stride):
    """The paper's Eq. 2.1 for one axis, rounded down as frameworks do: (n − k + 2·Z_p) / Z_s + 1."""
    return (n - k + 2 * padding) // stride + 1


def skipped_border(n, k, padding, stride):
    """Pixels at the far border that no window reaches when Eq. 2.1 does not divide exactly."""
    return (n - k + 2 * padding) % stride


_short = reprlib.Repr()
_short.maxlevel, _short.maxstring, _short.maxother, _short.maxlong = 3, 40, 40, 40


def _show(value):
    """A short repr: a config nested 100,000 deep or a 10**400 must not break the message itself."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** 40:
        return f"{'-' if value < 0 else ''}a {int(abs(value).bit_length() * 0.30103) + 1}-digit number"
    return _short.repr(value)


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _int(value, field, minimum=1):
    if not _is_int(value):
        raise ConfigError(f"{field}: expected an integer, got {_show(value)}")
    if value < minimum:
        what = "positive" if minimum == 1 else f"at least {minimum}"
        raise ConfigError(f"{field}: must be {what}, got {_show(value)}")
    return value


def _pair(value, field, minimum=1):
    """An int or a [a, b] pair of ints -> (a, b)."""
    if _is_int(value):
        value = [value, value]
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ConfigError(f"{field}: expected an integer or a pair of integers, got {_show(value)}")
    return (_int(value[0], field, minimum), _int(value[1], field, minimum))


def _choice(value, field, names):
    if value not in names:
        raise ConfigError(f"{field}: unknown name {_show(value)}; choose one of {', '.join(names)}")
    return value


def _no_extra(d, allowed, field):
    if not isinstance(d, dict):
        raise ConfigError(f"{field}: expected an object (dict), got {type(d).__name__}")
    extra = sorted(set(d) - allowed)
    if extra:
        raise ConfigError(f"{field}: unknown field {_show(extra[0])}; allowed: {', '.join(sorted(allowed))}")


def _x(pair):
    return f"{_show(pair[0])}x{_show(pair[1])}"


def _check_size(parameters, values, field):
    """ConfigError as soon as the running totals pass a limit, before anything is allocated."""
    if parameters > MAX_PARAMETERS:
        raise ConfigError(f"{field}: the network would have {_count(parameters)} parameters, more than "
                          f"the limit of {MAX_PARAMETERS:,} (MAX_PARAMETERS)")
    if values > MAX_VALUES:
        raise ConfigError(f"{field}: the network would compute {_count(values)} values per image, more "
                          f"than the limit of {MAX_VALUES:,} (MAX_VALUES)")


def _count(n):
    return f"{n:,}" if n < 10 ** 40 else f"about 10^{int(n.bit_length() * 0.30103)}"


def normalize_config(config):
    """Validate `config` and return a full copy with defaults filled and sizes as pairs.

    Raises ConfigError naming the field, e.g. ``conv[0].size: 7x7 kernel is larger than the
    5x5 padded input``.
    """
    _no_extra(config, _TOP_KEYS, "config")
    for key in ("input", "conv", "output"):
        if key not in config:
            raise ConfigError(f"{key}: missing (required)")
    cfg = {"input": list(_pair(config["input"], "input"))}
    convs = config["conv"]
    if not isinstance(convs, (list, tuple)) or not 1 <= len(convs) <= MAX_CONV_BLOCKS:
        raise ConfigError(f"conv: expected a list of 1 to {MAX_CONV_BLOCKS} blocks, got {_show(convs)}")
    h, w = cfg["input"]
    values = h * w
    _check_size(0, values, "input")
    channels, parameters = 1, 0
    cfg["conv"] = []
    for i, block in enumerate(convs):
        f = f"conv[{i}]"
        _no_extra(block, _CONV_KEYS, f)
        if "kernels" not in block:
            raise ConfigError(f"{f}.kernels: missing (required)")
        kernels = _int(block["kernels"], f"{f}.kernels")
        size = _pair(block.get("size", 3), f"{f}.size")
        stride = _pair(block.get("stride", 1), f"{f}.stride")
        padding = _pair(block.get("padding", 0), f"{f}.padding", minimum=0)
        activation = _choice(block.get("activation", "relu"), f"{f}.activation", ACTIVATION_NAMES)
        pool = _choice(block.get("pool", "max"), f"{f}.pool", POOL_KINDS)
        pool_size = _pair(block.get("pool_size", 2), f"{f}.pool_size")
        pool_stride = _pair(block.get("pool_stride", pool_size), f"{f}.pool_stride")
        padded = (h + 2 * padding[0], w + 2 * padding[1])
        if size[0] > padded[0] or size[1] > padded[1]:
            raise ConfigError(f"{f}.size: {_x(size)} kernel is larger than the {_x(padded)} padded input")
        h = conv_output_size(h, size[0], padding[0], stride[0])
        w = conv_output_size(w, size[1], padding[1], stride[1])
        parameters += kernels * channels * size[0] * size[1] + kernels
        values += 2 * kernels * h * w            # feature maps and their activations
        _check_size(parameters, values, f)
        channels = kernels
        if pool != "none":
            if pool_size[0] > h or pool_size[1] > w:
                raise ConfigError(f"{f}.pool_size: {_x(pool_size)} window is larger than the "
                                  f"{h}x{w} feature map")
            h = conv_output_size(h, pool_size[0], 0, pool_stride[0])
            w = conv_output_size(w, pool_size[1], 0, pool_stride[1])
            values += kernels * h * w
        cfg["conv"].append({"kernels": kernels, "size": list(size), "stride": list(stride),
                            "padding": list(padding), "activation": activation, "pool": pool,
                            "pool_size": list(pool_size), "pool_stride": list(pool_stride)})
    dense = config.get("dense", [])
    if not isinstance(dense, (list, tuple)):
        raise ConfigError(f"dense: expected a list of layers, got {_show(dense)}")
    cfg["dense"] = []
    n = channels * h * w
    for j, layer in enumerate(dense):
        f = f"dense[{j}]"
        _no_extra(layer, _DENSE_KEYS, f)
        if "units" not in layer:
            raise ConfigError(f"{f}.units: missing (required)")
        units = _int(layer["units"], f"{f}.units")
        parameters += (n + 1) * units
        values += 2 * units
        _check_size(parameters, values, f"{f}.units")
        n = units
        cfg["dense"].append({"units": units,
                             "activation": _choice(layer.get("activation", "relu"),
                                                   f"{f}.activation", ACTIVATION_NAMES)})
    out = config["output"]
    _no_extra(out, _OUTPUT_KEYS, "output")
    if "classes" not in out:
        raise ConfigError("output.classes: missing (required)")
    classes = _int(out["classes"], "output.classes", minimum=2)
    _check_size(parameters + (n + 1) * classes, values + 2 * classes, "output.classes")
    cfg["output"] = {"classes": classes,
                     "activation": _choice(out.get("activation", "softmax"), "output.activation",
                                           OUTPUT_ACTIVATIONS)}
    cfg["loss"] = _choice(config.get("loss", "cross_entropy"), "loss", LOSS_NAMES)
    return copy.deepcopy(cfg)
