"""The network panel in the language just chosen: its actions, controls, step list and inspector.

A QObject child of the panel: Qt passes QEvent.LanguageChange from a widget to all its children,
so this sees every switch without a line in NetworkPanel (a class at the 300-line limit).
Controls are re-labelled from freshly built ones (panel_widgets builds them translated), the
dynamic views re-rendered from the panel's state: the trace, the step and the selection stay.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject

from convviz.gui.panels.iteration.inspector import hint
from convviz.gui.panels.iteration.panel_widgets import first_hint, mode_buttons, scale_box, speed_box

#: The stepping actions' names (as NetworkPanel._make_actions words them, in its context).
ACTIONS = {"next": QT_TRANSLATE_NOOP("NetworkPanel", "Next step"),
           "prev": QT_TRANSLATE_NOOP("NetworkPanel", "Previous step"),
           "home": QT_TRANSLATE_NOOP("NetworkPanel", "First step"),
           "end": QT_TRANSLATE_NOOP("NetworkPanel", "Last step"),
           "play": QT_TRANSLATE_NOOP("NetworkPanel", "Play / pause")}


def _tr(text):
    return QCoreApplication.translate("NetworkPanel", text)


def retranslate(panel):
    """Every text of `panel` (a NetworkPanel) in the language now installed."""
    for name, text in ACTIONS.items():
        a = panel.action[name]
        a.setText(_tr(text))
        keys = [k.toString() for k in a.shortcuts()]
        a.setToolTip(QCoreApplication.translate("NetworkPanel", "{0} ({1})").format(
            a.text(), QCoreApplication.translate("NetworkPanel", " or ").join(keys)))
    group, buttons = mode_buttons(None, panel.mode)
    for k, fresh in enumerate(buttons):
        mine = panel.mode_buttons.button(k)
        mine.setText(fresh.text())
        mine.setToolTip(fresh.toolTip())
        fresh.deleteLater()
    group.deleteLater()
    for mine, fresh in ((panel.scale_box, scale_box()), (panel.speed, speed_box(panel.stepper))):
        for k in range(min(mine.count(), fresh.count())):
            mine.setItemText(k, fresh.itemText(k))
        mine.setToolTip(fresh.toolTip())
        fresh.deleteLater()
    if not panel.pipeline.hovered:
        panel.readout.setText(hint() if panel._stepped else first_hint())
    # The step list and the pipeline's column titles come from the catalogue: built again for the
    # same trace, then the step shown again. The pipeline may re-tile (its size changed since the
    # trace came), which forgets the selection: it is the same trace, so the selection still holds.
    if panel.stepper.trace is not None:
        selection = panel.selection
        panel._on_trace_reset()
        if selection is not None and panel.selection is None:
            panel.selection = selection
            panel.selectionChanged.emit()
        panel._render()
    else:
        panel._show_empty()


class FollowLanguage(QObject):
    """Re-labels its parent NetworkPanel on every QEvent.LanguageChange."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel

    def event(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            retranslate(self.panel)
        return super().event(event)


def follow_language(panel):
    return FollowLanguage(panel)
