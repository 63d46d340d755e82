"""Records of regional monitoring and cooperation discussions with a municipality."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.urls import reverse

from kotoplan.audit.selectors import plan_trail
from kotoplan.core.errors import DomainError
from kotoplan.oversight.dialogue import services
from kotoplan.oversight.dialogue.models import DiscussionFollowUp, MonitoringDiscussion
from tests.factories.planning import PlanFactory


@pytest.fixture
def discussion(regional_official, municipality_a, draft_plan) -> MonitoringDiscussion:
    return services.discussion_create(
        actor=regional_official,
        municipality=municipality_a,
        plan=draft_plan,
        held_on=date(2026, 5, 20),
        participants="Heikki Virtanen (EVK)\nSanna Mäkelä (Espoo)",
        topics="Participation of immigrant organisations; the employment objective.",
    )


@pytest.fixture
def follow_up(discussion, regional_official) -> DiscussionFollowUp:
    return services.follow_up_add(
        actor=regional_official,
        discussion=discussion,
        text="Invite two associations to the cooperation group",
        responsible="Espoo, coordinator",
        due_date=date(2026, 9, 1),
    )


def test_official_records_discussion_and_follow_ups(discussion, follow_up, regional_official):
    assert discussion.created_by == regional_official
    assert list(discussion.follow_ups.all()) == [follow_up]
    assert not follow_up.done
    trail = plan_trail(plan_id=discussion.plan_id)
    models = set(trail.values_list("content_type__model", flat=True))
    assert {"monitoringdiscussion", "discussionfollowup"} <= models


def test_discussion__refused_for_coordinator_and_other_area(
    municipality_a, municipality_b, coordinator_a, regional_official
):
    values = {"held_on": date(2026, 5, 1), "participants": "A", "topics": "B"}
    with pytest.raises(PermissionDenied):
        services.discussion_create(actor=coordinator_a, municipality=municipality_a, **values)
    with pytest.raises(PermissionDenied):
        services.discussion_create(actor=regional_official, municipality=municipality_b, **values)


def test_discussion__not_in_the_future_and_plan_of_the_municipality(
    regional_official, municipality_a, municipality_b
):
    with pytest.raises(DomainError, match="once it has been held"):
        services.discussion_create(
            actor=regional_official,
            municipality=municipality_a,
            held_on=date(2026, 6, 2),
            participants="A",
            topics="B",
        )
    with pytest.raises(DomainError, match="not a plan of this municipality"):
        services.discussion_create(
            actor=regional_official,
            municipality=municipality_a,
            plan=PlanFactory(lead_municipality=municipality_b),
            held_on=date(2026, 5, 2),
            participants="A",
            topics="B",
        )
    assert not MonitoringDiscussion.objects.exists()


def test_follow_up__coordinator_marks_done_viewer_cannot(
    follow_up, coordinator_a, viewer_a, regional_official
):
    done = services.follow_up_set_done(actor=coordinator_a, follow_up=follow_up, done=True)
    assert done.done
    with pytest.raises(PermissionDenied):
        services.follow_up_set_done(actor=viewer_a, follow_up=follow_up, done=False)
    with pytest.raises(PermissionDenied):
        services.follow_up_add(
            actor=coordinator_a, discussion=follow_up.discussion, text="x", responsible="y"
        )
    again = services.follow_up_set_done(actor=regional_official, follow_up=follow_up, done=False)
    assert not again.done


def test_discussion__never_deleted(discussion, follow_up, regional_official):
    with pytest.raises(DomainError, match="never deleted"):
        services.discussion_delete(actor=regional_official, discussion=discussion)
    with pytest.raises(ProtectedError):
        discussion.delete()


# --- pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["coordinator_a", "viewer_a", "regional_official"])
def test_discussion_page__visible_to_municipality_and_official(
    role, request, client, discussion, follow_up
):
    client.force_login(request.getfixturevalue(role))
    html = client.get(reverse("oversight:discussion_detail", args=[discussion.pk])).content
    assert "Invite two associations" in html.decode()
    listed = client.get(reverse("oversight:observation_plan_list", args=[discussion.plan_id]))
    assert reverse("oversight:discussion_detail", args=[discussion.pk]) in listed.content.decode()


@pytest.mark.parametrize(
    "role", ["coordinator_b", "contributor", "county_liaison", "regional_official_ely_ended"]
)
def test_discussion_page__404_for_others(role, request, client, discussion, follow_up):
    client.force_login(request.getfixturevalue(role))
    assert (
        client.get(reverse("oversight:discussion_detail", args=[discussion.pk])).status_code == 404
    )
    done_url = reverse("oversight:discussion_follow_up_done", args=[follow_up.pk])
    assert client.post(done_url, {"done": "1"}).status_code == 404
    follow_up.refresh_from_db()
    assert not follow_up.done


def test_discussion_pages__create_add_follow_up_and_mark_done(
    client, regional_official, coordinator_a, draft_plan, municipality_a
):
    client.force_login(regional_official)
    response = client.post(
        reverse("oversight:discussion_create", args=[draft_plan.pk]),
        {
            "municipality": municipality_a.pk,
            "held_on": "2026-05-28",
            "participants": "EVK, Espoo",
            "topics": "Monitoring round 2026",
        },
    )
    discussion = MonitoringDiscussion.objects.get()
    assert response.status_code == 302
    assert discussion.plan == draft_plan

    add_url = reverse("oversight:discussion_follow_up_add", args=[discussion.pk])
    invalid = client.post(add_url, {"text": "", "responsible": ""})
    assert 'class="error-summary"' in invalid.content.decode()
    client.post(add_url, {"text": "Report", "responsible": "Espoo", "due_date": "2026-10-01"})
    follow_up = DiscussionFollowUp.objects.get()
    assert follow_up.due_date == date(2026, 10, 1)

    client.force_login(coordinator_a)
    page = client.get(reverse("oversight:discussion_detail", args=[discussion.pk]))
    assert add_url not in page.content.decode()  # coordinators do not add follow-ups
    client.post(reverse("oversight:discussion_follow_up_done", args=[follow_up.pk]), {"done": "1"})
    follow_up.refresh_from_db()
    assert follow_up.done


def test_discussion_create__403_for_coordinator(client, coordinator_a, draft_plan):
    client.force_login(coordinator_a)
    response = client.get(reverse("oversight:discussion_create", args=[draft_plan.pk]))
    assert response.status_code == 403
