"""A municipality joins a joint plan by accepting an invitation: adding it to the plan only
invites it; until its coordinator accepts, its people get nothing of the plan and it is not
listed as a party; the inviting side may withdraw; every answer is audited and told by e-mail."""

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse

from kotoplan.core.errors import DomainError
from kotoplan.planning.models import PlanInvitation
from kotoplan.planning.services import invitation_answer, invitation_withdraw, plan_update
from tests.helpers import page_text

Status = PlanInvitation.Status


def _edit_basics(client, plan, municipalities):
    """The basic-information form, posted with its own current values and `municipalities`."""
    page = client.get(reverse("planning:plan_edit", args=[plan.pk]))
    form = page.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else value
    data["municipalities"] = [str(m.pk) for m in municipalities]
    return client.post(reverse("planning:plan_edit", args=[plan.pk]), data)


@pytest.fixture
def invitation(coordinator_a, draft_plan, municipality_b, coordinator_b):
    plan_update(
        actor=coordinator_a,
        plan=draft_plan,
        expected_version=draft_plan.version,
        data={},
        municipalities=[municipality_b],
    )
    return draft_plan.invitations.get()


def test_direct_post_adding_a_municipality__invites_it_without_access(
    client,
    django_capture_on_commit_callbacks,
    coordinator_a,
    coordinator_b,
    draft_plan,
    municipality_a,
    municipality_b,
):
    """A coordinator's form post naming another municipality gives it no access: the plan
    stays hidden from that municipality's coordinator until they accept."""
    coordinator_b.email = "coordinator.b@example.fi"
    coordinator_b.save()
    client.force_login(coordinator_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = _edit_basics(client, draft_plan, [municipality_a, municipality_b])

    assert response.status_code == 302
    assert set(draft_plan.municipalities.all()) == {municipality_a}
    invitation = draft_plan.invitations.get()
    assert (invitation.municipality, invitation.status) == (municipality_b, Status.PENDING)
    assert [m.to for m in mail.outbox] == [["coordinator.b@example.fi"]]
    client.force_login(coordinator_b)
    assert client.get(reverse("planning:plan_detail", args=[draft_plan.pk])).status_code == 404
    assert client.get(reverse("planning:plan_edit", args=[draft_plan.pk])).status_code == 404
    home = page_text(client.get(reverse("planning:home")))
    assert "Invitations to joint plans" in home


def test_accepting__municipality_becomes_party_and_inviter_is_told(
    client,
    django_capture_on_commit_callbacks,
    coordinator_a,
    coordinator_b,
    invitation,
    draft_plan,
    municipality_b,
):
    coordinator_a.email = "coordinator.a@example.fi"
    coordinator_a.save()
    client.force_login(coordinator_b)
    page = client.get(reverse("planning:invitation_detail", args=[invitation.pk]))
    assert "Accept and join the plan" in page_text(page)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("planning:invitation_answer", args=[invitation.pk]), {"answer": "accept"}
        )

    assert response.status_code == 302
    assert municipality_b in draft_plan.municipalities.all()
    assert client.get(reverse("planning:plan_edit", args=[draft_plan.pk])).status_code == 200
    invitation.refresh_from_db()
    assert (invitation.status, invitation.answered_by) == (Status.ACCEPTED, coordinator_b)
    assert LogEntry.objects.filter(
        object_pk=str(invitation.pk), changes__status=["pending", "accepted"]
    ).exists()
    assert mail.outbox[-1].to == ["coordinator.a@example.fi"]


def test_declining__no_access_and_no_second_answer(
    client, coordinator_b, invitation, draft_plan, municipality_b
):
    client.force_login(coordinator_b)

    client.post(reverse("planning:invitation_answer", args=[invitation.pk]), {"answer": "decline"})
    client.post(reverse("planning:invitation_answer", args=[invitation.pk]), {"answer": "accept"})

    invitation.refresh_from_db()
    assert invitation.status == Status.DECLINED
    assert municipality_b not in draft_plan.municipalities.all()


def test_withdrawn_by_inviter__cannot_be_accepted(coordinator_a, coordinator_b, invitation):
    invitation_withdraw(actor=coordinator_a, invitation=invitation)

    with pytest.raises(DomainError):
        invitation_answer(actor=coordinator_b, invitation=invitation, accept=True)
    assert invitation.plan.municipalities.count() == 1


def test_withdraw_button_on_the_plan_page(client, coordinator_a, invitation, draft_plan):
    client.force_login(coordinator_a)
    assert "Withdraw the invitation" in page_text(
        client.get(reverse("planning:plan_detail", args=[draft_plan.pk]))
    )

    client.post(reverse("planning:invitation_withdraw", args=[invitation.pk]))

    invitation.refresh_from_db()
    assert invitation.status == Status.WITHDRAWN


@pytest.mark.parametrize("who", ["coordinator_a", "viewer_a", "regional_official"])
def test_only_the_invited_municipality_answers(request, client, who, invitation, draft_plan):
    """The inviter cannot accept on the other's behalf; others do not see the invitation."""
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        reverse("planning:invitation_answer", args=[invitation.pk]), {"answer": "accept"}
    )

    assert response.status_code in (302, 403, 404)
    invitation.refresh_from_db()
    assert invitation.status == Status.PENDING
    assert draft_plan.municipalities.count() == 1


def test_invited_coordinator_cannot_withdraw(client, coordinator_b, invitation):
    client.force_login(coordinator_b)

    client.post(reverse("planning:invitation_withdraw", args=[invitation.pk]))

    invitation.refresh_from_db()
    assert invitation.status == Status.PENDING


def test_post_without_an_answer__nothing_decided(client, coordinator_b, invitation):
    client.force_login(coordinator_b)

    response = client.post(reverse("planning:invitation_answer", args=[invitation.pk]))

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Status.PENDING
