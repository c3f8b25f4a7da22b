"""Mistakes mode: a menu of the classic backprop mistakes and the banner that says one is on, what
it does and where it acts; the Session rebuilds the trace with it, the views just draw."""

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from convviz.engine import mistakes
from convviz.engine.mistake_trace import acting_layers
from convviz.gui.presentation import palette
from convviz.gui.presentation.equations import to_rich
from convviz.gui.presentation.gradcheck_text import CONTEXT, MISTAKE_NEEDS, MISTAKE_TITLE, MISTAKE_WHAT
from convviz.gui.widgets.translate import Retranslating


def _t(text):
    return QCoreApplication.translate(CONTEXT, text)


class MistakeBanner(Retranslating, QFrame):
    """Shown while the session's backward run makes a mistake: what goes wrong, where, and Turn off."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("mistakeBanner")
        self.setStyleSheet(f"#mistakeBanner {{ background:{palette.MISTAKE_BACKGROUND}; "
                           f"border:1px solid {palette.MISTAKE_BORDER}; border-radius:4px; }}")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.off_button = QPushButton()
        self.translated(self.off_button.setText, lambda: self.tr("Turn the mistake off"))
        self.off_button.clicked.connect(lambda *_: session.set_mistake(None))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.off_button)
        session.mistakeChanged.connect(self._show)
        session.paramsChanged.connect(lambda: self._show(session.mistake))
        self._show(session.mistake)

    def retranslate(self):
        super().retranslate()
        if hasattr(self, "session"):
            self._show(self.session.mistake)

    @Slot(object)
    def _show(self, name):
        self.setVisible(name is not None)
        if name is None:
            self.text.clear()
            return
        m = mistakes.get(name)
        layers = sorted(acting_layers(self.session.net, m))
        where = (self.tr("It acts in %s: watch the gradients from there down.") % ", ".join(layers) if layers
                 else self.tr("This network gives it nothing to act on (it needs %s).") % _t(MISTAKE_NEEDS[name]))
        self.text.setText(
            "<b>" + self.tr("Mistake on: %s.") % _t(MISTAKE_TITLE[name]) + "</b> " + _t(MISTAKE_WHAT[name]) +
            " " + where + " " + self.tr("Wrong: %s; right: %s.") % (to_rich(m.wrong), to_rich(m.right)) + " " +
            self.tr("Updates are not applied while it is on."))


def mistake_actions(window, session):
    """Checkable, exclusive actions: the engine's backward run, then one per mistake; they follow
    the session. Returns (the QActionGroup, [actions])."""
    group = QActionGroup(window)
    group.setExclusive(True)
    acts = []
    for name in [None] + [m.name for m in mistakes.MISTAKES]:
        a = QAction(window)
        a.setData(name)
        acts.append(a)
    name_mistake_actions(acts)
    for a in acts:
        a.setCheckable(True)
        group.addAction(a)
        a.setChecked(a.data() == session.mistake)
    group.triggered.connect(lambda a: session.set_mistake(a.data()))

    def follow(name):
        for a in acts:
            if a.data() == name and not a.isChecked():
                a.setChecked(True)
    session.mistakeChanged.connect(follow)
    return group, acts


def name_mistake_actions(acts):
    """The actions' texts and tips in the language now installed (again after a switch)."""
    for a in acts:
        if a.data() is None:
            a.setText(QCoreApplication.translate("MistakesMenu", "None: the engine's backward run"))
        else:
            a.setText(_t(MISTAKE_TITLE[a.data()]))
            a.setStatusTip(_t(MISTAKE_WHAT[a.data()]))
