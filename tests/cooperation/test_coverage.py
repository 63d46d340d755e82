"""The coverage view: represented categories today and the recommended ones still missing."""

from datetime import date

import pytest

from kotoplan.cooperation.models import RECOMMENDED_CATEGORIES, Category
from kotoplan.cooperation.selectors import group_coverage

from .conftest import seat

pytestmark = pytest.mark.django_db


def test_coverage__active_representatives_count__ended_and_future_do_not(
    group_a, membership_a, county_organisation, vitality_centre_organisation, organisation_b
):
    seat(group_a, county_organisation, category=Category.WELLBEING_COUNTY)
    seat(
        group_a,
        vitality_centre_organisation,
        category=Category.REGIONAL_AUTHORITY,
        end=date(2026, 1, 31),
    )
    seat(group_a, organisation_b, category=Category.OTHER_MUNICIPALITY, start=date(2026, 9, 1))

    coverage = group_coverage(group=group_a)

    represented = {row.category for row in coverage.represented}
    assert represented == {Category.IMMIGRANT_ORGANISATION, Category.WELLBEING_COUNTY}
    missing = {row.category for row in coverage.missing_recommended}
    assert Category.REGIONAL_AUTHORITY in missing
    assert Category.WELLBEING_COUNTY not in missing
    assert missing == set(RECOMMENDED_CATEGORIES) - represented


def test_coverage_view__lists_missing_recommended(client, group_a, membership_a, member):
    client.force_login(member)
    page = client.get(f"/cooperation/groups/{group_a.pk}/coverage/").content.decode()
    assert 'data-category="immigrant_organisation" data-represented="yes"' in page
    assert 'data-category="wellbeing_county" data-represented="no"' in page
    assert '<li data-category="employment_area">' in page
    assert '<li data-category="immigrant_organisation">' not in page
