"""The gradient check wired into the main window: the Check gradients window, the element check
under the inspector, the mistakes banner and the Train menu's entries for them."""

from PySide6.QtCore import QEvent, QObject, Qt

from convviz.gui.panels.gradcheck.element import ElementCheckBox
from convviz.gui.panels.gradcheck.mistakes_mode import MistakeBanner, mistake_actions, name_mistake_actions
from convviz.gui.panels.gradcheck.view import GradCheckView


class GradCheckControls(QObject):
    """banner: above the network panel; element: under the inspector; view: the open Check
    gradients window (None until opened); mistake_group: the Train ▸ Backprop mistake actions."""

    def __init__(self, window, session, panel):
        super().__init__(window)
        self.window, self.session, self.panel = window, session, panel
        self.banner = MistakeBanner(session)
        self.element = ElementCheckBox(session, panel)
        panel.add_inspector_widget(self.element)
        self.view = None
        self.mistake_group, self.mistake_actions = mistake_actions(window, session)
        window.installEventFilter(self)

    def event(self, event):
        # a child of the window: Qt passes the window's LanguageChange on to it
        if event.type() == QEvent.Type.LanguageChange:
            name_mistake_actions(self.mistake_actions)
            if getattr(self, "mistake_menu", None) is not None:
                self.mistake_menu.setTitle(self.tr("Backprop &mistake"))
        return super().event(event)

    def eventFilter(self, obj, event):
        # The main window closing closes the check window too (its running check stops).
        if obj is self.window and event.type() == QEvent.Close and self.view is not None:
            self.view.close()
        return False

    def add_to_menu(self, menu, action):
        """Train ▸ Check gradients… and Train ▸ Backprop mistake ▸ …; `action(menu, text, slot, keys)`
        makes a window action (texts as callables: said again after a language switch). Returns the
        actions for the shortcuts list."""
        menu.addSeparator()
        check = action(menu, lambda: self.tr("Check &gradients…"), self.open_view, ["Ctrl+G"],
                       lambda: self.tr("Compare every gradient with central differences, in a window of its own"))
        sub = self.mistake_menu = menu.addMenu(self.tr("Backprop &mistake"))
        sub.setToolTipsVisible(True)
        for a in self.mistake_actions:
            sub.addAction(a)
        return [check]

    def open_view(self, *_):
        """A Check gradients window on copies of the session's network, image and target (it does
        not block the app); an open one is raised, or replaced if the network or input changed."""
        s = self.session
        if s.probs is None or s.label is None:
            self.window.statusBar().showMessage(self.tr("Draw a digit first: the check needs an input and a "
                                                        "target."), 6000)
            return None
        if self.view is not None and self.view.isVisible() and not self.view.is_running():
            self.view.close()
        elif self.view is not None and self.view.isVisible():
            self.view.raise_()
            self.view.activateWindow()
            return self.view
        # A window of its own, owned by the main window: it closes with the app (a running check is
        # cancelled when the view is deleted).
        view = GradCheckView(s.net, s.net_input, s.label, mistake=s.mistake, parent=self.window)
        view.setWindowFlag(Qt.Window)
        view.setAttribute(Qt.WA_DeleteOnClose)
        model, label = s.model_name, s.label          # the title follows a language switch, after the view's own
        view.translated(view.setWindowTitle, lambda: self.tr("Check gradients: %s, target y = %d") % (model, label))
        view.resize(980, 640)
        view.destroyed.connect(lambda *_: self._forget(view))
        self.view = view
        view.show()
        view.start()
        return view

    def _forget(self, view):
        if self.view is view:
            self.view = None
