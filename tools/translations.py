"""The app's translations: extract (update), compile (release) and check the Chinese .ts/.qm.

    python tools/translations.py update    # pyside6-lupdate: every convviz/**/*.py into the .ts,
                                           # filled from the tables in tools/zh_cn/part_*.py
    python tools/translations.py release   # pyside6-lrelease: the .ts into the shipped .qm
    python tools/translations.py check     # CI: nothing missing, unfinished or stale (exit 1 if so)

The .ts (resources/translations/convviz_zh_CN.ts) is the source a translator edits, with Qt
Linguist or by hand; the .qm next to it is what ships in the package and what the app loads.
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
TS = FOLDER / f"convviz_{LANGUAGE}.ts"
QM = FOLDER / f"convviz_{LANGUAGE}.qm"
# The text helper runs the same command on its copy: the same options keep merges clean.
LUPDATE_OPTIONS = ["-target-language", LANGUAGE, "-no-obsolete", "-locations", "none"]
#: What a translation must keep of its source: {0}, {name}, %n, %1 ... (the code fills them in).
#: Fills the .ts from the translation tables (tools/zh_cn/part_*.py), after each extraction.
FILL = ROOT / "tools" / "zh_cn" / "apply.py"
PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*(?:[:!][^{}]*)?\}|%n|%L?\d")


def tool(name):
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: it comes with PySide6-Essentials (pip install PySide6-Essentials)")
    return found


def sources():
    """Every Python file of the package, sorted (lupdate's output then does not depend on the file system)."""
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "convviz").rglob("*.py"))]


def lupdate(ts):
    """Run lupdate over the package into `ts` (created or merged)."""
    r = subprocess.run([tool("lupdate"), *sources(), "-ts", str(ts), *LUPDATE_OPTIONS], cwd=ROOT,
                       capture_output=True, text=True, timeout=300, check=False)
    if r.returncode != 0:
        sys.exit(f"lupdate failed:\n{r.stdout}{r.stderr}")
    return r.stdout


def lrelease(ts, qm):
    r = subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], capture_output=True, text=True,
                       timeout=300, check=False)
    if r.returncode != 0 or not Path(qm).is_file():
        sys.exit(f"lrelease failed:\n{r.stdout}{r.stderr}")
    return r.stdout


def messages(ts):
    """{(context, source, comment): (numerus, [translations], finished)} of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            key = (name, m.findtext("source") or "", m.findtext("comment") or "")
            t = m.find("translation")
            numerus = m.get("numerus") == "yes"
            texts = [f.text or "" for f in t.iter("numerusform")] if numerus else [t.text or ""]
            finished = t.get("type") not in ("unfinished", "obsolete", "vanished")
            found[key] = (numerus, texts, finished)
    return found


def describe(key):
    context, source, comment = key
    where = f"[{context or 'no context'}]"
    return f"{where} {source!r}" + (f" ({comment})" if comment else "")


def problems_in(found):
    """Unfinished or empty messages, and translations that lost a placeholder of their source."""
    unfinished, lost = [], []
    for key, (_numerus, texts, finished) in found.items():
        if not finished or not texts or any(not t.strip() for t in texts):
            unfinished.append(describe(key))
            continue
        wanted = set(PLACEHOLDER.findall(key[1]))
        for text in texts:
            missing = wanted - set(PLACEHOLDER.findall(text))
            if missing:
                lost.append(f"{describe(key)} -> {text!r} lost {' '.join(sorted(missing))}")
    return unfinished, lost


def qm_matches(ts_messages, qm, fresh_qm):
    """The shipped .qm holds what lrelease makes of the .ts: the same bytes, or (another Qt
    version's lrelease) the same translation for every finished message of the .ts."""
    if not Path(qm).is_file():
        return [f"{qm.relative_to(ROOT)} is missing: run `python tools/translations.py release`"]
    if Path(qm).read_bytes() == Path(fresh_qm).read_bytes():
        return []
    from PySide6.QtCore import QTranslator
    translator = QTranslator()
    if not translator.load(str(qm)):
        return [f"{qm.relative_to(ROOT)} is not a Qt translation file"]
    differ = []
    for (context, source, comment), (numerus, texts, finished) in ts_messages.items():
        if not finished or numerus:
            continue
        got = translator.translate(context, source, comment or None)
        if got != texts[0]:
            differ.append(f"{describe((context, source, comment))}: the .qm has {got!r}, the .ts {texts[0]!r}")
    return differ


#: What check() reports, in order, with what to do about each.
TITLES = {
    "missing": "user-visible strings missing from the .ts (run `python tools/translations.py update`)",
    "dropped": "messages no longer in the code (run `python tools/translations.py update`)",
    "unfinished": "unfinished or empty translations",
    "lost": "translations that lost a placeholder of their source",
    "stale_qm": "the shipped .qm is not what lrelease makes of the .ts (run `python tools/translations.py release`)",
}


def findings():
    """{kind: [problem]} for every kind of TITLES (empty lists: all good), plus "nameless" (lupdate
    found no context: a warning) and "counts" (messages, finished, unfinished)."""
    before = messages(TS)
    with tempfile.TemporaryDirectory() as tmp:
        updated = Path(tmp) / TS.name
        shutil.copyfile(TS, updated)
        lupdate(updated)
        after = messages(updated)
        fresh_qm = Path(tmp) / QM.name
        lrelease(TS, fresh_qm)
        stale_qm = qm_matches(before, QM, fresh_qm)
    unfinished, lost = problems_in(before)
    return {"missing": [describe(k) for k in after if k not in before],
            "dropped": [describe(k) for k in before if k not in after],
            "unfinished": unfinished, "lost": lost, "stale_qm": stale_qm,
            "nameless": [describe(k) for k in after if not k[0]],
            "counts": (len(before), len(before) - len(unfinished), len(unfinished))}


def check():
    """Print what is wrong (nothing: "ok") with the counts; 1 if anything is."""
    if not TS.is_file():
        print(f"{TS.relative_to(ROOT)} is missing: run `python tools/translations.py update`")
        return 1
    found = findings()
    total, finished, unfinished = found["counts"]
    print(f"{TS.relative_to(ROOT)}: {total} messages, {finished} finished, {unfinished} unfinished")
    failed = False
    for kind, title in TITLES.items():
        if found[kind]:
            failed = True
            print(f"\n{len(found[kind])} {title}:")
            print("\n".join(f"  {item}" for item in found[kind]))
    if found["nameless"]:      # not fatal: the code's tr() wrapper is the fault, not the .ts's
        print(f"\nwarning: {len(found['nameless'])} messages have no context (a tr() wrapper lupdate cannot "
              "see through); their translations are never found at run time:")
        print("\n".join(f"  {item}" for item in found["nameless"]))
    print("\ntranslations: " + ("FAILED" if failed else "ok"))
    return 1 if failed else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help=f"extract every tr() string of convviz/ into {TS.relative_to(ROOT)}")
    sub.add_parser("release", help=f"compile {TS.name} into the shipped {QM.name}")
    sub.add_parser("check", help="fail on missing, unfinished or stale translations, or a stale .qm")
    args = parser.parse_args(argv)
    if args.command == "update":
        FOLDER.mkdir(parents=True, exist_ok=True)
        print(lupdate(TS), end="")
        if FILL.is_file():
            # the Chinese lives as source -> translation tables (tools/zh_cn/part_*.py): fill the new
            # messages from them, then lupdate again so the file keeps lupdate's own layout
            subprocess.run([sys.executable, str(FILL)], cwd=ROOT, check=False, timeout=300)
            print(lupdate(TS), end="")
    elif args.command == "release":
        print(lrelease(TS, QM), end="")
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
