"""What members bring to the group: initiatives to convene it, comments on the plan, and
proposed measures."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel, link, optional_link, user_link

from .fields import group_link, membership_link


class Initiative(TimeStampedModel):
    """A member organisation's initiative to convene the group; the group's managers answer it
    with a meeting or a reasoned decision."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        SCHEDULED = "scheduled", _("Meeting scheduled")
        DECIDED = "decided", _("Answered with a decision")

    group = group_link("initiatives")
    membership = membership_link(_("on behalf of"), "initiatives")
    filed_by = user_link()
    topic = models.CharField(_("topic"), max_length=300)
    reason = models.TextField(_("why the group should meet"))
    proposed_timing = models.CharField(_("proposed timing"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    meeting = optional_link(
        "cooperation.Meeting", _("meeting"), on_delete=models.PROTECT, related_name="initiatives"
    )
    decision = models.TextField(_("decision and its reasons"), blank=True)
    answered_by = user_link(optional=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("initiative to convene")
        verbose_name_plural = _("initiatives to convene")

    def __str__(self) -> str:
        return self.topic

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.group_id}


class PlanComment(TimeStampedModel):
    """An internal comment of the group on a plan it serves; not part of the plan."""

    group = group_link("comments")
    plan = link("planning.Plan", related_name="cooperation_comments")
    objective = optional_link("planning.Objective", _("objective"))
    author = user_link()
    text = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on the plan")
        verbose_name_plural = _("comments on the plan")

    def __str__(self) -> str:
        return self.text[:60]

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.group_id, "plan_id": self.plan_id}


class MeasureProposal(TimeStampedModel):
    """A measure a member organisation offers to own. Accepted, it becomes a measure of the
    plan and keeps the link to it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted into the plan")
        DECLINED = "declined", _("Declined")

    group = group_link("proposals")
    plan = link("planning.Plan", related_name="cooperation_proposals")
    objective = link("planning.Objective", _("objective"), related_name="+")
    membership = membership_link(_("organisation that would own the measure"), "proposals")
    proposed_by = user_link()
    language = models.CharField(_("language of the text"), max_length=2, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = user_link(optional=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    measure = models.OneToOneField(
        "planning.Measure",
        verbose_name=_("measure in the plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperation_proposal",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposed measure")
        verbose_name_plural = _("proposed measures")

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.group_id, "plan_id": self.plan_id}
