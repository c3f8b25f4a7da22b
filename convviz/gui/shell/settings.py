"""Settings read back validated: a missing, corrupt or out-of-range value is dropped and the default used.

QSettings returns whatever the file holds (an edited .ini, a value from another version):
`nan` as a speed, a word as a window geometry or a 12-digit brush each stopped the app from
starting. Every reader here returns a usable value, and removes a bad one so it is not read again.
"""

import math
from pathlib import Path

from PySide6.QtCore import QByteArray


def _drop(settings, key, default):
    settings.remove(key)
    return default


def read_float(settings, key, default, low, high):
    """A finite float in [low, high], else `default`."""
    value = settings.value(key)
    if value is None:
        return default
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return _drop(settings, key, default)
    if not (math.isfinite(number) and low <= number <= high):
        return _drop(settings, key, default)
    return number


def read_int(settings, key, default, low, high):
    """A whole number in [low, high], else `default` (a 999999999999 does not reach Qt's int)."""
    number = read_float(settings, key, None, low, high)
    if number is None or number != int(number):
        return _drop(settings, key, default) if number is not None else default
    return int(number)


def read_bool(settings, key, default):
    value = settings.value(key)
    if value is None:
        return default
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    return _drop(settings, key, default)


def read_choice(settings, key, default, choices):
    value = settings.value(key)
    if value is None:
        return default
    return value if isinstance(value, str) and value in choices else _drop(settings, key, default)


def read_bytes(settings, key):
    """A QByteArray (a saved geometry or splitter state), else None."""
    value = settings.value(key)
    if value is None:
        return None
    if isinstance(value, (QByteArray, bytes, bytearray)) and len(value):
        return QByteArray(value)
    return _drop(settings, key, None)


def read_folder(settings, key):
    """An existing folder's path, else "" (the dialog then starts where Qt chooses)."""
    value = settings.value(key)
    if value is None or value == "":
        return ""
    try:
        if isinstance(value, str) and "\0" not in value and Path(value).is_dir():
            return value
    except OSError:
        pass
    return _drop(settings, key, "")
