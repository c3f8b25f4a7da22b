"""File actions of the main window: open/save models, exports, drag and drop.

Each takes a path (the menus ask for it with a file dialog; tests pass it directly) and
reports problems through the window's error reporter, leaving the current state untouched.
Every file is written atomically (a temporary file beside it, then a rename).
"""

import contextlib
import os
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from convviz.engine import ModelFileError, Network
from convviz.files import atomic_write

from .settings import read_folder


class FileActions:
    """Mixin for MainWindow: needs self.net, self.panel, self._report, self._input_changed."""

    # ---- the one guarded place for actions the user started ------------------------------
    def _attempt(self, title, path, action, kept):
        """(True, action()) or, on any failure, one message box and (False, None).

        Whatever fails (a bad file, a full disk, a config nested 100,000 deep, memory, a bug) the
        user sees one box saying what and why, and the window, drawing, model and step stay.
        """
        try:
            return True, action()
        except Exception as e:  # noqa: BLE001 (everything must reach the user, not Qt's event loop)
            self._report(title, f"{path}\n\n{_reason(e)}\n\n{kept}")
            return False, None

    # ---- files -----------------------------------------------------------------------
    def open_model(self, path):
        """Replace the network with one saved by convviz; on any error the current one stays."""
        def load():
            net = Network.load(path)
            if list(net.config["input"]) != [28, 28] or net.classes != 10:
                raise ModelFileError(f"{Path(path).name}: expects {net.config['input']} inputs and "
                                     f"{net.classes} classes; convviz draws 28×28 digits 0-9")
            return net
        ok, net = self._attempt(self.tr("Could not open the model"), path, load,
                                self.tr("The current model was kept."))
        if not ok:
            return False
        self.net = net
        self._loaded_params = {k: v.copy() for k, v in net.params.items()}
        self.model_name = Path(path).name
        self.updates_applied = 0
        self._update_model_label()
        self._input_changed()
        self.statusBar().showMessage(f"Opened model {Path(path).name}", 6000)
        return True

    def save_model(self, path):
        ok, _ = self._attempt(self.tr("Could not save the model"), path, lambda: self.net.save(path),
                              self.tr("Nothing was written: a file already there is unchanged."))
        if ok:
            self.statusBar().showMessage(f"Saved the model to {path}", 6000)
        return ok

    def export_step_arrays(self, path):
        arrays = self.panel.current_step_arrays()
        if not arrays:
            self._report("Nothing to export", "There is no current step: draw a digit first.")
            return False
        path = _with_suffix(path, ".npz")       # the name reported is the name written

        def write():
            data = {k: np.asarray(v) for k, v in arrays.items()}
            bad = [k for k, v in data.items() if v.dtype.kind in "fc" and not np.isfinite(v).all()]
            if bad:                              # an α far too large; such files are never written
                raise ValueError(f"{', '.join(bad)} hold infinite or NaN values; try a smaller α")
            with atomic_write(path) as f:
                np.savez(f, **data)
        ok, _ = self._attempt(self.tr("Could not export the step"), path, write,
                              self.tr("Nothing was written: a file already there is unchanged."))
        if ok:
            self.statusBar().showMessage(f"Saved {len(arrays)} arrays to {path}", 6000)
        return ok

    def export_window_png(self, path):
        return self._save_picture(_with_suffix(path, ".png"), lambda tmp: self.grab().save(tmp))

    def export_stage_png(self, path):
        return self._save_picture(_with_suffix(path, ".png"), lambda tmp: bool(self.panel.export_stage_png(tmp)))

    def _save_picture(self, path, save):
        """Qt writes the picture to a temporary .png beside `path`, which then replaces it."""
        def write():
            fd, tmp = tempfile.mkstemp(dir=Path(path).parent, prefix=f".{Path(path).name}.", suffix=".png")
            os.close(fd)
            try:
                if not save(tmp):
                    raise OSError(self.tr("Qt could not write the picture"))
                os.replace(tmp, path)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        ok, _ = self._attempt(self.tr("Could not save the picture"), path, write,
                              self.tr("Nothing was written: a file already there is unchanged."))
        if ok:
            self.statusBar().showMessage(f"Saved {path}", 6000)
        return ok

    def ask_path(self, title, pattern, save=False, suggested=""):
        """A file dialog in the folder used last (menu actions only; tests pass paths directly)."""
        folder = read_folder(self.settings, "files/last_dir")
        start = str(Path(folder) / suggested) if folder else suggested
        fn = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = fn(self, title, start, pattern)
        if path:
            self.settings.setValue("files/last_dir", str(Path(path).parent))
        return path or None

    # ---- drag and drop ---------------------------------------------------------------
    def dragEnterEvent(self, event):
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event):
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            path = urls[0].toLocalFile()
            if path.lower().endswith(".npz"):
                self.open_model(path)
            else:
                self.open_image(path)


def _reason(e):
    """What went wrong, in words: the error's own message where it is written for people."""
    if isinstance(e, MemoryError):
        return _tr("Not enough memory.")
    if isinstance(e, RecursionError):
        return _tr("The file is nested too deeply to be read.")
    if isinstance(e, OSError) and e.strerror:
        return f"{e.strerror}."          # the path is already shown above it
    if isinstance(e, (OSError, ValueError)):
        return str(e)
    return _tr("An unexpected error ({0}: {1}). Please report it.").format(type(e).__name__, e)


def _tr(text):
    return QCoreApplication.translate("FileActions", text)


def _with_suffix(path, suffix):
    """The path as a string, with `suffix` added when it has none (Qt picks the format by it)."""
    p = Path(path)
    return str(p if p.suffix else p.with_suffix(suffix))
