"""Members see their group only; the group's coordinators manage it; others get 404."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kotoplan.cooperation import services
from kotoplan.cooperation.models import Category, CooperationGroup
from kotoplan.cooperation.selectors import groups_for_user
from kotoplan.core.permissions import can
from tests.cooperation.conftest import seat

pytestmark = pytest.mark.django_db


def test_member_sees_own_group_only(client, group_a, membership_a, member, group_b, member_b):
    assert list(groups_for_user(user=member)) == [group_a]
    assert list(groups_for_user(user=member_b)) == [group_b]
    client.force_login(member)
    assert client.get(f"/cooperation/groups/{group_a.pk}/").status_code == 200
    assert client.get(f"/cooperation/groups/{group_b.pk}/").status_code == 404
    page = client.get("/cooperation/").content.decode()
    assert group_a.name in page
    assert group_b.name not in page


def test_other_municipalitys_coordinator__404_everywhere(
    client, group_a, membership_a, meeting_a, coordinator_b, draft_plan
):
    client.force_login(coordinator_b)
    for url in (
        f"/cooperation/groups/{group_a.pk}/",
        f"/cooperation/groups/{group_a.pk}/coverage/",
        f"/cooperation/groups/{group_a.pk}/edit/",
        f"/cooperation/groups/{group_a.pk}/plans/{draft_plan.pk}/",
        f"/cooperation/meetings/{meeting_a.pk}/",
        f"/cooperation/meetings/{meeting_a.pk}/calendar.ics",
        f"/cooperation/members/{membership_a.pk}/representatives/new/",
    ):
        assert client.get(url).status_code == 404, url


def test_member_cannot_manage__403(client, group_a, membership_a, member):
    client.force_login(member)
    assert client.get(f"/cooperation/groups/{group_a.pk}/edit/").status_code == 403
    assert client.get(f"/cooperation/groups/{group_a.pk}/meetings/new/").status_code == 403


def test_ended_membership__group_hidden(client, clock, group_a, membership_a, member):
    rep = membership_a.representatives.get()
    rep.end_date = clock.day.replace(month=1)
    rep.save()
    client.force_login(member)
    assert client.get(f"/cooperation/groups/{group_a.pk}/").status_code == 404


def test_member_reads_served_plan__in_workspace_and_on_plan_page_alike(
    client, group_a, membership_a, member, draft_plan, adopted_plan
):
    client.force_login(member)
    assert can(member, "planning.view_plan", draft_plan)
    assert client.get(f"/plans/{draft_plan.pk}/").status_code == 200
    response = client.get(f"/cooperation/groups/{group_a.pk}/plans/{draft_plan.pk}/")
    assert response.status_code == 200
    assert draft_plan.title_en in response.content.decode()
    # A plan the group does not serve stays hidden, in both places.
    assert not can(member, "planning.view_plan", adopted_plan)
    url = f"/cooperation/groups/{group_a.pk}/plans/{adopted_plan.pk}/"
    assert client.get(url).status_code == 404


def _regional_group(vitality_centre_organisation, municipalities, plans):
    group = CooperationGroup.objects.create(
        kind=CooperationGroup.Kind.REGIONAL,
        name="Alueellinen kotoutumisen yhteistyöryhmä",
        appointed_by=vitality_centre_organisation,
        appointing_body="Elinvoimakeskuksen johtaja",
        appointed_on=date(2026, 2, 1),
        term_start=date(2026, 3, 1),
    )
    group.municipalities.set(municipalities)
    group.plans.set(plans)
    return group


def test_regional_group__never_opens_a_draft_its_member_may_not_read(
    client, vitality_centre_organisation, municipality_a, draft_plan, coordinator_b, organisation_b
):
    """Another municipality's coordinator sitting in a regional group gets 404 on the plan in
    the workspace as on the plan page, and the group page does not name the draft."""
    group = _regional_group(vitality_centre_organisation, [municipality_a], [draft_plan])
    seat(
        group,
        organisation_b,
        coordinator_b,
        category=Category.OTHER_MUNICIPALITY,
        start=date(2026, 3, 1),
    )
    client.force_login(coordinator_b)
    assert client.get(f"/cooperation/groups/{group.pk}/").status_code == 200
    assert (
        draft_plan.title_en not in client.get(f"/cooperation/groups/{group.pk}/").content.decode()
    )
    assert client.get(f"/plans/{draft_plan.pk}/").status_code == 404
    assert client.get(f"/cooperation/groups/{group.pk}/plans/{draft_plan.pk}/").status_code == 404


def test_regional_group__member_municipalitys_coordinator_does_not_manage_it(
    client, vitality_centre_organisation, municipality_a, coordinator_a, regional_official
):
    group = _regional_group(vitality_centre_organisation, [municipality_a], [])
    assert can(regional_official, "cooperation.manage_group", group)
    assert not can(coordinator_a, "cooperation.manage_group", group)
    client.force_login(coordinator_a)
    page = client.get(f"/cooperation/groups/{group.pk}/")
    assert page.status_code == 200
    assert f"/cooperation/groups/{group.pk}/edit/" not in page.content.decode()
    assert client.get(f"/cooperation/groups/{group.pk}/edit/").status_code == 403


def test_regional_group__managed_by_the_authoritys_official(
    regional_official, vitality_centre_organisation, municipality_a, coordinator_b, municipality_b
):
    data = {
        "kind": CooperationGroup.Kind.REGIONAL,
        "name": "Uudenmaan alueellinen yhteistyöryhmä",
        "appointed_by": vitality_centre_organisation,
        "appointing_body": "Elinvoimakeskuksen johtaja",
        "appointed_on": "2026-02-01",
        "term_start": "2026-03-01",
    }
    group = services.group_create(
        actor=regional_official, data=data, municipalities=[municipality_a]
    )
    assert can(regional_official, "cooperation.manage_group", group)
    assert not can(coordinator_b, "cooperation.view_group", group)
    # Municipality B is not in the authority's area.
    with pytest.raises(ValidationError, match="area"):
        services.group_create(
            actor=regional_official, data=data, municipalities=[municipality_a, municipality_b]
        )


def test_group_create__only_for_own_municipality(coordinator_b, organisation_a, municipality_a):
    data = {
        "kind": CooperationGroup.Kind.MUNICIPAL,
        "name": "Vieras ryhmä",
        "appointed_by": organisation_a,
        "appointing_body": "Kaupunginhallitus",
        "appointed_on": "2026-02-01",
        "term_start": "2026-03-01",
    }
    with pytest.raises(PermissionDenied):
        services.group_create(actor=coordinator_b, data=data, municipalities=[municipality_a])
    assert not CooperationGroup.objects.exists()


def test_joint_group__needs_two_municipalities(coordinator_a, organisation_a, municipality_a):
    data = {
        "kind": CooperationGroup.Kind.JOINT,
        "name": "Yhteinen ryhmä",
        "appointed_by": organisation_a,
        "appointing_body": "Kaupunginhallitus",
        "appointed_on": "2026-02-01",
        "term_start": "2026-03-01",
    }
    with pytest.raises(ValidationError, match="at least two"):
        services.group_create(actor=coordinator_a, data=data, municipalities=[municipality_a])
