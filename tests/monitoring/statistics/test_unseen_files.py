"""Files as people really bring them, in shapes the importers were not built on: a Sotkanet table
saved from the service by Finnish Excel, StatFin answers of PxWeb v1 and v2 with and without
their extensions, roles and statuses. They go in, or the message names the place and the fix."""

import json
from decimal import Decimal

import pytest
from django.utils import translation

from kotoplan.monitoring.statistics.integrations.sotkanet.errors import SotkanetFormatError
from kotoplan.monitoring.statistics.integrations.sotkanet.parsers import parse_regions, parse_rows
from kotoplan.monitoring.statistics.models import BreakdownLabel, StatisticValue
from kotoplan.monitoring.statistics.services import statistic_values_import
from tests.monitoring.conftest import DATA

REAL_REGIONS = DATA.parent.parent / "data" / "statistics" / "sotkanet" / "regions.json"
FINNISH_CSV = DATA / "sotkanet" / "sotkanet_4_finnish_excel.csv"


def _regions():
    return parse_regions(REAL_REGIONS.read_bytes())


def test_sotkanet_csv_saved_by_finnish_excel(sotkanet_municipalities, catalogue):
    # Windows-1252, CRLF, Finnish headers, the indicator named "Name (4)", regions by name,
    # decimal commas, ".." for a missing value, "6 589" with a thousands space.
    dataset = parse_rows(FINNISH_CSV.read_bytes(), _regions())
    counts = statistic_values_import(dataset=dataset)
    assert counts.created == 4  # Tampere total and women, Espoo (missing), the whole country
    tampere = StatisticValue.objects.get(municipality__code="837", breakdown_key="")
    assert (tampere.value, tampere.absolute_value) == (Decimal("7.4"), Decimal(306))
    assert StatisticValue.objects.get(municipality__code="049").status == "missing"
    assert StatisticValue.objects.get(country=True).absolute_value == Decimal(6589)
    women = BreakdownLabel.objects.get(dimension="gender", code="female")
    assert women.label_sv == "Kvinnor"
    # Jalasjärvi (merged into Kurikka in 2016), the sub-region and the region not in the
    # reference data: skipped, each with its reason.
    assert counts.skipped == 3
    reasons = " ".join(dataset.skipped_reasons)
    assert "municipality 164" in reasons


def test_sotkanet_csv__a_row_with_a_word_for_a_number_names_row_and_field(db):
    text = FINNISH_CSV.read_bytes().decode("cp1252").replace("9,1", "yhdeksän")
    with translation.override("fi"), pytest.raises(SotkanetFormatError) as error:
        parse_rows(text.encode("cp1252"), _regions())
    assert "CSV-rivi 2" in error.value.message
    assert "'value'" in error.value.message


def test_sotkanet_json__unknown_gender_word_names_the_row(db):
    rows = [{"indicator": 4, "region": 20, "year": 2022, "gender": "muut", "value": 1}]
    with translation.override("fi"), pytest.raises(SotkanetFormatError) as error:
        parse_rows(json.dumps(rows), _regions())
    assert "Rivi 1" in error.value.message
