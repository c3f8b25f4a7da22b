"""Issue 8, items 3, 4 and 10 for pictures: SVG text never aborts, SVG never reads other files,
FIFOs and devices are refused at once, and every refusal names the real reason."""

import base64
import os
import struct
import subprocess
import sys
import threading
import time
import zlib

import numpy as np
import pytest

from convviz.digits import ImageLoadError, load_image
from unprivileged import error_as_unprivileged, public_folder

SVG_TEXT = ('<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28">'
            '<rect width="28" height="28" fill="white"/><text x="6" y="24" font-size="24">7</text></svg>')


def run_python(code, *args, timeout=60):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    env.pop("QT_QPA_PLATFORM", None)           # as a user's shell: no platform chosen, maybe no screen
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, check=False)


def test_svg_with_text_decodes_in_a_process_without_a_qt_application(tmp_path):
    (tmp_path / "seven.svg").write_text(SVG_TEXT)
    r = run_python("import sys\nfrom convviz.digits import load_image\n"
                   "a = load_image(sys.argv[1])\nprint(a.shape, float(a.min()) < 0.5)", tmp_path / "seven.svg")
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stdout.split() == ["(28,", "28)", "True"]


def test_cli_predicts_an_svg_with_text_and_the_files_after_it(tmp_path):
    (tmp_path / "seven.svg").write_text(SVG_TEXT)
    (tmp_path / "again.svg").write_text(SVG_TEXT)
    r = run_python("import sys\nfrom convviz.cli import main\nsys.exit(main(sys.argv[1:]))",
                   "predict", tmp_path / "seven.svg", tmp_path / "again.svg")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(tmp_path / "seven.svg"), str(tmp_path / "again.svg")]
    assert all(line.split(": ")[1].startswith("7 ") for line in lines), lines
    assert r.stderr == ""


def svg_referring_to(target):
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="28" height="28"><image xlink:href="{target}" width="28" height="28"/></svg>')


@pytest.mark.parametrize("make", ["fifo", "file", "absolute", "css-url", "entity"])
def test_svg_never_loads_other_files(tmp_path, make):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    body = {"fifo": svg_referring_to("pipe.png"), "file": svg_referring_to("other.png"),
            "absolute": svg_referring_to(f"file://{fifo}"),
            "css-url": ('<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28">'
                        '<rect width="9" height="9" style="fill: url(pipe.svg#p)"/></svg>'),
            "entity": ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e SYSTEM "pipe.png">]>'
                       '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28"><text>&e;</text></svg>')}[make]
    (tmp_path / "digit.svg").write_text(body)
    r = run_python("import sys\nfrom convviz.cli import main\nsys.exit(main(sys.argv[1:]))",
                   "predict", tmp_path / "digit.svg", timeout=30)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1 and "digit.svg" in r.stderr
    assert ("another file" in r.stderr) or ("entities" in r.stderr), r.stderr


def test_svg_may_embed_a_picture_as_a_data_uri(tmp_path, qapp):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage
    img = QImage(28, 28, QImage.Format.Format_Grayscale8)
    img.fill(0)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    uri = "data:image/png;base64," + base64.b64encode(bytes(data)).decode()
    (tmp_path / "embedded.svg").write_text(svg_referring_to(uri))
    assert load_image(tmp_path / "embedded.svg").max() < 0.1


def unblock_fifo_later(path, seconds=3.0):
    """Open the writing end after a while so a reader wrongly blocked in open() comes back."""
    def release():
        time.sleep(seconds)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    threading.Thread(target=release, daemon=True).start()


def test_a_fifo_image_is_refused_at_once(tmp_path):
    fifo = tmp_path / "digit.png"
    os.mkfifo(fifo)
    unblock_fifo_later(fifo)
    start = time.monotonic()
    with pytest.raises(ImageLoadError, match="digit.png: is a named pipe"):
        load_image(fifo)
    assert time.monotonic() - start < 2


@pytest.mark.parametrize("device", ["/dev/urandom", "/dev/zero"])
def test_a_device_is_not_called_an_empty_file(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(ImageLoadError, match="is a device, not a regular file"):
        load_image(device)


def test_a_symlink_loop_is_not_called_missing(tmp_path):
    (tmp_path / "a.png").symlink_to(tmp_path / "b.png")
    (tmp_path / "b.png").symlink_to(tmp_path / "a.png")
    with pytest.raises(ImageLoadError, match="a.png: is a symbolic link loop"):
        load_image(tmp_path / "a.png")


def test_permission_denied_is_not_called_an_unknown_format():
    with public_folder() as folder:
        path = os.path.join(folder, "digit.png")
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + bytes(100))
        os.chmod(path, 0)
        assert error_as_unprivileged(lambda: load_image(path)) == "digit.png: permission denied"


def corrupt_png(path):
    from PySide6.QtGui import QImage
    img = np.zeros((56, 56), np.uint8)
    img[10:46, 26:31] = 255
    QImage(img.data, 56, 56, 56, QImage.Format.Format_Grayscale8).save(str(path))
    data = bytearray(path.read_bytes())
    i = data.index(b"IDAT")
    n = struct.unpack(">I", data[i - 4:i])[0]
    body = bytearray(data[i + 4:i + 4 + n])
    body[2:6] = b"\xff\xff\xff\xff"                  # a broken deflate stream with a valid CRC
    chunk = b"IDAT" + bytes(body)
    path.write_bytes(bytes(data[:i - 4]) + struct.pack(">I", n) + chunk + struct.pack(">I", zlib.crc32(chunk))
                     + bytes(data[i + 4 + n + 4:]))


def test_libpng_complaints_go_into_the_one_error_line(tmp_path):
    corrupt_png(tmp_path / "broken.png")
    r = run_python("import sys\nfrom convviz.cli import main\nsys.exit(main(sys.argv[1:]))",
                   "predict", tmp_path / "broken.png")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("convviz predict: broken.png:"), r.stderr
    assert "libpng error" in r.stderr


def use_bomb(levels=8):
    """Each level draws the one below ten times: 10**levels shapes from a 2 KB file."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28"><defs>'
             '<rect id="l0" width="1" height="1"/>']
    for i in range(1, levels + 1):
        parts.append(f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>")
    return "".join(parts) + f'</defs><use href="#l{levels}"/></svg>'


def test_an_svg_use_bomb_is_refused_instead_of_rendered(tmp_path):
    (tmp_path / "laughs.svg").write_text(use_bomb())
    start = time.monotonic()
    r = run_python("import sys\nfrom convviz.cli import main\nsys.exit(main(sys.argv[1:]))",
                   "predict", tmp_path / "laughs.svg", timeout=60)
    assert r.returncode == 2 and "more than 100,000 elements" in r.stderr, r.stderr
    assert time.monotonic() - start < 30


@pytest.mark.parametrize("body, words", [
    ('<g id="a"><use href="#a"/></g>', "loop"),
    ("<g>" * 5000 + "</g>" * 5000, "nested too deeply"),
    ("<g><rect></g>", "not well-formed"),
])
def test_svg_loops_deep_nesting_and_broken_xml_are_refused(tmp_path, body, words):
    (tmp_path / "x.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28">{body}</svg>')
    with pytest.raises(ImageLoadError, match=words):
        load_image(tmp_path / "x.svg")
