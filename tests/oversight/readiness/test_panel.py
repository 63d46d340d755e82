"""The readiness panel on the plan page, and filling the new plan fields through the form.

The page shows the stored result; it never computes one (a GET writes nothing)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kotoplan.oversight.readiness.models import ReadinessResult
from kotoplan.planning.forms import PlanBasicsForm
from kotoplan.planning.models import Plan

from ..support import refresh, writes


def _page(client, user, plan):
    client.force_login(user)
    response = client.get(reverse("planning:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _basics_post_data(plan: Plan, **changes) -> dict:
    """What the basic-information form posts when the user changes only `changes`."""
    form = PlanBasicsForm(instance=plan)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        data[name] = value
    data["expected_version"] = plan.version
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_plan_page__coordinator_sees_readiness_panel(client, coordinator_a, full_draft_plan):
    refresh(full_draft_plan)
    html = _page(client, coordinator_a, full_draft_plan)
    assert 'id="readiness"' in html
    assert "statutory requirements met" in html
    assert "What to do next" in html
    assert 'data-rule="R01-themes-covered"' in html
    assert "Missing</span>" in html
    assert "Not applicable</span>" in html
    edit_url = reverse("planning:plan_edit", args=[full_draft_plan.pk])
    assert f"{edit_url}?return_to=" in html
    assert "#id_county_coordination_field" in html
    assert html.index('id="readiness"') < html.index('id="glance-title"')
    assert 'data-readiness="out-of-date"' not in html


def test_plan_page__viewer_sees_panel_without_fix_links(client, viewer_a, full_draft_plan):
    refresh(full_draft_plan)
    html = _page(client, viewer_a, full_draft_plan)
    assert 'id="readiness"' in html
    edit_url = reverse("planning:plan_edit", args=[full_draft_plan.pk])
    assert edit_url not in html


def test_plan_page__summary_counts(client, coordinator_a, draft_plan):
    result = refresh(draft_plan)
    html = _page(client, coordinator_a, draft_plan)
    assert (
        f"{result.statutory_passed} of {result.statutory_total} statutory requirements met" in html
    )


def test_basics_form__new_fields_saved_and_panel_updated(
    client, coordinator_a, draft_plan, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    refresh(draft_plan)
    before = _page(client, coordinator_a, draft_plan)
    assert "Neither a cooperation group nor the reason" in before
    url = reverse("planning:plan_edit", args=[draft_plan.pk])
    form_page = client.get(url).content.decode()
    assert 'name="justification_good_relations"' in form_page
    assert 'name="authority_contacted_on"' in form_page
    with django_capture_on_commit_callbacks(execute=True):  # the refresh task runs on commit
        response = client.post(
            url,
            _basics_post_data(
                draft_plan,
                cooperation_group_note="Regional group of the EVK covers us.",
                authority_contacted_on="2026-02-03",
                participation_evidence="Workshop with associations, March 2026.",
                justification_good_relations="Covered by the welfare plan.",
            ),
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    draft_plan.refresh_from_db()
    assert draft_plan.theme_justifications == {"good_relations": "Covered by the welfare plan."}
    assert str(draft_plan.authority_contacted_on) == "2026-02-03"
    after = _page(client, coordinator_a, draft_plan)
    assert "Neither a cooperation group nor the reason" not in after
    assert "Contacted on 2026-02-03." in after
    assert 'data-readiness="out-of-date"' not in after


def test_plan_page__without_stored_result_says_not_checked_yet(client, coordinator_a, draft_plan):
    html = _page(client, coordinator_a, draft_plan)
    assert 'id="readiness"' in html
    assert 'data-readiness="not-computed"' in html
    assert "Not checked yet" in html
    assert "statutory requirements met" not in html
    assert not ReadinessResult.objects.filter(plan=draft_plan).exists()


def test_plan_page__changed_plan_shows_stored_result_as_out_of_date(
    client, coordinator_a, draft_plan
):
    result = refresh(draft_plan)
    draft_plan.county_coordination = "Agreed with the county in joint meetings."
    draft_plan.save()  # no commit in the test: the refresh task has not run
    html = _page(client, coordinator_a, draft_plan)
    assert 'data-readiness="out-of-date"' in html
    assert "the plan has changed since this check" in html
    assert (
        f"{result.statutory_passed} of {result.statutory_total} statutory requirements met" in html
    )
    assert ReadinessResult.objects.get(plan=draft_plan).computed_at == result.computed_at


def test_plan_page__get_writes_nothing(client, coordinator_a, full_draft_plan):
    """Reading the plan page never stores a readiness result (nor anything else), with a stored
    result, with an outdated one and without any."""
    client.force_login(coordinator_a)
    url = reverse("planning:plan_detail", args=[full_draft_plan.pk])
    for prepare in (lambda: None, lambda: refresh(full_draft_plan), full_draft_plan.save):
        prepare()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert writes(queries.captured_queries) == []
