"""Qt's translator for the presentation layer's texts; the mixin that makes widgets follow a language switch."""

from PySide6.QtCore import QCoreApplication, QEvent

from convviz.gui.presentation import catalogue


def catalogue_tr(text):
    """A catalogue template in the user's language (unchanged while no translation is installed)."""
    return QCoreApplication.translate(catalogue.CONTEXT, text)


def step_title(step):
    return catalogue.title(step, catalogue_tr)


def step_about(step):
    return catalogue.about(step, catalogue_tr)


class Retranslating:
    """Mixin for a QWidget with static texts that follow a live language switch.

    `self.translated(label.setText, lambda: self.tr("Brush"))` sets the text now and again on
    every QEvent.LanguageChange (Qt sends it to every widget when a translator is installed or
    removed); a class with dynamic text overrides retranslate(), calls super().retranslate() and
    re-renders from its state. The lambda keeps the literal inside self.tr(...), where lupdate finds it.
    """

    def translated(self, setter, text):
        """setter(text()) now and after every language switch; returns the text set."""
        if "_translated" not in self.__dict__:
            self._translated = []
        self._translated.append((setter, text))
        value = text()
        setter(value)
        return value

    def retranslate(self):
        alive = []
        for setter, text in self.__dict__.get("_translated", ()):
            try:
                setter(text())
            except RuntimeError:        # its widget was deleted (a rebuilt row): forget it
                continue
            alive.append((setter, text))
        self._translated = alive

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
