"""Evidence from statistics: an indicator of StatFin or Sotkanet whose imported values for the
plan's lead municipality moved in the desired direction between the baseline year and the
latest year counts as evidence, shows in the results, and costs no query per result."""

from decimal import Decimal

import pytest

from kotoplan.library.selectors import SearchParams, search_parts
from kotoplan.library.services import index_refresh
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from tests.factories.planning import IndicatorFactory
from tests.support.queries import assert_same_queries, visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def employment_rate(library, municipality_b, municipality_a):
    """A Sotkanet statistic with values for B (up from 2024 to 2026) and for A (down)."""
    statistic = StatIndicator.objects.create(
        code="sotkanet-3088",
        name_fi="Työllisyysaste",
        source=StatIndicator.Source.SOTKANET,
        source_code="3088",
    )
    for municipality, values in ((municipality_b, (60, 61, 64)), (municipality_a, (70, 69, 66))):
        for year, value in zip((2024, 2025, 2026), values, strict=True):
            StatisticValue.objects.create(
                indicator=statistic, municipality=municipality, period=year, value=value
            )
    # A breakdown group's figure is not the municipality's figure.
    StatisticValue.objects.create(
        indicator=statistic,
        municipality=municipality_b,
        period=2027,
        value=1,
        breakdown_key="language",
        breakdown_value="sv",
    )
    return statistic


def statistic_indicator(objective, name_fi: str, direction: str, **more):
    figures = {
        "source": "sotkanet",
        "source_code": "3088",
        "unit": "%",
        "baseline_value": Decimal("60"),
        "baseline_year": 2024,
    }
    return IndicatorFactory(
        objective=objective,
        name_fi=name_fi,
        name_sv="",
        name_en="",
        direction=direction,
        **{**figures, **more},
    )


def indicators(user, **params) -> dict[str, object]:
    index_refresh()
    found = search_parts(user=user, params=SearchParams(kind="indicator", **params))
    return {i.name_fi: i for i in found}


def test_statistic_moved_the_desired_way_is_evidence(library, employment_rate, anonymous):
    work = library["language"].objective
    statistic_indicator(work, "Työllisyysaste nousee", "increase")
    statistic_indicator(work, "Työllisyysaste laskee", "decrease")
    found = indicators(anonymous, text="työllisyysaste")
    rising, falling = found["Työllisyysaste nousee"], found["Työllisyysaste laskee"]
    assert (rising.evidence, rising.evidence_statistics, rising.evidence_monitoring) == (1, 1, 0)
    assert (rising.statistic_from, rising.statistic_to) == (60, 64)
    assert (rising.statistic_from_year, rising.statistic_to_year) == (2024, 2026)
    assert (falling.evidence, falling.evidence_statistics) == (0, 0)
    assert list(found) == ["Työllisyysaste nousee", "Työllisyysaste laskee"]  # evidence first


def test_only_the_plans_own_municipality_counts(library, employment_rate, anonymous):
    """B's plan with a 'lower is better' indicator: A's figures fell, B's rose."""
    statistic_indicator(library["language"].objective, "Työllisyysaste", "decrease")
    assert indicators(anonymous, text="työllisyysaste")["Työllisyysaste"].evidence == 0


def test_baseline_year_defaults_to_the_year_before_the_plan(library, employment_rate, anonymous):
    # B's plan covers 2025–2028: from 2024 (60) to 2026 (64).
    statistic_indicator(
        library["language"].objective, "Työllisyysaste", "increase", baseline_year=None,
        baseline_value=None,
    )  # fmt: skip
    assert indicators(anonymous, text="työllisyysaste")["Työllisyysaste"].evidence == 1


def test_no_later_value_or_a_hand_entered_indicator_is_no_evidence(
    library, employment_rate, anonymous
):
    work = library["language"].objective
    statistic_indicator(work, "Työllisyysaste tuorein", "increase", baseline_year=2026)
    statistic_indicator(work, "Työllisyysaste käsin", "increase", source="manual")
    found = indicators(anonymous, text="työllisyysaste")
    assert found["Työllisyysaste tuorein"].evidence == 0
    assert found["Työllisyysaste käsin"].evidence == 0


def test_evidence_filter_and_objectives_count_statistics(library, employment_rate, anonymous):
    library["indicator"].delete()  # the monitored one: only the statistic is left as evidence
    club = library["club"].objective
    statistic_indicator(club, "Työllisyysaste", "increase")
    assert list(indicators(anonymous, evidence=True)) == ["Työllisyysaste"]
    index_refresh()
    objectives = search_parts(user=anonymous, params=SearchParams(kind="objective"))
    assert {o.title_fi: o.evidence_statistics for o in objectives}["Hyvät väestösuhteet"] == 1


def test_results_page_shows_how_the_statistic_moved(library, employment_rate, client):
    statistic_indicator(library["club"].objective, "Työllisyysaste", "increase")
    page = client.get("/library/", {"q": "työllisyysaste", "kind": "indicator"}).content.decode()
    assert 'data-evidence="statistics"' in page
    assert "Indicator moved the desired way: 60 → 64 (2024–2026, statistics)" in page


def test_results_cost_the_same_queries_with_more_statistics(library, employment_rate, client):
    url = "/library/?kind=indicator&q=ty%C3%B6llisyysaste"
    statistic_indicator(library["club"].objective, "Työllisyysaste 1", "increase")
    small = visit(client, url, label="one indicator with statistics")
    for n in range(2, 8):
        statistic_indicator(library["club"].objective, f"Työllisyysaste {n}", "increase")
    big = visit(client, url, label="seven indicators with statistics")
    assert big.text.count("data-statistic-moved") == 7
    assert_same_queries(small, big, at_most=20)
