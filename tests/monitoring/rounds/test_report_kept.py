"""The monitoring report's body is kept per plan content, statistics, language and release: a
second reading reads no report data, and a progress update, a renamed measure or a statistics
import shows at the next reading."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kotoplan.monitoring.rounds import services
from kotoplan.monitoring.rounds.models import MeasureUpdate
from kotoplan.monitoring.statistics.models import ImportRun, StatIndicator, StatisticValue
from kotoplan.planning.models import Indicator, Measure
from tests.factories.planning import IndicatorFactory

pytestmark = pytest.mark.django_db


def read(client, monitoring_round):
    url = reverse("monitoring:round_report", args=[monitoring_round.plan_id, monitoring_round.pk])
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).text
    updates = [q for q in queries.captured_queries if "monitoring_measureupdate" in q["sql"]]
    return html, bool(updates)


def test_a_second_reading_is_the_kept_body(client, two_rounds, viewer_a):
    client.force_login(viewer_a)
    first, read_data = read(client, two_rounds[1])
    assert read_data
    again, read_again = read(client, two_rounds[1])
    assert not read_again
    assert "Teacher on leave." in again
    assert again.split("<main")[1].split("</main>")[0].count("Partner measure") == first.split(
        "<main"
    )[1].split("</main>")[0].count("Partner measure")


def test_a_progress_update_shows_at_once(client, two_rounds, viewer_a, contributor):
    client.force_login(viewer_a)
    monitoring_round = two_rounds[1]
    assert "Teacher on leave." in read(client, monitoring_round)[0]
    update = MeasureUpdate.objects.get(round=monitoring_round)
    services.measure_update_save(
        actor=contributor,
        monitoring_round=monitoring_round,
        measure=update.measure,
        expected_version=update.version,
        status="on_track",
        narrative="The teacher is back.",
    )
    html, read_data = read(client, monitoring_round)
    assert read_data
    assert "The teacher is back." in html
    assert "Teacher on leave." not in html


def test_a_renamed_measure_shows_at_once(client, two_rounds, viewer_a):
    client.force_login(viewer_a)
    assert "Partner measure" in read(client, two_rounds[1])[0]
    partner = Measure.objects.get(title_en="Partner measure")
    partner.title_en = "Language café"
    partner.save()
    html, _read_data = read(client, two_rounds[1])
    assert "Language café" in html


def test_a_statistics_import_shows_at_once(client, two_rounds, viewer_a, municipality_a):
    """Imports write their values in bulk; the run's audited save names the new statistics."""
    plan = two_rounds[1].plan
    IndicatorFactory(
        objective=plan.objectives.first(),
        source=Indicator.Source.SOTKANET,
        source_code="3088",
        name_fi="Työllisyysaste",
        name_en="Employment rate",
        unit="%",
    )
    statistic = StatIndicator.objects.create(
        code="sotkanet-3088", name_fi="Työllisyysaste", source="sotkanet", source_code="3088"
    )
    client.force_login(viewer_a)
    assert "64.5" not in read(client, two_rounds[1])[0]
    StatisticValue.objects.bulk_create(
        [
            StatisticValue(
                indicator=statistic, municipality=municipality_a, period=2025, value=Decimal("64.5")
            )
        ]
    )
    ImportRun.objects.create(source="sotkanet", status=ImportRun.Status.SUCCEEDED)
    assert "64.5" in read(client, two_rounds[1])[0]
