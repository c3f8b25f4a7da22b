"""Network configurations as JSON files: the config's fields, plus an optional "seed", written atomically."""

import json
import os
import tempfile
from pathlib import Path

from convviz.files import FileRefused, open_regular

from .config import ConfigError, normalize_config

#: A config is a few hundred bytes; anything this large is not one (and is not read whole).
MAX_BYTES = 1 << 20


def read_config(path):
    """(normalized config, seed or None) from a JSON file; ConfigError names the file and the problem.

    The one reader of config files (the CLI's --config, the app's Open network config): a FIFO,
    a device or a huge file is refused before reading, and absurd JSON is refused in words.
    """
    try:
        # a FIFO would block open(), /dev/zero never ends: open_regular refuses both at once
        with open_regular(path, MAX_BYTES) as f:
            text = f.read().decode("utf-8")
    except FileRefused as e:
        raise ConfigError(f"{path}: {e.reason}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not a text file") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a network configuration") from None
    except ValueError as e:     # invalid JSON, an integer of thousands of digits
        raise ConfigError(f"{path}: not valid JSON ({e})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a JSON object with the network's fields")
    data = dict(data)
    seed = data.pop("seed", None)
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2 ** 32):
        raise ConfigError(f"{path}: seed: expected an integer from 0 to 2³² − 1, got {seed!r}")
    try:
        return normalize_config(data), seed
    except (ConfigError, RecursionError) as e:
        raise ConfigError(f"{path}: {e if isinstance(e, ConfigError) else 'nested too deeply'}") from None


def write_config(path, config, seed=None):
    """Write `config` (validated first) and the seed as indented JSON; the file appears whole or not at all."""
    data = normalize_config(config)
    if seed is not None:
        data["seed"] = int(seed)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
