"""The lesson pane: the chapter list and progress, the page's words, its equation, the task list
with each task's Done line, and Back / Next / Set this up again / Leave lesson. It only shows what
the Lesson controller hands it and says which button was pressed."""

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from convviz.gui.presentation import palette
from convviz.gui.presentation.equations import equation_html

MIN_WIDTH = 260


def _label(style=""):
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.RichText)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Minimum)     # long words never widen the pane
    if style:
        label.setStyleSheet(style)
    return label


class LessonPane(QWidget):
    """back, forward, setup, leave: the buttons; chapterChosen(int): a chapter picked (0-based)."""

    back = Signal()
    forward = Signal()
    setup = Signal()
    leave = Signal()
    chapterChosen = Signal(int)
    languageChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(MIN_WIDTH)
        self.chapters = QComboBox()
        self.chapters.activated.connect(self.chapterChosen)
        self.progress = _label(f"color:{palette.READOUT_TEXT};")
        self.title = _label("font-weight:bold; font-size:13pt;")
        self.prose = _label()
        # set like the inspector's equations: serif, with sub- and superscripts (presentation.equations)
        self.equation = _label("font-family:'DejaVu Serif','Cambria Math',serif; font-size:11.5pt; padding:6px;"
                               f" border:1px solid {palette.FRAME};")
        self.tasks_heading = _label("font-weight:bold;")
        self.tasks = _label()
        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(4, 4, 4, 4)
        for w in (self.title, self.prose, self.equation, self.tasks_heading, self.tasks):
            col.addWidget(w)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.back_button, self.next_button = QPushButton(), QPushButton()
        self.setup_button, self.leave_button = QPushButton(), QPushButton()
        for button, signal in ((self.back_button, self.back), (self.next_button, self.forward),
                               (self.setup_button, self.setup), (self.leave_button, self.leave)):
            button.clicked.connect(signal)
        steps = QHBoxLayout()
        steps.addWidget(self.back_button)
        steps.addWidget(self.next_button)
        more = QHBoxLayout()
        more.addWidget(self.setup_button)
        more.addWidget(self.leave_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.chapters)
        lay.addWidget(self.progress)
        lay.addWidget(scroll, 1)
        lay.addLayout(steps)
        lay.addLayout(more)
        self.retranslate()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.languageChanged.emit()       # the controller reloads the chapters' text
        super().changeEvent(event)

    def retranslate(self):
        self.back_button.setText(self.tr("◀ &Back"))
        self.back_button.setToolTip(self.tr("The previous page"))
        self.next_button.setText(self.tr("&Next ▶"))
        self.next_button.setToolTip(self.tr("The next page (you can go on before the tasks are done)"))
        self.setup_button.setText(self.tr("Set this up again"))
        self.setup_button.setToolTip(self.tr("Put the network, the step and the selection back as this page "
                                             "needs them"))
        self.leave_button.setText(self.tr("Leave lesson"))
        self.leave_button.setToolTip(self.tr("Play freely; Help ▸ Lesson brings you back to this page"))
        self.tasks_heading.setText(self.tr("Try it"))

    def show_page(self, chapters, chapter_index, page, done, position, total_pages, done_count, total_tasks):
        """chapters: the Chapters; page: the Page shown; done: {task id: its Done line, "" if done earlier}."""
        self.chapters.blockSignals(True)
        self.chapters.clear()
        for c in chapters:
            finished = all(t.id in done for p in c.pages for t in p.tasks)
            self.chapters.addItem(f"{c.number} · {c.title}" + (" ✓" if finished else ""))
        self.chapters.setCurrentIndex(chapter_index)
        self.chapters.blockSignals(False)
        self.progress.setText(self.tr("Page {0} of {1} · {2} of {3} tasks done").format(
            position + 1, total_pages, done_count, total_tasks))
        self.title.setText(html.escape(page.title))
        self.prose.setText("".join(f"<p>{html.escape(p)}</p>" for p in page.paragraphs))
        self.equation.setText(equation_html(page.equation))
        self.equation.setVisible(bool(page.equation))
        rows = []
        for t in page.tasks:
            if t.id in done:
                line = done[t.id] or self.tr("Done earlier.")
                rows.append(f"<p>☑ {html.escape(t.text)}<br><span style='color:{palette.SELECTED_TEXT};'>"
                            f"<b>{html.escape(line)}</b></span></p>")
            else:
                rows.append(f"<p>☐ {html.escape(t.text)}</p>")
        if page.tasks and all(t.id in done for t in page.tasks):
            more = self.tr("All done here. Next ▶ goes on when you are ready.") if position + 1 < total_pages \
                else self.tr("That was the last page: you have walked the paper from the input image to your own "
                             "handwriting. Leave the lesson and play freely; the chapter list takes you back "
                             "to any page.")
            rows.append(f"<p><i>{html.escape(more)}</i></p>")
        self.tasks.setText("".join(rows))
        self.tasks_heading.setVisible(bool(page.tasks))
        self.back_button.setEnabled(position > 0)
        self.next_button.setEnabled(position + 1 < total_pages)


class PromptBar(QFrame):
    """The first-launch invitation in the menu bar's corner (never a modal dialog, and no height
    taken from a short screen): start or not now."""

    start = Signal()
    dismiss = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QLabel()
        self.text.setStyleSheet(f"color:{palette.SELECTED_TEXT}; font-weight:bold;")
        self.start_button, self.later_button = QPushButton(), QPushButton()
        for b in (self.start_button, self.later_button):
            b.setStyleSheet("padding:0px 8px;")
        self.start_button.clicked.connect(self.start)
        self.later_button.clicked.connect(self.dismiss)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.setSpacing(6)
        lay.addWidget(self.text)
        lay.addWidget(self.start_button)
        lay.addWidget(self.later_button)
        self.retranslate()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self):
        self.text.setText(self.tr("New here? Take the lesson — it follows the paper."))
        self.text.setToolTip(self.tr("Ten short chapters, from the input image to gradient descent; each page "
                                     "sets the app up and gives you something to do."))
        self.start_button.setText(self.tr("Start the lesson"))
        self.later_button.setText(self.tr("Not now"))
        self.later_button.setToolTip(self.tr("Help ▸ Lesson starts it any time"))
