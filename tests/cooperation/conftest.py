"""A municipal group of municipality A serving A's draft plan, with the contributor's
association as a member represented by a user; and a group of municipality B with a member of
its own."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from kotoplan.cooperation.models import (
    Category,
    CooperationGroup,
    Meeting,
    Membership,
    Representative,
)
from tests.factories.accounts import OrganisationFactory, UserFactory

HELSINKI = ZoneInfo("Europe/Helsinki")


def make_group(*, municipality, appointed_by, plans=(), name="Espoon kotoutumisen yhteistyöryhmä"):
    group = CooperationGroup.objects.create(
        kind=CooperationGroup.Kind.MUNICIPAL,
        name=name,
        appointed_by=appointed_by,
        appointing_body="Kaupunginhallitus",
        appointed_on=date(2025, 2, 3),
        decision_reference="KH 3.2.2025 § 41",
        mandate="Sovittaa yhteen kotoutumista edistävät palvelut.",
        term_start=date(2025, 3, 1),
        term_end=date(2028, 12, 31),
    )
    group.municipalities.set([municipality])
    group.plans.set(plans)
    return group


def seat(group, organisation, user=None, *, category=None, start=date(2025, 3, 1), end=None):
    membership = Membership.objects.create(
        group=group,
        organisation=organisation,
        category=category or Category.IMMIGRANT_ORGANISATION,
        start_date=start,
        end_date=end,
    )
    Representative.objects.create(
        membership=membership,
        name=user.get_full_name() if user else "Aada Esimerkki",
        title="Toiminnanjohtaja",
        email=user.email if user else "aada@example.fi",
        user=user,
        start_date=start,
        end_date=end,
    )
    return membership


@pytest.fixture
def group_a(organisation_a, municipality_a, draft_plan):
    return make_group(municipality=municipality_a, appointed_by=organisation_a, plans=[draft_plan])


@pytest.fixture
def member(db):
    """A user with no role at all: only the seat in group A."""
    return UserFactory(username="member_a", first_name="Amina", last_name="Yusuf")


@pytest.fixture
def membership_a(group_a, contributor_organisation, member):
    return seat(group_a, contributor_organisation, member)


@pytest.fixture
def group_b(organisation_b, municipality_b):
    return make_group(
        municipality=municipality_b, appointed_by=organisation_b, name="Jyväskylän ryhmä"
    )


@pytest.fixture
def member_b(group_b):
    user = UserFactory(username="member_b")
    seat(group_b, OrganisationFactory(kind="civil_society"), user, category=Category.CIVIL_SOCIETY)
    return user


@pytest.fixture
def meeting_a(group_a):
    return Meeting.objects.create(
        group=group_a,
        title="Kevään kokous",
        starts_at=datetime(2026, 5, 20, 13, 0, tzinfo=HELSINKI),
        ends_at=datetime(2026, 5, 20, 15, 0, tzinfo=HELSINKI),
        place="Espoon kaupungintalo, Kokoushuone 2",
    )


def parse_ics(text: str) -> dict[str, str]:
    """Unfold the content lines (RFC 5545 3.1) and read NAME:VALUE pairs of the event."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded: list[str] = []
    for line in lines:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert unfolded[0] == "BEGIN:VCALENDAR"
    assert unfolded[-1] == "END:VCALENDAR"
    start, end = unfolded.index("BEGIN:VEVENT"), unfolded.index("END:VEVENT")
    return dict(line.split(":", 1) for line in unfolded[start + 1 : end]) | {
        "VERSION": unfolded[1].split(":", 1)[1]
    }
