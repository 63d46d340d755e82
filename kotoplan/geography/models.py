"""Municipalities and the areas they belong to, each membership with validity dates."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AreaQuerySet(models.QuerySet):
    def valid_on(self, on: date) -> "AreaQuerySet":
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class Area(models.Model):
    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
        EMPLOYMENT_AREA = "employment_area", _("Employment area")
        ELY_CENTRE = "ely_centre", _("ELY Centre")
        VITALITY_CENTRE = "vitality_centre", _("Economic Development Centre")

    AUTHORITY_KINDS = (Kind.ELY_CENTRE, Kind.VITALITY_CENTRE)

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=8)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name_fi"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="area_unique_kind_code"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="area_valid_range",
            ),
        ]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name_fi

    @property
    def is_authority_area(self) -> bool:
        return self.kind in self.AUTHORITY_KINDS


class MunicipalityQuerySet(models.QuerySet):
    def in_act_scope(self) -> "MunicipalityQuerySet":
        return self.filter(in_act_scope=True)


class Municipality(models.Model):
    code = models.CharField(_("code"), max_length=3, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    in_act_scope = models.BooleanField(
        _("covered by the Integration Act"),
        default=True,
        help_text=_("False for Åland, which has its own integration legislation."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name_fi


class MembershipQuerySet(models.QuerySet):
    def valid_on(self, on: date) -> "MembershipQuerySet":
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class AreaMembership(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="memberships")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "area", "valid_from"], name="membership_unique_period"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="membership_valid_range",
            ),
        ]
        verbose_name = _("area membership")
        verbose_name_plural = _("area memberships")

    def __str__(self) -> str:
        return f"{self.municipality} → {self.area}"
