"""Writes to accounts. Invariant: every municipality, wellbeing county, employment area and
regional authority area has exactly one organisation, so it can own measures and hold roles."""

import csv
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kotoplan.geography.models import Area, Municipality

from .models import Organisation, RoleAssignment, User

AREA_ORGANISATION_KIND = {
    Area.Kind.WELLBEING_COUNTY: Organisation.Kind.WELLBEING_COUNTY,
    Area.Kind.EMPLOYMENT_AREA: Organisation.Kind.EMPLOYMENT_AREA,
    Area.Kind.ELY_CENTRE: Organisation.Kind.REGIONAL_AUTHORITY,
    Area.Kind.VITALITY_CENTRE: Organisation.Kind.REGIONAL_AUTHORITY,
}


@transaction.atomic
def organisations_sync_public(*, directory: Path | None = None) -> int:
    """Create or rename the public-sector organisations; returns how many rows changed."""
    changed = 0
    existing_municipal = {
        o.municipality_id: o
        for o in Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)
    }
    for municipality in Municipality.objects.all():
        names = {"name_fi": municipality.name_fi, "name_sv": municipality.name_sv}
        org = existing_municipal.get(municipality.pk)
        if org is None:
            Organisation.objects.create(
                kind=Organisation.Kind.MUNICIPALITY, municipality=municipality, **names
            )
            changed += 1
        elif (org.name_fi, org.name_sv) != (names["name_fi"], names["name_sv"]):
            Organisation.objects.filter(pk=org.pk).update(**names)
            changed += 1
    existing_area = {o.area_id: o for o in Organisation.objects.filter(area__isnull=False)}
    for area in Area.objects.filter(kind__in=list(AREA_ORGANISATION_KIND)):
        names = {"name_fi": area.name_fi, "name_sv": area.name_sv, "name_en": area.name_en}
        org = existing_area.get(area.pk)
        if org is None:
            Organisation.objects.create(kind=AREA_ORGANISATION_KIND[area.kind], area=area, **names)
            changed += 1
        elif (org.name_fi, org.name_sv, org.name_en) != tuple(names.values()):
            Organisation.objects.filter(pk=org.pk).update(**names)
            changed += 1
    path = (
        directory or Path(settings.BASE_DIR) / "data" / "reference"
    ) / "national_organisations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = {key: row[key] for key in ("name_fi", "name_sv", "name_en")}
            org = Organisation.objects.filter(reference_key=row["key"]).first()
            if org is None:
                Organisation.objects.create(kind=row["kind"], reference_key=row["key"], **names)
                changed += 1
            elif (org.name_fi, org.name_sv, org.name_en) != tuple(names.values()):
                Organisation.objects.filter(pk=org.pk).update(**names)
                changed += 1
    return changed


@transaction.atomic
def role_grant(*, user: User, organisation: Organisation, role: str, **dates) -> RoleAssignment:
    assignment = RoleAssignment(user=user, organisation=organisation, role=role, **dates)
    assignment.full_clean()
    assignment.save()
    return assignment
