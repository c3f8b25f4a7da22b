"""SVG pictures made safe to decode: no external files, no entities, and the Qt application they need."""

import gzip
import io
import re
import xml.etree.ElementTree as ET
import zlib

from PySide6 import QtCore, QtGui

from convviz.files import FileRefused, open_regular

#: A hand-drawn digit as SVG is a few kilobytes; ten megabytes is generous.
MAX_SVG_BYTES = 10 << 20
#: Elements drawn once every <use> is expanded: ten levels of ten <use> each are 10^10 shapes in a
#: 2 KB file, and Qt renders them all (it hangs). A digit needs a few hundred at most.
MAX_SVG_ELEMENTS = 100_000
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_REFERENCE = re.compile(rb"""\bhref\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
_URL = re.compile(rb"""url\(\s*(["']?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_app = None


def _internal(target):
    """A reference inside the file itself: '#id' or an inline 'data:' URI."""
    target = target.strip().lower()
    return target.startswith((b"#", b"data:"))


def check_svg(path, fmt):
    """The SVG's bytes (unzipped for .svgz) once checked; ValueError says why a file is refused.

    Qt's SVG renderer follows <image href="...">, <use href="other.svg#id"> and url(...) to
    other files: a FIFO there hangs the decoder, and a picture should not read other files.
    """
    try:
        with open_regular(path, MAX_SVG_BYTES) as f:
            data = f.read(MAX_SVG_BYTES + 1)
    except FileRefused as exc:
        raise ValueError(exc.reason) from None
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as z:
                data = z.read(MAX_SVG_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"compressed SVG cannot be unpacked ({exc})") from None
    if len(data) > MAX_SVG_BYTES:
        raise ValueError(f"SVG of more than {MAX_SVG_BYTES >> 20} MB; not a digit picture")
    if re.search(rb"<!ENTITY", data, re.IGNORECASE):
        raise ValueError("SVG declares XML entities (<!ENTITY ...>); convviz does not read such files")
    if re.search(rb"<\?xml-stylesheet|@import", data, re.IGNORECASE):
        raise ValueError("SVG loads an external style sheet; convviz does not load other files")
    for pattern in (_REFERENCE, _URL):
        for match in pattern.finditer(data):
            if not _internal(match.group(2)):
                shown = match.group(2).decode("utf-8", "replace").strip()[:60]
                raise ValueError(f"SVG refers to another file ({shown!r}); convviz does not load "
                                 "other files from a picture (embed it as a data: URI)")
    _check_expanded_size(data)
    return data


def _check_expanded_size(data):
    """ValueError when the picture, with every <use> expanded, has more than MAX_SVG_ELEMENTS elements."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"SVG is not well-formed XML ({exc})") from None
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    sizes, visiting = {}, set()

    def size(el):
        key = id(el)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            raise ValueError("SVG <use> references form a loop")
        visiting.add(key)
        total = 1 + sum(size(child) for child in el)
        if el.tag.rsplit("}", 1)[-1] == "use":
            href = (el.get("href") or el.get(_XLINK_HREF) or "").strip()
            target = by_id.get(href[1:]) if href.startswith("#") else None
            total += size(target) if target is not None else 0
        visiting.discard(key)
        if total > MAX_SVG_ELEMENTS:
            raise ValueError(f"SVG expands to more than {MAX_SVG_ELEMENTS:,} elements through <use> "
                             "references; not a digit picture")
        sizes[key] = total
        return total
    try:
        size(root)
    except RecursionError:
        raise ValueError("SVG is nested too deeply") from None


def ensure_gui_application():
    """True when a QGuiApplication exists or could be made here (offscreen: no screen needed).

    Rendering SVG text needs fonts, and Qt aborts the whole process (SIGABRT, no message)
    when it finds no QGuiApplication. A process with a plain QCoreApplication cannot have one.
    """
    global _app
    existing = QtCore.QCoreApplication.instance()
    if existing is not None:
        return isinstance(existing, QtGui.QGuiApplication)
    # A QApplication (not only a QGuiApplication), so a GUI started later can still use it.
    from PySide6.QtWidgets import QApplication
    _app = QApplication(["convviz", "-platform", "offscreen"])
    return True
