"""Readiness guards the lifecycle: a plan moves on with statutory requirements unmet only with a
stated reason, which is recorded and shown to the regional authority."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from kotoplan.core.errors import DomainError
from kotoplan.oversight.models import ReadinessOverride
from kotoplan.planning.models import Plan
from kotoplan.planning.services import plan_transition, transition_unmet

pytestmark = pytest.mark.django_db

REASON = "Valtuusto käsittelee suunnitelman ennen vaaleja; puutteet korjataan syksyllä."


def test_unmet_statutory__step_refused_without_a_reason(coordinator_a, full_draft_plan):
    unmet = list(transition_unmet(full_draft_plan, Plan.State.CONSULTATION))
    assert any(item.statutory for item in unmet)
    assert [item.statutory for item in unmet] == sorted(
        (item.statutory for item in unmet), reverse=True
    )  # statutory first
    with pytest.raises(DomainError, match="statutory requirements are not met"):
        plan_transition(
            actor=coordinator_a,
            plan=full_draft_plan,
            to_state=Plan.State.CONSULTATION,
            expected_version=full_draft_plan.version,
        )
    full_draft_plan.refresh_from_db()
    assert full_draft_plan.state == Plan.State.DRAFT
    assert not ReadinessOverride.objects.exists()


def test_step_with_a_reason__recorded_and_shown_to_the_authority(
    client, coordinator_a, regional_official, full_draft_plan
):
    statutory = [
        item.key
        for item in transition_unmet(full_draft_plan, Plan.State.CONSULTATION)
        if item.statutory
    ]
    plan_transition(
        actor=coordinator_a,
        plan=full_draft_plan,
        to_state=Plan.State.CONSULTATION,
        expected_version=full_draft_plan.version,
        override_reason=REASON,
    )
    step = ReadinessOverride.objects.get()
    assert (step.from_state, step.to_state, step.actor) == ("draft", "consultation", coordinator_a)
    assert [item["rule"] for item in step.unmet] == statutory
    client.force_login(regional_official)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    page = client.get(reverse("planning:plan_detail", args=[full_draft_plan.pk])).content.decode()
    assert REASON in page
    assert "Lakisääteisiä vaatimuksia täyttämättä otetut askeleet" in page
    assert "Luonnos → Lausunnolla" in page


def test_transition_page_in_finnish__lists_what_is_missing_and_asks_for_a_reason(
    client, coordinator_a, full_draft_plan
):
    client.force_login(coordinator_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    url = reverse("planning:plan_transition", args=[full_draft_plan.pk, "awaiting_decision"])
    page = client.get(url).content.decode()
    assert "lakisääteistä vaatimusta ei täyty" in page
    assert 'name="override_reason"' in page
    visible = re.sub(r"<[^>]+>", " ", page)
    assert "R01-" not in visible  # plain titles, not rule ids
    response = client.post(url, {"expected_version": full_draft_plan.version})
    assert response.status_code == 200
    assert 'id="id_override_reason_error"' in response.content.decode()
    full_draft_plan.refresh_from_db()
    assert full_draft_plan.state == Plan.State.DRAFT
    response = client.post(
        url, {"expected_version": full_draft_plan.version, "override_reason": REASON}
    )
    assert response.status_code == 302
    full_draft_plan.refresh_from_db()
    assert full_draft_plan.state == Plan.State.AWAITING_DECISION
    assert ReadinessOverride.objects.get().reason == REASON


def test_moving_back_to_the_draft__needs_no_reason(client, coordinator_a, full_draft_plan):
    plan = plan_transition(
        actor=coordinator_a,
        plan=full_draft_plan,
        to_state=Plan.State.CONSULTATION,
        expected_version=full_draft_plan.version,
        override_reason=REASON,
    )
    client.force_login(coordinator_a)
    url = reverse("planning:plan_transition", args=[plan.pk, "draft"])
    assert 'name="override_reason"' not in client.get(url).content.decode()
    assert client.post(url, {"expected_version": plan.version}).status_code == 302
