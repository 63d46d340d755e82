"""Initiatives to convene the group: filed by a member, answered by a meeting or a decision."""

from datetime import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from kotoplan.cooperation import services
from kotoplan.cooperation.models import Initiative
from kotoplan.core.errors import DomainError

from .conftest import HELSINKI, seat

pytestmark = pytest.mark.django_db


def _file(member, group, membership):
    return services.initiative_file(
        actor=member,
        group=group,
        membership=membership,
        topic="Kesätyöt nuorille",
        reason="Kesätöitä haetaan maaliskuussa; ohjaus pitää sopia ennen sitä.",
        proposed_timing="helmikuussa",
    )


def test_initiative_then_meeting__links_meeting_and_notifies(
    django_capture_on_commit_callbacks, group_a, membership_a, member, coordinator_a
):
    with django_capture_on_commit_callbacks(execute=True):
        initiative = _file(member, group_a, membership_a)
    assert initiative.status == Initiative.Status.PENDING
    notice = [m for m in mail.outbox if coordinator_a.email in m.to]
    assert len(notice) == 1
    assert "Kesätyöt nuorille" in notice[0].body
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_schedule(
            actor=coordinator_a,
            group=group_a,
            data={
                "title": "Kesätyöt nuorille",
                "starts_at": datetime(2026, 6, 10, 9, tzinfo=HELSINKI),
                "ends_at": datetime(2026, 6, 10, 11, tzinfo=HELSINKI),
                "online_url": "https://meet.example.fi/abc",
            },
            agenda=[{"title": "Kesätyöohjaus"}],
            initiative=initiative,
        )
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.SCHEDULED
    assert initiative.meeting == meeting
    assert initiative.answered_by == coordinator_a
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Kesätyöohjaus"]


def test_initiative_decision__needs_reasons_and_is_final(
    group_a, membership_a, member, coordinator_a
):
    initiative = _file(member, group_a, membership_a)
    with pytest.raises(ValidationError):
        services.initiative_decide(actor=coordinator_a, initiative=initiative, decision="  ")

    services.initiative_decide(
        actor=coordinator_a,
        initiative=initiative,
        decision="Asia käsitellään huhtikuun sääntömääräisessä kokouksessa.",
    )
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.DECIDED
    assert initiative.decision.startswith("Asia käsitellään")
    with pytest.raises(DomainError):
        services.initiative_decide(actor=coordinator_a, initiative=initiative, decision="Toinen")


def test_initiative__member_cannot_answer_and_non_member_cannot_file(
    group_a, membership_a, member, coordinator_b, contributor
):
    initiative = _file(member, group_a, membership_a)
    with pytest.raises(PermissionDenied):
        services.initiative_decide(actor=member, initiative=initiative, decision="Ei")
    with pytest.raises(PermissionDenied):
        services.initiative_decide(actor=coordinator_b, initiative=initiative, decision="Ei")
    with pytest.raises(PermissionDenied):
        _file(contributor, group_a, membership_a)


def test_initiative__ended_seat_cannot_file(clock, group_a, membership_a, member):
    rep = membership_a.representatives.get()
    rep.end_date = clock.day.replace(month=1)
    rep.save()
    with pytest.raises(PermissionDenied):
        _file(member, group_a, membership_a)


def test_initiative_views__member_files_and_sees_status__coordinator_answers(
    client, group_a, membership_a, member, coordinator_a
):
    client.force_login(member)
    response = client.post(
        f"/cooperation/groups/{group_a.pk}/initiatives/new/",
        {
            "membership": membership_a.pk,
            "topic": "Asumisneuvonta",
            "reason": "Uusia perheitä muuttaa syksyllä.",
        },
    )
    initiative = Initiative.objects.get(topic="Asumisneuvonta")
    assert response.status_code == 302
    assert "Waiting for an answer" in client.get(response["Location"]).content.decode()

    client.force_login(coordinator_a)
    url = f"/cooperation/initiatives/{initiative.pk}/"
    assert 'id="answer"' in client.get(url).content.decode()
    response = client.post(f"{url}decide/", {"decision": ""})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    client.post(f"{url}decide/", {"decision": "Käsitellään seuraavassa kokouksessa."})

    client.force_login(member)
    page = client.get(url).content.decode()
    assert "Answered with a decision" in page
    assert "Käsitellään seuraavassa kokouksessa." in page
    assert 'id="answer"' not in page


def test_initiative_of_a_regional_group__notifies_the_authoritys_officials(
    django_capture_on_commit_callbacks,
    regional_official,
    vitality_centre_organisation,
    municipality_a,
    coordinator_a,
    contributor_organisation,
    member,
):
    group = services.group_create(
        actor=regional_official,
        data={
            "kind": "regional",
            "name": "Uudenmaan alueellinen yhteistyöryhmä",
            "appointed_by": vitality_centre_organisation,
            "appointing_body": "Elinvoimakeskuksen johtaja",
            "appointed_on": "2026-02-01",
            "term_start": "2026-03-01",
        },
        municipalities=[municipality_a],
    )
    membership = seat(group, contributor_organisation, member)
    with django_capture_on_commit_callbacks(execute=True):
        _file(member, group, membership)
    assert {m.to[0] for m in mail.outbox} == {regional_official.email, coordinator_a.email}
