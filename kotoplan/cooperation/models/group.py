from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel, VersionedModel, period_order, user_link

from .fields import period_fields


class CooperationGroup(VersionedModel):
    """A multi-sectoral cooperation group: appointed by a municipality (municipal), by several
    municipalities together (joint), or by the regional state authority (regional)."""

    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal group")
        JOINT = "joint", _("Joint group of several municipalities")
        REGIONAL = "regional", _("Regional group appointed by the regional authority")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    municipalities = models.ManyToManyField(
        "geography.Municipality",
        verbose_name=_("municipalities"),
        related_name="cooperation_groups",
        blank=True,
        help_text=_("The municipalities whose cooperation the group carries out."),
    )
    appointed_by = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("appointed by"),
        on_delete=models.PROTECT,
        related_name="appointed_cooperation_groups",
    )
    appointing_body = models.CharField(
        _("appointing body"),
        max_length=200,
        help_text=_("For example the city board, or the director of the regional authority."),
    )
    appointed_on = models.DateField(_("appointed on"))
    decision_reference = models.CharField(_("decision reference"), max_length=200, blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    term_start, term_end = period_fields(_("term starts"), _("term ends"))
    plans = models.ManyToManyField(
        "planning.Plan",
        verbose_name=_("plans the group serves"),
        related_name="cooperation_groups",
        blank=True,
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("cooperation group")
        verbose_name_plural = _("cooperation groups")
        constraints = [
            period_order("cooperation_group_term_order", "term_start", "term_end", open_end=True)
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.pk}


class NoGroupReason(TimeStampedModel):
    """Why a municipality has no cooperation group of its own (the Act asks for one only when
    immigrants' service needs call for multi-sectoral cooperation)."""

    municipality = models.OneToOneField(
        "geography.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="no_cooperation_group_reason",
    )
    reason = models.TextField(_("why no group is needed"))
    decided_on = models.DateField(_("decided on"))
    recorded_by = user_link()

    class Meta:
        verbose_name = _("reason for having no cooperation group")
        verbose_name_plural = _("reasons for having no cooperation group")

    def __str__(self) -> str:
        return str(self.municipality)
