"""The public front door at `/`: what the service is, open consultations and adopted plans with
a search by municipality (a GET form), and the way to log in."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kotoplan.participation.models import Consultation
from kotoplan.planning.models import Plan
from tests.factories.planning import PlanFactory
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(municipality_a, municipality_b, draft_plan):
    adopted_a = PlanFactory(
        lead_municipality=municipality_a,
        title_en="Espoo adopted plan",
        period_start=2024,
        period_end=2027,
        state=Plan.State.ADOPTED,
        decision_date=date(2024, 2, 1),
    )
    adopted_b = PlanFactory(
        lead_municipality=municipality_b,
        title_en="Other town adopted plan",
        period_start=2024,
        period_end=2027,
        state=Plan.State.ADOPTED,
        decision_date=date(2024, 2, 1),
    )
    now = timezone.now()
    Consultation.objects.create(
        plan=draft_plan,
        slug="espoo-draft",
        title_en="Tell us about Espoo's draft",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=20),
    )
    Consultation.objects.create(
        plan=draft_plan,
        slug="espoo-later",
        title_en="Not open yet",
        opens_at=now + timedelta(days=5),
        closes_at=now + timedelta(days=30),
    )
    return adopted_a, adopted_b


def test_front_door__open_consultations_and_adopted_plans_without_login(client, published):
    adopted_a, _adopted_b = published

    page = page_text(client.get(reverse("planning:home")))

    assert "Open consultations" in page
    assert f'href="{reverse("participation:public", args=["espoo-draft"])}"' in page
    assert "Not open yet" not in page
    assert "Espoo adopted plan" in page
    assert "Other town adopted plan" in page
    public = reverse("documents:public_plan", args=[adopted_a.lead_municipality.code, 2024, 2027])
    assert f'href="{public}"' in page
    assert "Espoo integration plan 2026–2029" not in page  # a draft is never listed
    assert f'href="{reverse("accounts:login")}"' in page


def test_front_door__search_by_municipality_narrows_both_lists(client, published):
    page = page_text(client.get(reverse("planning:home"), {"municipality": "esbo"}))

    assert 'name="municipality" value="esbo"' in page
    assert "Espoo adopted plan" in page
    assert "Other town adopted plan" not in page
    assert "Tell us about Espoo" in page

    nothing = page_text(client.get(reverse("planning:home"), {"municipality": "Nowhere"}))
    assert "No adopted plan of the municipality “Nowhere”." in nothing
    assert "No open consultations of the municipality “Nowhere”." in nothing


def test_front_door__in_swedish(client, published):
    client.cookies["django_language"] = "sv"
    page = page_text(client.get(reverse("planning:home")))
    assert '<html lang="sv"' in page
    assert "Integrationsplaner" in page


def test_front_door__logged_in_person_gets_their_own_work(client, coordinator_a, published):
    client.force_login(coordinator_a)
    page = page_text(client.get(reverse("planning:home")))
    assert "<h1>My work</h1>" in page
    assert "Open consultations" not in page
