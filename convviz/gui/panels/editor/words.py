"""The editor's words without Qt: English templates marked for Qt's translation tools, kept with their fields.

A `Text` is the English sentence (it is a str, so code and tests read it as before) that also
remembers its template and fields; a view translates the template in CONTEXT and fills it in
again (`translated`). Templates are spelled out as QT_TRANSLATE_NOOP("editor", "...") where they
are written, so pyside6-lupdate extracts them. Program logic never reads these texts.
"""

CONTEXT = "editor"


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name Qt's translation tools look for)
    """Marks `text` for translation in `context`; returns it unchanged."""
    return text


class Text(str):
    """English text from `template` with `fields` filled in; .template and .fields for a translator."""

    def __new__(cls, template, **fields):
        self = super().__new__(cls, template.format(**fields))
        self.template, self.fields = template, fields
        return self


def translated(text, translate):
    """`text` in the language `translate` (a template -> template function) gives; fields that are
    Text themselves are translated too; plain strings (numbers, the engine's names) stay as they are."""
    if not isinstance(text, Text):
        return str(text)
    fields = {k: translated(v, translate) for k, v in text.fields.items()}
    try:
        return translate(text.template).format(**fields)
    except (KeyError, IndexError, ValueError):      # a translation that lost or broke a {field}
        return text.template.format(**fields)


def joined(parts, separator=", "):
    """Texts joined as one Text whose parts are translated one by one."""
    parts = list(parts)
    keys = [f"p{i}" for i in range(len(parts))]
    return Text(separator.join("{" + k + "}" for k in keys), **dict(zip(keys, parts)))
