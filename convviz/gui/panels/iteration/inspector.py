"""The inspector: the current step's title, typeset equation and explanation, and the clicked
element's equation with its actual numbers (formatted from convviz.engine.explain's data)."""

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser

from convviz.engine import mistakes
from convviz.gui.presentation.equations import title_rich, to_rich
from convviz.gui.presentation.explanations import format_explanation
from convviz.gui.presentation.gradcheck_text import mistake_note
from convviz.gui.presentation.symbols import element_name, element_symbol
from convviz.gui.widgets import colors

HINT = "Click any pixel, unit or weight to see its numbers."

_CSS = """
<style>
 body { font-size: 10pt; color: #222; }
 h3 { margin: 0 0 2px 0; }
 .phase { font-size: 9pt; font-weight: bold; }
 .eq { font-size: 12.5pt; font-family: 'DejaVu Serif', 'Cambria Math', serif; margin: 6px 0; }
 .about { color: #444; }
 .hint { color: #888; font-style: italic; }
 .num { font-family: 'DejaVu Sans Mono', monospace; }
 table.m td { white-space: nowrap; padding: 0 3px; text-align: right;
              font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
 table.t td { white-space: nowrap; padding: 0 6px; text-align: right;
              font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
 table.t th { padding: 0 6px; text-align: right; font-size: 9pt; color: #555; }
 .sel { color: #00803a; font-weight: bold; margin-bottom: 4px; }
 .total { font-weight: bold; }
</style>
"""


class Inspector(QTextBrowser):
    """Rich-text view of the current step and the selected element."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setMinimumWidth(260)

    def show_step(self, step, total, selection=None, explanation=None, fallback=None):
        """selection: (stage, index) or None; explanation: explain's (kind, data) or None;
        fallback: plain HTML about the selected element when this step does not compute it."""
        color = colors.PHASE_COLORS.get(step.phase, "#333")
        parts = [_CSS, f"<div class='phase' style='color:{color}'>{step.phase.upper()} · step {step.index + 1} of "
                       f"{total}</div>", f"<h3>{title_rich(step.title)}</h3>",
                 f"<div class='eq'>{to_rich(step.equation)}</div>"]
        sizes = step.meta.get("sizes")
        if sizes:
            parts.append(f"<div class='about'>Eq. 2.1: {to_rich(sizes)}</div>")
        parts.append(f"<p class='about'>{to_rich(step.about)}</p>")
        if step.meta.get("mistake"):                # mistakes mode: this step computes it wrong
            parts.append(mistake_note(mistakes.get(step.meta["mistake"]), QCoreApplication.translate))
        parts.append("<hr>")
        if selection is None:
            parts.append(f"<p class='hint'>{HINT}</p>")
        else:
            sym = element_symbol(*selection)
            parts.append(f"<p class='sel'>Selected: {sym + ' · ' if sym else ''}"
                         f"<span style='font-weight:normal'>{html.escape(element_name(*selection))}</span></p>")
            if explanation is not None:
                parts.append(format_explanation(explanation[0], explanation[1], step))
            elif fallback:
                parts.append(fallback)
        self.set_html("".join(parts))

    def set_html(self, text):
        """setHtml only when the text changed (it re-lays out the whole document)."""
        if text != getattr(self, "_shown", None):
            self._shown = text
            self.setHtml(text)
