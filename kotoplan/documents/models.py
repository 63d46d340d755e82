"""The only data the documents app keeps: an optional plain-language summary of a plan."""

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
