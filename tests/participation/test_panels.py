"""The plan page's participation panel: consultations and events, and the coordinator's links."""

import pytest
from django.template.loader import render_to_string

from kotoplan.core.panels import plan_panels

pytestmark = pytest.mark.django_db


def _participation_panel(plan, user):
    panels = [p for p in plan_panels(plan=plan, user=user) if p.key == "participation"]
    return render_to_string(panels[0].template, panels[0].context) if panels else None


def test_panel__lists_the_consultation_with_the_managers_links(consultation, coordinator_a):
    html = _participation_panel(consultation.plan, coordinator_a)
    assert f"/participation/c/{consultation.slug}/" in html
    assert f"/participation/consultations/{consultation.pk}/" in html
    assert f"/participation/plans/{consultation.plan_id}/" in html


def test_panel__offered_to_the_coordinator_before_anything_is_recorded(
    full_draft_plan, coordinator_a
):
    html = _participation_panel(full_draft_plan, coordinator_a)
    assert "No consultations yet." in html


def test_panel__left_out_for_a_viewer_when_nothing_is_recorded(full_draft_plan, viewer_a):
    assert _participation_panel(full_draft_plan, viewer_a) is None


def test_panel__a_viewer_sees_the_consultation_without_managers_links(consultation, viewer_a):
    html = _participation_panel(consultation.plan, viewer_a)
    assert f"/participation/c/{consultation.slug}/" in html
    assert f"/participation/consultations/{consultation.pk}/" not in html
