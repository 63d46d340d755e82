"""Numbers in addresses and typed ids are read as ASCII digits only: "²" or "¹²" pass
str.isdigit() but are no number int() can read, so they are treated as no number (not found,
or a message) instead of ending in a server error."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kotoplan.accounts.models import validate_business_id
from kotoplan.monitoring.statistics.integrations.sotkanet.errors import SotkanetFormatError
from kotoplan.monitoring.statistics.integrations.sotkanet.parsers import parse_regions, parse_rows
from kotoplan.monitoring.statistics.integrations.statfin.errors import StatFinFormatError
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from tests.cooperation.conftest import group_a  # noqa: F401
from tests.monitoring.conftest import SOTKANET_REGIONS, statfin_subset

pytestmark = pytest.mark.django_db
LOOKALIKES = ("²", "¹²", "1²")


def test_lookalike_digits_in_addresses__never_a_server_error(
    client,
    coordinator_a,
    full_draft_plan,
    municipality_a,
    group_a,  # noqa: F811
):
    client.force_login(coordinator_a)
    pages = [
        reverse("planning:plan_compare", args=[full_draft_plan.pk]) + "?with=",
        reverse("planning:objective_new", args=[full_draft_plan.pk]) + "?chapter=",
        reverse("library:similar") + "?plan=",
        reverse("oversight:peer_comparison", args=[municipality_a.pk]) + "?plan=",
        reverse("cooperation:meeting_new", args=[group_a.pk]) + "?initiative=",
        "/api/v1/plans/?page=",
        "/api/v1/plans/?page_size=",
    ]
    for page in pages:
        for digits in LOOKALIKES:
            status = client.get(page + digits).status_code
            assert status in (200, 400, 404), (page, digits, status)


@pytest.mark.parametrize("value", ["¹²³⁴⁵⁶⁷-²", "1234567-²", "١٢٣٤٥٦٧-٨"])
def test_lookalike_digits_in_a_business_id__a_message(value):
    with pytest.raises(ValidationError, match="seven digits, a hyphen and a check digit"):
        validate_business_id(value)


def test_lookalike_digits_in_statistics_files__a_message_naming_the_place():
    rows = [{"indicator": 127, "region": "²", "year": 2022, "gender": "total", "value": 1}]
    # A region written as text is looked up by name in the regions list: "²" names none, so its
    # row is skipped with a note quoting it (a file saved from the service names its regions).
    dataset = parse_rows(json.dumps(rows), parse_regions(SOTKANET_REGIONS.read_bytes()))
    assert dataset.values == []
    assert [reason for reason in dataset.skipped_reasons if "'²'" in reason]
    rows[0]["indicator"] = "¹²⁷"
    with pytest.raises(SotkanetFormatError, match="Row 1: field 'indicator' is not an integer"):
        parse_rows(json.dumps(rows), parse_regions(SOTKANET_REGIONS.read_bytes()))
    document = statfin_subset(["SSS", "KU049"])
    document["value"] = {"0": 1, "²": 2}
    with pytest.raises(StatFinFormatError, match="index '²' is outside"):
        parse_jsonstat(json.dumps(document), table_id="14jt")
