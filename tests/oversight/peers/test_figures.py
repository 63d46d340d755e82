"""The figures side by side: stored readiness, statutory themes covered by objectives, update
coverage of the latest round, the subject's chosen indicators; what a viewer may not see of a
peer never shows (a draft's readiness, updates of a round still open); and a fixed number of
queries whatever the number of peers."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kotoplan.core.clock import today
from kotoplan.monitoring.rounds.models import MonitoringRound
from kotoplan.monitoring.statistics.models import (
    ECEC_FOREIGN_LANGUAGE,
    SituationIndicator,
    StatIndicator,
    StatisticValue,
)
from kotoplan.oversight.peers.selectors import GroupChoice, comparison_chart, peer_comparison
from kotoplan.planning.models import Plan
from tests.factories.planning import ObjectiveFactory, PlanFactory

from .conftest import municipality_in, profile, stored_readiness


def _rows(comparison) -> dict:
    return {row.municipality.name_fi: row for row in comparison.rows}


def test_figures__readiness_themes_and_coverage_of_a_published_peer(
    world, municipality_a, coordinator_a, draft_plan, themes
):
    ObjectiveFactory(plan=draft_plan, theme=themes["good_relations"])
    stored_readiness(draft_plan, 3)
    comparison = peer_comparison(user=coordinator_a, subject=municipality_a, on=today())
    rows = _rows(comparison)
    assert comparison.rows[0].is_subject
    own = rows["Espoo"]
    assert own.plan == draft_plan  # the coordinator's own draft
    assert (own.readiness_percent, own.themes_covered) == (60, 1)
    peer = rows["Kauniainen"]
    assert peer.plan == world["adopted"]
    assert (peer.readiness_percent, peer.themes_covered, comparison.themes_total) == (80, 2, 5)
    # the 2026 round is still open: its updates are not published, the closed 2025 one shows
    assert (peer.coverage_period, peer.coverage_reported, peer.coverage_total) == ("2025", 1, 2)
    assert peer.coverage_percent == 50
    assert peer.profile.population == Decimal(25000)


def test_no_leak__a_peers_draft_and_its_open_round_stay_hidden(
    world, municipality_a, coordinator_a
):
    rows = _rows(peer_comparison(user=coordinator_a, subject=municipality_a, on=today()))
    draft_peer = rows["Jyväskylä"]
    assert draft_peer.plan is None  # looks like a municipality without a plan
    assert draft_peer.readiness is None
    assert draft_peer.themes_covered is None
    assert rows["Kauniainen"].coverage_period == "2025"


def test_no_leak__aggregates_leave_hidden_drafts_out(world, municipality_a, coordinator_a):
    comparison = peer_comparison(user=coordinator_a, subject=municipality_a, on=today())
    readiness, themes, updates = comparison.measures
    assert (readiness.counted, readiness.median) == (1, 80)  # Jyväskylä's 20 is not counted
    assert (themes.counted, themes.median) == (1, 40)
    assert (updates.counted, updates.median) == (1, 50)  # the closed round only
    chart = comparison_chart(comparison)
    assert "20" not in chart.description.replace("2025", "")


def test_regional_official_sees_their_areas_drafts_and_open_rounds(
    world, municipality_a, regional_official, national_viewer
):
    rows = _rows(peer_comparison(user=regional_official, subject=municipality_a, on=today()))
    assert rows["Kauniainen"].coverage_period == "2026"  # in the official's area: all rounds
    assert rows["Kauniainen"].coverage_percent == 100
    assert rows["Jyväskylä"].plan is None  # another area's draft
    rows = _rows(peer_comparison(user=national_viewer, subject=municipality_a, on=today()))
    assert rows["Jyväskylä"].plan is None  # national viewers never see drafts
    assert rows["Kauniainen"].coverage_period == "2026"  # but every adopted plan's rounds


def test_coordinator_of_the_peer_sees_their_own_draft(world, municipality_a, coordinator_b):
    rows = _rows(peer_comparison(user=coordinator_b, subject=municipality_a, on=today()))
    assert rows["Jyväskylä"].plan == world["draft_b"]
    assert rows["Jyväskylä"].readiness_percent == 20


def test_chosen_indicators__subject_period_and_peer_values(
    world, municipality_a, coordinator_a, draft_plan
):
    ecec = StatIndicator.objects.get(code=ECEC_FOREIGN_LANGUAGE)
    SituationIndicator.objects.create(plan=draft_plan, indicator=ecec)
    for municipality, year, value in [
        (municipality_a, 2023, "900"),
        (municipality_a, 2024, "1000"),
        (world["kauniainen"], 2024, "120"),
        (world["kauniainen"], 2023, "999"),  # another year: not compared
    ]:
        StatisticValue.objects.create(
            indicator=ecec, municipality=municipality, period=year, value=Decimal(value)
        )
    comparison = peer_comparison(user=coordinator_a, subject=municipality_a, on=today())
    assert [(c.indicator.code, c.period) for c in comparison.indicators] == [
        (ECEC_FOREIGN_LANGUAGE, "2024")
    ]
    rows = _rows(comparison)
    assert rows["Espoo"].indicators[0].value == Decimal(1000)
    assert rows["Kauniainen"].indicators[0].value == Decimal(120)
    assert rows["Jyväskylä"].indicators[0].value is None


def _grow(n: int, areas, themes) -> None:
    """n more peers of Espoo's size and share, each with an adopted plan, result and round."""
    for index in range(n):
        municipality = municipality_in(areas, f"{700 + index:03d}", f"Kunta {index:02d}")
        profile(municipality, 30000 + index, "6.5")
        plan = PlanFactory(
            lead_municipality=municipality,
            state=Plan.State.ADOPTED,
            decision_date=date(2025, 1, 1),
        )
        ObjectiveFactory(plan=plan, theme=themes["employment_education"])
        stored_readiness(plan, 2)
        MonitoringRound.objects.create(
            plan=plan,
            period_label="2025",
            due_date=date(2026, 3, 31),
            state=MonitoringRound.State.CLOSED,
            closed_on=date(2026, 4, 1),
        )


@pytest.mark.parametrize("user_fixture", ["coordinator_a", "regional_official"])
def test_queries__same_count_for_3_and_13_peers(
    request, user_fixture, world, municipality_a, a_areas, themes, draft_plan
):
    user = request.getfixturevalue(user_fixture)
    SituationIndicator.objects.create(
        plan=draft_plan, indicator=StatIndicator.objects.get(code=ECEC_FOREIGN_LANGUAGE)
    )

    def count() -> tuple[int, int]:
        fresh = type(user).objects.get(pk=user.pk)
        with CaptureQueriesContext(connection) as queries:
            comparison = peer_comparison(
                user=fresh, subject=municipality_a, on=today(), choice=GroupChoice(share="any")
            )
        return len(queries), len(comparison.peers)

    small, peers_small = count()
    _grow(10, a_areas, themes)
    big, peers_big = count()
    assert peers_big == peers_small + 10
    assert small == big
    assert big <= 14
