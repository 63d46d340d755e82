"""The only data the documents app keeps: an optional plain-language summary of a plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel


class PlainLanguageSummary(TimeStampedModel):
    """A short summary in plain language, shown first on the public page of an adopted plan."""

    plan = models.OneToOneField(
        "planning.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="plain_language_summary",
    )
    text_fi = models.TextField(_("summary in plain Finnish"), blank=True)
    text_sv = models.TextField(_("summary in plain Swedish"), blank=True)
    text_en = models.TextField(_("summary in plain English"), blank=True)

    class Meta:
        verbose_name = _("plain-language summary")
        verbose_name_plural = _("plain-language summaries")

    def __str__(self) -> str:
        return str(self.plan)


class PlanImport(TimeStampedModel):
    """An uploaded plan spreadsheet between its check and its saving.

    The file is kept (`content`) only until the plan is saved or the retention time
    (`KOTOPLAN_IMPORT_RETENTION_HOURS`) passes; then it is emptied (`purged_at`). Only the
    uploader sees it.
    """

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, waiting to be saved")
        SAVING = "saving", _("Being saved")
        SAVED = "saved", _("Saved")
        FAILED = "failed", _("Not saved")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="plan_imports",
    )
    lead_municipality = models.ForeignKey(
        "geography.Municipality", verbose_name=_("municipality"), on_delete=models.CASCADE
    )
    plan_data = models.JSONField(_("plan fields"), default=dict, blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("file content"), blank=True, default=b"")
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    language = models.CharField(_("language"), max_length=10, default="fi")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CHECKED
    )
    started_at = models.DateTimeField(_("saving started"), null=True, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    plan = models.ForeignKey(
        "planning.Plan",
        verbose_name=_("plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    purged_at = models.DateTimeField(_("file removed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plan spreadsheet import")
        verbose_name_plural = _("plan spreadsheet imports")

    def __str__(self) -> str:
        return f"{self.file_name} · {self.status}"
