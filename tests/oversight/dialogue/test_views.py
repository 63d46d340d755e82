"""The dialogue's pages over HTTP: who sees what (404 for everyone else), the forms each role
gets, and the plan page section."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from kotoplan.accounts.models import Organisation, RoleAssignment
from kotoplan.oversight.dialogue import services
from kotoplan.oversight.dialogue.models import Observation
from tests.factories.accounts import OrganisationFactory, RoleAssignmentFactory, UserFactory


@pytest.fixture
def other_official(other_areas, municipality_b):
    """An official of the EVK that covers B, not A."""
    organisation = OrganisationFactory(
        kind=Organisation.Kind.REGIONAL_AUTHORITY, area=other_areas["evk"]
    )
    user = UserFactory(username="official_other")
    RoleAssignmentFactory(
        user=user, organisation=organisation, role=RoleAssignment.Role.REGIONAL_OFFICIAL
    )
    return user


@pytest.fixture
def observation(regional_official, draft_plan) -> Observation:
    return services.observation_create(
        actor=regional_official,
        plan=draft_plan,
        subject="Cooperation partners missing",
        text="No measure names a cooperation partner.",
        reply_due=date(2026, 7, 1),
    )


def _get(client, user, name, *args):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(f"oversight:{name}", args=args))


def _post(client, user, name, args, data):
    client.force_login(user)
    return client.post(reverse(f"oversight:{name}", args=args), data)


# --- who sees what -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role",
    [
        "coordinator_b",
        "other_official",
        "regional_official_ely_ended",
        "contributor",
        "county_liaison",
        "national_viewer",
        "user_without_role",
    ],
)
def test_observation_pages__404_for_those_who_may_not_see(role, request, client, observation):
    user = request.getfixturevalue(role)
    assert _get(client, user, "observation_detail", observation.pk).status_code == 404
    assert _get(client, user, "observation_plan_list", observation.plan_id).status_code == 404
    assert _get(client, user, "observation_create", observation.plan_id).status_code == 404
    response = _post(
        client, user, "observation_step", [observation.pk, "reply"], {"reply-text": "x"}
    )
    assert response.status_code == 404
    listed = _get(client, user, "observation_list")
    assert observation.subject not in listed.content.decode()


def test_observation_pages__anonymous_is_sent_to_login(client, observation):
    response = client.get(reverse("oversight:observation_detail", args=[observation.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


@pytest.mark.parametrize("role", ["coordinator_a", "viewer_a", "regional_official", "admin_user"])
def test_observation_pages__visible_to_municipality_official_and_admin(
    role, request, client, observation
):
    user = request.getfixturevalue(role)
    detail = _get(client, user, "observation_detail", observation.pk)
    assert detail.status_code == 200
    assert "No measure names a cooperation partner." in detail.content.decode()
    assert _get(client, user, "observation_plan_list", observation.plan_id).status_code == 200


def test_viewer__reads_but_gets_no_forms_and_cannot_post(client, viewer_a, observation):
    html = _get(client, viewer_a, "observation_detail", observation.pk).content.decode()
    assert '<form method="post" action="/oversight/observations/' not in html
    response = _post(
        client, viewer_a, "observation_step", [observation.pk, "reply"], {"reply-text": "x"}
    )
    assert response.status_code == 403
    observation.refresh_from_db()
    assert observation.state == Observation.State.OPEN


def test_forms_offered__by_role_and_state(client, coordinator_a, regional_official, observation):
    coordinator_html = _get(client, coordinator_a, "observation_detail", observation.pk)
    assert 'id="step-reply"' in coordinator_html.content.decode()
    assert 'id="step-resolve"' not in coordinator_html.content.decode()
    official_html = _get(client, regional_official, "observation_detail", observation.pk)
    assert 'id="step-reply"' not in official_html.content.decode()
    assert 'id="step-resolve"' in official_html.content.decode()
    assert 'id="step-reopen"' not in official_html.content.decode()


# --- the flow over HTTP ------------------------------------------------------------------------


def test_official_creates__coordinator_replies__official_resolves(
    client, regional_official, coordinator_a, draft_plan, objective
):
    response = _post(
        client,
        regional_official,
        "observation_create",
        [draft_plan.pk],
        {
            "subject": "Indicator targets",
            "text": "Targets are missing.",
            "rule_id": "R01-themes-covered",
            "objective": objective.pk,
            "reply_due": "2026-07-15",
        },
    )
    observation = Observation.objects.get(subject="Indicator targets")
    assert response.status_code == 302
    assert response.url == reverse("oversight:observation_detail", args=[observation.pk])
    assert observation.objective == objective

    response = _post(
        client,
        coordinator_a,
        "observation_step",
        [observation.pk, "reply"],
        {
            "reply-text": "Targets added.",
            "reply-changes_made": "Targets for 2028.",
            "reply-changed_objectives": [objective.pk],
        },
    )
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.state == Observation.State.REPLIED

    response = _post(
        client,
        regional_official,
        "observation_step",
        [observation.pk, "resolve"],
        {"resolve-comment": "Fine."},
    )
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.state == Observation.State.RESOLVED
    html = _get(client, coordinator_a, "observation_detail", observation.pk).content.decode()
    assert html.index("Observation recorded") < html.index("Municipality replied")
    assert "Targets for 2028." in html


def test_create_form__errors_shown_in_summary(client, regional_official, draft_plan):
    response = _post(
        client,
        regional_official,
        "observation_create",
        [draft_plan.pk],
        {"subject": "", "text": "x", "reply_due": "2020-01-01"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'href="#id_subject"' in html
    assert not Observation.objects.exists()
    response = _post(
        client,
        regional_official,
        "observation_create",
        [draft_plan.pk],
        {"subject": "S", "text": "x", "reply_due": "2020-01-01"},
    )
    assert "cannot be in the past" in response.content.decode()
    assert mail.outbox == []


def test_step__invalid_reopen_shows_error(client, regional_official, coordinator_a, observation):
    services.observation_reply(actor=coordinator_a, observation=observation, text="Done.")
    response = _post(
        client,
        regional_official,
        "observation_step",
        [observation.pk, "reopen"],
        {"reopen-comment": ""},
    )
    assert response.status_code == 200
    assert 'href="#id_reopen-comment"' in response.content.decode()
    observation.refresh_from_db()
    assert observation.state == Observation.State.REPLIED


def test_step__get_and_unknown_step_refused(client, coordinator_a, observation):
    client.force_login(coordinator_a)
    url = reverse("oversight:observation_step", args=[observation.pk, "reply"])
    assert client.get(url).status_code == 405
    unknown = reverse("oversight:observation_step", args=[observation.pk, "delete"])
    assert client.post(unknown).status_code == 404


def test_open_observations_list__official_sees_area(
    client, regional_official, other_official, observation, draft_plan
):
    html = _get(client, regional_official, "observation_list").content.decode()
    assert "Cooperation partners missing" in html
    html = _get(client, other_official, "observation_list").content.decode()
    assert "Cooperation partners missing" not in html


# --- the plan page section ---------------------------------------------------------------------


def test_plan_page__section_for_coordinator_not_for_contributor(
    client, coordinator_a, contributor, observation, owned_measure
):
    url = reverse("planning:plan_detail", args=[observation.plan_id])
    client.force_login(coordinator_a)
    html = client.get(url).content.decode()
    assert 'id="observations"' in html
    assert "Cooperation partners missing" in html
    assert reverse("oversight:observation_plan_list", args=[observation.plan_id]) in html
    client.force_login(contributor)
    html = client.get(url).content.decode()
    assert client.get(url).status_code == 200
    assert 'id="observations"' not in html
    assert "Cooperation partners missing" not in html


def test_plan_list__official_gets_record_links(client, regional_official, draft_plan):
    html = _get(client, regional_official, "observation_plan_list", draft_plan.pk).content.decode()
    assert reverse("oversight:observation_create", args=[draft_plan.pk]) in html
    assert reverse("oversight:discussion_create", args=[draft_plan.pk]) in html


def test_plan_list__coordinator_gets_no_record_links(client, coordinator_a, draft_plan):
    html = _get(client, coordinator_a, "observation_plan_list", draft_plan.pk).content.decode()
    assert reverse("oversight:observation_create", args=[draft_plan.pk]) not in html
    assert _get(client, coordinator_a, "observation_create", draft_plan.pk).status_code == 403


def test_step__taken_meanwhile_by_someone_else__explained(client, regional_official, observation):
    services.observation_resolve(actor=regional_official, observation=observation)
    response = _post(
        client,
        regional_official,
        "observation_step",
        [observation.pk, "resolve"],
        {"resolve-comment": "Me too."},
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "that step is not possible now" in page
    assert observation.entries.count() == 2
