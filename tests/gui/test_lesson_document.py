"""The lesson's data, without Qt: every chapter file of every language parses, keeps the English
ids and has a set-up and a check for each id; the parser refuses a broken file by line; the loader
falls back to English per chapter; progress read back from settings is validated."""

import pytest

from convviz import shipped
from convviz.gui.panels.lesson.document import LessonFormatError, chapter_files, load_lesson, parse_chapter
from convviz.gui.panels.lesson.progress import KEYS, Progress
from convviz.gui.panels.lesson.setups import SETUPS
from convviz.gui.panels.lesson.tasks import CHECKS

FOLDER = shipped.root().joinpath("lessons")
LANGUAGES = sorted(p.name for p in FOLDER.iterdir() if p.is_dir() and not p.name.startswith("_"))

GOOD = """# A chapter

## {page-one} First page

Some words
on two lines.

A second paragraph.

$$
y = f(x)
$$

- [task-one] Do this.
- [task-two] Then that.

## {page-two} Second page

Only words.
"""


def test_the_english_chapters_follow_the_paper():
    chapters = load_lesson(FOLDER, "en")
    assert [c.number for c in chapters] == list(range(1, 11))
    names = [p.name for p in chapter_files(FOLDER / "en").values()]
    assert names[0] == "01-input.md" and names[-1] == "10-handwriting.md"
    for c in chapters:
        assert 2 <= len(c.pages) <= 5, c.title
        for page in c.pages:
            assert page.paragraphs and page.equation and 1 <= len(page.tasks) <= 2, page.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_file_parses_and_keeps_the_ids(language):
    english = {c.number: c for c in load_lesson(FOLDER, "en")}
    for number, path in chapter_files(FOLDER / language).items():
        chapter = parse_chapter(path.read_text(encoding="utf-8"), number, str(path), language)
        assert chapter.ids() == english[number].ids(), path
        for page in chapter.pages:
            assert page.id in SETUPS
            assert all(t.id in CHECKS for t in page.tasks)


def test_ids_are_unique_and_each_has_its_code():
    ids = [(p.id, [t.id for t in p.tasks]) for c in load_lesson(FOLDER, "en") for p in c.pages]
    pages = [p for p, _ in ids]
    tasks = [t for _, ts in ids for t in ts]
    assert len(set(pages + tasks)) == len(pages + tasks)
    assert set(pages) == set(SETUPS) and set(tasks) == set(CHECKS)


def test_the_parser_reads_the_format():
    c = parse_chapter(GOOD, 3)
    assert c.title == "A chapter" and c.number == 3
    first, second = c.pages
    assert (first.id, first.title) == ("page-one", "First page")
    assert first.paragraphs == ("Some words on two lines.", "A second paragraph.")
    assert first.equation == "y = f(x)"
    assert [(t.id, t.text) for t in first.tasks] == [("task-one", "Do this."), ("task-two", "Then that.")]
    assert second.tasks == () and second.equation == ""


@pytest.mark.parametrize("text, line, why", [
    ("Words first\n# Title\n", 1, "before the first page"),
    ("# T\n## page without id\n", 2, "page heading"),
    ("# T\n## {p} P\n- [bad id] x\n", 3, "task line"),
    ("# T\n## {p} P\n$$\nx\n", 3, "not closed"),
    ("# T\n## {p} P\n- [t] x\nmore words\n", 4, "after the tasks"),
    ("# T\n## {p} P\n## {p} Again\n", 3, "used twice"),
    ("# T\n", 1, "at least one page"),
])
def test_a_broken_file_is_refused_with_its_line(text, line, why):
    with pytest.raises(LessonFormatError, match=rf"f.md, line {line}: .*{why}"):
        parse_chapter(text, 1, "f.md")


def test_a_language_falls_back_to_english_per_chapter(tmp_path):
    en, de = tmp_path / "en", tmp_path / "de"
    en.mkdir()
    de.mkdir()
    (en / "01-a.md").write_text(GOOD, encoding="utf-8")
    (en / "02-b.md").write_text(GOOD.replace("page-", "p2-").replace("task-", "t2-"), encoding="utf-8")
    (en / "03-c.md").write_text(GOOD.replace("page-", "p3-").replace("task-", "t3-"), encoding="utf-8")
    (de / "01-a.md").write_text(GOOD.replace("A chapter", "Ein Kapitel"), encoding="utf-8")
    (de / "02-b.md").write_text("# Kaputt\n## no id\n", encoding="utf-8")              # broken: English
    (de / "03-c.md").write_text(GOOD.replace("A chapter", "Andere Ids"), encoding="utf-8")   # other ids
    titles = [c.title for c in load_lesson(tmp_path, "de_DE")]
    assert titles == ["Ein Kapitel", "A chapter", "A chapter"]
    assert [c.language for c in load_lesson(tmp_path, "de_DE")] == ["de", "en", "en"]
    assert [c.title for c in load_lesson(tmp_path, "fr_FR")] == ["A chapter"] * 3


class FakeSettings(dict):
    def value(self, key):
        return self.get(key)

    def setValue(self, key, value):       # noqa: N802 (QSettings' name)
        self[key] = value

    def remove(self, key):
        self.pop(key, None)


def test_progress_round_trips_and_drops_what_it_does_not_know():
    s = FakeSettings()
    Progress("p2", {"a", "b"}, True, True).write(s)
    back = Progress.read(s, {"p1", "p2"}, {"a", "b", "c"})
    assert (back.page, back.done, back.prompted, back.open) == ("p2", {"a", "b"}, True, True)
    s = FakeSettings({KEYS["page"]: "gone", KEYS["done"]: ["a", "zz", 3], KEYS["prompted"]: "maybe",
                      KEYS["open"]: "1"})
    back = Progress.read(s, {"p1"}, {"a"})
    assert (back.page, back.done, back.prompted, back.open) == (None, {"a"}, False, True)
    assert KEYS["page"] not in s and KEYS["prompted"] not in s          # removed, not read again
    s = FakeSettings({KEYS["done"]: 12})
    assert Progress.read(s, set(), set()).done == set() and KEYS["done"] not in s
