"""Read a picture file into a grayscale NumPy array with Qt's image readers (no QApplication needed)."""

from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6 import QtCore, QtGui

#: Refuse bigger pictures before decoding: 50 MP of RGBA is 200 MB, plus the float copy.
MAX_PIXELS = 50_000_000
#: Rec. 601 luma weights, as MNIST-era tools (and PIL's "L" mode) used.
LUMA = np.array([0.299, 0.587, 0.114], np.float32)


class ImageLoadError(ValueError):
    """A picture file could not be read; the message names the file and the reason."""


def _error(path, reason):
    return ImageLoadError(f"{Path(path).name}: {reason}")


def _check_file(path):
    p = Path(path)
    if not p.exists():
        raise _error(p, "no such file")
    if p.is_dir():
        raise _error(p, "is a folder, not an image file")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise _error(p, f"cannot be read ({exc.strerror or exc})") from exc
    if size == 0:
        raise _error(p, "empty file")
    return p


@contextmanager
def _qt_messages():
    """Collect Qt's warnings while decoding (a truncated JPEG only warns), away from stderr."""
    messages = []
    previous = QtCore.qInstallMessageHandler(lambda mode, context, text: messages.append(text.strip()))
    try:
        yield messages
    finally:
        QtCore.qInstallMessageHandler(previous)


def _cut_short(p, fmt):
    """True when the file visibly ends early.

    Qt decodes a truncated GIF or BMP without complaint (the rest comes out blank), and libpng
    prints its complaint straight to stderr, so these are checked by their ends first.
    """
    size = p.stat().st_size
    with open(p, "rb") as f:
        head = f.read(6)
        f.seek(max(0, size - 4096))
        tail = f.read()
    if fmt == "png":
        return b"IEND" not in tail  # the last chunk; a few writers add bytes after it
    if fmt == "gif":
        return not tail.rstrip(b"\0").endswith(b";")  # the trailer byte
    if fmt == "bmp":
        return int.from_bytes(head[2:6], "little") > size  # the header's file size
    return False


def _header_size(p, fmt, reader):
    """(width, height) from the file's header, or (0, 0) when the format does not say.

    A PNG's comes straight from its IHDR chunk: asking Qt makes libpng read on to the first
    pixel data, and on a file cut short it prints "libpng error" to stderr.
    """
    if fmt == "png":
        with open(p, "rb") as f:
            head = f.read(24)
        if len(head) == 24 and head[12:16] == b"IHDR":
            return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        return 0, 0
    size = reader.size()
    return (size.width(), size.height()) if size.isValid() else (0, 0)


def _decode(p):
    reader = QtGui.QImageReader(str(p))
    reader.setAutoTransform(True)  # photos carry their orientation in EXIF
    if not reader.canRead():
        raise _error(p, "not an image Qt can read (unknown or unsupported format)")
    fmt = bytes(reader.format()).decode("ascii", "replace").lower()
    width, height = _header_size(p, fmt, reader)  # nothing is decoded yet
    if width * height > MAX_PIXELS:
        raise _error(p, f"image is {width} x {height} = {width * height / 1e6:.0f} megapixels, "
                        f"more than the {MAX_PIXELS // 1_000_000} megapixel limit")
    if _cut_short(p, fmt):
        raise _error(p, "truncated or corrupt image data (the file ends early)")
    with _qt_messages() as messages:
        image = reader.read()
    detail = "; ".join(dict.fromkeys(m for m in messages if m))
    if image.isNull():
        if reader.error() == QtGui.QImageReader.ImageReaderError.InvalidDataError:
            raise _error(p, "truncated or corrupt image data" + (f" ({detail})" if detail else ""))
        raise _error(p, f"could not be decoded ({detail or reader.errorString()})")
    if "premature end" in detail.lower():  # JPEG: Qt fills the missing part with gray
        raise _error(p, f"truncated or corrupt image data ({detail})")
    if image.width() * image.height() > MAX_PIXELS:  # formats whose header gives no size
        raise _error(p, f"image is {image.width()} x {image.height()}, more than the "
                        f"{MAX_PIXELS // 1_000_000} megapixel limit")
    return image


def _pixels(image, channels, dtype):
    """A (h, w, channels) view of the QImage's buffer (rows are bytesPerLine apart: padding).

    Valid only while `image` lives; callers copy out of it.
    """
    h, w = image.height(), image.width()
    itemsize = np.dtype(dtype).itemsize
    buf = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    rows = buf.reshape(h, image.bytesPerLine())[:, :w * channels * itemsize]
    return rows.view(dtype).reshape(h, w, channels)


def load_image(path):
    """2-D float32 array on 0..1 (1 = white) from a PNG, JPEG, BMP, GIF, PGM, ... file.

    Colour becomes luminance; transparent parts are laid over white paper.
    Raises ImageLoadError naming the file and the reason.
    """
    image = _decode(_check_file(path))
    fmt = QtGui.QImage.Format
    if not image.hasAlphaChannel() and image.format() in (fmt.Format_Grayscale8, fmt.Format_Grayscale16):
        if image.format() == fmt.Format_Grayscale16:
            return _pixels(image, 1, np.uint16)[..., 0] * np.float32(1 / 65535)
        return _pixels(image, 1, np.uint8)[..., 0] * np.float32(1 / 255)
    # Byte order R, G, B, A on every platform; not premultiplied, so alpha composites simply.
    image = image.convertToFormat(fmt.Format_RGBA8888)
    rgba = _pixels(image, 4, np.uint8)
    out = np.empty(rgba.shape[:2], np.float32)
    # A band of rows at a time keeps the float temporaries small for a 50-megapixel photo.
    step = max(1, (1 << 20) // max(1, image.width()))
    for r in range(0, len(out), step):
        band = rgba[r:r + step].astype(np.float32) * np.float32(1 / 255)
        alpha = band[..., 3]
        lum = band[..., 0] * LUMA[0] + band[..., 1] * LUMA[1] + band[..., 2] * LUMA[2]
        out[r:r + step] = lum * alpha + (1.0 - alpha)
    return np.clip(out, 0.0, 1.0, out=out)
