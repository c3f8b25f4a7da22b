"""Qt building blocks shared by the panels: colour maps and lookup tables, marker rectangles, pyqtgraph setup."""
