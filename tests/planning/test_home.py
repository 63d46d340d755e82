"""`/` for each role ("My work"): the sections each app contributes, the number of things
waiting in the navigation, and a query count that does not grow with the data."""

from datetime import date

import pytest
from django.urls import reverse

from kotoplan.cooperation.models import Initiative
from kotoplan.monitoring.rounds import services as rounds
from kotoplan.oversight.dialogue import services as dialogue
from tests.cooperation.conftest import make_group, seat
from tests.factories.planning import MeasureFactory, ObjectiveFactory, PlanFactory
from tests.helpers import page_text
from tests.oversight.support import refresh

pytestmark = pytest.mark.django_db

HOME = reverse("planning:home")


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return page_text(response)


@pytest.fixture
def observation(regional_official, draft_plan):
    observation = dialogue.observation_create(
        actor=regional_official,
        plan=draft_plan,
        subject="Cooperation partners missing",
        text="No measure names a cooperation partner.",
        reply_due=date(2026, 6, 15),
    )
    # time has passed: the reply was expected before the pinned today (1.6.2026)
    type(observation).objects.filter(pk=observation.pk).update(reply_due=date(2026, 5, 15))
    observation.refresh_from_db()
    return observation


@pytest.fixture
def open_round(coordinator_a, municipality_a, organisation_a, contributor_organisation, themes):
    plan = PlanFactory(
        lead_municipality=municipality_a,
        title_en="Espoo integration plan 2025–2028",
        period_start=2025,
        period_end=2028,
        state="adopted",
        decision_body="Council",
        decision_date=date(2025, 3, 1),
    )
    objective = ObjectiveFactory(plan=plan, theme=themes["language_culture"])
    MeasureFactory(objective=objective, responsible_organisation=organisation_a)
    MeasureFactory(
        objective=objective,
        responsible_organisation=contributor_organisation,
        title_en="Partner language café",
    )
    return rounds.round_open(
        actor=coordinator_a, plan=plan, period_label="2025", due_date=date(2026, 6, 30)
    )


def test_home__coordinator_sees_plans_with_readiness_and_next_steps(
    client, coordinator_a, draft_plan
):
    result = refresh(draft_plan)

    page = _home(client, coordinator_a)

    assert "My work" in page
    assert "Your plans" in page
    assert f'href="{reverse("planning:plan_detail", args=[draft_plan.pk])}"' in page
    assert (
        f"{result.statutory_passed} of {result.statutory_total} statutory requirements met" in page
    )
    assert result.statutory_missing > 0
    assert "What to do next" in page


def test_home__coordinator_sees_overdue_observation_and_count_in_navigation(
    client, coordinator_a, observation
):
    page = _home(client, coordinator_a)

    assert "Cooperation partners missing" in page
    assert "overdue" in page
    assert f'href="{reverse("oversight:observation_detail", args=[observation.pk])}"' in page
    # one observation waits for the coordinator's reply
    assert 'My work <span class="count">(1)</span>' in page


def test_home__official_sees_observation_and_area_overview(
    client, regional_official, coordinator_a, observation
):
    coordinator = coordinator_a
    page = _home(client, regional_official)

    assert "Cooperation partners missing" in page
    assert "Needs attention" in page
    assert "1 open observation" in page
    assert "Area dashboard" in page
    # nothing waits for the official until the municipality replies
    assert 'My work <span class="count">' not in page
    dialogue.observation_reply(actor=coordinator, observation=observation, text="Partners added.")
    assert 'My work <span class="count">(1)</span>' in _home(client, regional_official)


def test_home__contributor_sees_measures_due_in_the_open_round(client, contributor, open_round):
    page = _home(client, contributor)

    assert "Your measures due in the open monitoring round" in page
    assert "Partner language café" in page
    assert "1 measure still waits for your update." in page
    assert 'My work <span class="count">(1)</span>' in page
    measure = open_round.plan.objectives.get().measures.get(title_en="Partner language café")
    assert (
        f'href="{reverse("monitoring:measure_update", args=[open_round.pk, measure.pk])}"' in page
    )


def test_home__coordinator_sees_open_round_with_deadline(client, coordinator_a, open_round):
    page = _home(client, coordinator_a)

    assert "Open monitoring rounds of your plans" in page
    assert "2025" in page
    assert "due 30 Jun 2026" in page
    assert "0 of 2 measures reported" in page


def test_home__initiative_waiting_for_an_answer(
    client, coordinator_a, municipality_a, organisation_a, contributor_organisation, contributor
):
    group = make_group(municipality=municipality_a, appointed_by=organisation_a)
    membership = seat(group, contributor_organisation, contributor)
    Initiative.objects.create(
        group=group,
        membership=membership,
        filed_by=contributor,
        topic="Housing of Ukrainian families",
        reason="Waiting lists have grown.",
    )

    page = _home(client, coordinator_a)

    assert "Initiatives waiting for an answer" in page
    assert "Housing of Ukrainian families" in page
    assert 'My work <span class="count">(1)</span>' in page


def test_home__county_liaison_and_national_viewer_get_their_overviews(
    client, county_liaison, national_viewer, draft_plan
):
    county_page = _home(client, county_liaison)
    assert "Wellbeing services county overview" in county_page

    national_page = _home(client, national_viewer)
    assert "Whole country" in national_page
    assert "National overview" in national_page
    assert "Your plans" not in national_page


def test_home__anonymous_gets_the_front_door(client):
    page = page_text(client.get(HOME))

    assert "Integration plans of Finnish municipalities" in page
    assert f'href="{reverse("accounts:login")}"' in page


def _coordinator_data(municipality_a, organisation_a, themes, coordinator_a, *, plans, parts):
    for number in range(plans):
        plan = PlanFactory(
            lead_municipality=municipality_a, period_start=2026 + number, period_end=2030 + number
        )
        for _ in range(parts):
            objective = ObjectiveFactory(plan=plan, theme=themes["language_culture"])
            MeasureFactory(objective=objective, responsible_organisation=organisation_a)
        refresh(plan)
        dialogue_plan = plan
    return dialogue_plan


def test_home__query_count_does_not_grow_with_the_data(
    client,
    coordinator_a,
    regional_official,
    municipality_a,
    organisation_a,
    themes,
    django_assert_max_num_queries,
):
    """The home page costs as many queries for 1 plan with 1 part as for 6 plans with 8 parts
    each, observations and an open round included."""
    counts = {}
    for size, (plans, parts) in {"small": (1, 1), "big": (6, 8)}.items():
        plan = _coordinator_data(
            municipality_a, organisation_a, themes, coordinator_a, plans=plans, parts=parts
        )
        for number in range(plans):
            dialogue.observation_create(
                actor=regional_official,
                plan=plan,
                subject=f"Observation {size} {number}",
                text="Something is missing.",
                reply_due=date(2026, 7, 1),
            )
        client.force_login(coordinator_a)
        client.get(HOME)  # fills per-process caches (content types, themes)
        with django_assert_max_num_queries(40) as queries:
            response = client.get(HOME)
        assert response.status_code == 200
        counts[size] = len(queries)
    assert counts["big"] == counts["small"], counts


def test_home__overdue_round_is_marked(client, coordinator_a, contributor, open_round):
    type(open_round).objects.filter(pk=open_round.pk).update(due_date=date(2026, 5, 31))

    for user in (coordinator_a, contributor):
        page = _home(client, user)
        section = page[page.index('data-home="monitoring"') :]
        assert '<strong class="overdue">overdue</strong>' in section, user
