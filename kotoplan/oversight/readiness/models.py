"""The stored result of the readiness check; pages and dashboards read it without recomputing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadinessResult(models.Model):
    """The latest readiness check of one plan.

    `results` holds one entry per rule: {"rule", "status", "reason" (untranslated message),
    "params", "anchor", "field"}. `fingerprint` identifies the plan state that was checked.
    """

    plan = models.OneToOneField(
        "planning.Plan", on_delete=models.CASCADE, related_name="readiness_result"
    )
    ruleset_version = models.CharField(_("rule set version"), max_length=20)
    fingerprint = models.CharField(_("checked plan state"), max_length=200)
    computed_at = models.DateTimeField(_("checked at"))
    statutory_total = models.PositiveSmallIntegerField(_("statutory requirements that apply"))
    statutory_passed = models.PositiveSmallIntegerField(_("statutory requirements met"))
    recommended_total = models.PositiveSmallIntegerField(_("recommendations that apply"))
    recommended_passed = models.PositiveSmallIntegerField(_("recommendations followed"))
    results = models.JSONField(_("results per rule"), default=list)

    class Meta:
        verbose_name = _("readiness result")
        verbose_name_plural = _("readiness results")

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.statutory_passed}/{self.statutory_total}"

    @property
    def statutory_missing(self) -> int:
        return self.statutory_total - self.statutory_passed
