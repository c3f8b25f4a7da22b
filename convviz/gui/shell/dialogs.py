"""Help and error dialogs: keyboard shortcuts, About, and a non-blocking error box."""

import html
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QMessageBox, QScrollArea, QVBoxLayout

import convviz


def show_error(parent, title, message):
    """An error box that does not block the event loop (open(), not exec()); returns it."""
    # The headline goes in the box itself: macOS and some window managers show no title.
    box = QMessageBox(QMessageBox.Warning, title, f"<b>{html.escape(title)}</b>", QMessageBox.Ok, parent)
    box.setInformativeText(message)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box


def _dialog(parent, title, body_html, width=520):
    dlg = QDialog(parent)
    dlg.setWindowTitle(title)
    dlg.setAttribute(Qt.WA_DeleteOnClose)
    label = QLabel(body_html)
    label.setTextFormat(Qt.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextBrowserInteraction)
    # Scrolled when taller than the screen (the shortcuts at 768 px hid the Close button)
    scroll = QScrollArea()
    scroll.setWidget(label)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    screen = parent.screen() if parent is not None else None
    room = screen.availableGeometry().height() - 140 if screen is not None else 620
    scroll.setMinimumHeight(max(100, min(label.heightForWidth(width - 40), room)))
    buttons = QDialogButtonBox(QDialogButtonBox.Close)
    buttons.rejected.connect(dlg.reject)
    lay = QVBoxLayout(dlg)
    lay.addWidget(scroll)
    lay.addWidget(buttons)
    dlg.setMinimumWidth(width)
    return dlg


#: A translation's accelerator in parentheses, as Chinese menus write it: "打开模型(&M)…".
_BRACKETED_ACCELERATOR = re.compile(r"\s*[(（]&[^&\s][)）]")


def plain_text(text):
    """A menu text without its accelerator: "&Open model…" -> "Open model…", "打开模型(&M)…" ->
    "打开模型…"; "&&" stays a literal "&"."""
    return _BRACKETED_ACCELERATOR.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(groups):
    """[(group title, [(keys text, action text)])] from {group title: [QAction or (keys, text)]},
    skipping actions without keys."""
    rows = []
    for title, actions in groups.items():
        entries = []
        for a in actions:
            if isinstance(a, tuple):            # a row written out: (keys, what they do)
                entries.append(a)
                continue
            keys = [k.toString(QKeySequence.NativeText) for k in a.shortcuts() if not k.isEmpty()]
            if keys:
                entries.append((QCoreApplication.translate("dialogs", " or ").join(keys), plain_text(a.text())))
        if entries:
            rows.append((title, entries))
    return rows


def shortcuts_dialog(parent, groups, extra=()):
    """A dialog listing every shortcut of the given actions, grouped as the menus are."""
    parts = ["<table cellspacing='0' cellpadding='3'>"]
    for title, entries in shortcut_rows(groups) + list(extra):
        parts.append(f"<tr><td colspan='2'><b>{html.escape(title)}</b></td></tr>")
        for keys, text in entries:
            parts.append(f"<tr><td style='padding-right:18px'><tt>{html.escape(keys)}</tt></td>"
                         f"<td>{html.escape(text)}</td></tr>")
    parts.append("</table>")
    return _dialog(parent, QCoreApplication.translate("dialogs", "Keyboard shortcuts"), "".join(parts), width=460)


def about_html():
    """The About box's text, in the user's language, with the installed version."""
    version = QCoreApplication.translate("About", "Version {0}").format(html.escape(convviz.__version__))
    return QCoreApplication.translate("dialogs", """
<h2>convviz</h2>
<p>{version}</p>
<p>See how a convolutional neural network computes and learns: draw a digit, watch the
prediction, pick the true label, and step through one whole training iteration, operation by
operation: the forward run, the loss, the backward run and the gradient-descent update.</p>
<p>The network, its notation and its equations follow<br>
P. Murugan, <i>Feed Forward and Backward Run in Deep Convolution Neural Network</i>,
<a href="https://arxiv.org/abs/1711.03278">arXiv:1711.03278</a> (2017).</p>
<p>The sample digits and the training data come from the MNIST database by Yann LeCun,
Corinna Cortes and Christopher J. C. Burges, used under
<a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a>.</p>
<p>Built with NumPy, PySide6 (Qt) and pyqtgraph.</p>
""").format(version=version)


def about_dialog(parent):
    return _dialog(parent, QCoreApplication.translate("dialogs", "About convviz"), about_html())
