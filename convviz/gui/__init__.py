"""convviz GUI: PySide6 + pyqtgraph views of the engine's trace (start it with convviz.gui.app.run)."""
