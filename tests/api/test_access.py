"""Every API resource × anonymous and every role (each with a personal token): the client sees
exactly what the UI's permission engine lets its owner see, plus the public part for everyone."""

import pytest

from kotoplan.cooperation.models import CooperationGroup, Meeting
from kotoplan.core.permissions import can
from kotoplan.geography.models import Area, Municipality
from kotoplan.monitoring.models import MeasureUpdate, MonitoringRound
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from kotoplan.oversight.dialogue.models import Observation
from kotoplan.oversight.models import ReadinessResult
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from tests.conftest import ROLE_FIXTURES

pytestmark = pytest.mark.django_db

V1 = "/api/v1/"


def _plans(user) -> set[int]:
    return {
        p.pk
        for p in Plan.objects.all()
        if p.state == Plan.State.ADOPTED or can(user, "planning.view_plan", p)
    }


def _of_plans(model, path: str, user) -> set[int]:
    return set(model.objects.filter(**{f"{path}__in": _plans(user)}).values_list("pk", flat=True))


def _where(model, rule: str, plan_of, user) -> set[int]:
    return {obj.pk for obj in model.objects.all() if can(user, rule, plan_of(obj))}


def _library_measures(user) -> set[int]:
    """Measures the library finds: of adopted plans, and of plans being prepared that the
    engine lets the user read (never of superseded versions)."""
    prepared = (Plan.State.DRAFT, Plan.State.CONSULTATION, Plan.State.AWAITING_DECISION)
    plans = {
        p.pk
        for p in Plan.objects.all()
        if p.state == Plan.State.ADOPTED
        or (p.state in prepared and can(user, "planning.view_plan", p))
    }
    return set(Measure.objects.filter(objective__plan__in=plans).values_list("pk", flat=True))


# resource → (path, expected ids for a user, public?)
RESOURCES = {
    "plans": ("plans/", _plans, True),
    "objectives": ("objectives/", lambda u: _of_plans(Objective, "plan", u), True),
    "measures": ("measures/", lambda u: _of_plans(Measure, "objective__plan", u), True),
    "indicators": ("indicators/", lambda u: _of_plans(Indicator, "objective__plan", u), True),
    "library-search": ("library/search/", _library_measures, True),
    "monitoring-rounds": (
        "monitoring-rounds/",
        lambda u: _where(MonitoringRound, "monitoring.view_rounds", lambda r: r.plan, u),
        False,
    ),
    "progress-updates": (
        "progress-updates/",
        lambda u: _where(MeasureUpdate, "monitoring.view_rounds", lambda m: m.round.plan, u),
        False,
    ),
    "readiness": (
        "readiness/",
        lambda u: _where(ReadinessResult, "planning.view_plan", lambda r: r.plan, u),
        False,
    ),
    "observations": (
        "observations/",
        lambda u: _where(Observation, "oversight.view_observation", lambda o: o, u),
        False,
    ),
    "cooperation-groups": (
        "cooperation-groups/",
        lambda u: _where(CooperationGroup, "cooperation.view_group", lambda g: g, u),
        False,
    ),
    "meetings": (
        "meetings/",
        lambda u: _where(Meeting, "cooperation.view_group", lambda m: m.group, u),
        False,
    ),
    "municipalities": (
        "municipalities/",
        lambda u: set(Municipality.objects.values_list("pk", flat=True)),
        True,
    ),
    "areas": ("areas/", lambda u: set(Area.objects.values_list("pk", flat=True)), True),
    "stat-indicators": (
        "stat-indicators/",
        lambda u: set(StatIndicator.objects.values_list("pk", flat=True)),
        True,
    ),
    "statistic-values": (
        "statistic-values/",
        lambda u: set(StatisticValue.objects.values_list("pk", flat=True)),
        True,
    ),
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_every_resource_shows_what_the_engine_allows(request, world, api_client, role):
    """(One test per role, all resources in it: the world is built once per role.)"""
    user = request.getfixturevalue(role)
    client = api_client(user)
    wrong = []
    for resource, (path, expected, public) in sorted(RESOURCES.items()):
        if user is None and not public:
            response = client.get(V1 + path)
            body = response.json()
            if response.status_code != 401 or body["errors"][0]["code"] != "not_authenticated":
                wrong.append(f"{resource}: anonymous got {response.status_code}")
            continue
        seen, allowed = client.ids(V1 + path), expected(user)
        if seen != allowed:
            wrong.append(f"{resource}: saw {sorted(seen)}, the engine allows {sorted(allowed)}")
    assert not wrong, "\n".join(wrong)


def test_anonymous_reads_only_adopted_plans(world, api_client):
    ids = api_client().ids(V1 + "plans/")
    assert ids == {world["adopted_a"].pk, world["monitored_a"].pk}
    assert api_client().get(f"{V1}plans/{world['draft_a'].pk}/").status_code == 404


def test_a_token_reads_its_owners_drafts_and_not_another_municipalitys(
    world, api_client, coordinator_a, coordinator_b
):
    mine = api_client(coordinator_a).ids(V1 + "plans/")
    assert world["draft_a"].pk in mine
    assert world["draft_b"].pk not in mine
    other = api_client(coordinator_b).get(f"{V1}plans/{world['draft_a'].pk}/")
    assert other.status_code == 404


def test_only_opened_consultations_are_listed__anyone(world, api_client, coordinator_a):
    opened = {"espoo-open"}
    for client in (api_client(), api_client(coordinator_a)):
        listed = client.get(V1 + "consultations/").json()["results"]
        assert {row["slug"] for row in listed} == opened
    assert api_client().get(V1 + "consultations/espoo-later/").status_code == 404
    assert api_client().get(V1 + "consultations/espoo-open/").json()["status"] == "open"


def test_suppressed_statistic_keeps_its_status_and_no_value(world, api_client, municipality_b):
    rows = api_client().get(V1 + "statistic-values/", municipality=municipality_b.code).json()
    assert [(r["status"], r["value"]) for r in rows["results"]] == [("suppressed", None)]


def test_filters__municipality_area_on_a_day_theme_state_period(
    world, api_client, admin_user, municipality_a, vitality_centre, ely_centre
):
    client = api_client(admin_user)
    a_plans = {world[k].pk for k in ("draft_a", "adopted_a", "monitored_a")}
    assert client.ids(V1 + "plans/", municipality=municipality_a.code) == a_plans
    # A belongs to the EVK from 2026 and belonged to the ELY Centre until the end of 2025.
    assert client.ids(V1 + "plans/", area=vitality_centre.pk, on="2026-06-01") == a_plans
    assert client.ids(V1 + "plans/", area=ely_centre.pk, on="2026-06-01") == set()
    assert client.ids(V1 + "plans/", area=ely_centre.pk, on="2025-06-01") == a_plans
    assert client.ids(V1 + "plans/", state="adopted") == {
        world["adopted_a"].pk,
        world["monitored_a"].pk,
    }
    assert client.ids(V1 + "plans/", period=2023) == {world["adopted_a"].pk}
    assert client.ids(V1 + "objectives/", theme="language_culture") == set(
        Objective.objects.filter(theme__code="language_culture").values_list("pk", flat=True)
    )


def test_a_bad_filter_value_names_the_parameter(world, api_client):
    response = api_client().get(V1 + "plans/", period="soon")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "period"


def test_lists_are_paginated_in_a_stable_order(world, api_client, admin_user):
    client = api_client(admin_user)
    first = client.get(V1 + "plans/", page_size=2).json()
    second = client.get(V1 + "plans/", page_size=2, page=2).json()
    again = client.get(V1 + "plans/", page_size=2).json()
    assert first["count"] == Plan.objects.count() == 4
    assert [r["id"] for r in first["results"]] == [r["id"] for r in again["results"]]
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
