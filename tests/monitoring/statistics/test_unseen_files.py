"""Files as people really bring them, in shapes the importers were not built on: a Sotkanet table
saved from the service by Finnish Excel, StatFin answers of PxWeb v1 and v2 with and without
their extensions, roles and statuses. They go in, or the message names the place and the fix."""

import json
from decimal import Decimal

import pytest
from django.utils import translation

from kotoplan.monitoring.statistics.integrations.sotkanet.errors import SotkanetFormatError
from kotoplan.monitoring.statistics.integrations.sotkanet.parsers import parse_regions, parse_rows
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from kotoplan.monitoring.statistics.models import BreakdownLabel, StatisticValue
from kotoplan.monitoring.statistics.services import statistic_values_import
from tests.monitoring.conftest import DATA

REAL_REGIONS = DATA.parent.parent / "data" / "statistics" / "sotkanet" / "regions.json"
FINNISH_CSV = DATA / "sotkanet" / "sotkanet_4_finnish_excel.csv"
ECEC_FOREIGN = "statfin-14jt-vko"


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


V1_JSONSTAT1 = DATA / "statfin" / "statfin_14jt_v1_jsonstat1.json"
V2_ENGLISH = DATA / "statfin" / "statfin_14jt_v2_english.jsonstat.json"
V2_URL = "https://pxdata.stat.fi/PxWeb/api/v1/en/StatFin/vaka/statfin_vaka_pxt_14jt.px"


def test_statfin_pxweb_v1_json_stat_1_bundle(municipality_a, municipality_b, catalogue):
    dataset = parse_jsonstat(V1_JSONSTAT1.read_bytes(), table_id="14jt")
    counts = statistic_values_import(dataset=dataset)
    assert counts.created == 6  # the whole country, Espoo and Jyväskylä × two contents
    espoo = StatisticValue.objects.get(municipality__code="049", indicator__code=ECEC_FOREIGN)
    assert espoo.value == Decimal(4959)


def test_statfin_pxweb_v2_english_without_extension_or_roles(
    municipality_a, municipality_b, catalogue
):
    # A byte order mark, no `extension` (the table id comes from the address), no `role`,
    # a sparse `value` object and a withheld value marked "...".
    dataset = parse_jsonstat(V2_ENGLISH.read_text("utf-8"), source_name=V2_URL)
    assert dataset.language == "en"
    statistic_values_import(dataset=dataset)
    withheld = StatisticValue.objects.get(municipality__code="179", indicator__code=ECEC_FOREIGN)
    assert (withheld.value, withheld.status) == (None, "suppressed")
    assert StatisticValue.objects.get(country=True, indicator__code=ECEC_FOREIGN).value == 32520


def test_statfin_breakdown_total_named_by_the_table_not_sss(
    municipality_a, municipality_b, catalogue
):
    # A gender breakdown whose total is coded "0" (PxWeb's eliminationValueCode): the total
    # is the figure without breakdown, the others keep their labels.
    data = json.loads(V2_ENGLISH.read_text("utf-8-sig"))
    data["id"].insert(2, "sukupuoli")
    data["size"].insert(2, 3)
    data["dimension"]["sukupuoli"] = {
        "label": "Sex",
        "category": {
            "index": {"0": 0, "1": 1, "2": 2},
            "label": {"0": "Total", "1": "Males", "2": "Females"},
        },
        "extension": {"eliminationValueCode": "0", "elimination": True},
    }
    data["value"] = list(range(1, 3 * 3 * 2 + 1))
    del data["status"]
    statistic_values_import(dataset=parse_jsonstat(json.dumps(data), source_name=V2_URL))
    total = StatisticValue.objects.get(
        municipality__code="049", indicator__code=ECEC_FOREIGN, breakdown_key=""
    )
    assert total.value == 8
    labels = {b.code: b.label_en for b in BreakdownLabel.objects.filter(dimension="sukupuoli")}
    assert labels == {"": "Sex", "1": "Males", "2": "Females"}


def test_sotkanet_json__nested_rows_describe_their_own_regions(sotkanet_municipalities, catalogue):
    # Rows that carry the indicator and the region as objects, the value as "primaryValue",
    # wrapped in {"data": [...]}: no regions list is needed for regions the rows describe.
    rows = {
        "data": [
            {
                "indicator": {"id": 4},
                "region": {"id": 378, "code": "837", "category": "KUNTA", "title": {"fi": "x"}},
                "year": 2022,
                "sex": "female",
                "primaryValue": 9.1,
                "absValue": 183,
            }
        ]
    }
    statistic_values_import(dataset=parse_rows(json.dumps(rows), {}))
    value = StatisticValue.objects.get(municipality__code="837")
    assert (value.breakdown_value, value.value) == ("female", Decimal("9.1"))
