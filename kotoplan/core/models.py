"""Abstract base models shared by every bounded context."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = ("fi", "sv", "en")


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """A row edited through forms: `version` grows on every save and guards against lost updates."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def translated(obj: object, field: str, language: str | None = None) -> tuple[str, str]:
    """Return (text, language of the text) for a field stored as <field>_fi/_sv/_en.

    The user's language comes first, then Finnish, Swedish and English; an empty string when
    nothing is written in any language.
    """
    wanted = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    order = [wanted, *[code for code in CONTENT_LANGUAGES if code != wanted]]
    for code in order:
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value.strip():
            return value, code
    return "", wanted


def has_text(values, field: str) -> bool:
    """True when <field>_fi/_sv/_en of a model instance or a dict has text in some language."""

    def get(name):
        return values.get(name) if isinstance(values, dict) else getattr(values, name, "")

    return any((get(f"{field}_{code}") or "").strip() for code in CONTENT_LANGUAGES)


def require_one_language(values, field: str, message) -> None:
    """The one rule behind every "a title in at least one language": raise a ValidationError on
    <field>_fi with `message` unless the text is written in one language. `values` is a model
    instance (from `clean()`) or a dict of data (services, importers)."""
    if not has_text(values, field):
        raise ValidationError({f"{field}_fi": message})
