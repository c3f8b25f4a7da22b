"""Read a picture file into a grayscale NumPy array with Qt's image readers (no QApplication needed)."""

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6 import QtCore, QtGui

from convviz.files import FileRefused, open_regular

from .svg import check_svg, ensure_gui_application

#: Refuse bigger pictures before decoding: 50 MP of RGBA is 200 MB, plus the float copy.
MAX_PIXELS = 50_000_000
#: Rec. 601 luma weights, as MNIST-era tools (and PIL's "L" mode) used.
LUMA = np.array([0.299, 0.587, 0.114], np.float32)


class ImageLoadError(ValueError):
    """A picture file could not be read; the message names the file and the reason."""


def _error(path, reason):
    return ImageLoadError(f"{Path(path).name}: {reason}")


def _check_file(path):
    """The path, once it is known to be a readable, non-empty regular file.

    Opened here, without blocking, before Qt sees it: Qt's reader would block forever on a
    FIFO, never finish /dev/urandom, and calls an unreadable file "not an image".
    """
    p = Path(path)
    try:
        with open_regular(p) as f:
            size = os.fstat(f.fileno()).st_size
    except FileRefused as exc:
        reason = "is a folder, not an image file" if exc.reason.startswith("is a folder") else exc.reason
        raise _error(p, reason) from None
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


@contextmanager
def _c_stderr(messages):
    """Collect what C libraries print straight to file descriptor 2 while decoding.

    libpng reports a corrupt chunk with its own fprintf ("libpng error: IDAT: incorrect data
    check"), past Qt's message handler; it belongs in the error message, not on the terminal.
    """
    try:
        sys.stderr.flush()
        sink = tempfile.TemporaryFile()
    except (OSError, ValueError, AttributeError):     # nowhere to collect it: let it through
        yield
        return
    try:
        saved = os.dup(2)
    except OSError:                                   # no fd 2 (a GUI on Windows): nothing to catch
        sink.close()
        yield
        return
    with sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read(4096).decode("utf-8", "replace")
            messages.extend(line.strip() for line in text.splitlines() if line.strip())


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


def _decode(p, messages):
    reader = QtGui.QImageReader(str(p))
    reader.setAutoTransform(True)  # photos carry their orientation in EXIF
    if not reader.canRead():
        raise _error(p, "not an image Qt can read (unknown or unsupported format)")
    fmt = bytes(reader.format()).decode("ascii", "replace").lower()
    if fmt in ("svg", "svgz"):
        try:
            data = check_svg(p, fmt)
        except ValueError as exc:
            raise _error(p, str(exc)) from None
        if not ensure_gui_application():
            raise _error(p, "SVG pictures need a Qt GUI application, and this process has none")
        # Decoded from the checked bytes, so the file cannot change between check and decode.
        buffer = QtCore.QBuffer()
        buffer.setData(QtCore.QByteArray(data))
        buffer.open(QtCore.QIODevice.OpenModeFlag.ReadOnly)
        reader = QtGui.QImageReader(buffer, b"svg")
    width, height = _header_size(p, fmt, reader)  # nothing is decoded yet
    if width * height > MAX_PIXELS:
        raise _error(p, f"image is {width} x {height} = {width * height / 1e6:.0f} megapixels, "
                        f"more than the {MAX_PIXELS // 1_000_000} megapixel limit")
    if _cut_short(p, fmt):
        raise _error(p, "truncated or corrupt image data (the file ends early)")
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
    p = _check_file(path)
    # Qt's and libpng's warnings (an sRGB profile, a short JPEG) go into the error message or
    # nowhere, never to stderr: the command line promises one line per problem.
    messages = []
    try:
        with _qt_messages() as messages, _c_stderr(messages):
            image = _decode(p, messages)
    except ImageLoadError as exc:
        said = [m for m in messages if m.startswith("libpng") and m not in str(exc)]
        if said:                  # printed by libpng itself, so only known once decoding stopped
            raise ImageLoadError(f"{exc} ({'; '.join(said)})") from None
        raise
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
