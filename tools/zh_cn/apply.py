"""Fills resources/translations/convviz_zh_CN.ts from the source → Chinese dicts in tools/zh_cn/part_*.py.

Usage (from the repository root):
    python tools/zh_cn/apply.py            # fill the .ts, report what is left, check placeholders
    python tools/zh_cn/apply.py --check    # only check the .ts as it is
    python tools/zh_cn/apply.py --extra-json   # write tools/zh_extra.json from tools/zh_cn/extra.py

Each part_*.py defines ZH = {context: {source: translation}}. A source the .ts does not hold is
reported (a typo, or a string since changed in the code), never silently dropped.
`python tools/translations.py update` runs it between two lupdate passes (so the file keeps
lupdate's own layout); `release` then compiles the .qm.
"""

import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = ROOT / "resources" / "translations" / "convviz_zh_CN.ts"

BRACES = re.compile(r"\{[A-Za-z_0-9]*\}")
QT_ARGS = re.compile(r"%\d+")
PRINTF = re.compile(r"%[sdg]")
TAGS = re.compile(r"</?[A-Za-z][^>]*>")
ENTITIES = re.compile(r"&[A-Za-z]+;|&#\d+;")
ACCEL = re.compile(r"&(?![A-Za-z]+;|#\d+;)([A-Za-z0-9])")


def load_parts(pattern="part_*.py"):
    """All part files' dicts merged: {context: {source: translation}}."""
    sys.path.insert(0, str(HERE))
    merged = {}
    for path in sorted(HERE.glob(pattern)):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for context, table in module.ZH.items():
            merged.setdefault(context, {}).update(table)
    return merged


def problems(source, translation):
    """What a translation lost or broke of its source's placeholders, tags, entities and accelerator."""
    out = []
    for name, pattern in (("{}", BRACES), ("%n", QT_ARGS), ("tags", TAGS), ("entities", ENTITIES)):
        if sorted(pattern.findall(source)) != sorted(pattern.findall(translation)):
            out.append(f"{name}: {sorted(pattern.findall(source))} vs {sorted(pattern.findall(translation))}")
    if PRINTF.findall(source) != PRINTF.findall(translation):          # printf arguments cannot move
        out.append(f"printf order: {PRINTF.findall(source)} vs {PRINTF.findall(translation)}")
    src_acc, tr_acc = ACCEL.findall(source), ACCEL.findall(translation)
    if [a.upper() for a in src_acc] != [a.upper() for a in tr_acc]:
        out.append(f"accelerator: {src_acc} vs {tr_acc}")
    return out


def check(root):
    """Prints every unfinished message and every broken placeholder; returns how many problems."""
    bad = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if node is None or node.get("type") == "unfinished" or not (node.text or ""):
                print(f"UNFINISHED [{name}] {source!r}")
                bad += 1
                continue
            for p in problems(source, node.text):
                print(f"BROKEN [{name}] {source!r} → {node.text!r}: {p}")
                bad += 1
    return bad


def write_extra_json():
    """tools/zh_extra.json: context → source → Chinese for the messages this .ts does not hold yet."""
    extra, bad = load_parts("extra.py"), 0
    for name, table in extra.items():
        for source, text in table.items():
            for p in problems(source, text):
                print(f"BROKEN EXTRA [{name}] {source!r} → {text!r}: {p}")
                bad += 1
    out = ROOT / "tools" / "zh_extra.json"
    out.write_text(json.dumps(extra, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}: {sum(len(t) for t in extra.values())} messages, {bad} problem(s)")
    return 1 if bad else 0


def main():
    if "--extra-json" in sys.argv:
        return write_extra_json()
    tree = ET.parse(TS)
    root = tree.getroot()
    if "--check" not in sys.argv:
        parts, used = load_parts(), set()
        extra = load_parts("extra.py")          # other branches' strings: filled where the .ts has them
        for name, table in extra.items():
            for source, text in table.items():
                parts.setdefault(name, {}).setdefault(source, text)
        quiet = {(name, source) for name, table in extra.items() for source in table}
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.findall("message"):
                source = message.findtext("source")
                text = parts.get(name, {}).get(source)
                if text is None:
                    continue
                used.add((name, source))
                node = message.find("translation")
                node.text = text
                node.attrib.pop("type", None)
        for name, table in parts.items():
            for source in table:
                if (name, source) not in used and (name, source) not in quiet:
                    print(f"NOT IN THE .ts [{name}] {source!r}")
        ET.indent(tree)
        body = ET.tostring(root, encoding="unicode")
        TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    bad = check(root)
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
