"""Progress by responsible parties: monitoring rounds, measure updates, manual indicator values
and the log of reminders sent.

Progress is not plan content: an adopted plan stays frozen, and what its owners report per round
lives here. Every row names its plan in the audit trail (`get_additional_data`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel, VersionedModel, link, optional_link


class MonitoringRound(TimeStampedModel):
    class State(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = link("planning.Plan", _("plan"), related_name="monitoring_rounds")
    period_label = models.CharField(_("period"), max_length=40)
    due_date = models.DateField(_("due date"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    opened_by = optional_link(settings.AUTH_USER_MODEL, _("opened by"))
    closed_by = optional_link(settings.AUTH_USER_MODEL, _("closed by"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "due_date", "pk"]
        verbose_name = _("monitoring round")
        verbose_name_plural = _("monitoring rounds")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "period_label"], name="monitoring_round_unique_period"
            ),
            models.CheckConstraint(
                condition=Q(state="open", closed_on__isnull=True)
                | Q(state="closed", closed_on__isnull=False),
                name="monitoring_round_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} · {self.period_label}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}


class MeasureUpdate(VersionedModel):
    """What the responsible party reports on one measure in one round."""

    class Status(models.TextChoices):
        # The same words as a measure's status in the plan.
        NOT_STARTED = "not_started", _("Planned")
        ON_TRACK = "on_track", _("Ongoing")
        DELAYED = "delayed", _("Delayed")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    round = link(MonitoringRound, _("monitoring round"), related_name="measure_updates")
    measure = link("planning.Measure", _("measure"), related_name="progress_updates")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    narrative = models.TextField(_("what was done"), max_length=2000, blank=True)
    evidence_links = models.JSONField(_("evidence links"), default=list, blank=True)
    updated_by = optional_link(settings.AUTH_USER_MODEL, _("reported by"))

    class Meta:
        ordering = ["round", "measure"]
        verbose_name = _("measure update")
        verbose_name_plural = _("measure updates")
        constraints = [
            models.UniqueConstraint(fields=["round", "measure"], name="measure_update_unique"),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="measure_update_progress_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} · {self.round.period_label}: {self.status}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.round.plan_id}


class IndicatorValue(TimeStampedModel):
    """A value of a plan indicator whose source is manual, for one year."""

    indicator = link("planning.Indicator", _("indicator"), related_name="manual_values")
    round = link(MonitoringRound, _("monitoring round"), related_name="indicator_values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    entered_by = optional_link(settings.AUTH_USER_MODEL, _("entered by"))

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="indicator_value_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.round.plan_id}


class ReminderLog(models.Model):
    """One reminder sent; the unique row keeps the daily command and the task from repeating."""

    class Kind(models.TextChoices):
        BEFORE_14 = "before_14", _("14 days before the due date")
        BEFORE_3 = "before_3", _("3 days before the due date")
        OVERDUE = "overdue", _("1 day after the due date")
        ESCALATION = "escalation", _("Missing updates reported to the coordinator")

    round = models.ForeignKey(MonitoringRound, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_on = models.DateField(_("sent on"))
    missing_count = models.PositiveIntegerField(_("missing updates"), default=0)

    class Meta:
        ordering = ["round", "sent_on", "kind"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "kind", "recipient"], name="reminder_once_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.kind} · {self.recipient}"
