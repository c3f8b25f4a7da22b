"""The inspector: the current step's title, typeset equation and explanation, and the clicked
element's equation with its actual numbers (formatted from convviz.engine.explain's data)."""

import html
from string import Template

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser

from convviz.engine import mistakes
from convviz.gui.presentation import catalogue
from convviz.gui.presentation.equations import title_rich, to_rich
from convviz.gui.presentation.explanations import format_explanation
from convviz.gui.presentation.gradcheck_text import mistake_note
from convviz.gui.presentation.symbols import element_name, element_symbol
from convviz.gui.widgets import colors
from convviz.gui.widgets.translate import catalogue_tr, step_about, step_title


def hint():
    """What to do to see numbers (the pipeline's readout and the inspector say it)."""
    return QCoreApplication.translate("Inspector", "Click any pixel, unit or weight to see its numbers.")

_CSS = Template("""
<style>
 body { font-size: 10pt; color: $body; }
 h3 { margin: 0 0 2px 0; }
 .phase { font-size: 9pt; font-weight: bold; }
 .eq { font-size: 12.5pt; font-family: 'DejaVu Serif', 'Cambria Math', serif; margin: 6px 0; }
 .about { color: $about; }
 .hint { color: $hint; font-style: italic; }
 .num { font-family: 'DejaVu Sans Mono', monospace; }
 table.m td { white-space: nowrap; padding: 0 3px; text-align: right;
              font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
 table.t td { white-space: nowrap; padding: 0 6px; text-align: right;
              font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
 table.t th { padding: 0 6px; text-align: right; font-size: 9pt; color: $head; }
 .sel { color: $selected; font-weight: bold; margin-bottom: 4px; }
 .total { font-weight: bold; }
</style>
""").substitute(body=colors.BODY_TEXT, about=colors.ABOUT_TEXT, hint=colors.HINT_TEXT, head=colors.TABLE_HEAD,
                selected=colors.SELECTED_TEXT)


class Inspector(QTextBrowser):
    """Rich-text view of the current step and the selected element."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setMinimumWidth(260)

    def show_step(self, step, total, selection=None, explanation=None, fallback=None, convs=None):
        """selection: (stage, index) or None; explanation: explain's (kind, data) or None;
        fallback: plain HTML about the selected element when this step does not compute it;
        convs: the trace's conv blocks (symbols.conv_layers), to name a bias's index."""
        color = colors.PHASE_COLORS.get(step.phase, colors.DEFAULT_PHASE)
        phase = catalogue_tr(catalogue.PHASE_NAMES[step.phase]).upper()
        where = self.tr("{0} · step {1} of {2}").format(phase, step.index + 1, total)
        head = [_CSS, f"<div class='phase' style='color:{color}'>{where}</div>",
                f"<h3>{title_rich(step_title(step))}</h3>"]
        general = [f"<div class='eq'>{to_rich(step.equation)}</div>"]
        sizes = step.meta.get("sizes")
        if sizes:
            eq21 = self.tr("Eq. 2.1:")
            general.append(f"<div class='about'>{eq21} {to_rich(sizes)}</div>")
        general.append(f"<p class='about'>{to_rich(step_about(step))}</p>")
        if step.meta.get("mistake"):                # mistakes mode: this step computes it wrong
            general.append(mistake_note(mistakes.get(step.meta["mistake"]), QCoreApplication.translate))
        if selection is None:
            self.set_html("".join(head + general + [f"<hr><p class='hint'>{hint()}</p>"]))
            return
        # the selected element's numbers first: on a short screen they are what the learner asked for
        sym = element_symbol(*selection)
        selected = self.tr("Selected:")
        mine = [f"<p class='sel'>{selected} {sym + ' · ' if sym else ''}"
                f"<span style='font-weight:normal'>{html.escape(element_name(*selection, convs))}</span></p>"]
        if explanation is not None:
            mine.append(format_explanation(explanation[0], explanation[1], step, catalogue_tr))
        elif fallback:
            mine.append(fallback)
        self.set_html("".join(head + mine + ["<hr>"] + general))

    def set_html(self, text):
        """setHtml only when the text changed (it re-lays out the whole document)."""
        if text != getattr(self, "_shown", None):
            self._shown = text
            self.setHtml(text)
