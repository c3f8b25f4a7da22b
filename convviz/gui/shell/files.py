"""File actions of the window: open/save models, open images, exports, asking for a path.

Each takes a path (the menus ask for it with a file dialog; tests pass it directly) and
reports problems through the window's error reporter, leaving the current state untouched.
A new model or picture goes to the Session (and the canvas); this class keeps no state of its own.
Every file is written atomically (a temporary file beside it, then a rename).
"""

import contextlib
import os
import tempfile
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from convviz.digits import load_image
from convviz.engine import ModelFileError, Network
from convviz.engine.export import save_iteration
from convviz.files import atomic_write
from convviz.gui.panels.draw.canvas import to_ink
from convviz.gui.shell.settings import read_folder


class FileActions(QObject):
    """window: for dialogs, the status bar and grabbing; session, left (canvas, samples), panel, settings;
    report(title, text) shows an error."""

    def __init__(self, window, session, left, panel, settings, report):
        super().__init__(window)
        self.window, self.session, self.left, self.panel = window, session, left, panel
        self.settings, self.report = settings, report

    def _status(self, text, ms=6000):
        self.window.statusBar().showMessage(text, ms)

    def _attempt(self, title, path, action, kept):
        """(True, action()) or, on any failure, one message box and (False, None).

        Whatever fails (a bad file, a full disk, a config nested 100,000 deep, memory, a bug) the
        user sees one box saying what and why, and the window, drawing, model and step stay.
        """
        try:
            return True, action()
        except Exception as e:  # noqa: BLE001 (everything must reach the user, not Qt's event loop)
            self.report(title, f"{path}\n\n{self._reason(e)}\n\n{kept}")
            return False, None

    def _reason(self, e):
        """What went wrong, in words: the error's own message where it is written for people."""
        if isinstance(e, MemoryError):
            return self.tr("Not enough memory.")
        if isinstance(e, RecursionError):
            return self.tr("The file is nested too deeply to be read.")
        if isinstance(e, OSError) and e.strerror:
            return f"{e.strerror}."          # the path is already shown above it
        if isinstance(e, (OSError, ValueError)):
            return str(e)
        return self.tr("An unexpected error ({0}: {1}). Please report it.").format(type(e).__name__, e)

    def _unchanged(self):
        return self.tr("Nothing was written: a file already there is unchanged.")

    # ---- models and images -----------------------------------------------------------
    def open_model(self, path):
        """Replace the network with one saved by convviz; on any error the current one stays."""
        def load():
            net = Network.load(path)
            h, w = net.config["input"]
            # smaller square inputs are the drawn 28 × 28 image area-averaged (the network editor's)
            if h != w or not 1 <= h <= 28 or net.classes != 10:
                raise ModelFileError(self.tr("{0}: expects {1}×{2} inputs and {3} classes; convviz draws 28×28 "
                                             "digits 0-9 (or area-averages them to a smaller square)").format(
                    Path(path).name, h, w, net.classes))
            return net
        ok, net = self._attempt(self.tr("Could not open the model"), path, load,
                                self.tr("The current model was kept."))
        if not ok:
            return False
        self.session.set_network(net, Path(path).name,
                                 origin=self.tr("weights from {0}").format(Path(path).name))
        self._status(self.tr("Opened model {0}").format(Path(path).name))
        return True

    def save_model(self, path):
        ok, _ = self._attempt(self.tr("Could not save the model"), path, lambda: self.session.net.save(path),
                              self._unchanged())
        if ok:
            self._status(self.tr("Saved the model to {0}").format(path))
        return ok

    def open_image(self, path):
        """Load a picture file onto the canvas (File ▸ Open image…, drag and drop); False on error."""
        ok, picture = self._attempt(self.tr("Could not open the image"), path, lambda: load_image(path),
                                    self.tr("The canvas was not changed."))
        if not ok:
            return False
        self.session.use_predicted_label(new_iteration=False)
        self.left.sample_picker.show_none()
        self.left.canvas.set_picture(to_ink(picture))        # strokeFinished: a new iteration
        note = (self.tr("no ink found in it") if self.session.probs is None
                else self.tr("{0}×{1} px").format(picture.shape[1], picture.shape[0]))
        self._status(self.tr("Opened {0} ({1})").format(Path(path).name, note))
        return True

    def open_dropped(self, path):
        """A file dropped on the window: a .npz is a model, anything else a picture."""
        return self.open_model(path) if path.lower().endswith(".npz") else self.open_image(path)

    # ---- exports -----------------------------------------------------------------------
    def export_step_arrays(self, path):
        arrays = self.panel.current_step_arrays()
        if not arrays:
            self.report(self.tr("Nothing to export"), self.tr("There is no current step: draw a digit first."))
            return False
        path = _with_suffix(path, ".npz")       # the name reported is the name written

        def write():
            data = {k: np.asarray(v) for k, v in arrays.items()}
            bad = [k for k, v in data.items() if v.dtype.kind in "fc" and not np.isfinite(v).all()]
            if bad:                              # an α far too large; such files are never written
                raise ValueError(self.tr("{0} hold infinite or NaN values; try a smaller α").format(", ".join(bad)))
            with atomic_write(path) as f:
                np.savez(f, **data)
        ok, _ = self._attempt(self.tr("Could not export the step"), path, write, self._unchanged())
        if ok:
            self._status(self.tr("Saved {0} arrays to {1}").format(len(arrays), path))
        return ok

    def export_iteration(self, path):
        """File ▸ Export whole iteration: every step's arrays in one .npz and a JSON index beside it."""
        trace = self.session.trace
        if trace is None:
            self.report(self.tr("Nothing to export"), self.tr("There is no iteration: draw a digit first."))
            return False
        try:
            npz, index = save_iteration(trace, path)
        except (OSError, ValueError) as e:
            self.report(self.tr("Could not export the iteration"), f"{path}\n\n{e}")
            return False
        self._status(self.tr("Saved {0} steps to {1} (arrays) and {2} (index)").format(len(trace), npz, index.name))
        return True

    def export_window_png(self, path):
        return self._save_picture(_with_suffix(path, ".png"), lambda tmp: self.window.grab().save(tmp))

    def export_stage_png(self, path):
        return self._save_picture(_with_suffix(path, ".png"), lambda tmp: bool(self.panel.export_stage_png(tmp)))

    def _save_picture(self, path, save):
        """Qt writes the picture to a temporary .png beside `path`, which then replaces it."""
        def write():
            fd, tmp = tempfile.mkstemp(dir=Path(path).parent, prefix=f".{Path(path).name}.", suffix=".png")
            os.close(fd)
            try:
                if not save(tmp):
                    raise OSError(self.tr("The file could not be written."))
                os.replace(tmp, path)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        ok, _ = self._attempt(self.tr("Could not save the picture"), path, write, self._unchanged())
        if ok:
            self._status(self.tr("Saved {0}").format(path))
        return ok

    def ask_path(self, title, pattern, save=False, suggested=""):
        """A file dialog in the folder used last (menu actions only; tests pass paths directly)."""
        folder = read_folder(self.settings, "files/last_dir")
        start = str(Path(folder) / suggested) if folder else suggested
        fn = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = fn(self.window, title, start, pattern)
        if path:
            self.settings.setValue("files/last_dir", str(Path(path).parent))
        return path or None


def _with_suffix(path, suffix):
    """The path as a string, with `suffix` added when it has none (Qt picks the format by it)."""
    p = Path(path)
    return str(p if p.suffix else p.with_suffix(suffix))
