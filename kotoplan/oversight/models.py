"""Stored results of the readiness check; dashboards read these without recomputing.

Also the observations and shortcomings dialogue with its trail, and the records of regional
monitoring and cooperation discussions.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel


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

    @property
    def recommended_missing(self) -> int:
        return self.recommended_total - self.recommended_passed


# --- observations and shortcomings dialogue ----------------------------------------------------


class Observation(TimeStampedModel):
    """What the regional authority found missing or unclear in a plan, and the dialogue about it.

    The state follows the entries of the trail; both are written only by the observation services.
    Nothing here is ever deleted: the trail is the record.
    """

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        REPLIED = "replied", _("Replied")
        RESOLVED = "resolved", _("Resolved")
        REOPENED = "reopened", _("Reopened")

    UNRESOLVED_STATES = (State.OPEN, State.REPLIED, State.REOPENED)
    AWAITING_REPLY_STATES = (State.OPEN, State.REOPENED)

    plan = models.ForeignKey(
        "planning.Plan",
        verbose_name=_("plan"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("what is missing or unclear"))
    rule_id = models.CharField(
        _("readiness check"),
        max_length=60,
        blank=True,
        help_text=_("The rule of the readiness check the observation concerns, if any."),
    )
    objective = models.ForeignKey(
        "planning.Objective",
        verbose_name=_("objective"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="observations",
    )
    objective_title = models.CharField(
        _("objective (as titled when observed)"), max_length=300, blank=True
    )
    reply_due = models.DateField(_("reply expected by"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.OPEN, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("observed by"),
        on_delete=models.PROTECT,
        related_name="observations_made",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return self.subject

    @property
    def is_resolved(self) -> bool:
        return self.state == self.State.RESOLVED

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}


class ObservationEntry(models.Model):
    """One step of an observation's trail: who did what, when, and what they wrote."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Observation recorded")
        REPLIED = "replied", _("Municipality replied")
        RESOLVED = "resolved", _("Resolved")
        REOPENED = "reopened", _("Reopened")

    observation = models.ForeignKey(Observation, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="observation_entries",
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    text = models.TextField(_("text"), blank=True)
    changes_made = models.TextField(
        _("what was changed in the plan"),
        blank=True,
        help_text=_("Describe what was added to or changed in the plan."),
    )
    changed_objectives = models.ManyToManyField(
        "planning.Objective",
        verbose_name=_("changed objectives"),
        blank=True,
        related_name="observation_entries",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("observation entry")
        verbose_name_plural = _("observation entries")

    def __str__(self) -> str:
        return f"{self.observation}: {self.get_kind_display()}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.observation.plan_id, "observation_id": self.observation_id}


# --- regional monitoring and cooperation discussions -------------------------------------------


class MonitoringDiscussion(TimeStampedModel):
    """A regional monitoring and cooperation discussion the authority held with a municipality."""

    municipality = models.ForeignKey(
        "geography.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="monitoring_discussions",
    )
    plan = models.ForeignKey(
        "planning.Plan",
        verbose_name=_("plan discussed"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="monitoring_discussions",
    )
    held_on = models.DateField(_("date of the discussion"))
    participants = models.TextField(
        _("participants"), help_text=_("Names and organisations, one per line.")
    )
    topics = models.TextField(_("topics discussed"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="monitoring_discussions",
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("monitoring and cooperation discussion")
        verbose_name_plural = _("monitoring and cooperation discussions")

    def __str__(self) -> str:
        return f"{self.municipality} {self.held_on.isoformat()}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id, "municipality_id": self.municipality_id}


class DiscussionFollowUp(models.Model):
    """A follow-up agreed in a discussion: what, who, by when, and whether it is done."""

    discussion = models.ForeignKey(
        MonitoringDiscussion, on_delete=models.PROTECT, related_name="follow_ups"
    )
    text = models.TextField(_("agreed follow-up"))
    responsible = models.CharField(_("responsible"), max_length=200)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("agreed follow-up")
        verbose_name_plural = _("agreed follow-ups")

    def __str__(self) -> str:
        return self.text[:80]

    def get_additional_data(self) -> dict:
        return {"plan_id": self.discussion.plan_id, "discussion_id": self.discussion_id}
