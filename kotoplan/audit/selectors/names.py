"""Names of the objects the change history shows, read in bulk for a whole page: the linked
objects of changed fields (by key, and by the names a many-to-many change stored) and the object
of each entry, in the reader's language where the object still exists and is named in several
languages."""

from collections import defaultdict
from collections.abc import Iterable

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kotoplan.core.text import text_of


def _missing(value) -> bool:
    return value in (None, "", "None", "null")


def _is_key(model, key: str) -> bool:
    """Whether a stored value can be a primary key of the model (older entries may hold a
    name instead: those are shown as removed)."""
    try:
        model._meta.pk.to_python(key)
    except ValidationError:
        return False
    return True


class _Names:
    """Names of linked objects, fetched in one query per model for a whole page."""

    def __init__(self):
        self.wanted: dict[type[models.Model], set[str]] = defaultdict(set)
        self.found: dict[tuple[type[models.Model], str], str] = {}
        self.stored: dict[type[models.Model], set[str]] = defaultdict(set)
        self.renamed: dict[tuple[type[models.Model], str], str] = {}

    def want(self, model, value) -> None:
        if not _missing(value):
            self.wanted[model].add(str(value))

    def want_stored(self, model, names: Iterable[str]) -> None:
        """Names stored by a many-to-many change, as they read in the language of the person
        who made it; those of objects named in several languages are read again."""
        if {"name_fi", "name_sv", "name_en"} <= {f.name for f in model._meta.fields}:
            self.stored[model].update(names)

    def fetch(self) -> None:
        for model, keys in self.wanted.items():
            valid = [key for key in keys if _is_key(model, key)]
            for obj in model._default_manager.filter(pk__in=valid):
                self.found[(model, str(obj.pk))] = str(obj)
        for model, stored in self.stored.items():
            langs = ("name_fi", "name_sv", "name_en")
            match = Q(name_fi__in=stored) | Q(name_sv__in=stored) | Q(name_en__in=stored)
            for obj in model._default_manager.filter(match).order_by("-pk"):
                for name in {getattr(obj, lang) for lang in langs} & stored:
                    self.renamed[(model, name)] = str(obj)

    def stored_name(self, model, name: str) -> str:
        """A stored name in the page's language, when an object still carries it."""
        return self.renamed.get((model, name), name)

    def name(self, model, value) -> str:
        return self.found.get((model, str(value)), _("(removed)"))


def entry_names(entries: Iterable[LogEntry]) -> dict[int, tuple[str, str | None]]:
    """entry id → (name, its language): the object's name as it reads now for objects that still
    exist and are named in several languages (language None when it is the page's own), else the
    name stored when the change was made, in a language not known ("")."""
    entries = list(entries)
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class()
        field = getattr(model, "named_by", None) if model else None
        if field and hasattr(model, f"{field}_fi") and _is_key(model, entry.object_pk):
            wanted[model].add(str(entry.object_pk))
    now: dict[tuple[type[models.Model], str], tuple[str, str | None]] = {}
    page = (get_language() or "fi")[:2]
    for model, keys in wanted.items():
        for obj in model._default_manager.filter(pk__in=keys):
            text = text_of(obj, model.named_by)
            if text.value:
                language = None if text.language[:2] == page else text.language
                now[(model, str(obj.pk))] = (text.value, language)
    return {
        entry.pk: now.get((entry.content_type.model_class(), str(entry.object_pk)))
        or (entry.object_repr, "")
        for entry in entries
    }
