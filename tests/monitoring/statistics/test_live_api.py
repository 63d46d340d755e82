"""Importers against the live APIs, replayed by a loopback server with the real samples."""

import json

import pytest
from django.core.management import CommandError, call_command

from kotoplan.monitoring.statistics.integrations.statfin import client as statfin_client
from kotoplan.monitoring.statistics.models import ImportRun, StatisticValue
from tests.monitoring.conftest import (
    SOTKANET_CSV,
    SOTKANET_JSON,
    SOTKANET_REGIONS,
    STATFIN_SAMPLE,
    statfin_subset,
)

TABLE = "/PxWeb/api/v1/fi/StatFin/vaka/14jt.px"
DATA_PATH = "/rest/1.1/json?indicator=127&years=2020&years=2021&years=2022&genders=total"


def test_statfin_command__url_path_against_configured_base(stats_server, reference_data, capsys):
    stats_server.add_file(TABLE, STATFIN_SAMPLE)
    call_command("import_statistics", "--source", "statfin", "--url", "vaka/14jt.px")
    assert "618 created, 0 updated, 0 unchanged, 2 skipped" in capsys.readouterr().out
    run = ImportRun.objects.get()
    assert (run.status, run.url) == ("succeeded", stats_server.base + TABLE)
    method, path, body = stats_server.requests[0]
    assert (method, path) == ("POST", TABLE)  # PxWeb v1 answers data to a POSTed query only
    assert json.loads(body) == {"query": [], "response": {"format": "json-stat2"}}

    call_command("import_statistics", "--source", "statfin", "--url", "vaka/14jt.px")
    assert "0 created, 0 updated, 618 unchanged" in capsys.readouterr().out


def test_statfin_command__posts_the_given_pxweb_query(
    stats_server, reference_data, tmp_path, capsys
):
    stats_server.add_file(TABLE, STATFIN_SAMPLE)
    query = [{"code": "contentscode", "selection": {"filter": "item", "values": ["vko"]}}]
    query_file = tmp_path / "query.json"
    query_file.write_text(json.dumps({"query": query}))
    call_command(
        "import_statistics", "--source=statfin", "--url=vaka/14jt.px", f"--query={query_file}"
    )
    method, path, body = stats_server.requests[0]
    assert (method, path) == ("POST", TABLE)
    assert json.loads(body) == {"query": query, "response": {"format": "json-stat2"}}


def test_statfin_client__api_v2_address_is_fetched_with_get(stats_server):
    path = "/api/v2/tables/14jt/data?outputFormat=json-stat2"
    stats_server.add_file(path, STATFIN_SAMPLE)
    assert statfin_client.fetch_table(stats_server.base + path) == STATFIN_SAMPLE.read_bytes()
    assert stats_server.requests[0][:2] == ("GET", path)


def test_sotkanet_command__fetches_data_and_regions(stats_server, sotkanet_municipalities, capsys):
    stats_server.add_file(DATA_PATH, SOTKANET_JSON)
    stats_server.add_file("/rest/1.1/regions", SOTKANET_REGIONS)
    path = DATA_PATH.removeprefix("/rest/1.1/")
    call_command("import_statistics", "--source", "sotkanet", "--url", path)
    assert "9 created" in capsys.readouterr().out
    paths = [r[1] for r in stats_server.requests]
    # the rows, the regions, then the indicator's metadata (not served here: the offline
    # catalogue names it)
    assert paths == [DATA_PATH, "/rest/1.1/regions", "/rest/1.1/indicators/127"]
    assert StatisticValue.objects.filter(indicator__code="sotkanet-127").count() == 9


def test_sotkanet_command__csv_file_with_regions(sotkanet_municipalities, capsys):
    call_command(
        "import_statistics",
        "--source=sotkanet",
        f"--file={SOTKANET_CSV}",
        f"--regions={SOTKANET_REGIONS}",
    )
    assert "9 created" in capsys.readouterr().out


def test_command__http_error_fails_the_run_and_names_it(stats_server, catalogue):
    stats_server.add("/PxWeb/api/v1/fi/StatFin/vaka/14jt.px", "oops", status=500)
    with pytest.raises(CommandError, match=r"answered HTTP 500"):
        call_command("import_statistics", "--source", "statfin", "--url", "vaka/14jt.px")
    assert ImportRun.objects.get().status == "failed"
    assert StatisticValue.objects.count() == 0


def test_command__unknown_region_in_live_answer_rejected(stats_server, municipality_a, catalogue):
    data = statfin_subset(["KU837"])  # no municipality of the answer is known
    stats_server.add(TABLE, json.dumps(data))
    with pytest.raises(CommandError, match=r"municipality 837 is not in the reference data"):
        call_command("import_statistics", "--source", "statfin", "--url", "vaka/14jt.px")
    assert StatisticValue.objects.count() == 0


def test_command__sotkanet_file_without_regions_uses_the_shipped_list(db, capsys):
    # The sample's region ids are partly invented: the shipped (real) list does not know 9049
    # or 9179, and its 186 is Lapua (408), not in this test's reference data. Nothing is
    # written, and the command says why for each.
    call_command("import_statistics", "--source=sotkanet", f"--file={SOTKANET_JSON}")
    out = capsys.readouterr().out
    assert "Imported 9 rows: 0 created, 0 updated, 0 unchanged, 9 skipped." in out
    assert "region 9049 is not in the regions list (import the current regions list" in out
    assert "municipality 408 is not in Kotoplan's reference data" in out
    assert not StatisticValue.objects.exists()
