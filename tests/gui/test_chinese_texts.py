"""In Chinese, the step texts hold no English: every title, explanation, pipeline heading, big-view
caption and the loss column, for every activation, pooling kind and loss, through the shipped .qm.
The only Latin words left are names kept in Latin letters (docs/GLOSSARY.md: ReLU, softmax, MSE, …)
and the network's layer names (conv1, dense1, out)."""

import copy
import re

import numpy as np
import pytest
from PySide6.QtCore import QTranslator

from convviz import shipped
from convviz.engine import Network, OpKind
from convviz.engine.config import DEFAULT_CONFIG
from convviz.gui.presentation import big_view, catalogue, stages
from convviz.gui.presentation.numbers import loss_column_html
from convviz.gui.presentation.texts import TEXT

#: Names the glossary keeps in Latin letters (as names.py shows them, untranslated).
KEPT = {"ReLU", "Leaky", "ELU", "sigmoid", "tanh", "softplus", "softmax", "Softmax", "MSE", "MSLE", "MAE", "MAPE"}


@pytest.fixture(scope="module")
def zh(qapp):
    translator, data = QTranslator(), shipped.translation("zh_CN")
    assert translator.load(data)
    translator.qm_data = data                     # Qt reads the bytes in place: they must outlive it

    def tr(text):
        return translator.translate(catalogue.CONTEXT, text) or text
    return tr


def configs():
    yield DEFAULT_CONFIG
    for pool, loss, act in (("avg", "mse", "leaky_relu"), ("l2", "mae", "identity"), ("max", "cross_entropy", "elu")):
        c = copy.deepcopy(DEFAULT_CONFIG)
        c["conv"][0].update(pool=pool, activation=act)
        c["dense"][0]["activation"], c["loss"] = act, loss
        yield c


def english_words(text, layers):
    """Latin words of 3+ letters, not counting names, layer names and function names in formulas ("relu(C)")."""
    plain = re.sub(r"<[^>]+>", " ", text)
    return {w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*(?![A-Za-z0-9_(])", plain)
            if len(re.sub(r"[^A-Za-z]", "", w)) >= 3 and w not in KEPT and w not in layers}


def test_no_english_in_the_chinese_step_texts(zh):
    found = {}
    for cfg in configs():
        trace = Network(cfg, seed=0).trace(np.random.default_rng(0).random((28, 28)), 3, 0.1)
        layers = {s.layer for s in trace.steps}
        texts = [c.title for c in stages.build_columns(trace, translate=zh)]
        for s in trace.steps:
            texts += [catalogue.title(s, zh), catalogue.about(s, zh)]
            texts += [p[3] for p in big_panels(s, trace, zh)]
        for t in texts:
            for w in english_words(t, layers):
                found.setdefault(w, t)
    assert not found, found


def big_panels(step, trace, tr):
    return big_view.big_panels(step, trace, tr) or []


def test_the_pooling_title_names_the_kind_in_chinese(zh):
    cfg = copy.deepcopy(DEFAULT_CONFIG)
    trace = Network(cfg, seed=0).trace(np.zeros((28, 28)), 3, 0.1)
    titles = [catalogue.title(s, zh) for s in trace.steps]
    assert "conv1：最大池化" in titles and "损失：交叉熵" in titles, titles
    assert "conv1: max pooling" in [catalogue.title(s) for s in trace.steps]      # English as before


def test_the_loss_column_says_before_and_after_in_chinese(zh):
    text = loss_column_html(0.5, 1.25, (zh(TEXT["loss before"]), zh(TEXT["loss after"])))
    assert "更新前" in text and "更新后" in text and not english_words(text, set())
    assert "before" in loss_column_html(0.5, 1.25) and "after" in loss_column_html(0.5, 1.25)


def test_the_conv_patch_tables_have_their_names_above_them(zh):
    """The patch, kernel and products tables each under a name that does not wrap: beside the
    table, a long Chinese or English name was squeezed to a letter a line."""
    from convviz.engine.explain import explain
    from convviz.gui.presentation.explanations import format_explanation
    trace = Network(DEFAULT_CONFIG, seed=0).trace(np.random.default_rng(0).random((28, 28)), 3, 0.1)
    conv = next(s for s in trace.steps if s.op == OpKind.CONV)
    kind, d = explain(conv, conv.stage, (3, 18, 4))
    for tr in (zh, lambda t: t):
        text = format_explanation(kind, d, conv, tr)
        names = re.findall(r"<tr><td style='white-space:nowrap'>([^<]*(?:<sub>[^<]*</sub>)?)</td></tr>"
                           r"<tr><td><table", text)
        assert len(names) == 3, text
        assert "</td><td><table" not in text                   # no name beside a table
    assert names[0].startswith("patch I")


def test_the_slope_line_of_a_clicked_activation_is_translated(zh):
    from convviz.engine.explain import explain
    from convviz.gui.presentation.explanations import format_explanation
    trace = Network(DEFAULT_CONFIG, seed=0).trace(np.random.default_rng(0).random((28, 28)), 3, 0.1)
    step = next(s for s in trace.steps if s.op == OpKind.ACTIVATION_GRAD and s.layer == "conv1")
    kind, d = explain(step, step.stage, (1, 13, 12))
    chinese, english = format_explanation(kind, d, step, zh), format_explanation(kind, d, step)
    assert "因此 σ′(C<sub>1</sub>[13, 12])" in chinese and not english_words(chinese, {"conv1"}), chinese
    assert ", so σ′(C<sub>1</sub>[13, 12])" in english
