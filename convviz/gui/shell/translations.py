"""The shipped Qt translation for the user's language, installed on the app if one ships (none yet)."""

from PySide6.QtCore import QLocale, QTranslator

from convviz import shipped


def install_translation(app, locale=None):
    """The QTranslator installed on `app` for `locale` (default: the system's), or None."""
    locale = locale or QLocale.system()
    for name in dict.fromkeys((locale.name(), locale.name().split("_")[0])):    # de_AT, then de
        data = shipped.translation(name)
        if data is None:
            continue
        translator = QTranslator(app)
        if translator.load(data):
            # Qt reads the .qm bytes in place, never copying them: they must live as long as it.
            translator.qm_data = data
            app.installTranslator(translator)
            return translator
    return None
