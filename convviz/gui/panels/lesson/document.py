"""The lesson's chapters as data (no Qt): the chapter file format's parser and the loader that takes
a language's files and falls back to English chapter by chapter (resources/lessons/README.md)."""

import re
from dataclasses import dataclass
from pathlib import Path

#: The chapter files, in the paper's order; a language folder holds files with the same names.
FILE_PATTERN = re.compile(r"^(\d\d)-[a-z0-9-]+\.md$")
_PAGE = re.compile(r"^## \{([a-z0-9-]+)\} +(\S.*)$")
_TASK = re.compile(r"^- \[([a-z0-9-]+)\] +(\S.*)$")
FENCE = "$$"


class LessonFormatError(ValueError):
    """A chapter file does not follow the format; the message names the file and line."""


@dataclass(frozen=True)
class Task:
    """One thing to do; `id` keys its check in the code, `text` is what the learner reads."""

    id: str
    text: str


@dataclass(frozen=True)
class Page:
    """One page: its id (keys its setup), title, paragraphs, the equation and its tasks."""

    id: str
    title: str
    paragraphs: tuple
    equation: str
    tasks: tuple


@dataclass(frozen=True)
class Chapter:
    """Chapter `number` (1 …), from `source` (a path), in `language` ("en", "zh_CN", …)."""

    number: int
    title: str
    pages: tuple
    source: str = ""
    language: str = "en"

    def ids(self):
        """The page ids and each page's task ids: a translation must keep them all."""
        return [(p.id, tuple(t.id for t in p.tasks)) for p in self.pages]


def parse_chapter(text, number=1, source="<text>", language="en"):
    """The Chapter a file's text describes; LessonFormatError (with the line) when it breaks the format."""
    title, pages, page = None, [], None
    paragraph, equation, in_equation, opened = [], [], False, 0
    seen = set()

    def fail(n, why):
        raise LessonFormatError(f"{source}, line {n}: {why}")

    def new_id(n, key):
        if key in seen:
            fail(n, f"the id {key!r} is used twice")
        seen.add(key)
        return key

    def end_paragraph():
        if paragraph:
            page["paragraphs"].append(" ".join(paragraph))
            paragraph.clear()

    lines = text.replace("\r\n", "\n").split("\n")
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if in_equation:
            if line == FENCE:
                in_equation = False
                page["equation"] = "\n".join(equation)
            else:
                equation.append(raw.rstrip())
            continue
        if line.startswith("<!--") and line.endswith("-->"):        # a note for translators
            continue
        if line.startswith("# "):
            if title is not None:
                fail(n, "a second chapter title")
            title = line[2:].strip()
            continue
        if line.startswith("## "):
            m = _PAGE.match(line)
            if m is None:
                fail(n, "a page heading is '## {page-id} Title' (id: lowercase letters, digits, '-')")
            if title is None:
                fail(n, "the chapter title ('# Title') comes first")
            if page is not None:
                end_paragraph()
            page = {"id": new_id(n, m.group(1)), "title": m.group(2), "paragraphs": [], "equation": "", "tasks": []}
            pages.append(page)
            continue
        if not line:
            if page is not None:
                end_paragraph()
            continue
        if page is None:
            fail(n, "text before the first page heading")
        if line == FENCE:
            if page["equation"]:
                fail(n, "a page has one equation block")
            end_paragraph()
            in_equation, equation, opened = True, [], n
            continue
        if line.startswith("- "):
            m = _TASK.match(line)
            if m is None:
                fail(n, "a task line is '- [task-id] What to do'")
            end_paragraph()
            page["tasks"].append(Task(new_id(n, m.group(1)), m.group(2)))
            continue
        if page["tasks"]:
            fail(n, "prose after the tasks: the tasks end a page")
        paragraph.append(line)
    if in_equation:
        fail(opened, "the equation block opened here is not closed with $$")
    if title is None or not pages:
        fail(1, "a chapter needs a '# Title' and at least one page")
    end_paragraph()
    return Chapter(number, title, tuple(Page(p["id"], p["title"], tuple(p["paragraphs"]), p["equation"],
                                             tuple(p["tasks"])) for p in pages), str(source), language)


def chapter_files(folder):
    """{chapter number: path} of the chapter files in `folder` (missing folder: {})."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    out = {}
    for path in sorted(folder.iterdir()):
        m = FILE_PATTERN.match(path.name)
        if m and path.is_file():
            out[int(m.group(1))] = path
    return out


def read_chapter(path, number, language):
    return parse_chapter(Path(path).read_text(encoding="utf-8"), number, str(path), language)


def language_folders(language):
    """The folders to try for a QLocale name, most specific first: zh_CN, then zh."""
    names = [language] if language else []
    if language and "_" in language:
        names.append(language.split("_")[0])
    return [n for n in names if n != "en"]


def load_lesson(root, language="en"):
    """The chapters in `language` where a file for it parses and keeps the English ids, else English
    (chapter by chapter). The English files must all parse: LessonFormatError otherwise."""
    root = Path(root)
    chapters = []
    english = chapter_files(root / "en")
    others = [chapter_files(root / name) for name in language_folders(language)]
    for number, path in sorted(english.items()):
        chapter = read_chapter(path, number, "en")
        for files, name in zip(others, language_folders(language)):
            if number in files:
                try:
                    translated = read_chapter(files[number], number, name)
                except (LessonFormatError, OSError, UnicodeDecodeError):
                    continue                  # a broken translation: the English chapter is shown
                if translated.ids() == chapter.ids():
                    chapter = translated
                    break
        chapters.append(chapter)
    return chapters
