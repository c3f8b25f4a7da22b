"""Each panel follows a translator installed and removed while it is open (QEvent.LanguageChange):
the left column, the training panel and its plots, the Check gradients window with a finished
check, the mistakes banner and menu. A small German translation, compiled with lrelease, stands
in for any language, so this holds whatever the Chinese .ts says."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from test_translation import GERMAN, compile_translation

MORE = {
    "TrainingPanel": {"Start": "Los", "Learning": "Lernen", "Press Start to train the network in use on many digits.":
                      "Drücke Los."},
    "TrainingSettings": {"Epochs": "Epochen", "cosine": "Kosinus", "the shipped 5,000 digits": "die 5000 Ziffern"},
    "LossCurves": {"validation, per epoch": "Validierung je Epoche"},
    "GradCheckView": {"Check": "Prüfen", "array": "Feld", "pass": "bestanden", "Check gradients": "Gradienten"},
    "GradCheckControls": {"Check gradients: %s, target y = %d": "Gradienten: %s, Ziel y = %d"},
    "MistakeBanner": {"Turn the mistake off": "Fehler aus"},
    "MistakesMenu": {"None: the engine's backward run": "Keiner"},
    "Menus": {"&File": "&Datei", "Target y = {0}": "Ziel y = {0}"},
    "LeftColumn": {"use the prediction as target": "Vorhersage als Ziel"},
    "NetworkPanel": {"Values": "Werte", "scale: each stage": "Skala: je Stufe", "{0} steps/s": "{0} Schritte/s",
                     "Next step": "Nächster Schritt", " or ": " oder "},
    "Inspector": {"{0} · step {1} of {2}": "{0} · Schritt {1} von {2}"},
}


@pytest.fixture
def german_later(qapp, tmp_path):
    """install(): the German translation goes in (and comes out at the end)."""
    translator = compile_translation(tmp_path, {**GERMAN, **MORE})
    installed = []

    def install():
        QCoreApplication.installTranslator(translator)
        installed.append(translator)
        QCoreApplication.processEvents()

    def remove():
        QCoreApplication.removeTranslator(installed.pop())
        QCoreApplication.processEvents()

    install.remove = remove
    yield install
    if installed:
        remove()


def legend_names(legend):
    return [label.text for _, label in legend.items]


def test_the_window_and_its_panels_follow_a_live_switch(make_window, qtbot, german_later):
    window = make_window()
    training = window.training
    window.menus.training_action.trigger()
    assert training.tabs.tabText(0) == "Learning" and training.start_button.text() == "Start"
    german_later()
    assert window.menus.file_menu.title() == "&Datei"
    assert window.menus.label_actions[3].text() == "Ziel y = 3"          # each digit its own
    assert window.left.auto_label.text() == "Vorhersage als Ziel"
    assert training.tabs.tabText(0) == "Lernen" and training.start_button.text() == "Los"
    assert training.status.text() == "Drücke Los."
    assert "Epochen" in {w.text() for w in training.form.findChildren(type(training.status))}
    assert training.schedule.itemText(training.schedule.findData("cosine")) == "Kosinus"
    assert training.source.itemText(0) == "die 5000 Ziffern"
    assert "Validierung je Epoche" in legend_names(training.curves.legend)
    german_later.remove()
    assert window.menus.file_menu.title() == "&File" and training.tabs.tabText(0) == "Learning"
    assert training.start_button.text() == "Start" and "validation, per epoch" in legend_names(training.curves.legend)
    assert "Epochs" in {w.text() for w in training.form.findChildren(type(training.status))}
    assert window.menus.label_actions[3].text() == "Target y = 3"


def test_the_gradient_check_follows_a_live_switch(make_window, qtbot, german_later):
    window = make_window()
    view = window.gradcheck.open_view()
    with qtbot.waitSignal(view.finished, timeout=60000):
        pass
    title = view.windowTitle()
    assert title.startswith("Check gradients: ") and view.table.item(0, 4).text() == "pass"
    german_later()
    assert view.windowTitle().startswith("Gradienten: ") and view.run_button.text() == "Prüfen"
    assert view.table.horizontalHeaderItem(0).text() == "Feld" and view.table.item(0, 4).text() == "bestanden"
    assert view.result() is not None and view.mistake.itemText(0) != ""
    assert window.gradcheck.mistake_actions[0].text() == "Keiner"
    window.session.set_mistake(window.gradcheck.mistake_actions[1].data())
    assert window.gradcheck.banner.off_button.text() == "Fehler aus"
    german_later.remove()
    assert view.windowTitle() == title and view.table.item(0, 4).text() == "pass"
    assert window.gradcheck.banner.off_button.text() == "Turn the mistake off"
    view.close()


def test_the_canvas_keeps_its_drawing_through_a_switch(make_window, qtbot, german_later, stroke):
    window = make_window()
    canvas = window.left.canvas
    window.clear()
    stroke(canvas, [(60, 60), (140, 140), (60, 200)])
    ink = canvas.ink_array().copy()
    before_x, net = window.session.x28.copy(), window.session.net
    german_later()
    german_later.remove()
    assert np.array_equal(canvas.ink_array(), ink) and ink.sum() > 0
    assert np.array_equal(window.session.x28, before_x) and window.session.net is net


def test_the_network_panel_follows_a_live_switch(make_window, qtbot, german_later):
    window = make_window()
    panel = window.panel
    conv = window.stepper.trace.find("conv")
    window.stepper.go(conv.index)
    english = (panel.steps.item(conv.index).text(), panel.inspector.toPlainText(), panel.speed.currentText())
    german_later()
    assert panel.steps.item(conv.index).text().endswith("conv1: Faltung")
    assert "Schritt 2 von" in panel.inspector.toPlainText() and panel.stepper.index == conv.index
    assert panel.mode_buttons.button(0).text() == "Werte" and panel.scale_box.itemText(0) == "Skala: je Stufe"
    assert panel.speed.currentText().endswith("Schritte/s")
    assert panel.action["next"].text() == "Nächster Schritt"
    assert panel.action["next"].toolTip() == "Nächster Schritt (Right oder N)"
    german_later.remove()
    assert (panel.steps.item(conv.index).text(), panel.inspector.toPlainText(), panel.speed.currentText()) == english
    assert panel.action["next"].toolTip() == "Next step (Right or N)"
