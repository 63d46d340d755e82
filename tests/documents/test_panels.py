"""The export links panel on the plan page: every file in every content language."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from kotoplan.core.panels import plan_panels
from kotoplan.planning.models import Plan

pytestmark = pytest.mark.django_db


def _export_panel(plan, user):
    [panel] = [p for p in plan_panels(plan=plan, user=user) if p.key == "export_links"]
    return render_to_string(panel.template, panel.context)


def test_export_links__every_file_in_every_content_language(full_draft_plan, coordinator_a):
    html = _export_panel(full_draft_plan, coordinator_a)
    for name in ("plan.docx", "chapter.docx", "plan.pdf", "stratml.xml"):
        for code in ("fi", "sv", "en"):
            assert f"/documents/plans/{full_draft_plan.pk}/{name}?lang={code}" in html
    assert '<span lang="sv">Svenska</span>' in html
    assert "/documents/public/" not in html


def test_export_links__adopted_plan_links_its_public_page(full_draft_plan, coordinator_a):
    Plan.objects.filter(pk=full_draft_plan.pk).update(
        state=Plan.State.ADOPTED, decision_date=date(2026, 3, 2)
    )
    full_draft_plan.refresh_from_db()
    html = _export_panel(full_draft_plan, coordinator_a)
    assert "/documents/public/049/2026-2029/" in html
