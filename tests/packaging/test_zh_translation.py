"""The shipped Simplified Chinese translation: every message finished, placeholders kept, the .qm loads it."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "convviz_zh_CN.ts"
QM = TS.with_suffix(".qm")

BRACES = re.compile(r"\{[A-Za-z_0-9]*\}")     # str.format fields: {0}, {layer}
QT_ARGS = re.compile(r"%\d+")                  # Qt-style %1, %2 (may be reordered)
PRINTF = re.compile(r"%[sdg]")                 # printf-style: order matters
TAGS = re.compile(r"</?[A-Za-z][^>]*>")
ENTITIES = re.compile(r"&[A-Za-z]+;|&#\d+;")
ACCEL = re.compile(r"&(?![A-Za-z]+;|#\d+;)([A-Za-z0-9])")


def messages():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_CN"
    for context in root.iter("context"):
        for message in context.findall("message"):
            yield context.findtext("name") or "", message


def test_every_message_is_finished():
    unfinished = [(ctx, m.findtext("source")) for ctx, m in messages()
                  if m.find("translation") is None or m.find("translation").get("type") in ("unfinished", "vanished",
                                                                                               "obsolete")
                  or not (m.find("translation").text or "").strip()]
    assert len(list(messages())) > 500
    assert unfinished == []


def test_every_translation_keeps_its_placeholders_tags_and_accelerator():
    broken = []
    for ctx, m in messages():
        source, text = m.findtext("source"), m.find("translation").text or ""
        for pattern in (BRACES, QT_ARGS, TAGS, ENTITIES):
            if sorted(pattern.findall(source)) != sorted(pattern.findall(text)):
                broken.append((ctx, source, text, pattern.pattern))
        if PRINTF.findall(source) != PRINTF.findall(text):
            broken.append((ctx, source, text, "printf order"))
        if [a.upper() for a in ACCEL.findall(source)] != [a.upper() for a in ACCEL.findall(text)]:
            broken.append((ctx, source, text, "accelerator"))
    assert broken == []


def test_no_message_with_words_comes_back_in_english():
    # only formulas and placeholders ('ŷ', 'y = {0}', '∂L/∂ŷ') may be the same in both languages
    word = re.compile(r"[A-Za-z]{3,}")
    same = [(ctx, m.findtext("source")) for ctx, m in messages()
            if m.find("translation").text == m.findtext("source")
            and word.search(BRACES.sub("", TAGS.sub("", m.findtext("source"))))]
    assert same == []


def test_the_shipped_qm_translates_the_menus():
    from PySide6.QtCore import QTranslator
    if not QM.is_file():
        pytest.fail(f"{QM.name} is not compiled: run pyside6-lrelease {TS.name}")
    translator = QTranslator()
    data = QM.read_bytes()
    assert translator.load(data)
    assert translator.translate("Menus", "&File") == "文件(&F)"
    assert translator.translate("catalogue", "{layer}: convolution") == "{layer}：卷积"
