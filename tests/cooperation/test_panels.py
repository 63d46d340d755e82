"""The plan page's cooperation panel: the groups serving the plan, or why none is needed."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from kotoplan.cooperation.models import NoGroupReason
from kotoplan.core.panels import plan_panels

pytestmark = pytest.mark.django_db


def _cooperation_panel(plan, user):
    panels = [p for p in plan_panels(plan=plan, user=user) if p.key == "cooperation"]
    return render_to_string(panels[0].template, panels[0].context) if panels else None


def test_panel__links_the_group_and_its_workspace(group_a, draft_plan, coordinator_a):
    html = _cooperation_panel(draft_plan, coordinator_a)
    assert f"/cooperation/groups/{group_a.pk}/" in html
    assert f"/cooperation/groups/{group_a.pk}/plans/{draft_plan.pk}/" in html


def test_panel__a_recorded_reason_is_shown(draft_plan, municipality_a, coordinator_a):
    NoGroupReason.objects.create(
        municipality=municipality_a,
        reason="Palvelutarpeet hoidetaan seudullisesti.",
        decided_on=date(2026, 1, 15),
        recorded_by=coordinator_a,
    )
    assert "Palvelutarpeet hoidetaan seudullisesti." in _cooperation_panel(
        draft_plan, coordinator_a
    )


def test_panel__left_out_without_a_group_or_a_reason(draft_plan, coordinator_a):
    assert _cooperation_panel(draft_plan, coordinator_a) is None


def test_panel__a_group_the_user_may_not_open_is_not_listed(group_a, draft_plan, coordinator_b):
    assert _cooperation_panel(draft_plan, coordinator_b) is None
