"""The app's language: the shipped translation and Qt's own installed, switched live, remembered.

English is the source language (no translator); Simplified Chinese installs convviz_zh_CN.qm
(shipped in convviz/resources/translations) and Qt's qtbase_zh_CN.qm (file dialogs, message-box
buttons), from the Qt that PySide6 ships. Installing or removing a translator makes Qt send
QEvent.LanguageChange to every widget, and each sets its texts again (widgets/translate.py).
"""

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from convviz import shipped
from convviz.gui.shell import settings as stored

ENGLISH, CHINESE = "en_US", "zh_CN"
#: Each language named in itself: a learner finds their own whichever language is showing.
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}
SETTING = "view/language"
#: CONVVIZ_LANG=zh_CN starts in that language whatever the settings say (screenshots, tests).
ENVIRONMENT = "CONVVIZ_LANG"

_installed = []        # the translators in use: removed before the next language's are installed

#: The words the main window names the network and its weights with: said again in the new
#: language on a switch (a file's name stays as it is).
SESSION_NAMES = (QT_TRANSLATE_NOOP("MainWindow", "network given at start"),
                 QT_TRANSLATE_NOOP("MainWindow", "pretrained model (shipped with convviz)"),
                 QT_TRANSLATE_NOOP("MainWindow", "untrained network (seed 0)"),
                 QT_TRANSLATE_NOOP("MainWindow", "fresh random weights (seed 0)"),
                 QT_TRANSLATE_NOOP("MainWindow", "pretrained weights"))


def system_language(locale=None):
    """Chinese for a zh_* system locale, else English."""
    locale = locale or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def chosen_language(settings, environ=None):
    """The environment's override, else the learner's last choice (validated), else the system's."""
    wanted = (os.environ if environ is None else environ).get(ENVIRONMENT, "")
    if wanted in LANGUAGES:
        return wanted
    return stored.read_choice(settings, SETTING, None, LANGUAGES) or system_language()


def current_language():
    """The language the app shows now (QLocale's default, set by set_language)."""
    name = QLocale().name()
    return name if name in LANGUAGES else system_language(QLocale())


def set_language(app, name):
    """Show `name` (a key of LANGUAGES): the app's and Qt's translators swapped, QLocale's default
    set first (views that pick text by locale read it when LanguageChange arrives).
    Returns the installed translators (none for English, or when a file is missing)."""
    if name not in LANGUAGES:
        raise ValueError(f"no such language: {name!r} (one of {', '.join(LANGUAGES)})")
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(name))
    if name == ENGLISH:
        return []
    translator = QTranslator(app)
    data = shipped.translation(name)
    if data is not None and translator.load(data):
        # Qt reads the .qm bytes in place, never copying them: they must live as long as it.
        translator.qm_data = data
        _installed.append(translator)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(name), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    for t in _installed:
        app.installTranslator(t)
    return list(_installed)


def switch_window(window, name):
    """View ▸ Language: the app in `name`, live (every widget gets LanguageChange), the session's
    names from the window in it too, and the choice remembered in the window's settings."""
    def tr(text):
        return QCoreApplication.translate("MainWindow", text)
    s = window.session
    said = {attr: next((t for t in SESSION_NAMES if getattr(s, attr) == tr(t)), None)
            for attr in ("model_name", "origin")}
    set_language(QCoreApplication.instance(), name)
    for attr, text in said.items():
        if text is not None:
            setattr(s, attr, tr(text))
    window.settings.setValue(SETTING, name)


def install_translation(app, locale=None):
    """The QTranslator installed on `app` for `locale` (default: the system's), or None."""
    locale = locale or QLocale.system()
    for name in dict.fromkeys((locale.name(), locale.name().split("_")[0])):    # de_AT, then de
        data = shipped.translation(name)
        if data is None:
            continue
        translator = QTranslator(app)
        if translator.load(data):
            translator.qm_data = data
            app.installTranslator(translator)
            return translator
    return None
