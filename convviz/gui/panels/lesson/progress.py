"""The learner's place in the lesson (no Qt): the page shown, the tasks done, whether the first-launch
prompt was answered; read back from the settings validated, as every stored value is."""

from dataclasses import dataclass, field

KEYS = {"page": "lesson/page", "done": "lesson/done", "prompted": "lesson/prompted", "open": "lesson/open"}


@dataclass
class Progress:
    """page: the page id shown (None: the first); done: task ids done; prompted: the first-launch
    prompt was answered; open: the lesson pane was open when the app closed."""

    page: str = None
    done: set = field(default_factory=set)
    prompted: bool = False
    open: bool = False

    @classmethod
    def read(cls, settings, page_ids, task_ids):
        """From a QSettings-like object (value, remove); an unknown page, an unknown task or a
        value of the wrong type is dropped (and removed), never trusted."""
        page = settings.value(KEYS["page"])
        if page is not None and not (isinstance(page, str) and page in page_ids):
            settings.remove(KEYS["page"])
            page = None
        raw = settings.value(KEYS["done"])
        done = set()
        if isinstance(raw, str):
            done = {t for t in raw.split(",") if t in task_ids}
        elif isinstance(raw, (list, tuple)):           # QSettings reads "a,b" back as a list
            done = {t for t in raw if isinstance(t, str) and t in task_ids}
        elif raw is not None:
            settings.remove(KEYS["done"])
        return cls(page, done, _flag(settings, KEYS["prompted"]), _flag(settings, KEYS["open"]))

    def write(self, settings):
        if self.page is None:
            settings.remove(KEYS["page"])
        else:
            settings.setValue(KEYS["page"], self.page)
        settings.setValue(KEYS["done"], " ".join(sorted(self.done)).replace(" ", ","))
        settings.setValue(KEYS["prompted"], bool(self.prompted))
        settings.setValue(KEYS["open"], bool(self.open))


def _flag(settings, key):
    value = settings.value(key)
    if value is None:
        return False
    text = str(value).strip().lower()
    if text in ("true", "1", "false", "0"):
        return text in ("true", "1")
    settings.remove(key)
    return False
