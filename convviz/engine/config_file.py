"""Network configurations as JSON files: the config's fields, plus an optional "seed", written atomically."""

import json
import os
import tempfile
from pathlib import Path

from .config import ConfigError, normalize_config

#: A config is a few hundred bytes; anything this large is not one (and is not read whole).
MAX_BYTES = 1 << 20


def read_config(path):
    """(normalized config, seed or None) from a JSON file; ConfigError names the file and the problem."""
    path = Path(path)
    try:
        if not path.is_file():
            raise ConfigError(f"{path}: " + ("no such file" if not path.exists() else "not a regular file"))
        if path.stat().st_size > MAX_BYTES:
            raise ConfigError(f"{path}: {path.stat().st_size:,} bytes is too large for a network config")
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not a text file") from None
    try:
        data = json.loads(text)
    except ValueError as e:
        raise ConfigError(f"{path}: not valid JSON ({e})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a JSON object with the network's fields")
    data = dict(data)
    seed = data.pop("seed", None)
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2 ** 32):
        raise ConfigError(f"{path}: seed: expected an integer from 0 to 2³² − 1, got {seed!r}")
    try:
        return normalize_config(data), seed
    except ConfigError as e:
        raise ConfigError(f"{path}: {e}") from None


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
