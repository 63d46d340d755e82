"""Parts of pages that read across the whole service are kept per reader under the service's
state (kotoplan.core.kept.service_state): a change anywhere gives a new key, a stored readiness
result too, and no reader ever gets another reader's part."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kotoplan.core.kept import SERVICE_KEPT_SECONDS, kept_for_reader, service_state
from kotoplan.oversight.dialogue import services as dialogue
from kotoplan.oversight.readiness.services import readiness_refresh
from kotoplan.planning.services import content_update

pytestmark = pytest.mark.django_db


def test_service_state__an_audited_change_and_a_stored_readiness_result_change_it(
    coordinator_a, full_draft_plan, other_measure
):
    before = service_state()
    assert service_state() == before  # nothing changed: the same state
    content_update(
        actor=coordinator_a,
        obj=other_measure,
        expected_version=other_measure.version,
        data={"title_en": "Career counselling in plain language"},
    )
    edited = service_state()
    assert edited != before
    readiness_refresh(plan=full_draft_plan)  # what the background check stores, unaudited
    assert service_state() != edited


def test_kept_for_reader__made_once_per_reader_and_again_after_a_change(
    coordinator_a, coordinator_b, full_draft_plan, other_measure
):
    made = []

    def make(text):
        def made_now():
            made.append(text)
            return text

        return made_now

    assert kept_for_reader("part", (1,), make("A"), user=coordinator_a) == "A"
    assert kept_for_reader("part", (1,), make("A again"), user=coordinator_a) == "A"
    # another reader never gets A's part
    assert kept_for_reader("part", (1,), make("B"), user=coordinator_b) == "B"
    assert made == ["A", "B"]
    content_update(
        actor=coordinator_a,
        obj=other_measure,
        expected_version=other_measure.version,
        data={"title_en": "Career counselling in plain language"},
    )
    # a request's user lives as long as the request: the next one reads the state anew
    coordinator_a = type(coordinator_a).objects.get(pk=coordinator_a.pk)
    assert kept_for_reader("part", (1,), make("A after"), user=coordinator_a) == "A after"
    assert SERVICE_KEPT_SECONDS <= 120  # what no state names shows within two minutes


def _plan_page(client, user, plan) -> str:
    client.force_login(user)
    response = client.get(reverse("planning:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_plan_page__panels_kept_and_an_observation_shows_at_the_next_view(
    client, coordinator_a, regional_official, full_draft_plan
):
    with CaptureQueriesContext(connection) as rendered:
        first = _plan_page(client, coordinator_a, full_draft_plan)
    with CaptureQueriesContext(connection) as kept:
        again = _plan_page(client, coordinator_a, full_draft_plan)
    assert again.count('class="panel-fold"') == first.count('class="panel-fold"') >= 5
    # the panels of every app (readiness, monitoring, consultations, peers…) are not read again
    assert len(kept) <= len(rendered) - 10, (len(rendered), len(kept))
    assert "No open observations." in again
    assert '<span class="count">' not in again.split("</nav>")[0]
    dialogue.observation_create(
        actor=regional_official,
        plan=full_draft_plan,
        subject="Cooperation partners missing",
        text="No measure names a cooperation partner.",
        reply_due=full_draft_plan.created_at.date().replace(year=2026, month=12, day=31),
    )
    changed = _plan_page(client, coordinator_a, full_draft_plan)
    assert "Cooperation partners missing" in changed
    assert "No open observations." not in changed
    # the navigation counts the observation waiting for the coordinator's reply
    assert '<span class="count">(1)</span>' in changed.split("</nav>")[0]


def test_plan_page__a_readiness_result_stored_later_shows_at_the_next_view(
    client, coordinator_a, full_draft_plan
):
    assert "Not checked yet" in _plan_page(client, coordinator_a, full_draft_plan)
    readiness_refresh(plan=full_draft_plan)
    page = _plan_page(client, coordinator_a, full_draft_plan)
    assert "Not checked yet" not in page
    assert "statutory requirements met" in page


def test_plan_page__kept_panels_never_cross_readers(
    client, coordinator_a, viewer_a, full_draft_plan
):
    # both read in the same state of the service: only the reader tells their panels apart
    coordinator = _plan_page(client, coordinator_a, full_draft_plan)
    viewer = _plan_page(client, viewer_a, full_draft_plan)
    manage = reverse("participation:plan_participation", args=[full_draft_plan.pk])
    assert f'href="{manage}"' in coordinator
    assert f'href="{manage}"' not in viewer  # the viewer manages no consultations
    assert f'href="{manage}"' in _plan_page(client, coordinator_a, full_draft_plan)
