"""The world of the API tests: A's draft (full) and adopted plans, B's draft, an adopted and
monitored plan of A with an open round, open statistics, a consultation of A that has opened and
one that has not, an observation on A's draft, A's and B's cooperation groups with a meeting
each, and a readiness result per plan. `api_client(user)` calls the API with a personal token."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from kotoplan.accounts.models import RoleAssignment
from kotoplan.api.services import token_create
from kotoplan.cooperation.models import Meeting
from kotoplan.monitoring.rounds import services as rounds
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from kotoplan.oversight.dialogue import services as dialogue
from kotoplan.oversight.readiness.services import readiness_refresh
from kotoplan.participation.models import Consultation
from kotoplan.planning.models import Plan
from tests.cooperation.conftest import make_group
from tests.factories.planning import PlanFactory
from tests.monitoring.rounds.conftest import monitored_plan  # noqa: F401  (a fixture)

HELSINKI = ZoneInfo("Europe/Helsinki")


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


class ApiClient:
    """The test client with a role's personal token (or none, for anonymous)."""

    def __init__(self, user=None):
        self.client = Client()
        self.user = user
        self.headers = {}
        if user is not None:
            _token, secret = token_create(actor=user, name="tests", days=30)
            self.headers = bearer(secret)

    def get(self, path, **params):
        return self.client.get(path, params, **self.headers)

    def put(self, path, body, **headers):
        extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
        return self.client.put(path, body, content_type="application/json", **self.headers, **extra)

    def ids(self, path, **params) -> set:
        response = self.get(path, page_size=200, **params)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Each test starts with no requests counted against the API's throttles."""
    cache.clear()


@pytest.fixture
def api_client():
    return ApiClient


@pytest.fixture
def draft_plan_b(municipality_b, themes):
    return PlanFactory(lead_municipality=municipality_b, title_en="Jyväskylä draft")


@pytest.fixture
def monitoring_round(monitored_plan, coordinator_a):  # noqa: F811
    return rounds.round_open(
        actor=coordinator_a, plan=monitored_plan, period_label="2025", due_date=date(2026, 6, 30)
    )


@pytest.fixture
def statistics(municipality_a, municipality_b, wellbeing_county):
    indicator = StatIndicator.objects.create(
        code="foreign-language-share",
        name_fi="Vieraskielisten osuus",
        name_en="Share of foreign-language speakers",
        unit="%",
        decimals=1,
        source=StatIndicator.Source.STATFIN,
    )
    values = [
        StatisticValue.objects.create(
            indicator=indicator, municipality=municipality_a, period=2024, value=Decimal("17.2")
        ),
        StatisticValue.objects.create(
            indicator=indicator,
            municipality=municipality_b,
            period=2024,
            status=StatisticValue.Status.SUPPRESSED,
        ),
        StatisticValue.objects.create(
            indicator=indicator, area=wellbeing_county, period=2024, value=Decimal("9.1")
        ),
    ]
    return indicator, values


@pytest.fixture
def consultations(full_draft_plan):
    now = timezone.now()
    opened = Consultation.objects.create(
        plan=full_draft_plan,
        slug="espoo-open",
        title_en="Have your say",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=20),
    )
    upcoming = Consultation.objects.create(
        plan=full_draft_plan,
        slug="espoo-later",
        title_en="Later",
        opens_at=now + timedelta(days=5),
        closes_at=now + timedelta(days=20),
    )
    return opened, upcoming


@pytest.fixture
def groups(organisation_a, organisation_b, municipality_a, municipality_b, full_draft_plan):
    group_a = make_group(
        municipality=municipality_a, appointed_by=organisation_a, plans=[full_draft_plan]
    )
    group_b = make_group(
        municipality=municipality_b, appointed_by=organisation_b, name="Jyväskylän ryhmä"
    )
    for group in (group_a, group_b):
        Meeting.objects.create(
            group=group,
            title="Kevään kokous",
            starts_at=datetime(2026, 5, 4, 13, tzinfo=HELSINKI),
            ends_at=datetime(2026, 5, 4, 15, tzinfo=HELSINKI),
        )
    return group_a, group_b


@pytest.fixture
def world(
    full_draft_plan,
    adopted_plan,
    draft_plan_b,
    monitored_plan,  # noqa: F811
    monitoring_round,
    contributor,
    statistics,
    consultations,
    groups,
    regional_official,
):
    """Everything above, plus a progress report, an observation and the readiness results."""
    rounds.measure_update_save(
        actor=contributor,
        monitoring_round=monitoring_round,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="on_track",
        narrative="First courses started.",
    )
    dialogue.observation_create(
        actor=regional_official,
        plan=full_draft_plan,
        subject="Cooperation partners missing",
        text="No measure names a cooperation partner.",
        reply_due=date(2026, 7, 1),
    )
    for plan in Plan.objects.all():
        readiness_refresh(plan=plan, force=True)
    return {
        "draft_a": full_draft_plan,
        "adopted_a": adopted_plan,
        "draft_b": draft_plan_b,
        "monitored_a": monitored_plan,
        "round": monitoring_round,
    }


ROLE = RoleAssignment.Role
