"""How the demo content refers to organisations.

- "mun:837": the organisation of municipality 837;
- "county:837", "employment:837", "ely:837", "evk:837": the wellbeing services county, the
  employment area, the ELY Centre or the Economic Development Centre of municipality 837;
- "national:kela": a national body by its key in data/reference/national_organisations.csv;
- anything else: the key of a local organisation in `content.organisations()`.
"""

import csv
from functools import cache
from pathlib import Path

from django.conf import settings

from kotoplan.accounts.models import Organisation
from kotoplan.core.clock import today
from kotoplan.geography.models import Area, AreaMembership

from . import content

AREA_KINDS = {
    "county": Area.Kind.WELLBEING_COUNTY,
    "employment": Area.Kind.EMPLOYMENT_AREA,
    "ely": Area.Kind.ELY_CENTRE,
    "evk": Area.Kind.VITALITY_CENTRE,
}


class MissingOrganisation(Exception):
    def __init__(self, reference: str, reason: str):
        super().__init__(f"{reference}: {reason}")
        self.reference = reference
        self.reason = reason


@cache
def national_bodies() -> dict[str, dict]:
    path = Path(settings.BASE_DIR) / "data" / "reference" / "national_organisations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["key"]: row for row in csv.DictReader(handle)}


def find_local(definition: dict) -> Organisation | None:
    """The stored organisation of a definition in `content.organisations()`, if it exists."""
    return Organisation.objects.filter(
        kind=definition["kind"],
        name_fi=definition["name_fi"],
        municipality__code=definition["municipality"],
    ).first()


def _area_organisation(kind: str, code: str) -> Organisation | None:
    memberships = AreaMembership.objects.filter(municipality__code=code, area__kind=kind)
    membership = (
        memberships.valid_on(today()).select_related("area").first()
        or memberships.select_related("area").order_by("-valid_to").first()
    )
    if membership is None:
        return None
    return Organisation.objects.filter(area=membership.area).first()


def _national(key: str) -> Organisation | None:
    row = national_bodies().get(key)
    if row is None:
        return None
    national = Organisation.objects.filter(
        kind=row["kind"], municipality__isnull=True, area__isnull=True
    )
    return national.filter(name_fi=row["name_fi"]).first() or national.first()


class OrganisationResolver:
    """Turns references into organisations, remembering the ones it has found."""

    def __init__(self) -> None:
        self._found: dict[str, Organisation] = {}

    def find(self, reference: str) -> Organisation | None:
        if reference in self._found:
            return self._found[reference]
        prefix, _, value = reference.partition(":")
        if not value:
            definition = next((d for d in content.organisations() if d["key"] == reference), None)
            found = find_local(definition) if definition else None
        elif prefix == "mun":
            found = Organisation.objects.filter(
                kind=Organisation.Kind.MUNICIPALITY, municipality__code=value
            ).first()
        elif prefix in AREA_KINDS:
            found = _area_organisation(AREA_KINDS[prefix], value)
        elif prefix == "national":
            found = _national(value)
        else:
            found = None
        if found is not None:
            self._found[reference] = found
        return found

    def __call__(self, reference: str) -> Organisation:
        found = self.find(reference)
        if found is None:
            raise MissingOrganisation(reference, "no such organisation in the database")
        return found

    def describe(self, reference: str) -> str:
        """The organisation's Finnish name, or the reference itself when it is not stored."""
        found = self.find(reference)
        return found.name_fi if found else reference
