"""axe-core finds no WCAG 2.1 A/AA violations on the cooperation pages of the demo."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from kotoplan.cooperation.models import CooperationGroup, Initiative, Meeting
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_cooperation_pages_have_no_wcag_violations(page, demo_site):
    base = demo_site.url
    group = CooperationGroup.objects.get(kind=CooperationGroup.Kind.MUNICIPAL)
    plan = group.plans.filter(state="draft").first()
    meeting = Meeting.objects.filter(group=group, minutes_state="draft").first()
    approved = Meeting.objects.filter(group=group, minutes_state="approved").first()
    initiative = Initiative.objects.filter(group=group).first()
    log_in(page, base, "koordinaattori.tampere")
    paths = [
        "/cooperation/",
        "/cooperation/groups/new/",
        "/cooperation/no-group/",
        f"/cooperation/groups/{group.pk}/",
        f"/cooperation/groups/{group.pk}/coverage/",
        f"/cooperation/groups/{group.pk}/members/new/",
        f"/cooperation/initiatives/{initiative.pk}/",
        f"/cooperation/groups/{group.pk}/meetings/new/?initiative={initiative.pk}",
        f"/cooperation/meetings/{meeting.pk}/",
        f"/cooperation/meetings/{approved.pk}/",
        f"/cooperation/groups/{group.pk}/plans/{plan.pk}/",
    ]
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"
    page.goto(f"{base}/cooperation/initiatives/{initiative.pk}/")
    page.click("#answer form button[type=submit]")  # an empty decision: the error summary
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
