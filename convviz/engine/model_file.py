"""The model file (.npz): config as JSON plus every parameter, read defensively from hostile files.

A model file is a zip of .npy members. Only the expected members are read, each one's
declared shape and size are checked before it is decompressed, and the config is validated
(including the network's size limits) before any parameter array is allocated.
"""

import json
import zipfile

import numpy as np

import convviz
from convviz.files import FileRefused, open_regular

from .config import MAX_PARAMETERS, ConfigError

FORMAT_VERSION = 1
#: The largest model file worth opening: MAX_PARAMETERS in the widest float (16 bytes) plus headers.
MAX_FILE_BYTES = 16 * MAX_PARAMETERS + (16 << 20)
#: A config is a few hundred bytes of JSON; a megabyte is far more than any valid one needs.
MAX_CONFIG_BYTES = 1 << 20
_MAX_HEADER = 10_000                   # NumPy's own default limit for a .npy header


class ModelFileError(ValueError):
    """A model file that cannot be read, or does not describe a valid network."""


def write_model_file(f, config, params):
    """Write `config` and `params` to the open binary file `f` in the format `read_model_file` reads."""
    # np.savez on an open file: given a name it appends ".npz" to one without it.
    np.savez(f, config=np.array(json.dumps(config)), format_version=np.array(FORMAT_VERSION),
             convviz_version=np.array(convviz.__version__),   # which convviz wrote it
             **{f"param/{k}": v for k, v in params.items()})


def read_model_file(path, shapes_for, dtype):
    """{key: array of `dtype`} from the model file at `path`, shapes_for(config) -> {key: shape}.

    Every problem raises ModelFileError naming the file; the parameters come back only as a
    full set, each of its shape, floating point and finite after the cast to `dtype`.
    """
    try:
        f = open_regular(path, MAX_FILE_BYTES)
    except FileRefused as e:
        raise ModelFileError(f"{path}: {e.reason}") from None
    with f:
        try:
            zf = zipfile.ZipFile(f)
        except Exception as e:  # noqa: BLE001 (zipfile and format errors all mean the same to a user)
            raise ModelFileError(f"{path}: not a convviz model file ({type(e).__name__}: {e})") from None
        with zf:
            members = {info.filename: info for info in zf.infolist()}
            if "config.npy" not in members:
                raise ModelFileError(f"{path}: not a convviz model file (no config)")
            _check_version(zf, path, members)
            config = _read_config(zf, path, members)
            try:
                shapes = shapes_for(config)
            except ConfigError as e:
                raise ModelFileError(f"{path}: invalid config: {e}") from None
            stored = {name[len("param/"):-len(".npy")] for name in members
                      if name.startswith("param/") and name.endswith(".npy")}
            missing, extra = sorted(set(shapes) - stored), sorted(stored - set(shapes))
            if missing or extra:
                raise ModelFileError(f"{path}: parameters do not match the configuration "
                                     f"(missing {missing or 'none'}, unexpected {extra or 'none'})")
            params = {key: _read_array(zf, path, members[f"param/{key}.npy"], key, shape)
                      for key, shape in shapes.items()}
    return {key: _as_dtype(path, key, value, dtype) for key, value in params.items()}


def _as_dtype(path, key, value, dtype):
    if not np.issubdtype(value.dtype, np.floating):
        raise ModelFileError(f"{path}: {key} holds non-finite or non-float values")
    # Checked after the cast: a float128 1e4000 is finite in the file but inf as float64.
    with np.errstate(over="ignore"):
        cast = value.astype(dtype)
    if not np.isfinite(cast).all():
        raise ModelFileError(f"{path}: {key} holds non-finite or non-float values (as {np.dtype(dtype)})")
    return cast


def _check_version(zf, path, members):
    info = members.get("format_version.npy")
    version = None if info is None else _read_array(zf, path, info, "format version", None, max_bytes=4096,
                                                    quiet=True)
    if version is None or version.shape != () or version.dtype.kind not in "iu" or int(version) != FORMAT_VERSION:
        shown = "missing" if version is None else version if version.shape == () else f"of shape {version.shape}"
        raise ModelFileError(f"{path}: unsupported model format version {shown}")


def _read_config(zf, path, members):
    text = _read_array(zf, path, members["config.npy"], "config", None, max_bytes=MAX_CONFIG_BYTES)
    if text.shape != () or text.dtype.kind not in "US":
        raise ModelFileError(f"{path}: its config is not one JSON text (found {text.dtype} of shape {text.shape})")
    try:
        return json.loads(str(text))
    except RecursionError:
        raise ModelFileError(f"{path}: its config is nested too deeply to be a network's") from None
    except (ValueError, TypeError) as e:
        raise ModelFileError(f"{path}: its config is not valid JSON ({e})") from None


def _read_array(zf, path, info, what, shape, max_bytes=None, quiet=False):
    """One .npy member, its header checked before its data is read: the shape must be `shape`
    (when given), the dtype plain numbers or text, the declared size exactly what they need."""
    try:
        with zf.open(info) as m:
            major, minor = np.lib.format.read_magic(m)
            if (major, minor) == (1, 0):
                found, _fortran, dtype = np.lib.format.read_array_header_1_0(m, max_header_size=_MAX_HEADER)
            elif (major, minor) == (2, 0):
                found, _fortran, dtype = np.lib.format.read_array_header_2_0(m, max_header_size=_MAX_HEADER)
            else:
                raise ModelFileError(f"{path}: {what} uses .npy format {major}.{minor}, which convviz does not read")
            if dtype.hasobject:
                raise ModelFileError(f"{path}: {what} holds Python objects (pickled data), which convviz "
                                     "never loads")
            if shape is not None and tuple(found) != tuple(shape):
                raise ModelFileError(f"{path}: {what} has shape {tuple(found)}, expected {tuple(shape)}")
            need = m.tell() + int(np.prod(found, dtype=object)) * dtype.itemsize
            if info.file_size != need or (max_bytes is not None and need > max_bytes):
                raise ModelFileError(f"{path}: {what} declares {info.file_size:,} bytes but its header "
                                     f"describes {need:,}" if info.file_size != need else
                                     f"{path}: {what} is {need:,} bytes, more than the {max_bytes:,} allowed")
            m.seek(0)
            return np.lib.format.read_array(m, allow_pickle=False, max_header_size=_MAX_HEADER)
    except ModelFileError:
        if quiet:
            return None
        raise
    except Exception as e:  # noqa: BLE001 (a corrupt member: CRC, truncated data, compression, ...)
        if quiet:
            return None
        raise ModelFileError(f"{path}: not a convviz model file ({what}: {type(e).__name__}: {e})") from None
