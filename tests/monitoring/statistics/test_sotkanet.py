"""The Sotkanet importer: JSON and CSV rows with the regions list, and broken variants."""

import json
from decimal import Decimal

import pytest

from kotoplan.monitoring.statistics.integrations.sotkanet.errors import SotkanetFormatError
from kotoplan.monitoring.statistics.integrations.sotkanet.parsers import parse_regions, parse_rows
from kotoplan.monitoring.statistics.models import StatisticValue
from kotoplan.monitoring.statistics.services import statistic_values_import
from tests.monitoring.conftest import SOTKANET_CSV, SOTKANET_JSON, SOTKANET_REGIONS


def _regions():
    return parse_regions(SOTKANET_REGIONS.read_bytes())


def _import(text):
    return statistic_values_import(dataset=parse_rows(text, _regions()))


def _rows():
    return json.loads(SOTKANET_JSON.read_text())


def test_parse_regions__levels():
    regions = _regions()
    assert regions[186].describe() == "municipality 837"
    assert (regions[969].level, regions[969].area_kind, regions[969].code) == (
        "area",
        "wellbeing_county",
        "08",
    )
    assert regions[658].level == "country"
    assert regions[529] is None  # seutukunta: not kept


def test_import__json_sample(sotkanet_municipalities, catalogue):
    counts = _import(SOTKANET_JSON.read_bytes())
    assert (counts.created, counts.unchanged) == (9, 0)
    tampere = StatisticValue.objects.get(municipality__code="837", period=2022)
    assert (tampere.indicator.code, tampere.value) == ("sotkanet-127", Decimal(249009))
    assert tampere.indicator.attribution == "THL, Sotkanet"


def test_import__csv_gives_the_same_rows_as_json(sotkanet_municipalities, catalogue):
    _import(SOTKANET_CSV.read_bytes())
    counts = _import(SOTKANET_JSON.read_bytes())
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 9)


def test_import__again_is_unchanged(sotkanet_municipalities, catalogue):
    _import(SOTKANET_JSON.read_bytes())
    counts = _import(SOTKANET_JSON.read_bytes())
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 9)


def test_import__other_levels_skipped_and_genders_as_breakdown(sotkanet_municipalities, catalogue):
    rows = _rows()
    rows.append({**rows[0], "region": 529})
    rows.append({**rows[0], "gender": "female", "value": None})
    counts = _import(json.dumps(rows))
    assert (counts.created, counts.skipped) == (10, 1)
    female = StatisticValue.objects.get(breakdown_key="gender", breakdown_value="female")
    assert (female.value, female.status) == (None, "missing")


def test_import__a_region_the_list_lacks_is_skipped_and_named(sotkanet_municipalities, catalogue):
    rows = _rows()
    rows.append({**rows[3], "region": 4242})
    dataset = parse_rows(json.dumps(rows), _regions())
    assert dataset.skipped == 1
    assert list(dataset.skipped_reasons) == [
        "region 4242 is not in the regions list (import the current regions list, /regions, "
        "with the rows to include it)"
    ]
    assert len(dataset.values) == len(rows) - 1


BROKEN = [
    (
        "value",
        lambda rows: [{**rows[0], "value": "many"}, *rows[1:]],
        "Row 1, field 'value': the value 'many' is not a number.",
    ),
    (
        "year",
        lambda rows: [{**rows[0], "year": None}, *rows[1:]],
        "Row 1: field 'year' is missing.",
    ),
    (
        "gender",
        lambda rows: [*rows[:8], {**rows[8], "gender": "x"}],
        "Row 9: field 'gender' is 'x'",
    ),
]


@pytest.mark.parametrize(("name", "breaks", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_import__broken_rows_rejected_atomically(
    sotkanet_municipalities, catalogue, name, breaks, message
):
    with pytest.raises(SotkanetFormatError) as caught:
        _import(json.dumps(breaks(_rows())))
    assert message in caught.value.message
    assert StatisticValue.objects.count() == 0


def test_import__truncated_json_rejected():
    with pytest.raises(SotkanetFormatError, match="not valid JSON"):
        parse_rows(SOTKANET_JSON.read_text()[:-40], _regions())


def test_import__truncated_csv_rejected():
    text = SOTKANET_CSV.read_text()
    with pytest.raises(SotkanetFormatError, match=r"CSV row 9: expected 6 fields, found 3"):
        parse_rows(text[: text.rindex(";total")], _regions())


def test_import__csv_without_value_column_rejected():
    with pytest.raises(SotkanetFormatError, match="lacks the column"):
        parse_rows("indicator;region;year;gender\n127;186;2022;total\n", _regions())


def test_import__municipality_unknown_to_reference_data_is_skipped_with_a_note(
    municipality_a, catalogue
):
    # Sotkanet lists every municipality it ever had: the rows of one missing from Kotoplan's
    # reference data (a merged one) are skipped and named, the rest go in.
    counts = _import(SOTKANET_JSON.read_bytes())
    assert counts.created == StatisticValue.objects.count() > 0
    assert not StatisticValue.objects.filter(municipality__code="179").exists()
    assert counts.skipped > 0


def test_parse_regions__broken_item():
    with pytest.raises(SotkanetFormatError, match=r"Regions list, item 2: field 'code' is missing"):
        parse_regions(json.dumps([{"id": 1, "code": "091", "category": "KUNTA"}, {"id": 2}]))
