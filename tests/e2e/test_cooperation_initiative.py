"""The cooperation group in a real browser, on the demo data that `make demo` loads: a member
organisation's representative proposes a meeting, the coordinator answers by scheduling one,
and the member sees the answer."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from kotoplan.cooperation.models import CooperationGroup, Initiative
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOPIC = "Kielikahviloiden jatko syksyllä"


def test_member_files_initiative__coordinator_schedules_meeting(browser, demo_site):
    group = CooperationGroup.objects.get(kind=CooperationGroup.Kind.MUNICIPAL)
    base = demo_site.url

    member = browser.new_context(locale="fi-FI").new_page()
    log_in(member, base, "vastuutaho.jarjesto")
    member.goto(f"{base}/cooperation/")
    member.click(f'a[href="/cooperation/groups/{group.pk}/"]')
    member.click(f'a[href="/cooperation/groups/{group.pk}/initiatives/new/"]')
    member.fill("#id_topic", TOPIC)
    member.fill("#id_reason", "Kielikahviloiden rahoitus päättyy; jatkosta pitää sopia yhdessä.")
    member.fill("#id_proposed_timing", "syyskuussa")
    with member.expect_navigation():
        member.click("main form button[type=submit]")
    initiative = Initiative.objects.get(topic=TOPIC)
    assert member.url.endswith(f"/cooperation/initiatives/{initiative.pk}/")
    assert member.get_attribute("#initiative-status", "data-initiative-status") == "pending"
    assert member.locator("#answer").count() == 0
    assert "koordinaattori.tampere@example.org" in {m.to[0] for m in mail.outbox}

    coordinator = browser.new_context(locale="fi-FI").new_page()
    log_in(coordinator, base, "koordinaattori.tampere")
    coordinator.goto(f"{base}/cooperation/groups/{group.pk}/")
    coordinator.click(f'a[href="/cooperation/initiatives/{initiative.pk}/"]')
    coordinator.click("#schedule-meeting")
    expect(coordinator.locator("#id_title")).to_have_value(TOPIC)
    coordinator.fill("#id_starts_at", "2030-09-15T14:00")
    coordinator.fill("#id_ends_at", "2030-09-15T13:00")
    coordinator.fill("#id_place", "Pääkirjasto Metso, Kokoushuone")
    coordinator.click("main form button[type=submit]")
    # The mistake is explained next to the field, and nothing was scheduled.
    expect(coordinator.locator("#id_ends_at")).to_have_attribute("aria-invalid", "true")
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.PENDING
    coordinator.fill("#id_ends_at", "2030-09-15T16:00")
    with coordinator.expect_navigation():
        coordinator.click("main form button[type=submit]")
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.SCHEDULED
    assert coordinator.url.endswith(f"/cooperation/meetings/{initiative.meeting_id}/")
    with coordinator.expect_navigation():
        coordinator.click(
            f'form[action="/cooperation/meetings/{initiative.meeting_id}/invite/"] button'
        )
    invitation = next(
        m for m in mail.outbox if "vastuutaho.jarjesto@example.org" in m.to and m.attachments
    )
    assert invitation.attachments[0][0] == "meeting.ics"
    coordinator.context.close()

    member.reload()
    expect(member.locator("#initiative-status")).to_have_attribute(
        "data-initiative-status", "scheduled"
    )
    member.click(f'a[href="/cooperation/meetings/{initiative.meeting_id}/"]')
    expect(member.locator("h1")).to_contain_text(TOPIC)
    member.context.close()
