"""Read a picture file into a grayscale NumPy array with Qt's image readers (no QApplication needed)."""

from pathlib import Path

import numpy as np
from PySide6 import QtGui

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


def _decode(p):
    reader = QtGui.QImageReader(str(p))
    reader.setAutoTransform(True)  # photos carry their orientation in EXIF
    if not reader.canRead():
        if reader.error() == QtGui.QImageReader.ImageReaderError.FileNotFoundError:
            raise _error(p, "cannot be opened")
        raise _error(p, "not an image Qt can read (unknown or unsupported format)")
    size = reader.size()  # from the header only; nothing is decoded yet
    if size.isValid():
        pixels = size.width() * size.height()
        if pixels > MAX_PIXELS:
            raise _error(p, f"image is {size.width()} x {size.height()} = {pixels / 1e6:.0f} megapixels, "
                            f"more than the {MAX_PIXELS // 1_000_000} megapixel limit")
    image = reader.read()
    if image.isNull():
        if reader.error() == QtGui.QImageReader.ImageReaderError.InvalidDataError:
            raise _error(p, "truncated or corrupt image data")
        raise _error(p, f"could not be decoded ({reader.errorString()})")
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
