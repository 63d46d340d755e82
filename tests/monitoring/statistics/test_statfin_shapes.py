"""StatFin tables of every shape: years, quarters and months; old and new dimension codes; roles
or none; value and status as lists and as objects; a table without its id; Swedish labels."""

import json
from decimal import Decimal

import pytest
from django.utils import translation

from kotoplan.geography.models import Area
from kotoplan.monitoring.statistics.integrations.statfin.errors import StatFinFormatError
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue, period_label
from kotoplan.monitoring.statistics.services import statistic_values_import
from tests.factories.geography import AreaFactory, MunicipalityFactory
from tests.monitoring.conftest import DATA

SHAPES = DATA / "statfin"
YEAR = SHAPES / "statfin_11ra_year_old_codes.jsonstat.json"
SWEDISH = SHAPES / "statfin_11ra_year_swedish.jsonstat.json"
QUARTER = SHAPES / "statfin_11lj_quarter_v2.jsonstat.json"
MONTH = SHAPES / "statfin_12r5_month_no_roles.jsonstat.json"
NO_TABLE = SHAPES / "statfin_without_tableid.jsonstat.json"


@pytest.fixture
def areas(municipality_a, municipality_b, wellbeing_county):
    """Espoo (in Western Uusimaa county, 02), Jyväskylä and the region of Uusimaa (01)."""
    return AreaFactory(kind=Area.Kind.REGION, code="01", name_fi="Uusimaa")


def _import(path, **options):
    return statistic_values_import(dataset=parse_jsonstat(path.read_bytes(), **options))


def test_year_table__old_codes_language_breakdown_and_region(areas, catalogue):
    counts = _import(YEAR)
    # 4 areas × 2 language groups × 2 years; the suppressed cell is stored, not skipped.
    assert (counts.created, counts.skipped) == (16, 0)
    indicator = StatIndicator.objects.get(code="statfin-11ra-vaesto")
    assert (indicator.name_fi, indicator.unit, indicator.source_code) == (
        "Väestö 31.12.",
        "henkilöä",
        "11ra: Tiedot=vaesto",
    )
    espoo = StatisticValue.objects.get(
        indicator=indicator, municipality__code="049", period=2024, breakdown_key=""
    )
    assert (espoo.value, espoo.period_type, espoo.subperiod) == (Decimal(320931), "year", 0)
    foreign = StatisticValue.objects.get(
        indicator=indicator, municipality__code="049", period=2024, breakdown_key="Kieli"
    )
    assert (foreign.breakdown_value, foreign.value) == ("02", Decimal(54893))
    uusimaa = StatisticValue.objects.get(
        indicator=indicator, area=areas, period=2023, breakdown_key=""
    )
    assert uusimaa.value == Decimal(1727683)
    suppressed = StatisticValue.objects.get(
        indicator=indicator, municipality__code="179", period=2023, breakdown_key="Kieli"
    )
    assert (suppressed.value, suppressed.status) == (None, "suppressed")


def test_swedish_answer__fills_the_swedish_name_and_keeps_the_finnish(areas, catalogue):
    _import(YEAR)
    counts = _import(SWEDISH)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 4)
    indicator = StatIndicator.objects.get(code="statfin-11ra-vaesto")
    assert (indicator.name_fi, indicator.name_sv) == ("Väestö 31.12.", "Befolkning 31.12.")


def test_swedish_answer_first__finnish_name_replaces_the_stand_in(areas, catalogue):
    _import(SWEDISH)
    indicator = StatIndicator.objects.get(code="statfin-11ra-vaesto")
    assert (indicator.name_fi, indicator.name_sv) == ("Befolkning 31.12.", "Befolkning 31.12.")
    _import(YEAR)
    indicator.refresh_from_db()
    assert (indicator.name_fi, indicator.name_sv) == ("Väestö 31.12.", "Befolkning 31.12.")


def test_quarter_table__roles_plain_codes_county_and_sparse_objects(areas, catalogue):
    counts = _import(QUARTER)
    assert counts.created == 36
    q4 = StatisticValue.objects.get(
        indicator__code="statfin-11lj-vaesto",
        municipality__code="049",
        breakdown_key="",
        subperiod=4,
    )
    assert (q4.period, q4.period_type, q4.period_label) == (2024, "quarter", "2024 Q4")
    county = StatisticValue.objects.filter(area__code="02", area__kind="wellbeing_county")
    assert county.count() == 12
    women = StatisticValue.objects.get(
        indicator__code="statfin-11lj-vaesto-ulk",
        municipality__code="049",
        breakdown_key="Sukupuoli",
        breakdown_value="2",
        subperiod=4,
    )
    assert (women.value, women.status) == (None, "missing")  # status ".." in a sparse object
    county_women = StatisticValue.objects.get(
        indicator__code="statfin-11lj-vaesto-ulk",
        area__code="02",
        breakdown_value="2",
        subperiod=4,
    )
    assert county_women.status == "suppressed"  # status "..."
    assert not StatisticValue.objects.filter(value=0).exists()


def test_month_table__recognised_by_codes_without_roles(areas, catalogue):
    counts = _import(MONTH)
    # Sub-region SK011 is a level Kotoplan does not keep: counted as skipped, not refused.
    assert (counts.created, counts.skipped) == (8, 4)
    december = StatisticValue.objects.get(
        indicator__code="statfin-12r5-tyottomat", municipality__code="049", subperiod=12
    )
    assert (december.period, december.period_type, december.value) == (
        2024,
        "month",
        Decimal(19877),
    )
    assert december.period_label == "12/2024"
    # The latest month of a year is a month, never the year.
    assert not StatisticValue.objects.filter(period_type="year").exists()
    dash = StatisticValue.objects.get(
        indicator__code="statfin-12r5-ulkom-tyottomat", municipality__code="179", subperiod=11
    )
    assert (dash.value, dash.status) == (None, "missing")


def test_quarters_and_months_are_stored_apart_from_years(areas, catalogue):
    _import(MONTH)
    again = _import(MONTH)
    assert (again.created, again.unchanged) == (0, 8)


def test_without_table_id__refused_with_what_to_do(areas, catalogue):
    with pytest.raises(StatFinFormatError) as caught:
        parse_jsonstat(NO_TABLE.read_bytes())
    assert "extension.px.tableid is missing" in caught.value.message
    assert "Enter the table id, such as 11ra, in the Table field" in caught.value.message


def test_without_table_id__message_in_finnish(areas, catalogue):
    with translation.override("fi"), pytest.raises(StatFinFormatError) as caught:
        parse_jsonstat(NO_TABLE.read_bytes())
    assert "Kirjoita taulukon tunnus" in caught.value.message


@pytest.mark.parametrize(
    "options",
    [
        {"table_id": "159t"},
        {"source_name": "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/159t.px"},
        {"source_name": "https://pxdata.stat.fi/api/v2/tables/159t/data?lang=fi"},
        {"source_name": "statfin_vaerak_pxt_159t.json"},
    ],
    ids=["form", "v1 address", "v2 address", "file name"],
)
def test_without_table_id__taken_from_the_form_address_or_file_name(areas, catalogue, options):
    counts = _import(NO_TABLE, **options)
    assert counts.created == 4
    share = StatIndicator.objects.get(code="statfin-159t-vaesto-kieli-ulk-p")
    assert (share.unit, share.decimals) == ("%", 1)


def test_period_labels():
    assert period_label(2024) == "2024"
    assert period_label(2024, "quarter", 4) == "2024 Q4"
    assert period_label(2024, "month", 12) == "12/2024"
    with translation.override("fi"):
        assert period_label(2024, "quarter", 4) == "2024 Q4"
    with translation.override("sv"):
        assert period_label(2024, "quarter", 4) == "2024 K4"


def _broken(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data)


def test_cell_limit__checked_before_any_value_is_read(settings, catalogue):
    settings.KOTOPLAN_STATISTICS_MAX_CELLS = 1000

    def huge(data):  # a 0.3 MB file can declare billions of cells in a sparse object
        data["size"] = [200_000, 3, 3, 2]
        data["value"] = {"0": 1}

    with pytest.raises(StatFinFormatError) as caught:
        parse_jsonstat(_broken(QUARTER, huge))
    assert "The file declares 3 600 000 values" in caught.value.message
    assert "at most 1000" in caught.value.message


def test_size_limit__refused_before_parsing(settings):
    settings.KOTOPLAN_STATISTICS_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(StatFinFormatError, match="at most 0 MB can be imported at once"):
        parse_jsonstat(QUARTER.read_bytes())


def test_unknown_time_dimension__names_the_dimensions_and_what_to_do():
    def rename(data):
        data["id"][0] = "Jakso"
        data["dimension"]["Jakso"] = data["dimension"].pop("Vuosineljännes")
        data["role"] = {}
        for code in list(data["dimension"]["Jakso"]["category"]["index"]):
            data["dimension"]["Jakso"]["category"]["index"]["v" + code] = data["dimension"][
                "Jakso"
            ]["category"]["index"].pop(code)

    with pytest.raises(StatFinFormatError) as caught:
        parse_jsonstat(_broken(QUARTER, rename))
    assert "Cannot tell which dimension is the time" in caught.value.message
    assert "Jakso (0), Alue (1), Sukupuoli (2), Tiedot (3)" in caught.value.message
    with translation.override("fi"), pytest.raises(StatFinFormatError) as caught:
        parse_jsonstat(_broken(QUARTER, rename))
    assert "Ei voida päätellä, mikä ulottuvuus on aika" in caught.value.message


def test_text_value__names_value_index_and_cells_in_finnish():
    def text(data):
        data["value"]["0"] = "n/a"

    with translation.override("fi"), pytest.raises(StatFinFormatError) as caught:
        parse_jsonstat(_broken(QUARTER, text))
    assert caught.value.message.startswith(
        "Arvo 0 (Vuosineljännes=2024Q3, Alue=SSS, Sukupuoli=SSS, Tiedot=vaesto)"
    )


def test_new_municipality_code_in_plain_form(catalogue):
    MunicipalityFactory(code="049", name_fi="Espoo")
    AreaFactory(kind=Area.Kind.WELLBEING_COUNTY, code="02", name_fi="Länsi-Uusimaa")
    assert _import(QUARTER).created == 36
