"""A municipality joins a joint plan by accepting an invitation.

Adding a municipality to a plan invites it: until one of its coordinators accepts, it is not a
party of the plan (`Plan.municipalities`) and its people get nothing of the plan. The inviting
side may withdraw a pending invitation; the invited side accepts or declines it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel, optional_link


class PlanInvitation(TimeStampedModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    plan = models.ForeignKey(
        "planning.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    municipality = models.ForeignKey(
        "geography.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="plan_invitations",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    invited_by = optional_link(settings.AUTH_USER_MODEL, _("invited by"))
    answered_by = optional_link(settings.AUTH_USER_MODEL, _("answered by"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation to a joint plan")
        verbose_name_plural = _("invitations to joint plans")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "municipality"],
                condition=Q(status="pending"),
                name="planning_one_pending_invitation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} → {self.plan}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}
