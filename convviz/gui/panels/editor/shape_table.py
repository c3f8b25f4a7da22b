"""The editor's live shape table: one row per stage (label, shape, Eq. 2.1 in numbers, parameters,
multiply-adds), a skipped border shaded with its note as the tooltip; texts in the current language."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from convviz.gui.panels.editor.fields import say, tr_editor
from convviz.gui.panels.editor.words import QT_TRANSLATE_NOOP
from convviz.gui.widgets.translate import Retranslating

NOTE_BRUSH = QBrush(QColor(255, 236, 200))


def shape_text(shape):
    """A stage's shape as the table shows it; a scalar (the loss) in words."""
    return " × ".join(map(str, shape)) if shape else tr_editor(QT_TRANSLATE_NOOP("editor", "scalar"))


class ShapeTable(Retranslating, QTableWidget):
    """show_rows(rows): the shapes.Row tuple of a plan; each item keeps its stage name in Qt.UserRole."""

    def __init__(self, parent=None):
        super().__init__(0, 5, parent)
        self.rows = ()
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)   # 17 rows in view
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setWordWrap(False)
        head = self.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeToContents)
        head.setStretchLastSection(True)
        self.retranslate()

    def retranslate(self):
        self.setHorizontalHeaderLabels([self.tr("stage"), self.tr("shape"), self.tr("Eq. 2.1"),
                                        self.tr("parameters"), self.tr("multiply-adds")])
        self.show_rows(self.rows)

    def show_rows(self, rows):
        """The rows' texts in place (items reused, so a field change stays quick)."""
        self.rows = rows
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [say(row.label), shape_text(row.shape), say(row.equation),
                     f"{row.params:,}" if row.params else "", f"{row.madds:,}" if row.madds else ""]
            for c, text in enumerate(cells):
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(r, c, item)
                item.setText(text)
                item.setData(Qt.UserRole, row.stage)           # the engine's stage name (tests, tools)
                item.setTextAlignment((Qt.AlignRight if c >= 3 else Qt.AlignLeft) | Qt.AlignVCenter)
                item.setToolTip(f"{row.stage}: {say(row.note)}" if row.note else row.stage)
                item.setBackground(NOTE_BRUSH if row.note else QBrush())
