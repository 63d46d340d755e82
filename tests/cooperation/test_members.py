"""Members and representatives: dated, within each other, in a category of the Act."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kotoplan.accounts.models import Organisation
from kotoplan.cooperation import services
from kotoplan.cooperation.models import Category, default_category
from tests.factories.accounts import OrganisationFactory

pytestmark = pytest.mark.django_db


def _membership(actor, group, organisation, **data):
    data = {"start_date": date(2026, 1, 1), "end_date": date(2026, 12, 31), **data}
    return services.membership_add(actor=actor, group=group, organisation=organisation, data=data)


def test_membership_add__category_derived_from_kind(group_a, coordinator_a, county_organisation):
    membership = _membership(coordinator_a, group_a, county_organisation)
    assert membership.category == Category.WELLBEING_COUNTY
    assert default_category(Organisation(kind=Organisation.Kind.KELA)) == Category.KELA


def test_membership_add__municipal_unit_needs_a_sector(group_a, coordinator_a, organisation_a):
    unit = OrganisationFactory(
        kind=Organisation.Kind.MUNICIPAL_UNIT,
        municipality=organisation_a.municipality,
        parent=organisation_a,
    )
    with pytest.raises(ValidationError) as error:
        _membership(coordinator_a, group_a, unit)
    assert "category" in error.value.error_dict
    membership = _membership(coordinator_a, group_a, unit, category=Category.SECTOR_HOUSING)
    assert membership.category == Category.SECTOR_HOUSING


def test_membership_add__end_before_start_refused(group_a, coordinator_a, county_organisation):
    with pytest.raises(ValidationError) as error:
        _membership(coordinator_a, group_a, county_organisation, end_date=date(2025, 12, 31))
    assert "end_date" in error.value.error_dict


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (date(2025, 12, 1), date(2026, 6, 30), "start_date"),  # starts before the membership
        (date(2026, 2, 1), date(2027, 1, 31), "end_date"),  # ends after it
        (date(2026, 2, 1), None, "end_date"),  # open-ended in a membership that ends
        (date(2026, 5, 1), date(2026, 4, 1), "end_date"),  # ends before it starts
    ],
)
def test_representative_add__period_outside_membership_refused(
    group_a, coordinator_a, county_organisation, start, end, field
):
    membership = _membership(coordinator_a, group_a, county_organisation)
    with pytest.raises(ValidationError) as error:
        services.representative_add(
            actor=coordinator_a,
            membership=membership,
            data={"name": "Riikka Laine", "start_date": start, "end_date": end},
        )
    assert field in error.value.error_dict


def test_representative_add__deputy_within_membership_saved(
    group_a, coordinator_a, county_organisation
):
    membership = _membership(coordinator_a, group_a, county_organisation)
    deputy = services.representative_add(
        actor=coordinator_a,
        membership=membership,
        data={
            "role": "deputy",
            "name": "Riikka Laine",
            "title": "Kehittämispäällikkö",
            "start_date": date(2026, 1, 1),
            "end_date": date(2026, 12, 31),
        },
    )
    assert deputy.get_role_display() == "Deputy"


def test_membership_update__cannot_cut_a_representative_out(group_a, coordinator_a, membership_a):
    with pytest.raises(ValidationError):
        services.membership_update(
            actor=coordinator_a, membership=membership_a, data={"end_date": date(2026, 12, 31)}
        )


def test_membership_add__only_managers(group_a, member, membership_a, coordinator_b):
    for actor in (member, coordinator_b):
        with pytest.raises(PermissionDenied):
            _membership(actor, group_a, membership_a.organisation)


def test_representative_view__date_error_shown_on_form(client, coordinator_a, membership_a):
    client.force_login(coordinator_a)
    response = client.post(
        f"/cooperation/members/{membership_a.pk}/representatives/new/",
        {"role": "deputy", "name": "Sami", "start_date": "2024-01-01"},
    )
    assert response.status_code == 200
    assert 'id="id_start_date_error"' in response.content.decode()
