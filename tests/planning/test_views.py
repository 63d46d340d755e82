"""Planning pages: inline validation, edit conflicts, and building a plan through the forms."""

from datetime import date

import pytest
from django.urls import reverse

from kotoplan.core import panels as core_panels
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from kotoplan.planning.panels import NEW_PLAN_ACTIONS
from kotoplan.planning.services import content_update, plan_transition, plan_update
from tests.factories.planning import MeasureFactory
from tests.helpers import form_data, page_text
from tests.planning.support import REASON

CONFLICT_MESSAGE = "Someone else saved this while you were editing."


@pytest.fixture
def coordinator_client(client, coordinator_a):
    client.force_login(coordinator_a)
    return client


def _plan_url(plan) -> str:
    return reverse("planning:plan_detail", args=[plan.pk])


def _get_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]


# --- inline validation -------------------------------------------------------------------------


def test_plan_create_shows_error_at_the_field__period_ends_before_it_starts(
    coordinator_client, municipality_a
):
    """A new plan whose period ends before it starts is sent back with the reason at the field."""
    url = reverse("planning:plan_create")
    data = form_data(
        _get_form(coordinator_client, url),
        lead_municipality=str(municipality_a.pk),
        title_fi="Kotoutumisohjelma",
        period_start="2029",
        period_end="2026",
    )

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    assert "The period ends before it starts." in page_text(response)
    assert 'id="id_period_end_error"' in page_text(response)
    assert not Plan.objects.exists()


def test_plan_edit_shows_error_at_the_field__period_ends_before_it_starts(
    coordinator_client, draft_plan
):
    """Editing the period of a plan to end before it starts is refused with the reason shown."""
    url = reverse("planning:plan_edit", args=[draft_plan.pk])
    data = form_data(_get_form(coordinator_client, url), period_start="2030", period_end="2027")

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    assert "The period ends before it starts." in page_text(response)
    draft_plan.refresh_from_db()
    assert (draft_plan.period_start, draft_plan.period_end, draft_plan.version) == (2026, 2029, 1)


def test_indicator_new_shows_error_at_the_field__target_year_before_baseline_year(
    coordinator_client, objective
):
    """An indicator aiming at a year before its baseline is refused with the reason shown."""
    url = reverse("planning:indicator_new", args=[objective.pk])
    data = form_data(
        _get_form(coordinator_client, url),
        name_fi="Työllisyysaste",
        unit="%",
        baseline_value="40",
        baseline_year="2026",
        target_value="55",
        target_year="2025",
    )

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    assert "The target year is before the baseline year." in page_text(response)
    assert 'id="id_target_year_error"' in page_text(response)
    assert not Indicator.objects.exists()


def test_measure_new_shows_error_at_the_field__measure_ends_before_it_starts(
    coordinator_client, objective, organisation_a
):
    """A measure that ends before it starts is refused with the reason shown."""
    url = reverse("planning:measure_new", args=[objective.pk])
    data = form_data(
        _get_form(coordinator_client, url),
        title_fi="Kielikahvila",
        responsible_organisation=str(organisation_a.pk),
        schedule_start="2027-06-01",
        schedule_end="2027-01-31",
    )

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    assert "The measure ends before it starts." in page_text(response)
    assert 'id="id_schedule_end_error"' in page_text(response)
    assert not Measure.objects.filter(title_fi="Kielikahvila").exists()


# --- edit conflicts ----------------------------------------------------------------------------


def test_content_edit_shows_conflict_and_keeps_their_save__someone_saved_meanwhile(
    coordinator_client, coordinator_a, objective
):
    """When someone saved the objective after the form was opened, the page explains it."""
    url = reverse("planning:content_edit", args=["objective", objective.pk])
    opened = form_data(_get_form(coordinator_client, url), title_en="My wording")
    content_update(
        actor=coordinator_a,
        obj=Objective.objects.get(pk=objective.pk),
        expected_version=1,
        data={"title_en": "Their wording"},
    )

    response = coordinator_client.post(url, opened)

    assert response.status_code == 200
    text = page_text(response)
    assert CONFLICT_MESSAGE in text
    assert "Their wording" in text
    assert 'value="My wording"' in text
    objective.refresh_from_db()
    assert (objective.title_en, objective.version) == ("Their wording", 2)


def test_content_edit_saves_mine__saved_again_after_conflict(
    coordinator_client, coordinator_a, objective
):
    """After reviewing the conflict, saving the form again stores the user's own text."""
    url = reverse("planning:content_edit", args=["objective", objective.pk])
    opened = form_data(_get_form(coordinator_client, url), title_en="My wording")
    content_update(
        actor=coordinator_a,
        obj=Objective.objects.get(pk=objective.pk),
        expected_version=1,
        data={"title_en": "Their wording"},
    )
    conflict = coordinator_client.post(url, opened)

    response = coordinator_client.post(url, form_data(conflict.context["form"]))

    assert response.status_code == 302
    objective.refresh_from_db()
    assert (objective.title_en, objective.version) == ("My wording", 3)


def test_plan_edit_shows_conflict__someone_saved_meanwhile(
    coordinator_client, coordinator_a, draft_plan
):
    """Two people editing the basic information: the later save is stopped and told why."""
    url = reverse("planning:plan_edit", args=[draft_plan.pk])
    opened = form_data(_get_form(coordinator_client, url), contact_name="Aino")
    plan_update(
        actor=coordinator_a, plan=draft_plan, expected_version=1, data={"contact_name": "Eino"}
    )

    response = coordinator_client.post(url, opened)

    assert response.status_code == 200
    assert CONFLICT_MESSAGE in page_text(response)
    draft_plan.refresh_from_db()
    assert draft_plan.contact_name == "Eino"


# --- building a plan through the pages ---------------------------------------------------------


def test_coordinator_builds_objective_measure_and_indicator__seen_on_plan_page(
    coordinator_client, draft_plan, themes, organisation_a
):
    """Objective, measure and indicator added through the forms all appear on the plan page."""
    objective_url = reverse("planning:objective_new", args=[draft_plan.pk])
    response = coordinator_client.post(
        objective_url,
        form_data(
            _get_form(coordinator_client, objective_url),
            theme=str(themes["good_relations"].pk),
            title_en="Meeting places for all residents",
        ),
    )
    objective = Objective.objects.get(plan=draft_plan)
    assert response.status_code == 302
    assert response["Location"].endswith(f"{_plan_url(draft_plan)}#objective-{objective.pk}")

    measure_url = reverse("planning:measure_new", args=[objective.pk])
    response = coordinator_client.post(
        measure_url,
        form_data(
            _get_form(coordinator_client, measure_url),
            title_en="Language cafés in libraries",
            responsible_organisation=str(organisation_a.pk),
            schedule_start="2027-01-01",
            schedule_end="2027-12-31",
        ),
    )
    assert response.status_code == 302

    indicator_url = reverse("planning:indicator_new", args=[objective.pk])
    response = coordinator_client.post(
        indicator_url,
        form_data(
            _get_form(coordinator_client, indicator_url),
            name_en="Visitors of language cafés",
            unit="persons",
            baseline_value="120",
            baseline_year="2026",
            target_value="400",
            target_year="2028",
        ),
    )
    assert response.status_code == 302

    page = page_text(coordinator_client.get(_plan_url(draft_plan)))
    assert "Meeting places for all residents" in page
    assert "Language cafés in libraries" in page
    assert "Visitors of language cafés" in page
    assert f'id="objective-{objective.pk}"' in page


def test_plan_page_offers_contributor_update_link__measure_of_own_organisation(
    client, contributor, full_draft_plan, owned_measure, other_measure
):
    """A contributor finds an update link on their own measure and none on the others."""
    client.force_login(contributor)

    page = page_text(client.get(_plan_url(full_draft_plan)))

    own = reverse("planning:content_edit", args=["measure", owned_measure.pk])
    other = reverse("planning:content_edit", args=["measure", other_measure.pk])
    assert f'href="{own}"' in page
    assert f'href="{other}"' not in page


def test_plan_page_hides_edit_controls__regional_official(
    client, regional_official, full_draft_plan
):
    """The area's official reads the whole plan but is offered no edit links."""
    client.force_login(regional_official)

    response = client.get(_plan_url(full_draft_plan))

    page = page_text(response)
    assert response.status_code == 200
    assert "More immigrants find work" in page
    assert reverse("planning:plan_edit", args=[full_draft_plan.pk]) not in page
    assert reverse("planning:objective_new", args=[full_draft_plan.pk]) not in page


def test_content_edit_refuses_save__adopted_plan(coordinator_client, coordinator_a, objective):
    """Parts of an adopted plan cannot be changed through the page; the page says why."""
    plan = plan_transition(
        actor=coordinator_a,
        plan=objective.plan,
        to_state=Plan.State.AWAITING_DECISION,
        expected_version=1,
        override_reason=REASON,
    )
    plan_transition(
        actor=coordinator_a,
        plan=plan,
        to_state=Plan.State.ADOPTED,
        expected_version=plan.version,
        override_reason=REASON,
        decision={"decision_body": "Valtuusto", "decision_date": date(2026, 5, 18)},
    )
    url = reverse("planning:content_edit", args=["objective", objective.pk])
    data = form_data(_get_form(coordinator_client, url), title_en="Changed afterwards")

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    assert "can no longer be edited" in page_text(response)
    objective.refresh_from_db()
    assert objective.title_en == "More immigrants find work"


def test_plan_transition_lists_problems__measure_without_responsible_party(
    coordinator_client, full_draft_plan, objective
):
    """Sending for decision is stopped and the page names the measure that has no owner."""
    MeasureFactory(
        objective=objective,
        title_fi="Omistajaton toimenpide",
        title_en="Ownerless measure",
        responsible_organisation=None,
    )
    url = reverse("planning:plan_transition", args=[full_draft_plan.pk, "awaiting_decision"])

    response = coordinator_client.post(url, {"expected_version": "1"})

    assert response.status_code == 200
    assert "Ownerless measure" in page_text(response)
    full_draft_plan.refresh_from_db()
    assert full_draft_plan.state == Plan.State.DRAFT


def test_plan_transition_shows_error_at_the_field__decision_date_missing(
    coordinator_client, coordinator_a, full_draft_plan
):
    """Recording adoption without a decision date asks for the date and keeps the plan waiting."""
    plan = plan_transition(
        actor=coordinator_a,
        plan=full_draft_plan,
        to_state=Plan.State.AWAITING_DECISION,
        expected_version=1,
        override_reason=REASON,
    )
    url = reverse("planning:plan_transition", args=[plan.pk, "adopted"])

    response = coordinator_client.post(
        url, {"expected_version": str(plan.version), "decision_body": "Valtuusto"}
    )

    assert response.status_code == 200
    assert 'id="id_decision_date_error"' in page_text(response)
    plan.refresh_from_db()
    assert plan.state == Plan.State.AWAITING_DECISION


# --- what other apps add to planning's pages ---------------------------------------------------


@pytest.fixture
def import_action(monkeypatch):
    """A registered other way to start a plan, as an importing app would register it."""
    monkeypatch.setitem(core_panels._links, NEW_PLAN_ACTIONS, {})
    core_panels.register_link(
        NEW_PLAN_ACTIONS,
        key="import_plan",
        order=10,
        label="Import a plan",
        url=lambda user: "/import/",
    )


def test_plan_list_offers_new_plan_and_registered_actions__coordinator(
    coordinator_client, import_action
):
    """A coordinator may start a plan: the list offers "New plan" and the other registered ways."""
    page = page_text(coordinator_client.get(reverse("planning:plan_list")))

    assert f'href="{reverse("planning:plan_create")}"' in page
    assert 'href="/import/" data-action="import_plan"' in page


def test_plan_list_offers_no_way_to_start_a_plan__viewer(client, viewer_a, import_action):
    """Someone who may not create plans is offered neither "New plan" nor the other ways."""
    client.force_login(viewer_a)

    page = page_text(client.get(reverse("planning:plan_list")))

    assert reverse("planning:plan_create") not in page
    assert 'data-action="import_plan"' not in page


def test_plan_page_shows_registered_panels_in_order__each_with_its_context(
    coordinator_client, draft_plan, monkeypatch
):
    """The plan page renders the panels other apps registered, in their order, each with the
    context its own function gave, and leaves out a panel whose function gives None."""
    monkeypatch.setattr(core_panels, "_panels", {})
    for key, order, heading in (("second", 20, "Second panel"), ("first", 10, "First panel")):
        core_panels.register_plan_panel(
            key=key,
            order=order,
            template="planning/_problems.html",
            context=lambda *, plan, user, request, heading=heading: {
                "heading": heading,
                "problems": [],
            },
        )
    core_panels.register_plan_panel(
        key="hidden", order=30, template="planning/no_such_panel.html", context=lambda **kw: None
    )

    response = coordinator_client.get(_plan_url(draft_plan))

    assert response.status_code == 200  # the left-out panel's template was never looked up
    page = page_text(response)
    assert page.index("First panel") < page.index("Second panel")
