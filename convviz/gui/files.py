"""File actions of the main window: open/save models, exports, drag and drop.

Each takes a path (the menus ask for it with a file dialog; tests pass it directly) and
reports problems through the window's error reporter, leaving the current state untouched.
"""

from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QFileDialog

from convviz.engine import ModelFileError, Network


class FileActions:
    """Mixin for MainWindow: needs self.net, self.panel, self._report, self._input_changed."""

    # ---- files -----------------------------------------------------------------------
    def open_model(self, path):
        """Replace the network with one saved by convviz; on any error the current one stays."""
        try:
            net = Network.load(path)
            if list(net.config["input"]) != [28, 28] or net.classes != 10:
                raise ModelFileError(f"{Path(path).name}: expects {net.config['input']} inputs and "
                                     f"{net.classes} classes; convviz draws 28×28 digits 0-9")
        except (ModelFileError, OSError, ValueError) as e:
            self._report("Could not open the model", f"{path}\n\n{e}\n\nThe current model was kept.")
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
        try:
            self.net.save(path)
        except (OSError, ValueError) as e:
            self._report("Could not save the model", f"{path}\n\n{e}")
            return False
        self.statusBar().showMessage(f"Saved the model to {path}", 6000)
        return True

    def export_step_arrays(self, path):
        arrays = self.panel.current_step_arrays()
        if not arrays:
            self._report("Nothing to export", "There is no current step: draw a digit first.")
            return False
        try:
            np.savez(path, **{k: np.asarray(v) for k, v in arrays.items()})
        except (OSError, ValueError) as e:
            self._report("Could not export the step", f"{path}\n\n{e}")
            return False
        self.statusBar().showMessage(f"Saved {len(arrays)} arrays to {path}", 6000)
        return True

    def export_window_png(self, path):
        path = _with_suffix(path, ".png")
        return self._saved(self.grab().save(path), path)

    def export_stage_png(self, path):
        path = _with_suffix(path, ".png")
        return self._saved(bool(self.panel.export_stage_png(path)), path)

    def _saved(self, ok, path):
        if not ok:
            self._report("Could not save the picture", f"{path}\n\nThe file could not be written.")
        else:
            self.statusBar().showMessage(f"Saved {path}", 6000)
        return ok

    def ask_path(self, title, pattern, save=False, suggested=""):
        """A file dialog in the folder used last (menu actions only; tests pass paths directly)."""
        folder = str(self.settings.value("files/last_dir", "") or "")
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


def _with_suffix(path, suffix):
    """The path as a string, with `suffix` added when it has none (Qt picks the format by it)."""
    p = Path(path)
    return str(p if p.suffix else p.with_suffix(suffix))
