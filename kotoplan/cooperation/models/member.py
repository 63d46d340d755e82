from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import DatedQuerySet, in_force_on, optional_link

from .category import Category
from .fields import DatedModel, group_link, period_fields


class Membership(DatedModel):
    """An organisation's seat in a group, in one category of the Act, for a period."""

    group = group_link("memberships")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="cooperation_memberships",
    )
    category = models.CharField(_("category"), max_length=40, choices=Category.choices)
    start_date, end_date = period_fields(_("member from"), _("member until"))

    class Meta(DatedModel.Meta):
        ordering = ["category", "organisation__name_fi", "pk"]
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_category_display()})"

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.group_id}


class RepresentativeQuerySet(DatedQuerySet):
    def serving_on(self, on: date) -> "RepresentativeQuerySet":
        """Representatives in force on the day whose organisation is a member that day too."""
        return self.active_on(on).filter(
            in_force_on(on, "membership__start_date", "membership__end_date")
        )


class Representative(DatedModel):
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
    user = optional_link(
        settings.AUTH_USER_MODEL, _("user account"), related_name="cooperation_seats"
    )
    start_date, end_date = period_fields(_("from"), _("until"))

    objects = RepresentativeQuerySet.as_manager()

    class Meta(DatedModel.Meta):
        ordering = ["role", "name", "pk"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.membership.group_id}
