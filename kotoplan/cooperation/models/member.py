from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel

from ..categories import Category
from .dated import DatedQuerySet, date_order_constraint


class Membership(TimeStampedModel):
    """An organisation's seat in a group, in one category of the Act, for a period."""

    group = models.ForeignKey(
        "cooperation.CooperationGroup", on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="cooperation_memberships",
    )
    category = models.CharField(_("category"), max_length=40, choices=Category.choices)
    start_date = models.DateField(_("member from"))
    end_date = models.DateField(_("member until"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["category", "organisation__name_fi", "pk"]
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        constraints = [date_order_constraint("cooperation_membership_date_order")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_category_display()})"

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.group_id}


class Representative(TimeStampedModel):
    """A person who represents a member organisation, as a representative or a deputy.

    Personal data is kept to what the register needs: the name, the title or role in the
    organisation, and optionally a work email and phone for invitations. Nothing else about the
    person is stored. Linking a user account is optional; a linked user sees the group's
    workspace while the representative's period and the membership are in force.
    """

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        DEPUTY = "deputy", _("Deputy")

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="representatives"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.REPRESENTATIVE
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperation_seats",
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["role", "name", "pk"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [date_order_constraint("cooperation_representative_date_order")]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.membership.group_id}
