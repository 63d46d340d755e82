"""The workspace: internal comments and proposed measures accepted into the plan."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kotoplan.cooperation import services
from kotoplan.cooperation.models import MeasureProposal, PlanComment
from kotoplan.core.errors import DomainError
from kotoplan.planning.models import Measure

pytestmark = pytest.mark.django_db


def _propose(member, group, membership, objective, **changes):
    data = {
        "title": "Läksykerho monikielisille perheille",
        "description": "Yhdistys vetää läksykerhoa kahdesti viikossa.",
        "language": "fi",
        **changes,
    }
    return services.proposal_file(
        actor=member,
        group=group,
        plan=objective.plan,
        objective=objective,
        membership=membership,
        **data,
    )


def test_proposal_accepted__creates_measure_owned_by_the_member(
    group_a, membership_a, member, coordinator_a, objective
):
    proposal = _propose(member, group_a, membership_a, objective)
    with pytest.raises(PermissionDenied):
        services.proposal_accept(actor=member, proposal=proposal)

    proposal = services.proposal_accept(actor=coordinator_a, proposal=proposal)

    measure = Measure.objects.get(title_fi="Läksykerho monikielisille perheille")
    assert proposal.status == MeasureProposal.Status.ACCEPTED
    assert proposal.measure == measure
    assert measure.objective == objective
    assert measure.responsible_organisation == membership_a.organisation
    assert measure.cooperation_proposal == proposal


def test_proposal_declined__needs_a_reason(group_a, membership_a, member, coordinator_a, objective):
    proposal = _propose(member, group_a, membership_a, objective)
    with pytest.raises(ValidationError):
        services.proposal_decline(actor=coordinator_a, proposal=proposal, reason="")
    proposal = services.proposal_decline(
        actor=coordinator_a, proposal=proposal, reason="Sama toiminta on jo kirjastolla."
    )
    assert proposal.status == MeasureProposal.Status.DECLINED
    assert not Measure.objects.filter(title_fi=proposal.title).exists()


def test_comment__stored_in_the_group_not_the_plan(group_a, membership_a, member, objective):
    comment = services.comment_add(
        actor=member, group=group_a, plan=objective.plan, text="Hyvä tavoite.", objective=objective
    )
    assert PlanComment.objects.get() == comment
    assert comment.group == group_a


def test_workspace_closed_for_adopted_plan(group_a, membership_a, member, adopted_plan):
    group_a.plans.add(adopted_plan)
    with pytest.raises(DomainError, match="no longer be changed"):
        services.comment_add(actor=member, group=group_a, plan=adopted_plan, text="Hei")


def test_workspace_views__propose_and_accept(
    client, group_a, membership_a, member, coordinator_a, objective
):
    plan = objective.plan
    client.force_login(member)
    url = f"/cooperation/groups/{group_a.pk}/plans/{plan.pk}/"
    response = client.post(
        f"{url}proposals/",
        {
            "membership": membership_a.pk,
            "objective": objective.pk,
            "language": "en",
            "title": "Homework club",
        },
    )
    assert response.status_code == 302
    proposal = MeasureProposal.objects.get()
    client.force_login(coordinator_a)
    client.post(f"/cooperation/proposals/{proposal.pk}/decide/", {"decision": "accept"})
    proposal.refresh_from_db()
    assert proposal.measure.title_en == "Homework club"
    assert 'data-proposal-status="accepted"' in client.get(url).content.decode()
