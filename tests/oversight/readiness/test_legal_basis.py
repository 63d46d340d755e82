"""The readiness check applies the rule set of the plan's legal basis and says which."""

import pytest
from django.urls import reverse

from kotoplan.oversight.readiness.rules import RULES_BY_BASIS, Status, build_context, evaluate
from kotoplan.planning.models import Plan
from tests.helpers import page_text
from tests.oversight.support import refresh

pytestmark = pytest.mark.django_db


def _statuses(plan) -> dict[str, str]:
    return {o.rule.id: o.result.status for o in evaluate(build_context(plan))}


def test_current_act_plan_is_checked_against_every_rule(draft_plan):
    statuses = _statuses(draft_plan)
    assert statuses["R01-themes-covered"] == Status.MISSING
    assert statuses["R09-scope"] == Status.MISSING


def test_old_act_plan_is_checked_against_its_smaller_rule_set(draft_plan):
    draft_plan.legal_basis = Plan.LegalBasis.ACT_2010
    statuses = _statuses(draft_plan)
    applying = RULES_BY_BASIS[Plan.LegalBasis.ACT_2010]
    assert statuses["R01-themes-covered"] == Status.NOT_APPLICABLE
    assert statuses["R09-scope"] == Status.NOT_APPLICABLE
    assert statuses["R02-objectives-have-measures"] == Status.MISSING
    assert {rule for rule, status in statuses.items() if status != Status.NOT_APPLICABLE} <= (
        applying
    )


def test_checklist_names_the_rule_set(client, coordinator_a, draft_plan):
    client.force_login(coordinator_a)
    refresh(draft_plan)
    url = reverse("planning:plan_detail", args=[draft_plan.pk])
    assert "Checked against Act 681/2023" in page_text(client.get(url))
    draft_plan.legal_basis = Plan.LegalBasis.ACT_2010
    draft_plan.save()  # saved, so audited like every change: the kept panels are made anew
    assert "applied under Act 1386/2010" in page_text(client.get(url))


def test_unanswered_scope_questions_fail_until_answered_in_the_form(
    client, coordinator_a, draft_plan
):
    """The form offers yes and no with nothing chosen; the rule fails until both are answered."""
    client.force_login(coordinator_a)
    assert refresh(draft_plan).results[8]["status"] == Status.MISSING
    edit = reverse("planning:plan_edit", args=[draft_plan.pk])
    form = page_text(client.get(edit))
    assert 'type="radio" name="covers_all_immigrants" value="true"' in form
    assert "checked" not in form.split('name="covers_all_immigrants"')[1].split(">")[0]
    response = client.get(edit)
    data = {
        k: v
        for k, v in response.context["form"].initial.items()
        if v is not None and not isinstance(v, (list, dict))
    }
    data.update(
        expected_version=draft_plan.version,
        title_fi=draft_plan.title_fi,
        period_start=2026,
        period_end=2029,
        legal_basis="681/2023",
        form="separate",
        monitoring_cycle="yearly",
        covers_all_immigrants="true",
        covers_good_relations="false",
    )
    data.pop("coordinating_unit", None)
    assert client.post(edit, data).status_code == 302
    draft_plan.refresh_from_db()
    assert (draft_plan.covers_all_immigrants, draft_plan.covers_good_relations) == (True, False)
    result = next(e for e in refresh(draft_plan).results if e["rule"] == "R09-scope")
    assert result["status"] == Status.MISSING
    assert result["field"] == "covers_good_relations"
