"""A person downloads a copy of their own data (account, roles, the changes they made, the
entries about their account); an administrator downloads anyone's; nobody else sees the page.
Each download is recorded in the audit trail."""

import json

from auditlog.models import LogEntry
from django.urls import reverse

from kotoplan.planning.services import plan_update
from tests.helpers import page_text


def _download(client, url) -> dict:
    response = client.post(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="kotoplan-')
    return json.loads(response.content)


def test_coordinator_downloads_own_data__account_roles_and_changes(
    client, coordinator_a, draft_plan
):
    """The file names the account, its role in Espoo and the plan change the coordinator made."""
    plan_update(
        actor=coordinator_a,
        plan=draft_plan,
        expected_version=draft_plan.version,
        data={"coordinating_authority": "Kotoutumispalvelut"},
    )
    client.force_login(coordinator_a)
    assert "Download the data" in page_text(client.get(reverse("audit:my_data")))

    data = _download(client, reverse("audit:my_data"))

    assert data["account"]["username"] == "coordinator_a"
    assert [role["organisation"] for role in data["roles"]] == ["City of Espoo"]
    assert any(
        "coordinating_authority" in row["changes"] and row["object_type"] == "plan"
        for row in data["changes_made"]
    )
    exported = LogEntry.objects.filter(additional_data__security_event="personal_data_exported")
    assert exported.get().actor == coordinator_a


def test_administrator_downloads_anyones_data__recorded_as_the_administrator(
    client, admin_user, viewer_a
):
    client.force_login(admin_user)

    data = _download(client, reverse("audit:person_data", args=[viewer_a.pk]))

    assert data["account"]["username"] == "viewer_a"
    entry = LogEntry.objects.get(additional_data__security_event="personal_data_exported")
    assert (entry.actor, entry.object_pk) == (admin_user, str(viewer_a.pk))


def test_coordinator_gets_404__another_persons_data(client, coordinator_a, viewer_a):
    """Nobody but the person and administrators opens or downloads a person's data."""
    client.force_login(coordinator_a)
    url = reverse("audit:person_data", args=[viewer_a.pk])

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not LogEntry.objects.filter(
        additional_data__security_event="personal_data_exported"
    ).exists()


def test_account_page_links_to_own_data(client, viewer_a):
    client.force_login(viewer_a)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert reverse("audit:my_data") in page
