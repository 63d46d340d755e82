"""The stored result of the readiness check; pages and dashboards read it without recomputing."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The rule whose "missing" finding is a plan's overdue monitoring round.
OVERDUE_RULE = "R17-monitoring-not-overdue"


def overdue_in(results: list[dict]) -> bool:
    """Whether stored rule results find the monitoring round overdue."""
    return any(e.get("rule") == OVERDUE_RULE and e.get("status") == "missing" for e in results)


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
    # Rule R17's finding kept beside the results, so overviews of every plan need not read them.
    monitoring_overdue = models.BooleanField(_("monitoring round overdue"), default=False)

    class Meta:
        verbose_name = _("readiness result")
        verbose_name_plural = _("readiness results")

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.statutory_passed}/{self.statutory_total}"

    @property
    def statutory_missing(self) -> int:
        return self.statutory_total - self.statutory_passed


class ReadinessOverride(models.Model):
    """A lifecycle step taken although statutory requirements were unmet: who, when, from and to
    which state, which requirements, and the reason given. The regional authority sees it on
    the plan page; nothing here is ever changed or deleted."""

    plan = models.ForeignKey(
        "planning.Plan", on_delete=models.CASCADE, related_name="readiness_overrides"
    )
    from_state = models.CharField(_("from"), max_length=20)
    to_state = models.CharField(_("to"), max_length=20)
    reason = models.TextField(_("reason for going on"))
    unmet = models.JSONField(_("unmet statutory requirements"), default=list)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("step taken with unmet requirements")
        verbose_name_plural = _("steps taken with unmet requirements")

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.from_state} → {self.to_state}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}

    @property
    def from_label(self) -> str:
        from kotoplan.planning.models import Plan

        return str(Plan.State(self.from_state).label)

    @property
    def to_label(self) -> str:
        from kotoplan.planning.models import Plan

        return str(Plan.State(self.to_state).label)
