"""Which organisations a plan may name, how pickers group and label them, and how a name typed
in a spreadsheet is resolved (accounts.selectors)."""

from datetime import date

import pytest
from django.utils import translation

from kotoplan.accounts.models import Organisation
from kotoplan.accounts.selectors import (
    OrganisationGroup,
    organisation_group,
    organisation_labels,
    organisations_for_area,
    resolve_organisation,
)
from kotoplan.geography.models import Area
from kotoplan.geography.selectors import neighbour_municipality_ids
from tests.factories.accounts import OrganisationFactory
from tests.factories.geography import AreaFactory, AreaMembershipFactory, MunicipalityFactory

PLAN_2026 = {"on": date(2026, 1, 1), "until": date(2029, 12, 31)}


@pytest.fixture
def neighbour(vitality_centre):
    """Kauniainen: in municipality A's Economic Development Centre."""
    municipality = MunicipalityFactory(code="235", name_fi="Kauniainen", name_sv="Grankulla")
    AreaMembershipFactory(municipality=municipality, area=vitality_centre)
    return municipality


@pytest.fixture
def youth_services(municipality_a):
    return OrganisationFactory(
        kind=Organisation.Kind.MUNICIPAL_UNIT,
        municipality=municipality_a,
        name_fi="Nuorisopalvelut",
        name_sv="Ungdomstjänster",
        name_en="",
    )


def _local(municipality, name_fi, **extra):
    return OrganisationFactory(
        kind=Organisation.Kind.CIVIL_SOCIETY,
        municipality=municipality,
        created_by_municipality=municipality,
        name_fi=name_fi,
        name_sv="",
        name_en="",
        **extra,
    )


def test_neighbours_share_the_authority_area_on_the_day(municipality_a, municipality_b, neighbour):
    """Kauniainen shares A's Economic Development Centre; Jyväskylä is in another one."""
    ids = neighbour_municipality_ids(municipality_ids=[municipality_a.pk], on=date(2026, 1, 1))

    assert neighbour.pk in ids
    assert municipality_a.pk in ids
    assert municipality_b.pk not in ids


def test_a_neighbours_local_organisation_is_offered_but_not_a_distant_one(
    municipality_a, municipality_b, neighbour
):
    from_neighbour = _local(neighbour, "Grankullan Setlementti")
    from_far = _local(municipality_b, "Jyväskylän Setlementti")

    offered = set(organisations_for_area(municipality_ids=[municipality_a.pk], **PLAN_2026))

    assert from_neighbour in offered
    assert from_far not in offered


def test_an_ely_centre_that_ceased_in_2025_is_not_offered_for_a_2026_plan(
    municipality_a, ely_organisation, vitality_centre_organisation
):
    offered_2026 = set(organisations_for_area(municipality_ids=[municipality_a.pk], **PLAN_2026))
    offered_2022 = set(
        organisations_for_area(
            municipality_ids=[municipality_a.pk], on=date(2022, 1, 1), until=date(2025, 12, 31)
        )
    )

    assert ely_organisation not in offered_2026
    assert vitality_centre_organisation in offered_2026
    assert ely_organisation in offered_2022


def test_a_local_organisation_that_ceased_is_offered_only_to_plans_it_lived_into(municipality_a):
    ceased = _local(municipality_a, "Lakkautettu yhdistys", ended_on=date(2025, 6, 30))
    operating = _local(municipality_a, "Toimiva yhdistys")

    offered_2026 = set(organisations_for_area(municipality_ids=[municipality_a.pk], **PLAN_2026))
    offered_2022 = set(
        organisations_for_area(
            municipality_ids=[municipality_a.pk], on=date(2022, 1, 1), until=date(2025, 12, 31)
        )
    )

    assert ceased not in offered_2026
    assert operating in offered_2026
    assert ceased in offered_2022


def test_groups_put_own_units_first_then_local_organisations_then_authorities(
    municipality_a, organisation_a, youth_services, ministry
):
    own = {municipality_a.pk}
    association = _local(municipality_a, "Espoon Setlementti")

    assert organisation_group(organisation_a, municipality_ids=own) == OrganisationGroup.OWN
    assert organisation_group(youth_services, municipality_ids=own) == OrganisationGroup.OWN
    assert organisation_group(association, municipality_ids=own) == OrganisationGroup.LOCAL
    assert organisation_group(ministry, municipality_ids=own) == OrganisationGroup.OTHER


def test_names_in_swedish_with_a_marked_fallback_and_namesakes_told_apart_by_kind(
    youth_services, municipality_a
):
    employment_area = AreaFactory(kind=Area.Kind.EMPLOYMENT_AREA, code="99", name_fi="Seinäjoki")
    area_org = OrganisationFactory(
        kind=Organisation.Kind.EMPLOYMENT_AREA, area=employment_area, name_fi="Seinäjoki"
    )
    town = OrganisationFactory(
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=MunicipalityFactory(code="743", name_fi="Seinäjoki"),
        name_fi="Seinäjoki",
    )
    association = _local(municipality_a, "Kotoutujat ry")

    with translation.override("sv"):
        labels = organisation_labels([youth_services, association, area_org, town])
    with translation.override("fi"):
        finnish = organisation_labels([area_org, town])

    assert labels[youth_services.pk] == "Ungdomstjänster"
    assert labels[association.pk] == "Kotoutujat ry (finska)"
    assert finnish[area_org.pk] == "Seinäjoki (työllisyysalue)"
    assert finnish[town.pk] == "Seinäjoki (kunta)"


def test_resolve_finds_one_organisation_by_any_of_its_names(youth_services, municipality_a):
    resolution = resolve_organisation("  ungdomstjänster ", municipalities=[municipality_a])

    assert resolution.match == youth_services


def test_resolve_reports_namesakes_as_ambiguous_and_narrows_by_kind(municipality_a, neighbour):
    first = _local(municipality_a, "Setlementti ry")
    second = OrganisationFactory(
        kind=Organisation.Kind.SERVICE_PROVIDER,
        municipality=neighbour,
        created_by_municipality=neighbour,
        name_fi="Setlementti Oy",
    )

    ambiguous = resolve_organisation("Setlementti", municipalities=[municipality_a])
    narrowed = resolve_organisation(
        "Setlementti (service provider)", municipalities=[municipality_a]
    )

    assert ambiguous.match is None
    assert ambiguous.is_ambiguous
    assert set(ambiguous.candidates) == {first, second}
    assert narrowed.match == second


def test_resolve_never_picks_an_organisation_from_outside_the_plans_area(
    municipality_a, municipality_b
):
    far = _local(municipality_b, "Keski-Suomen Monikulttuuriyhdistys")

    resolution = resolve_organisation(
        "Keski-Suomen Monikulttuuriyhdistys", municipalities=[municipality_a]
    )

    assert resolution.match is None
    assert not resolution.candidates
    assert resolution.elsewhere == (far,)


def test_resolve_by_business_id(municipality_a):
    company = _local(municipality_a, "Kielikoulu Oy", business_id="0737546-2")

    assert resolve_organisation("737546-2", municipalities=[municipality_a]).match == company


def test_resolve_on_the_plans_dates_leaves_out_a_ceased_ely_centre(
    municipality_a, ely_organisation
):
    resolution = resolve_organisation(
        ely_organisation.name_fi, municipalities=[municipality_a], **PLAN_2026
    )

    assert resolution.match is None
    assert resolution.elsewhere == (ely_organisation,)
