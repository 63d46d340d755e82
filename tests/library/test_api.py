"""The library's search in the REST API (/api/v1/library/search/): the same results in the same
order as the search page for the same reader, drafts only for those who may read them, the
filters by code and id, and the evidence with the statistic behind it."""

import pytest
from django.core.cache import cache

from kotoplan.library.selectors import SearchParams, search_parts
from kotoplan.library.services import index_refresh
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/library/search/"
SECRET = "Salainen kielikoulutus luonnoksessa"


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()


def titles(client: ApiClient, **params) -> list[str]:
    response = client.get(URL, **params)
    assert response.status_code == 200, response.content
    return [row["title_fi"] for row in response.json()["results"]]


def test_anonymous_finds_only_adopted_plans(library):
    found = titles(ApiClient(), page_size=200)
    assert SECRET not in found
    assert found  # the adopted plan's measures
    assert titles(ApiClient(), q="salainen") == []


def test_a_coordinators_token_also_finds_own_draft(library, coordinator_b):
    assert titles(ApiClient(coordinator_b), q="salainen") == [SECRET]


def test_another_municipalitys_draft_never_appears(library, coordinator_a):
    client = ApiClient(coordinator_a)
    assert titles(client, q="salainen") == []
    assert SECRET not in titles(client, page_size=200)
    assert titles(client, q="luonnoksen", kind="objective") == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "kielikoulutukseen"},
        {},
        {"kind": "objective"},
        {"kind": "indicator", "q": "kielikoulutukseen"},
        {"evidence": "true"},
    ],
)
def test_same_results_in_the_same_order_as_the_search_page(library, coordinator_b, params):
    from kotoplan.library.forms import SearchForm

    ui = {**params, "evidence": "on"} if params.get("evidence") else params
    index_refresh()
    expected = [
        p.pk
        for p in search_parts(user=coordinator_b, params=SearchForm(ui).params())
    ]  # fmt: skip
    response = ApiClient(coordinator_b).get(URL, page_size=200, **params)
    assert [row["id"] for row in response.json()["results"]] == expected
    assert expected


def test_filters_by_theme_code_and_evidence(library, themes):
    client = ApiClient()
    assert titles(client, theme=themes["good_relations"].code) == ["Kerhotoiminta nuorille"]
    assert titles(client, evidence="true") == ["Kielikoulutuksen lisääminen työikäisille"]
    assert titles(client, theme="no-such-theme") == []
    assert titles(client, area=999999) == []


def test_a_bad_value_is_refused_naming_the_field(library):
    response = ApiClient().get(URL, kind="plans")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "kind"
    assert ApiClient().get(URL, size="9").json()["errors"][0]["field"] == "size"


def test_a_result_carries_plan_municipality_status_and_evidence(library):
    row = ApiClient().get(URL, q="työikäisille").json()["results"][0]
    assert row["kind"] == "measure"
    assert row["plan"]["lead_municipality"] == "179"
    assert (row["plan"]["period_start"], row["plan"]["period_end"]) == (2025, 2028)
    assert row["latest_status"] == "on_track"
    assert (row["evidence"], row["evidence_monitoring"], row["evidence_statistics"]) == (
        True,
        True,
        False,
    )
    assert row["statistic"] is None


def test_an_indicator_shows_how_its_statistic_moved(library, municipality_b):
    statistic = StatIndicator.objects.create(
        code="sotkanet-3088", name_fi="Työllisyysaste", source="sotkanet", source_code="3088"
    )
    for year, value in ((2024, 60), (2026, 64)):
        StatisticValue.objects.create(
            indicator=statistic, municipality=municipality_b, period=year, value=value
        )
    indicator = library["indicator"]
    indicator.source, indicator.source_code = "sotkanet", "3088"
    indicator.save()
    row = ApiClient().get(URL, kind="indicator").json()["results"][0]
    assert row["title_fi"] == "Kielikoulutukseen osallistuneet"
    assert row["evidence_statistics"] is True
    assert row["statistic"] == {
        "from_year": 2024,
        "from_value": "60.0000",
        "to_year": 2026,
        "to_value": "64.0000",
    }
    params = SearchParams(kind="indicator")
    assert search_parts(user=None, params=params)[0].evidence_statistics == 1


def test_a_repeated_request_is_answered_from_the_kept_answer(library, coordinator_b):
    """The kept answer is the reader's own and is given anew once the index changes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def searched(client, **params):
        with CaptureQueriesContext(connection) as queries:
            found = titles(client, **params)
        entries = [q for q in queries.captured_queries if '"library_searchentry"' in q["sql"]]
        return found, bool(entries)

    anonymous = ApiClient()
    assert searched(anonymous, q="kerhotoiminta") == (["Kerhotoiminta nuorille"], True)
    assert searched(anonymous, q="kerhotoiminta") == (["Kerhotoiminta nuorille"], False)
    assert searched(ApiClient(coordinator_b), q="salainen") == ([SECRET], True)
    assert searched(anonymous, q="salainen") == ([], True)
    club = library["club"]
    club.title_fi = "Kerhotoiminta lapsille"
    club.save()
    assert searched(anonymous, q="kerhotoiminta") == (["Kerhotoiminta lapsille"], True)
