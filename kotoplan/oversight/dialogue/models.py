"""The observations and shortcomings dialogue with its trail, and the records of regional
monitoring and cooperation discussions. Nothing here is ever deleted: the records are kept."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel, link, optional_link, user_link


def _kept(to, verbose_name, related_name: str) -> models.ForeignKey:
    """A reference that keeps the record: the referenced row cannot be deleted under it."""
    return link(to, verbose_name, on_delete=models.PROTECT, related_name=related_name)


class Observation(TimeStampedModel):
    """What the regional authority found missing or unclear in a plan, and the dialogue about it.

    The state follows the entries of the trail; both are written only by the dialogue services.
    """

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        REPLIED = "replied", _("Replied")
        RESOLVED = "resolved", _("Resolved")
        REOPENED = "reopened", _("Reopened")

    UNRESOLVED_STATES = (State.OPEN, State.REPLIED, State.REOPENED)
    AWAITING_REPLY_STATES = (State.OPEN, State.REOPENED)

    class Step(models.TextChoices):
        """What a person can do with an observation."""

        REPLY = "reply", _("Reply")
        RESOLVE = "resolve", _("Resolve")
        REOPEN = "reopen", _("Reopen")

    # step → (states it may start from, state it leads to, permission); the step's trail entry is
    # of the kind named like the state it leads to
    TRANSITIONS = {
        Step.REPLY: ((State.OPEN, State.REOPENED), State.REPLIED, "oversight.reply_observation"),
        Step.RESOLVE: (
            (State.OPEN, State.REPLIED, State.REOPENED),
            State.RESOLVED,
            "oversight.resolve_observation",
        ),
        Step.REOPEN: (
            (State.REPLIED, State.RESOLVED),
            State.REOPENED,
            "oversight.reopen_observation",
        ),
    }

    plan = _kept("planning.Plan", _("plan"), "observations")
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("what is missing or unclear"))
    rule_id = models.CharField(
        _("readiness check"),
        max_length=60,
        blank=True,
        help_text=_("The rule of the readiness check the observation concerns, if any."),
    )
    objective = optional_link("planning.Objective", _("objective"), related_name="observations")
    objective_title = models.CharField(
        _("objective (as titled when observed)"), max_length=300, blank=True
    )
    reply_due = models.DateField(_("reply expected by"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.OPEN, db_index=True
    )
    created_by = user_link(_("observed by"), related_name="observations_made")

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

    observation = _kept(Observation, None, "entries")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = user_link(_("author"), related_name="observation_entries")
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


class MonitoringDiscussion(TimeStampedModel):
    """A regional monitoring and cooperation discussion the authority held with a municipality."""

    municipality = _kept("geography.Municipality", _("municipality"), "monitoring_discussions")
    plan = optional_link(
        "planning.Plan",
        _("plan discussed"),
        on_delete=models.PROTECT,
        related_name="monitoring_discussions",
    )
    held_on = models.DateField(_("date of the discussion"))
    participants = models.TextField(
        _("participants"), help_text=_("Names and organisations, one per line.")
    )
    topics = models.TextField(_("topics discussed"))
    created_by = user_link(_("recorded by"), related_name="monitoring_discussions")

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

    discussion = _kept(MonitoringDiscussion, _("discussion"), "follow_ups")
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
