"""Public-sector organisations and role grants."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from kotoplan.accounts.models import Organisation, RoleAssignment
from kotoplan.accounts.selectors import user_reach
from kotoplan.accounts.services import organisations_sync_public, role_grant
from kotoplan.geography.models import Area
from tests.factories.accounts import UserFactory
from tests.factories.geography import AreaFactory

REFERENCE_DIR = Path(settings.BASE_DIR) / "data" / "reference"


def _organisations() -> list[tuple]:
    return list(
        Organisation.objects.order_by("pk").values_list(
            "pk", "kind", "name_fi", "name_sv", "name_en", "municipality_id", "area_id"
        )
    )


@pytest.fixture
def geography(municipality_a, municipality_b, aland_municipality):
    """Three municipalities and six areas, without any organisations yet."""
    return [municipality_a, municipality_b, aland_municipality]


def test_organisations_sync_public_creates_one_per_municipality_and_area__first_run(geography):
    """Every municipality, authority area and county gets exactly one organisation."""
    changed = organisations_sync_public()

    assert Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).count() == 3
    assert Organisation.objects.filter(kind=Organisation.Kind.REGIONAL_AUTHORITY).count() == 4
    assert Organisation.objects.filter(kind=Organisation.Kind.WELLBEING_COUNTY).count() == 2
    espoo = Organisation.objects.get(municipality=geography[0])
    assert (espoo.kind, espoo.name_fi, espoo.name_sv) == ("municipality", "Espoo", "Esbo")
    assert Organisation.objects.filter(kind=Organisation.Kind.MINISTRY).count() == 1
    assert changed == Organisation.objects.count()


def test_organisations_sync_public_gives_regions_no_organisation__region_area(geography):
    """A statistical region is not an organisation and gets none."""
    region = AreaFactory(kind=Area.Kind.REGION, code="01", name_fi="Uusimaa")

    organisations_sync_public()

    assert not Organisation.objects.filter(area=region).exists()


def test_organisations_sync_public_changes_nothing__second_run(geography):
    """Running the sync again reports no change and leaves every row as it was."""
    organisations_sync_public()
    before = _organisations()

    changed = organisations_sync_public()

    assert changed == 0
    assert _organisations() == before


def test_organisations_sync_public_renames_in_place__municipality_renamed(geography):
    """A renamed municipality renames its organisation without creating a new one."""
    organisations_sync_public()
    espoo = Organisation.objects.get(municipality=geography[0])
    geography[0].name_fi = "Espoon kaupunki"
    geography[0].save()

    changed = organisations_sync_public()

    espoo.refresh_from_db()
    assert changed == 1
    assert espoo.name_fi == "Espoon kaupunki"
    assert Organisation.objects.filter(municipality=geography[0]).count() == 1


def test_organisations_sync_public_changes_nothing__two_national_bodies_of_one_kind(db, tmp_path):
    """Two ministries in national_organisations.csv are both kept and a re-run changes nothing."""
    directory = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, directory)
    with (directory / "national_organisations.csv").open("a", encoding="utf-8") as handle:
        handle.write("sm,ministry,Sisäministeriö,Inrikesministeriet,Ministry of the Interior\n")
    organisations_sync_public(directory=directory)

    changed = organisations_sync_public(directory=directory)

    assert Organisation.objects.filter(kind=Organisation.Kind.MINISTRY).count() == 2
    assert changed == 0


@pytest.mark.parametrize(
    ("role", "organisation_fixture"),
    [
        (RoleAssignment.Role.COORDINATOR, "ministry"),
        (RoleAssignment.Role.VIEWER, "vitality_centre_organisation"),
        (RoleAssignment.Role.REGIONAL_OFFICIAL, "organisation_a"),
        (RoleAssignment.Role.COUNTY_LIAISON, "vitality_centre_organisation"),
        (RoleAssignment.Role.NATIONAL_VIEWER, "organisation_a"),
    ],
)
def test_role_grant_refuses_role__wrong_kind_of_organisation(request, role, organisation_fixture):
    """A role given in an organisation of the wrong kind is refused and not saved."""
    organisation = request.getfixturevalue(organisation_fixture)
    user = UserFactory()

    with pytest.raises(ValidationError) as caught:
        role_grant(user=user, organisation=organisation, role=role)

    assert "organisation" in caught.value.message_dict
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_role_grant_gives_reach__fitting_organisation(organisation_a, municipality_a):
    """A coordinator role in a municipality lets the user coordinate that municipality."""
    user = UserFactory()

    role_grant(user=user, organisation=organisation_a, role=RoleAssignment.Role.COORDINATOR)

    assert user_reach(user=user).coordinator_municipalities == {municipality_a.pk}


def test_role_grant_refuses_role__ends_before_it_starts(organisation_a):
    """A role whose validity ends before it starts is refused."""
    user = UserFactory()

    with pytest.raises(ValidationError):
        role_grant(
            user=user,
            organisation=organisation_a,
            role=RoleAssignment.Role.VIEWER,
            valid_from=date(2026, 5, 1),
            valid_to=date(2026, 4, 1),
        )

    assert not RoleAssignment.objects.filter(user=user).exists()


def test_user_reach_ignores_role__validity_ended(organisation_a, municipality_a):
    """A role that ended yesterday no longer gives any reach."""
    user = UserFactory()
    role_grant(
        user=user,
        organisation=organisation_a,
        role=RoleAssignment.Role.COORDINATOR,
        valid_to=date(2026, 5, 31),
    )

    assert user_reach(user=user).coordinator_municipalities == frozenset()
    assert user_reach(user=user, on=date(2026, 5, 31)).coordinator_municipalities == {
        municipality_a.pk
    }
