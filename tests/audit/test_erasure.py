"""An administrator erases a person's personal data at their request: a user (who wrote in a
plan, sat in a cooperation group, was a plan's contact person and sent feedback with their
address), or a representative known only by name. Afterwards the person's name, address and
username are in no table at all, the audit trail keeps its entries, the pages that showed their
records still open, and one audit entry records the erasure without naming the person."""

import json
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from kotoplan.accounts.models import RoleAssignment, User
from kotoplan.audit.services import save_new
from kotoplan.cooperation.models import Category, CooperationGroup, Membership, Representative
from kotoplan.participation.models import Submission
from kotoplan.participation.services import consultation_create
from kotoplan.planning.services import plan_update
from tests.factories.accounts import RoleAssignmentFactory, UserFactory
from tests.helpers import page_text

EMAIL = "pirjo.testinen@example.fi"
NAME = "Pirjo Äijälä-Testinen"
USERNAME = "pirjo_testinen"
PHONE = "+358 40 765 4321"


def _rows_holding(text: str) -> list[str]:
    """Every row of every model whose text or JSON columns hold `text` (JSON may store it
    escaped), as "model.field #pk"."""
    found = []
    forms = {text, json.dumps(text)[1:-1]}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                rows = model._default_manager.filter(
                    _any(f"{field.attname}__icontains", forms)
                ).values_list("pk", flat=True)
            elif isinstance(field, models.JSONField):
                rows = (
                    model._default_manager.annotate(_text=Cast(field.attname, TextField()))
                    .filter(_any("_text__icontains", forms))
                    .values_list("pk", flat=True)
                )
            else:
                continue
            found += [f"{model._meta.label}.{field.name} #{pk}" for pk in rows]
    return found


def _any(lookup: str, values) -> Q:
    condition = Q(pk__in=[])
    for value in values:
        condition |= Q(**{lookup: value})
    return condition


@pytest.fixture
def person(organisation_a):
    user = UserFactory(
        username=USERNAME, first_name="Pirjo", last_name="Äijälä-Testinen", email=EMAIL
    )
    RoleAssignmentFactory(
        user=user, organisation=organisation_a, role=RoleAssignment.Role.COORDINATOR
    )
    return user


@pytest.fixture
def group(draft_plan, municipality_a, organisation_a):
    group = CooperationGroup.objects.create(
        kind=CooperationGroup.Kind.MUNICIPAL,
        name="Espoon ryhmä",
        appointed_by=organisation_a,
        appointing_body="Kaupunginhallitus",
        appointed_on=date(2025, 2, 3),
        term_start=date(2025, 3, 1),
        term_end=date(2028, 12, 31),
    )
    group.municipalities.set([municipality_a])
    group.plans.set([draft_plan])
    return group


def _seat(group, organisation, **person) -> Representative:
    membership = Membership.objects.create(
        group=group,
        organisation=organisation,
        category=Category.IMMIGRANT_ORGANISATION,
        start_date=date(2025, 3, 1),
    )
    return Representative.objects.create(
        membership=membership, title="Koordinaattori", start_date=date(2025, 3, 1), **person
    )


@pytest.fixture
def traces(client, person, draft_plan, group, organisation_a, coordinator_a):
    """The person everywhere: a plan change, the plan's contact, a seat, feedback, logins."""
    plan_update(
        actor=person,
        plan=draft_plan,
        expected_version=draft_plan.version,
        data={"contact_name": NAME, "contact_email": EMAIL, "contact_phone": PHONE},
    )
    representative = Representative(
        membership=Membership.objects.create(
            group=group,
            organisation=organisation_a,
            category=Category.IMMIGRANT_ORGANISATION,
            start_date=date(2025, 3, 1),
        ),
        name=NAME,
        title="Koordinaattori",
        email=EMAIL,
        phone=PHONE,
        user=person,
        start_date=date(2025, 3, 1),
    )
    save_new(actor=coordinator_a, obj=representative)
    now = timezone.now()
    consultation = consultation_create(
        actor=coordinator_a,
        plan=draft_plan,
        data={
            "slug": "espoo",
            "title_fi": "Kerro mielipiteesi",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=9),
        },
    )
    Submission.objects.create(consultation=consultation, language="fi", email=EMAIL.upper())
    login = reverse("accounts:login")
    client.post(login, {"username": USERNAME, "password": "wrong"})  # names the account
    client.force_login(person)
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # signing out forgets the language
    return {"representative": representative, "consultation": consultation}


def test_user_erased__name_address_and_username_in_no_table(
    client, admin_user, person, traces, draft_plan, group, coordinator_a
):
    assert _rows_holding(EMAIL)
    assert _rows_holding(NAME)
    client.force_login(admin_user)
    url = reverse("audit:erasure")
    found = page_text(client.get(url, {"user": person.pk}))
    for kind in ("User account", "Cooperation group representatives", "Contact person of a plan"):
        assert kind in found
    assert "Reply addresses given with consultation feedback" in found

    response = client.post(url, {"user": person.pk, "reason": "Request 2026/14 of 1 Dec 2026"})

    assert response.status_code == 302
    for text in (EMAIL, NAME, "Äijälä", USERNAME, PHONE):
        assert _rows_holding(text) == [], text
    person.refresh_from_db()
    assert (person.is_active, person.has_usable_password()) == (False, False)
    assert str(person) == f"Deleted user {person.pk}"
    assert LogEntry.objects.filter(actor=person).exists()  # the trail keeps its entries
    erasure = LogEntry.objects.get(additional_data__security_event="personal_data_erased")
    assert erasure.actor == admin_user
    assert erasure.additional_data["reason"] == "Request 2026/14 of 1 Dec 2026"
    assert set(erasure.additional_data["categories"]) == {
        "account",
        "plan_contact",
        "representative",
        "feedback_contact",
    }

    client.force_login(coordinator_a)
    for page in (
        reverse("planning:plan_detail", args=[draft_plan.pk]),
        reverse("planning:plan_history", args=[draft_plan.pk]),
        reverse("cooperation:group_detail", args=[group.pk]),
        reverse("participation:consultation_manage", args=[traces["consultation"].pk]),
    ):
        response = client.get(page)
        assert response.status_code == 200, page
        assert "Äijälä" not in page_text(response)
    assert f"Deleted user {person.pk}" in page_text(
        client.get(reverse("planning:plan_history", args=[draft_plan.pk]))
    )


def test_representative_without_account_erased_by_name__others_kept(
    client, admin_user, group, organisation_a, organisation_b
):
    """A representative known only by name; a namesake-free colleague in the group stays."""
    gone = _seat(group, organisation_a, name="Veikko Vierasmaa", phone="+358 50 111 2222")
    kept = _seat(group, organisation_b, name="Kaija Kollega", email="kaija@example.fi")
    client.force_login(admin_user)

    client.post(reverse("audit:erasure"), {"name": "veikko  vierasmaa", "reason": "Pyyntö"})

    assert _rows_holding("Vierasmaa") == []
    assert _rows_holding("111 2222") == []
    gone.refresh_from_db()
    assert gone.name == f"Poistettu henkilö {gone.pk}"
    assert gone.phone == ""
    kept.refresh_from_db()
    assert (kept.name, kept.email) == ("Kaija Kollega", "kaija@example.fi")


@pytest.mark.parametrize("method", ["get", "post"])
def test_non_administrator_refused(client, coordinator_a, person, method):
    client.force_login(coordinator_a)

    response = getattr(client, method)(reverse("audit:erasure"), {"user": person.pk, "reason": "x"})

    assert response.status_code == 403
    assert User.objects.get(pk=person.pk).email == EMAIL


def test_reason_required__nothing_erased(client, admin_user, person):
    client.force_login(admin_user)

    response = client.post(reverse("audit:erasure"), {"user": person.pk, "reason": " "})

    assert response.status_code == 200
    assert "Reason" in page_text(response)
    assert User.objects.get(pk=person.pk).email == EMAIL


def test_measure_contact_erased__gone_from_the_plan_page_already_kept(
    client, admin_user, coordinator_a, owned_measure
):
    """The plan page keeps its rendered content; an erasure (no audit entry of the plan) still
    takes the person's name off it at once."""
    from kotoplan.planning.models import Measure

    Measure.objects.filter(pk=owned_measure.pk).update(responsible_contact="Veikko Vierasmaa")
    plan_page = reverse("planning:plan_detail", args=[owned_measure.objective.plan_id])
    client.force_login(coordinator_a)
    assert "Veikko Vierasmaa" in client.get(plan_page).content.decode()  # rendered and kept

    client.force_login(admin_user)
    client.post(reverse("audit:erasure"), {"name": "Veikko Vierasmaa", "reason": "Pyyntö"})

    client.force_login(coordinator_a)
    assert "Veikko Vierasmaa" not in client.get(plan_page).content.decode()
