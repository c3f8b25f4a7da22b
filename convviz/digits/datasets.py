"""Read digit datasets: .npz (images, labels) or MNIST IDX pairs, plain or gzip, checked."""

import gzip
import re
import zipfile
import zlib
from pathlib import Path

import numpy as np

from convviz import shipped

IDX_UBYTE = 0x08
#: Larger than any real digit set (all of MNIST is 55 MB unpacked); stops a gzip bomb.
MAX_BYTES = 1 << 30
# train-images-idx3-ubyte, t10k-images.idx3-ubyte(.gz), ...: the label file swaps both parts.
_IMAGES = re.compile(r"images([.-])idx3")
_LABELS = re.compile(r"labels([.-])idx1")


class DatasetError(ValueError):
    """A dataset file is missing, malformed or inconsistent; the message names the file and the problem."""


def default_dataset_path():
    """The shipped training set: 5,000 MNIST training digits, 500 per class."""
    return shipped.path("training_digits")


def load_dataset(path):
    """(images uint8 (N, 28, 28), labels uint8 (N,)) from an .npz, an IDX images file, or a folder.

    An IDX images file finds its labels file beside it by the standard name
    (t10k-images-idx3-ubyte.gz -> t10k-labels-idx1-ubyte.gz); a folder must hold one such pair.
    """
    p = Path(path)
    if not p.exists():
        raise DatasetError(f"{p}: no such file or folder")
    if p.is_dir():
        images_path, labels_path = _pair_in_folder(p)
    elif p.suffix.lower() == ".npz":
        return _load_npz(p)
    else:
        images_path, labels_path = _pair_of(p)
    images = _read_idx(images_path, ndim=3)
    labels = _read_idx(labels_path, ndim=1)
    if images.shape[1:] != (28, 28):
        raise DatasetError(f"{images_path}: images are {images.shape[1]}x{images.shape[2]}, not 28x28")
    if len(images) != len(labels):
        raise DatasetError(f"{images_path}: {len(images)} images but {labels_path.name} "
                           f"holds {len(labels)} labels")
    _check_labels(labels, labels_path)
    return images, labels


def _pair_of(p):
    name = p.name
    if _IMAGES.search(name):
        other = p.with_name(_IMAGES.sub(r"labels\1idx1", name))
        pair = (p, other)
    elif _LABELS.search(name):
        other = p.with_name(_LABELS.sub(r"images\1idx3", name))
        pair = (other, p)
    else:
        raise DatasetError(f"{p}: not an .npz file nor a standard MNIST IDX name "
                           "(like train-images-idx3-ubyte or t10k-images-idx3-ubyte.gz)")
    if not other.is_file():
        raise DatasetError(f"{p}: its partner file {other.name} is not beside it")
    return pair


def _pair_in_folder(folder):
    found = sorted(f for f in folder.iterdir() if f.is_file() and _IMAGES.search(f.name))
    if not found:
        raise DatasetError(f"{folder}: folder holds no MNIST IDX images file (like train-images-idx3-ubyte)")
    if len(found) > 1:
        names = ", ".join(f.name for f in found)
        raise DatasetError(f"{folder}: folder holds several IDX images files ({names}); pass one of them")
    return _pair_of(found[0])


def _read_bytes(p):
    try:
        with open(p, "rb") as f:
            head = f.read(2)
        if head == b"\x1f\x8b":  # gzip by content, whatever the name says
            with gzip.open(p, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        else:
            with open(p, "rb") as f:
                data = f.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DatasetError(f"{p}: cannot be read ({exc})") from exc
    if len(data) > MAX_BYTES:
        raise DatasetError(f"{p}: more than {MAX_BYTES >> 20} MB of data; not a digit dataset")
    return data


def _read_idx(p, ndim):
    data = _read_bytes(p)
    kind = "images" if ndim == 3 else "labels"
    if len(data) < 4:
        raise DatasetError(f"{p}: {len(data)} bytes, too short for an IDX header")
    if data[0] != 0 or data[1] != 0:
        raise DatasetError(f"{p}: bad magic number {data[:4].hex()} (an IDX file starts with 00 00)")
    if data[2] != IDX_UBYTE:
        raise DatasetError(f"{p}: IDX data type 0x{data[2]:02x} unsupported (digits are unsigned bytes, 0x08)")
    if data[3] != ndim:
        raise DatasetError(f"{p}: IDX file has {data[3]} dimensions; {kind} files have {ndim}")
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DatasetError(f"{p}: header cut short ({len(data)} of {header} bytes)")
    dims = tuple(int(d) for d in np.frombuffer(data, ">u4", count=ndim, offset=4))
    need = int(np.prod(dims, dtype=np.int64))
    have = len(data) - header
    if have != need:
        shape = "x".join(map(str, dims))
        raise DatasetError(f"{p}: holds {have} bytes of data but its dimensions {shape} need {need}")
    return np.frombuffer(data, np.uint8, offset=header).reshape(dims).copy()


def _check_labels(labels, p):
    bad = np.flatnonzero((labels < 0) | (labels > 9))
    if bad.size:
        bad = int(bad[0])
        raise DatasetError(f"{p}: label {int(labels[bad])} at index {bad} is outside 0..9")


def _load_npz(p):
    try:
        with np.load(p, allow_pickle=False) as npz:
            missing = [k for k in ("images", "labels") if k not in npz.files]
            if missing:
                raise DatasetError(f"{p}: no array named {' or '.join(missing)} "
                                   f"(found: {', '.join(npz.files) or 'none'})")
            images, labels = npz["images"], npz["labels"]
    except DatasetError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise DatasetError(f"{p}: not a readable .npz file ({exc})") from exc
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise DatasetError(f"{p}: images have shape {images.shape}, expected (N, 28, 28)")
    if labels.shape != (len(images),):
        raise DatasetError(f"{p}: {len(images)} images but labels have shape {labels.shape}")
    for name, arr in (("images", images), ("labels", labels)):
        if not np.issubdtype(arr.dtype, np.integer):
            raise DatasetError(f"{p}: {name} are {arr.dtype}, expected unsigned 8-bit integers")
    if images.size and (images.min() < 0 or images.max() > 255):
        raise DatasetError(f"{p}: image pixel values outside 0..255")
    _check_labels(labels, p)
    return images.astype(np.uint8), labels.astype(np.uint8)
