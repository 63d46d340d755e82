"""The differences of two versions are worked out and rendered once per the two versions'
contents and the language, and kept: a second reading reads no parts, and an edit to either
version shows at once."""

from datetime import date

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kotoplan.audit.services import acting_as
from kotoplan.planning.models import Measure, Plan
from kotoplan.planning.services import content_update, plan_new_version
from tests.support.sizes import plan_of_size

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions(coordinator_a, municipality_a, themes):
    with acting_as(coordinator_a):
        plan = plan_of_size(
            municipality_a,
            themes,
            measures=4,
            state=Plan.State.ADOPTED,
            decision_body="Kaupunginvaltuusto",
            decision_date=date(2026, 3, 1),
        )
    return plan, plan_new_version(actor=coordinator_a, plan=plan)


def _compare(client, plan, language="en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("planning:plan_compare", args=[plan.pk]))
    assert response.status_code == 200
    parts_read = [q for q in queries.captured_queries if '"planning_measure"' in q["sql"]]
    return response.content.decode(), parts_read


def test_compare__kept_until_either_version_changes(client, coordinator_a, versions):
    _old, new = versions
    client.force_login(coordinator_a)
    first, read = _compare(client, new)
    assert "No differences." in first
    assert read
    again, read_again = _compare(client, new)
    assert again.count("No differences.") == first.count("No differences.")
    assert not read_again  # neither version's measures are read again

    measure = Measure.objects.filter(objective__plan=new).order_by("pk").first()
    content_update(
        actor=coordinator_a,
        obj=measure,
        expected_version=measure.version,
        data={"title_en": "Career counselling in plain language"},
    )
    changed, read_changed = _compare(client, new)
    assert read_changed
    assert "Career counselling in plain language" in changed

    finnish, _read = _compare(client, new, language="fi")
    assert '<html lang="fi"' in finnish
    assert "Muutettu" in finnish
