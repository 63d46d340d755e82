"""The readiness panel on the plan page, and filling the new plan fields through the form."""

from django.urls import reverse

from kotoplan.oversight.models import ReadinessResult
from kotoplan.planning.forms import PlanBasicsForm
from kotoplan.planning.models import Plan


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
    html = _page(client, coordinator_a, full_draft_plan)
    assert 'id="readiness"' in html
    assert "statutory requirements met" in html
    assert "What to do next" in html
    assert 'data-rule="R01-themes-covered"' in html
    assert "Missing</span>" in html
    assert "Not applicable</span>" in html
    edit_url = reverse("planning:plan_edit", args=[full_draft_plan.pk])
    assert f"{edit_url}#id_county_coordination" in html
    assert html.index('id="readiness"') < html.index('id="glance-title"')
    assert ReadinessResult.objects.filter(plan=full_draft_plan).exists()


def test_plan_page__viewer_sees_panel_without_fix_links(client, viewer_a, full_draft_plan):
    html = _page(client, viewer_a, full_draft_plan)
    assert 'id="readiness"' in html
    edit_url = reverse("planning:plan_edit", args=[full_draft_plan.pk])
    assert edit_url not in html


def test_plan_page__summary_counts(client, coordinator_a, draft_plan):
    html = _page(client, coordinator_a, draft_plan)
    result = ReadinessResult.objects.get(plan=draft_plan)
    assert (
        f"{result.statutory_passed} of {result.statutory_total} statutory requirements met" in html
    )


def test_basics_form__new_fields_saved_and_panel_updated(client, coordinator_a, draft_plan):
    client.force_login(coordinator_a)
    before = _page(client, coordinator_a, draft_plan)
    assert "Neither a cooperation group nor the reason" in before
    url = reverse("planning:plan_edit", args=[draft_plan.pk])
    form_page = client.get(url).content.decode()
    assert 'name="justification_good_relations"' in form_page
    assert 'name="authority_contacted_on"' in form_page
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
