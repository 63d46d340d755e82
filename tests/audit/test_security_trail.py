"""Logins, failed logins, lockouts, password and second-factor events and role changes are in the
audit trail, without passwords; administrators view and filter them, nobody else."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from kotoplan.accounts.audit import SecurityEvent
from kotoplan.accounts.models import RoleAssignment
from tests.factories.accounts import PASSWORD, UserFactory
from tests.helpers import page_text

TRAIL = "/audit/security/"


def _events(**filters) -> list[str]:
    return [
        entry.additional_data["security_event"]
        for entry in LogEntry.objects.filter(
            additional_data__has_key="security_event", **filters
        ).order_by("pk")
    ]


@pytest.fixture
def resident(db):
    return UserFactory(username="maija")


def test_login_and_logout_are_recorded__form_login(client, resident):
    client.post("/accounts/login/", {"username": "maija", "password": PASSWORD})
    client.post(reverse("accounts:logout"))

    assert _events(object_pk=str(resident.pk)) == ["login", "logout"]
    login = LogEntry.objects.filter(additional_data__security_event="login").get()
    assert login.actor == resident


def test_failed_login_records_the_username_not_the_password(client, resident):
    client.post("/accounts/login/", {"username": "maija", "password": "secret-guess-1"})
    client.post("/accounts/login/", {"username": "nobody", "password": "secret-guess-2"})

    failed = LogEntry.objects.filter(additional_data__security_event="login_failed")
    assert [(e.object_repr, e.object_pk, e.actor) for e in failed.order_by("pk")] == [
        ("maija", str(resident.pk), None),
        ("nobody", "", None),
    ]
    for entry in LogEntry.objects.all():
        assert "secret-guess" not in str(entry.changes) + str(entry.additional_data)


def test_lockout_is_recorded__too_many_failures(client, resident):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "maija", "password": "wrong"})

    assert SecurityEvent.LOCKED_OUT in _events(object_pk=str(resident.pk))


def test_role_change_is_recorded_with_its_actor__admin_grants_a_role(
    client, admin_user, resident, organisation_a
):
    client.force_login(admin_user)
    data = {
        "username": "maija",
        "first_name": resident.first_name,
        "last_name": resident.last_name,
        "email": resident.email,
        "is_active": "on",
        "is_staff": "on",
        "preferred_language": "fi",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-0-organisation": organisation_a.pk,
        "roles-0-role": RoleAssignment.Role.COORDINATOR,
    }
    response = client.post(reverse("admin:accounts_user_change", args=[resident.pk]), data)
    assert response.status_code == 302, page_text(response)[:3000]

    role_entry = LogEntry.objects.get_for_model(RoleAssignment).get()
    assert role_entry.action == LogEntry.Action.CREATE
    assert role_entry.actor == admin_user
    user_entry = LogEntry.objects.get_for_object(resident).filter(action=LogEntry.Action.UPDATE)
    assert user_entry.get().changes_dict["is_staff"] == ["False", "True"]


def test_administrator_filters_the_trail__failed_logins_of_one_user(client, admin_user, resident):
    other = UserFactory(username="pekka")
    for name in ("maija", "pekka"):
        client.post("/accounts/login/", {"username": name, "password": "wrong"})
    client.force_login(admin_user)

    page = page_text(client.get(TRAIL, {"event": "login_failed", "username": "maija"}))

    assert "Failed login" in page
    assert "<td>maija</td>" in page
    assert f"<td>{other.username}</td>" not in page


def test_trail_is_for_administrators_only__coordinator(client, coordinator_a):
    client.force_login(coordinator_a)

    assert client.get(TRAIL).status_code == 403
    client.logout()
    assert client.get(TRAIL)["Location"].startswith("/accounts/login/")
