"""Sotkanet indicators get their names, units, descriptions and producers from the metadata: the
shipped catalogue offline, the API's indicator endpoint online; counts beside rates are kept;
the catalogue is updated from the live API (replayed on loopback)."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from kotoplan.monitoring.statistics.integrations.sotkanet import catalogue as sotkanet_catalogue
from kotoplan.monitoring.statistics.integrations.sotkanet.parsers import parse_regions, parse_rows
from kotoplan.monitoring.statistics.models import ImportRun, StatIndicator, StatisticValue
from kotoplan.monitoring.statistics.selectors import situation_figures
from kotoplan.monitoring.statistics.services import import_run_execute, statistic_values_import
from tests.monitoring.conftest import DATA, SOTKANET_JSON, SOTKANET_REGIONS

RATES = DATA / "sotkanet" / "sotkanet_4_rate_and_count.json"
METADATA_127 = DATA / "sotkanet" / "indicator_127_metadata.json"
DATA_PATH = "/rest/1.1/json?indicator=127&years=2022&genders=total"


def _import(path):
    regions = parse_regions(SOTKANET_REGIONS.read_bytes())
    return statistic_values_import(dataset=parse_rows(path.read_bytes(), regions))


def test_shipped_catalogue__the_real_indicator_list():
    shipped = sotkanet_catalogue.shipped()
    assert len(shipped) == 2434
    assert shipped[127]["title"]["sv"] == "Befolkning 31.12"


def test_offline_import__names_and_producer_from_the_catalogue(sotkanet_municipalities, catalogue):
    _import(RATES)
    indicator = StatIndicator.objects.get(code="sotkanet-4")
    assert indicator.name_fi.startswith("Mielenterveyden häiriöihin sairaalahoitoa saaneet")
    assert indicator.name_sv.startswith("0 - 17-åringar som vårdats på sjukhus")
    assert indicator.name_en.startswith("Hospital care for mental disorders")
    assert indicator.organisation == "Terveyden ja hyvinvoinnin laitos (THL)"
    assert "Sotkanet 4" not in indicator.name_fi


def test_rate_and_count__kept_side_by_side_with_breakdowns(sotkanet_municipalities, catalogue):
    counts = _import(RATES)
    assert counts.created == 5
    total = StatisticValue.objects.get(municipality__code="837", breakdown_key="")
    assert (total.value, total.absolute_value) == (Decimal("7.4"), Decimal(306))
    women = StatisticValue.objects.get(municipality__code="837", breakdown_key="gender")
    assert (women.breakdown_value, women.absolute_value) == ("female", Decimal(183))
    boys = StatisticValue.objects.get(municipality__code="837", breakdown_key="gender+age")
    assert boys.breakdown_value == "male+0-17"
    missing = StatisticValue.objects.get(municipality__code="049")
    assert (missing.value, missing.status, missing.absolute_value) == (None, "missing", None)
    assert StatisticValue.objects.get(country=True).absolute_value == Decimal(6589)


def test_online_import__description_and_unit_from_the_indicator_endpoint(
    stats_server, sotkanet_municipalities, catalogue
):
    stats_server.add_file(DATA_PATH, SOTKANET_JSON)
    stats_server.add_file("/rest/1.1/regions", SOTKANET_REGIONS)
    stats_server.add_file("/rest/1.1/indicators/127", METADATA_127)
    run = ImportRun.objects.create(source="sotkanet", url=stats_server.base + DATA_PATH)
    assert import_run_execute(run_id=run.pk).status == "succeeded"
    indicator = StatIndicator.objects.get(code="sotkanet-127")
    # Kotoplan's own names of a known indicator stay; what it lacked comes from the endpoint.
    assert (indicator.name_fi, indicator.unit) == ("Väestö 31.12.", "lukumäärä")
    assert indicator.definition_sv.startswith("Indikatorn anger befolkningen")
    assert indicator.organisation == "Tilastokeskus"
    assert stats_server.requests[-1][1] == "/rest/1.1/indicators/127"


def test_update_catalogue__from_the_live_api(
    stats_server, sotkanet_municipalities, catalogue, tmp_path, settings, capsys
):
    indicators = [
        {
            "id": 4,
            "title": {"fi": "Uusi nimi", "sv": "Nytt namn", "en": "New name"},
            "organization": {"id": 2, "title": {"fi": "THL", "sv": "THL", "en": "THL"}},
        },
        {"id": 9999, "title": {"fi": "Aivan uusi indikaattori"}},
    ]
    stats_server.add("/rest/1.1/indicators", json.dumps(indicators))
    stats_server.add_file("/rest/1.1/regions", REAL_REGIONS)
    settings.KOTOPLAN_SOTKANET_CATALOGUE = tmp_path / "sotkanet" / "indicators.json"
    StatIndicator.objects.create(
        code="sotkanet-9999", name_fi="Sotkanet 9999", source="sotkanet", source_code="9999"
    )
    call_command("update_sotkanet_catalogue")
    assert "Catalogue: 2 indicators; 1 imported indicators updated." in capsys.readouterr().out
    assert set(sotkanet_catalogue.shipped()) == {4, 9999}
    assert StatIndicator.objects.get(code="sotkanet-9999").name_fi == "Aivan uusi indikaattori"


def test_update_catalogue__a_broken_answer_keeps_the_old_catalogue(
    stats_server, tmp_path, settings, db
):
    path = tmp_path / "indicators.json"
    path.write_text('[{"id": 1, "title": {"fi": "Vanha"}}]')
    settings.KOTOPLAN_SOTKANET_CATALOGUE = path
    stats_server.add("/rest/1.1/indicators", '[{"id": 1, "tit')
    with pytest.raises(CommandError, match="not readable"):
        call_command("update_sotkanet_catalogue")
    assert json.loads(path.read_text())[0]["title"]["fi"] == "Vanha"


REAL_REGIONS = DATA.parent.parent / "data" / "statistics" / "sotkanet" / "regions.json"


def test_update_regions__the_real_answer_replayed_becomes_the_regions_list(
    stats_server, tmp_path, settings, capsys, db
):
    stats_server.add_file("/rest/1.1/regions", REAL_REGIONS)
    settings.KOTOPLAN_SOTKANET_CATALOGUE = tmp_path / "indicators.json"
    call_command("update_sotkanet_catalogue", "--only-regions")
    out = capsys.readouterr().out
    assert "Regions: 511 regions, 320 municipalities, 0 wellbeing services counties." in out
    assert (tmp_path / "regions.json").read_bytes() == REAL_REGIONS.read_bytes()


def test_update_regions__a_broken_list_keeps_the_old_one(stats_server, tmp_path, settings, db):
    settings.KOTOPLAN_SOTKANET_CATALOGUE = tmp_path / "indicators.json"
    (tmp_path / "regions.json").write_text("[]")
    stats_server.add("/rest/1.1/regions", '[{"id": 1, "code": "091"}]')
    with pytest.raises(CommandError, match="item 1: field 'category' is missing"):
        call_command("update_sotkanet_catalogue", "--only-regions")
    assert (tmp_path / "regions.json").read_text() == "[]"


def test_county_comparison__sotkanet_rows_of_the_county_from_the_current_regions_list(
    stats_server, municipality_a, wellbeing_county, catalogue, tmp_path, settings
):
    # The current list adds the wellbeing services counties (from 2023) to the real 2015 one;
    # Sotkanet's own id of a county is unknown to Kotoplan, its code and name are not.
    regions = json.loads(REAL_REGIONS.read_bytes())
    regions.append(
        {
            "id": 1093,
            "code": "03",  # a different number than the reference data's 02: the name decides
            "category": "HYVINVOINTIALUE",
            "title": {"fi": "Länsi-Uudenmaan hyvinvointialue", "sv": "Västra Nylands"},
        }
    )
    stats_server.add("/rest/1.1/regions", json.dumps(regions))
    settings.KOTOPLAN_SOTKANET_CATALOGUE = tmp_path / "indicators.json"
    call_command("update_sotkanet_catalogue", "--only-regions")
    rows = [
        {"indicator": 4, "region": 20, "year": 2022, "gender": "total", "value": 5.2},
        {"indicator": 4, "region": 1093, "year": 2022, "gender": "total", "value": 6.0},
        {"indicator": 4, "region": 658, "year": 2022, "gender": "total", "value": 6.1},
    ]
    run = ImportRun.objects.create(source="sotkanet", payload=json.dumps(rows))
    assert import_run_execute(run_id=run.pk).status == "succeeded"
    indicator = StatIndicator.objects.get(code="sotkanet-4")
    figures = situation_figures(municipalities=[municipality_a], indicators=[indicator])
    assert [cell.value for cell in figures.rows[0].cells] == [
        Decimal("5.2"),
        Decimal("6.0"),
        Decimal("6.1"),
    ]
    assert figures.columns[1].label == "Länsi-Uudenmaan hyvinvointialue"
