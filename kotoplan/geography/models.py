"""Municipalities and the areas they belong to, each membership with validity dates."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import NAME, DatedQuerySet, in_languages, period_order
from kotoplan.core.text import text_of


class Dated(models.Model):
    """A row valid from one day to another; either end may be open."""

    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    dated_by = ("valid_from", "valid_to")
    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True


def valid_range(name: str) -> models.CheckConstraint:
    """The constraint that a dated row does not end before it starts."""
    return period_order(name, "valid_from", "valid_to", open_start=True, open_end=True)


class Area(Dated):
    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
        EMPLOYMENT_AREA = "employment_area", _("Employment area")
        ELY_CENTRE = "ely_centre", _("ELY Centre")
        VITALITY_CENTRE = "vitality_centre", _("Economic Development Centre")

    AUTHORITY_KINDS = (Kind.ELY_CENTRE, Kind.VITALITY_CENTRE)

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=8)
    name_fi, name_sv, name_en = in_languages(
        models.CharField, NAME, finnish_required=True, max_length=200
    )

    class Meta:
        ordering = ["kind", "name_fi"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="area_unique_kind_code"),
            valid_range("area_valid_range"),
        ]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name_fi


class MunicipalityQuerySet(DatedQuerySet):
    def in_act_scope(self) -> "MunicipalityQuerySet":
        return self.filter(in_act_scope=True)


class Municipality(Dated):
    code = models.CharField(_("code"), max_length=3, unique=True)
    name_fi, name_sv, name_en = in_languages(
        models.CharField, NAME, finnish_required=True, max_length=200
    )
    in_act_scope = models.BooleanField(
        _("covered by the Integration Act"),
        default=True,
        help_text=_("False for Åland, which has its own integration legislation."),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        """The name in the active interface language (else the Finnish one)."""
        return str(text_of(self, "name")) or self.name_fi


class AreaMembership(Dated):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "area", "valid_from"], name="membership_unique_period"
            ),
            valid_range("membership_valid_range"),
        ]
        verbose_name = _("area membership")
        verbose_name_plural = _("area memberships")

    def __str__(self) -> str:
        return f"{self.municipality} → {self.area}"
