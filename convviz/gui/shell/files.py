"""File actions of the window: open/save models, open images, exports, asking for a path.

Each takes a path (the menus ask for it with a file dialog; tests pass it directly) and
reports problems through the window's error reporter, leaving the current state untouched.
A new model or picture goes to the Session (and the canvas); this class keeps no state of its own.
"""

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from convviz.digits import ImageLoadError, load_image
from convviz.engine import ModelFileError, Network
from convviz.engine.export import save_iteration
from convviz.gui.panels.draw.canvas import to_ink


class FileActions(QObject):
    """window: for dialogs, the status bar and grabbing; session, left (canvas, samples), panel, settings;
    report(title, text) shows an error."""

    def __init__(self, window, session, left, panel, settings, report):
        super().__init__(window)
        self.window, self.session, self.left, self.panel = window, session, left, panel
        self.settings, self.report = settings, report

    def _status(self, text, ms=6000):
        self.window.statusBar().showMessage(text, ms)

    # ---- models and images -----------------------------------------------------------
    def open_model(self, path):
        """Replace the network with one saved by convviz; on any error the current one stays."""
        try:
            net = Network.load(path)
            if list(net.config["input"]) != [28, 28] or net.classes != 10:
                raise ModelFileError(self.tr("{0}: expects {1} inputs and {2} classes; convviz draws 28×28 "
                                             "digits 0-9").format(Path(path).name, net.config["input"], net.classes))
        except (ModelFileError, OSError, ValueError) as e:
            self.report(self.tr("Could not open the model"),
                        f"{path}\n\n{e}\n\n" + self.tr("The current model was kept."))
            return False
        self.session.set_network(net, Path(path).name)
        self._status(self.tr("Opened model {0}").format(Path(path).name))
        return True

    def save_model(self, path):
        try:
            self.session.net.save(path)
        except (OSError, ValueError) as e:
            self.report(self.tr("Could not save the model"), f"{path}\n\n{e}")
            return False
        self._status(self.tr("Saved the model to {0}").format(path))
        return True

    def open_image(self, path):
        """Load a picture file onto the canvas (File ▸ Open image…, drag and drop); False on error."""
        try:
            picture = load_image(path)
        except (ImageLoadError, OSError, ValueError) as e:
            self.report(self.tr("Could not open the image"),
                        f"{path}\n\n{e}\n\n" + self.tr("The canvas was not changed."))
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
        try:
            np.savez(path, **{k: np.asarray(v) for k, v in arrays.items()})
        except (OSError, ValueError) as e:
            self.report(self.tr("Could not export the step"), f"{path}\n\n{e}")
            return False
        self._status(self.tr("Saved {0} arrays to {1}").format(len(arrays), path))
        return True

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
        path = _with_suffix(path, ".png")
        return self._saved(self.window.grab().save(path), path)

    def export_stage_png(self, path):
        path = _with_suffix(path, ".png")
        return self._saved(bool(self.panel.export_stage_png(path)), path)

    def _saved(self, ok, path):
        if not ok:
            self.report(self.tr("Could not save the picture"),
                        f"{path}\n\n" + self.tr("The file could not be written."))
        else:
            self._status(self.tr("Saved {0}").format(path))
        return ok

    def ask_path(self, title, pattern, save=False, suggested=""):
        """A file dialog in the folder used last (menu actions only; tests pass paths directly)."""
        folder = str(self.settings.value("files/last_dir", "") or "")
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
