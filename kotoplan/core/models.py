"""Abstract base models and field helpers shared by every bounded context, and the one table of
the kernel: stored exports (generated files kept for reuse)."""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = ("fi", "sv", "en")

# Labels of the Finnish, Swedish and English fields of the usual texts (see `in_languages`).
TITLE = (_("title in Finnish"), _("title in Swedish"), _("title in English"))
NAME = (_("name in Finnish"), _("name in Swedish"), _("name in English"))
DESCRIPTION = (
    _("description in Finnish"),
    _("description in Swedish"),
    _("description in English"),
)


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


# --- field helpers -------------------------------------------------------------------------------


def in_languages(field_class, labels, *, finnish_required: bool = False, **options) -> tuple:
    """The Finnish, Swedish and English fields of one text, labelled in that order:
    `title_fi, title_sv, title_en = in_languages(models.CharField, TITLE, max_length=300,
    blank=True)`. With `finnish_required`, only the Swedish and English ones may be blank."""
    first, *others = labels
    if finnish_required:
        return (
            field_class(first, **options),
            *(field_class(label, blank=True, **options) for label in others),
        )
    return tuple(field_class(label, **options) for label in labels)


def text_fields(*fields: str) -> tuple[str, ...]:
    """The fi/sv/en names of each text: text_fields("title") → title_fi, title_sv, title_en."""
    return tuple(f"{field}_{code}" for field in fields for code in CONTENT_LANGUAGES)


def link(
    to, verbose_name=None, *, related_name: str, on_delete=models.CASCADE
) -> models.ForeignKey:
    """A required reference: by default to the row this one belongs to and goes with."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, on_delete=on_delete, related_name=related_name
    )


def optional_link(
    to, verbose_name=None, *, on_delete=models.SET_NULL, related_name: str = "+", **options
) -> models.ForeignKey:
    """A reference that may be empty; no reverse accessor unless `related_name` names one."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )


def user_link(
    verbose_name=None, *, optional: bool = False, related_name: str = "+"
) -> models.ForeignKey:
    """The person who did something (filed, answered, decided, wrote); never deleted under it."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=optional,
        blank=optional,
        related_name=related_name,
    )


# --- periods -------------------------------------------------------------------------------------


def in_force_on(on: date, start: str, end: str) -> Q:
    """Rows whose period from the date field `start` to `end` (both inclusive; an empty start or
    end is open) covers the day `on`."""
    return (Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": on})) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": on})
    )


class DatedQuerySet(models.QuerySet):
    """Rows of a model whose `dated_by` names its start and end date fields."""

    def valid_on(self, on: date) -> "DatedQuerySet":
        """The rows valid on the day."""
        return self.filter(in_force_on(on, *self.model.dated_by))

    active_on = valid_on  # roles and seats: the ones held on the day


def period_order(
    name: str, start: str, end: str, *, open_start: bool = False, open_end: bool = False
) -> models.CheckConstraint:
    """The constraint that a period does not end before it starts; an empty end (`open_end`) or
    start (`open_start`) passes."""
    condition = Q(**{f"{end}__gte": F(start)})
    if open_start:
        condition = Q(**{f"{start}__isnull": True}) | condition
    if open_end:
        condition = Q(**{f"{end}__isnull": True}) | condition
    return models.CheckConstraint(condition=condition, name=name)


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


def first_written(obj: object, field: str) -> str:
    """The text of <field>_fi/_sv/_en in the first of these languages it is written in (the
    name a row shows in lists and the admin, whoever looks)."""
    texts = (getattr(obj, f"{field}_{code}") for code in CONTENT_LANGUAGES)
    return next((text for text in texts if text), "")


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


# --- stored exports ------------------------------------------------------------------------------


class WithoutContent(models.Manager):
    """Stored exports without their file, which is read only when it is served
    (`services.export_content`) or asked for."""

    def get_queryset(self):
        return super().get_queryset().defer("content")


class StoredExport(models.Model):
    """A generated file (a plan's PDF, a consultation's spreadsheet, …), made by the background
    worker and kept for reuse: one per subject, kind, language and content fingerprint. A change
    to the subject gives a new fingerprint, so the next request makes a new file; files are
    removed after KOTOPLAN_EXPORT_RETENTION_HOURS (`manage.py purge_exports`).

    `token` is what a progress page's address carries; the page is reached only under the
    subject's own address, after the subject's permission check."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    subject_type = models.CharField(_("subject type"), max_length=40)
    subject_id = models.PositiveBigIntegerField(_("subject"))
    kind = models.CharField(_("kind"), max_length=40)
    language = models.CharField(_("language"), max_length=10)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    content = models.BinaryField(_("file content"), blank=True, default=b"")
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = WithoutContent()

    class Meta:
        verbose_name = _("stored export")
        verbose_name_plural = _("stored exports")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind", "language", "fingerprint"],
                name="stored_export_one_per_content",
            )
        ]
        indexes = [models.Index(fields=["updated_at"], name="stored_export_updated")]

    def __str__(self) -> str:
        return f"{self.subject_type} {self.subject_id} {self.kind} {self.language}"
