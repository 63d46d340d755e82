"""Query budgets of the API lists: every `/api/v1/…` list costs as many SQL queries for the API
tests' world as for that world with three more plans of 12 measures each, with their rounds,
progress reports, observations, groups, meetings, consultations and statistics
(tests/support/queries.py)."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from kotoplan.cooperation.models import Meeting
from kotoplan.monitoring.rounds import services as rounds
from kotoplan.monitoring.statistics.models import StatisticValue
from kotoplan.oversight.dialogue import services as dialogue
from kotoplan.oversight.readiness.services import readiness_refresh
from kotoplan.participation.models import Consultation
from kotoplan.planning.models import DecisionStep, LinkedDocument, Measure, Plan
from tests.cooperation.conftest import make_group
from tests.support.queries import assert_same_queries, visit
from tests.support.sizes import more_municipalities, plan_of_size

pytestmark = pytest.mark.django_db

LISTS = [
    "municipality-list",
    "area-list",
    "membership-list",
    "theme-list",
    "plan-list",
    "objective-list",
    "measure-list",
    "indicator-list",
    "stat-indicator-list",
    "statistic-values",
    "round-list",
    "progress-list",
    "readiness-list",
    "observation-list",
    "group-list",
    "meeting-list",
    "consultation-list",
    "library-search",
]


def _grow(world, *, themes, admin, official, organisation, areas, statistics) -> None:
    """Three more plans of A and of new municipalities of A's areas, with all they carry."""
    indicator, _values = statistics
    municipalities = [world["draft_a"].lead_municipality, *more_municipalities(2, *areas)]
    for number, municipality in enumerate(municipalities):
        plan = plan_of_size(
            municipality,
            themes,
            measures=12,
            state=Plan.State.ADOPTED,
            decision_body="Kaupunginvaltuusto",
            decision_date=date(2025, 3, 1),
            period_start=2030 + number,
            period_end=2033 + number,
        )
        for day, body in ((1, "Kaupunginhallitus"), (2, "Kaupunginvaltuusto")):
            DecisionStep.objects.create(
                plan=plan, body_name=body, decided_on=date(2025, 2, day), section=f"§ {day}"
            )
            LinkedDocument.objects.create(
                plan=plan, title=f"Liite {day}", url=f"https://kunta.example/liite-{day}.pdf"
            )
        monitoring_round = rounds.round_open(
            actor=admin, plan=plan, period_label="2025", due_date=date(2026, 6, 30)
        )
        for measure in Measure.objects.filter(objective__plan=plan)[:6]:
            rounds.measure_update_save(
                actor=admin,
                monitoring_round=monitoring_round,
                measure=measure,
                expected_version=None,
                status="on_track",
                narrative="Going well.",
            )
        dialogue.observation_create(
            actor=type(official).objects.get(pk=official.pk),
            plan=plan,
            subject="Partners missing",
            text="No partner named.",
            reply_due=date(2026, 7, 1),
        )
        group = make_group(
            municipality=municipality,
            appointed_by=organisation,
            plans=[plan],
            name=f"Group {number}",
        )
        Meeting.objects.create(
            group=group,
            title="Syksyn kokous",
            starts_at=datetime(2026, 9, 4, 13, tzinfo=ZoneInfo("Europe/Helsinki")),
            ends_at=datetime(2026, 9, 4, 15, tzinfo=ZoneInfo("Europe/Helsinki")),
        )
        now = timezone.now()
        Consultation.objects.create(
            plan=plan,
            slug=f"more-{number}",
            title_en="More views",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=20),
        )
        for year in range(2014, 2024):  # 2024 is in the world already
            StatisticValue.objects.create(
                indicator=indicator,
                municipality=municipality,
                period=year,
                value=Decimal(year - 2000),
            )
        readiness_refresh(plan=plan, force=True)


@pytest.mark.parametrize("role", ["admin_user", "national_viewer", "coordinator_a"])
def test_api_lists__same_queries_for_a_larger_world(
    request, api_client, world, themes, admin_user, regional_official, organisation_a,
    wellbeing_county, vitality_centre, statistics, role,
):  # fmt: skip
    client = api_client(request.getfixturevalue(role))
    urls = {name: reverse(f"api:{name}") + "?page_size=200" for name in LISTS}
    small = {
        name: visit(client, url, label=f"{name}, API tests' world") for name, url in urls.items()
    }
    _grow(
        world,
        themes=themes,
        admin=admin_user,
        official=regional_official,
        organisation=organisation_a,
        areas=[wellbeing_county, vitality_centre],
        statistics=statistics,
    )
    big = {name: visit(client, url, label=f"{name}, 3 more plans") for name, url in urls.items()}
    grown = [name for name in LISTS if big[name].body != small[name].body]
    assert {
        "plan-list",
        "measure-list",
        "progress-list",
        "consultation-list",
        "library-search",
    } <= set(grown)
    failures = []
    for name in LISTS:
        try:
            assert_same_queries(small[name], big[name], at_most=15)
        except AssertionError as problem:
            failures.append(str(problem))
    assert not failures, "\n\n".join(failures)
