"""load_image: picture files to grayscale arrays via Qt, and every way a file can be bad."""

import os
import struct
import subprocess
import sys
import zlib

import numpy as np
import pytest
from PySide6 import QtGui

from convviz.digits import ImageLoadError, load_image


def qimage_from(gray):
    """A QImage (RGB32) holding a 2-D uint8 array as gray."""
    h, w = gray.shape
    argb = (0xFF000000 | (gray.astype(np.uint32) * 0x010101)).astype(np.uint32)
    img = QtGui.QImage(argb.tobytes(), w, h, 4 * w, QtGui.QImage.Format.Format_RGB32)
    return img.copy()  # own the pixels, not the temporary bytes


def pattern(h=30, w=23):
    """A gray test picture: dark bar on white with a mid-gray square; odd width tests row padding."""
    g = np.full((h, w), 255, np.uint8)
    g[5:25, 8:12] = 0
    g[2:8, 15:21] = 128
    return g


# Tolerances: PGM is saved as 16-bit gray (Qt's 8-to-16-bit conversion is off by a few
# 1/65535); JPEG is lossy and rings at the bar's edges.
@pytest.mark.parametrize("ext,tolerance", [("png", 1e-6), ("bmp", 1e-6), ("pgm", 2e-4), ("jpg", 0.15)])
def test_formats_qt_writes(tmp_path, ext, tolerance):
    g = pattern()
    path = tmp_path / f"digit.{ext}"
    assert qimage_from(g).save(str(path))
    out = load_image(path)
    assert out.shape == g.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    np.testing.assert_allclose(out, g / 255.0, atol=tolerance)
    assert np.abs(out - g / 255.0).mean() < 0.02


def gif_bytes(gray):
    """A GIF of a uint8 picture (gray palette): Qt reads GIF but cannot write it.

    LZW without compression: 9-bit codes, one per pixel, and a clear code before the code
    table would need 10 bits, so any GIF decoder reads it.
    """
    h, w = gray.shape
    head = b"GIF89a" + struct.pack("<HHBBB", w, h, 0xF7, 0, 0) + bytes(np.repeat(np.arange(256), 3).astype(np.uint8))
    codes = []
    for i, v in enumerate(gray.ravel()):
        if i % 254 == 0:
            codes.append(256)  # clear
        codes.append(int(v))
    codes.append(257)  # end of information
    bits = "".join(format(c, "09b")[::-1] for c in codes)  # least significant bit first
    bits += "0" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8][::-1], 2) for i in range(0, len(bits), 8))
    blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255))
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x08" + blocks + b"\x00"
    return head + image + b"\x3b"


def test_gif(tmp_path):
    g = pattern()
    path = tmp_path / "digit.gif"
    path.write_bytes(gif_bytes(g))
    np.testing.assert_allclose(load_image(path), g / 255.0, atol=1e-6)


def test_colour_becomes_luminance(tmp_path):
    rgb = QtGui.QImage(3, 2, QtGui.QImage.Format.Format_RGB32)
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255), (0, 0, 0), (255, 255, 0)]
    for k, c in enumerate(colours):
        rgb.setPixelColor(k % 3, k // 3, QtGui.QColor(*c))
    path = tmp_path / "colour.png"
    assert rgb.save(str(path))
    expected = np.array([[0.299, 0.587, 0.114], [1.0, 0.0, 0.886]], np.float32)
    np.testing.assert_allclose(load_image(path), expected, atol=1e-5)


def test_transparency_is_laid_over_white(tmp_path):
    img = QtGui.QImage(3, 1, QtGui.QImage.Format.Format_ARGB32)
    img.setPixelColor(0, 0, QtGui.QColor(0, 0, 0, 0))  # fully transparent black: paper shows
    img.setPixelColor(1, 0, QtGui.QColor(0, 0, 0, 255))  # opaque black ink
    img.setPixelColor(2, 0, QtGui.QColor(0, 0, 0, 128))  # half-transparent black: mid gray
    path = tmp_path / "alpha.png"
    assert img.save(str(path))
    np.testing.assert_allclose(load_image(path), [[1.0, 0.0, 1 - 128 / 255]], atol=1e-5)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png_header(width, height):
    """A PNG whose valid header claims width x height pixels; no such image is ever allocated."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
            + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + png_chunk(b"IEND", b""))


@pytest.mark.parametrize("header_only", [False, True])
def test_refuses_huge_image_before_decoding(tmp_path, capfd, header_only):
    path = tmp_path / "huge.png"
    data = huge_png_header(100_000, 100_000)
    path.write_bytes(data[:33] if header_only else data)  # 33 bytes: signature and IHDR alone
    with pytest.raises(ImageLoadError, match=r"huge\.png: .*100000 x 100000.*megapixel"):
        load_image(path)
    assert capfd.readouterr().err == ""


def make_bad(tmp_path, kind):
    if kind == "missing":
        return tmp_path / "nothing.png"
    if kind == "folder":
        folder = tmp_path / "pictures.png"
        folder.mkdir()
        return folder
    path = tmp_path / "digit.png"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "garbage":
        path.write_bytes(bytes(np.random.default_rng(0).integers(0, 256, 500, dtype=np.uint8)))
    elif kind.startswith("truncated"):
        ext = kind.split("-")[1]
        path = tmp_path / f"digit.{ext}"
        noise = np.random.default_rng(1).integers(0, 256, (60, 60), dtype=np.uint8)
        if ext == "gif":
            data = gif_bytes(noise)
        else:
            full = tmp_path / f"full.{ext}"
            assert qimage_from(noise).save(str(full))
            data = full.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("kind,reason", [
    ("missing", r"nothing\.png: no such file"),
    ("folder", r"pictures\.png: is a folder"),
    ("empty", r"digit\.png: empty file"),
    ("garbage", r"digit\.png: not an image"),
    ("truncated-png", r"digit\.png: truncated or corrupt image data"),
    # Qt decodes these without an error (JPEG with a warning), filling the missing part.
    ("truncated-jpg", r"digit\.jpg: truncated or corrupt image data"),
    ("truncated-gif", r"digit\.gif: truncated or corrupt image data"),
    ("truncated-bmp", r"digit\.bmp: truncated or corrupt image data"),
    ("truncated-pgm", r"digit\.pgm: truncated or corrupt image data"),
])
def test_bad_files(tmp_path, capfd, kind, reason):
    path = make_bad(tmp_path, kind)
    with pytest.raises(ImageLoadError, match=reason):
        load_image(path)
    with pytest.raises(ValueError):  # callers may catch the general kind
        load_image(str(path))
    assert capfd.readouterr().err == ""  # the error says it all; no decoder chatter on stderr


def test_works_in_a_plain_script_without_qapplication_or_screen(tmp_path):
    path = tmp_path / "digit.jpg"  # JPEG comes from a Qt plugin, the likeliest thing to need an app
    assert qimage_from(pattern()).save(str(path))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    script = ("import sys; from convviz.digits import load_image; from PySide6 import QtCore; "
              "a = load_image(sys.argv[1]); assert QtCore.QCoreApplication.instance() is None; "
              "print(a.shape, a.dtype)")
    result = subprocess.run([sys.executable, "-c", script, str(path)], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(30, 23) float32"


def test_gray_png_with_padded_rows(tmp_path):
    g = pattern(7, 5)  # 5-byte rows are padded to 8 bytes in a Grayscale8 QImage
    img = QtGui.QImage(g.tobytes(), 5, 7, 5, QtGui.QImage.Format.Format_Grayscale8).copy()
    assert img.bytesPerLine() == 8
    path = tmp_path / "gray.png"
    assert img.save(str(path))
    np.testing.assert_allclose(load_image(path), g / 255.0, atol=1e-6)
