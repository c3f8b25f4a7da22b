"""Qt's translator for the presentation layer's texts (the catalogue is marked, not translated, there)."""

from PySide6.QtCore import QCoreApplication

from convviz.gui.presentation import catalogue


def catalogue_tr(text):
    """A catalogue template in the user's language (unchanged while no translation is installed)."""
    return QCoreApplication.translate(catalogue.CONTEXT, text)


def step_title(step):
    return catalogue.title(step, catalogue_tr)


def step_about(step):
    return catalogue.about(step, catalogue_tr)
