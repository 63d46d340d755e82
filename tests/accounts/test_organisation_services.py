"""Coordinators add and edit units and local organisations (accounts.services)."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from kotoplan.accounts.models import Organisation, business_id_check_digit
from kotoplan.accounts.services import (
    create_local_organisation,
    organisation_create,
    organisation_update,
)
from kotoplan.core.errors import DomainError
from tests.factories.accounts import OrganisationFactory

ASSOCIATION = {
    "kind": Organisation.Kind.IMMIGRANT_ORGANISATION,
    "name_fi": "Espoon Somaliyhdistys ry",
    "name_sv": "Esbo somaliska förening rf",
    "business_id": "2345678-0",
}


def test_business_id_check_digit_follows_the_register():
    """Weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0, otherwise 11 minus the remainder."""
    assert business_id_check_digit("0245437") == 2
    assert business_id_check_digit("0737546") == 2
    assert business_id_check_digit("0000019") == 0
    assert business_id_check_digit("0000006") is None  # remainder 1: no valid ID


def test_coordinator_adds_a_local_organisation_recorded_for_their_municipality(
    coordinator_a, municipality_a
):
    organisation = create_local_organisation(
        actor=coordinator_a,
        municipality=municipality_a,
        kind=Organisation.Kind.IMMIGRANT_ORGANISATION,
        name_fi="Espoon  Somaliyhdistys ry ",
        business_id="245437-2",
    )

    assert organisation.name_fi == "Espoon Somaliyhdistys ry"
    assert organisation.business_id == "0245437-2"
    assert organisation.created_by_municipality == municipality_a
    entry = LogEntry.objects.get_for_object(organisation).get()
    assert entry.actor == coordinator_a


def test_a_business_id_with_a_wrong_check_digit_is_refused(coordinator_a, municipality_a):
    with pytest.raises(ValidationError) as raised:
        organisation_create(
            actor=coordinator_a,
            municipality=municipality_a,
            data={**ASSOCIATION, "business_id": "0245437-3"},
        )

    assert "check digit" in str(raised.value.message_dict["business_id"])
    assert not Organisation.objects.filter(name_fi=ASSOCIATION["name_fi"]).exists()


def test_a_repeated_business_id_is_refused_naming_the_organisation_that_has_it(
    coordinator_a, municipality_a
):
    OrganisationFactory(name_fi="Somaliliitto ry", name_en="", business_id="0245437-2")

    with pytest.raises(ValidationError) as raised:
        organisation_create(
            actor=coordinator_a,
            municipality=municipality_a,
            data={**ASSOCIATION, "business_id": "0245437-2"},
        )

    message = raised.value.message_dict["business_id"][0]
    assert "0245437-2" in message
    assert "Somaliliitto ry" in message


def test_a_similar_name_needs_confirmation(coordinator_a, municipality_a):
    create_local_organisation(
        actor=coordinator_a,
        municipality=municipality_a,
        kind=Organisation.Kind.CIVIL_SOCIETY,
        name_fi="Espoon Setlementti ry",
    )

    with pytest.raises(ValidationError) as raised:
        create_local_organisation(
            actor=coordinator_a,
            municipality=municipality_a,
            kind=Organisation.Kind.CIVIL_SOCIETY,
            name_fi="Espoon setlementti",
        )
    confirmed = create_local_organisation(
        actor=coordinator_a,
        municipality=municipality_a,
        kind=Organisation.Kind.CIVIL_SOCIETY,
        name_fi="Espoon setlementti",
        allow_similar=True,
    )

    assert "Espoon Setlementti ry" in raised.value.message_dict["confirm_new"][0]
    assert confirmed.pk


def test_a_unit_belongs_to_a_sector_of_the_same_municipality(
    coordinator_a, municipality_a, municipality_b
):
    sector = organisation_create(
        actor=coordinator_a,
        municipality=municipality_a,
        data={"kind": Organisation.Kind.MUNICIPAL_UNIT, "name_fi": "Sivistystoimi"},
    )
    foreign = OrganisationFactory(
        kind=Organisation.Kind.MUNICIPAL_UNIT, municipality=municipality_b, name_fi="Opetus"
    )

    unit = organisation_create(
        actor=coordinator_a,
        municipality=municipality_a,
        data={
            "kind": Organisation.Kind.MUNICIPAL_UNIT,
            "name_fi": "Nuorisopalvelut",
            "parent": sector,
        },
    )
    with pytest.raises(ValidationError) as raised:
        organisation_create(
            actor=coordinator_a,
            municipality=municipality_a,
            data={
                "kind": Organisation.Kind.MUNICIPAL_UNIT,
                "name_fi": "Aikuisopisto",
                "parent": foreign,
            },
        )

    assert unit.parent == sector
    assert unit.municipality == municipality_a
    assert "parent" in raised.value.message_dict


def test_coordinators_add_no_authorities(coordinator_a, municipality_a):
    with pytest.raises(ValidationError):
        organisation_create(
            actor=coordinator_a,
            municipality=municipality_a,
            data={"kind": Organisation.Kind.POLICE, "name_fi": "Itä-Uudenmaan poliisi"},
        )
    with pytest.raises(DomainError):
        create_local_organisation(
            actor=coordinator_a,
            municipality=municipality_a,
            kind=Organisation.Kind.MUNICIPALITY,
            name_fi="Espoo",
        )


def test_a_coordinator_adds_nothing_for_another_municipality(coordinator_b, municipality_a):
    with pytest.raises(PermissionDenied):
        organisation_create(actor=coordinator_b, municipality=municipality_a, data=ASSOCIATION)


def test_the_adding_municipality_edits_and_its_neighbour_may_not(
    coordinator_a, coordinator_b, municipality_a
):
    organisation = organisation_create(
        actor=coordinator_a, municipality=municipality_a, data=ASSOCIATION
    )
    data = {**ASSOCIATION, "name_en": "Espoo Somali Association"}

    updated = organisation_update(
        actor=coordinator_a,
        organisation=organisation,
        expected_version=organisation.version,
        data=data,
    )
    with pytest.raises(PermissionDenied):
        organisation_update(
            actor=coordinator_b,
            organisation=updated,
            expected_version=updated.version,
            data={**data, "name_en": "Other"},
        )

    assert updated.name_en == "Espoo Somali Association"
    assert updated.version == 2
