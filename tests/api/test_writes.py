"""Writes through the API: progress updates by the measure's responsible party, statistic values
by the importers; one error shape naming the field; ETag / If-Match (412 on a stale write);
retrying the same request changes nothing."""

import pytest
from auditlog.models import LogEntry

from kotoplan.monitoring.models import MeasureUpdate
from kotoplan.monitoring.statistics.models import StatisticValue

pytestmark = pytest.mark.django_db

REPORT = {"status": "delayed", "progress": 40, "narrative": "Two courses moved to autumn."}


def _progress_url(world, measure) -> str:
    return f"/api/v1/monitoring-rounds/{world['round'].pk}/progress/{measure.pk}/"


def test_contributor_reports_progress__etag_retry_and_stale_write(world, api_client, contributor):
    measure = world["monitored_a"].partner_measure
    url = _progress_url(world, measure)
    client = api_client(contributor)
    current = client.get(url)
    etag = current["ETag"]
    assert etag == '"1"'

    changed = client.put(url, REPORT, if_match=etag)
    assert changed.status_code == 200
    assert changed["ETag"] == '"2"'
    assert changed.json()["status"] == "delayed"
    assert LogEntry.objects.get_for_object(MeasureUpdate.objects.get(measure=measure)).exists()

    retry = client.put(url, REPORT, if_match=etag)  # the same request again, e.g. after a timeout
    assert retry.status_code == 200
    assert retry["ETag"] == '"2"'
    assert MeasureUpdate.objects.get(measure=measure).version == 2

    stale = client.put(url, {**REPORT, "progress": 45}, if_match=etag)
    assert stale.status_code == 412
    assert stale.json()["errors"][0]["code"] == "precondition_failed"
    missing = client.put(url, {**REPORT, "progress": 45})
    assert missing.status_code == 428
    assert MeasureUpdate.objects.get(measure=measure).progress == 40


def test_coordinator_makes_the_first_report_of_a_measure(world, api_client, coordinator_a):
    measure = world["monitored_a"].own_measure
    url = _progress_url(world, measure)
    client = api_client(coordinator_a)
    assert client.get(url).status_code == 404  # nothing reported yet
    created = client.put(url, REPORT)
    assert created.status_code == 201
    assert created["ETag"] == '"1"'
    again = client.put(url, REPORT)
    assert again.status_code == 200
    assert MeasureUpdate.objects.filter(measure=measure).count() == 1


def test_progress_validation_error_names_the_field(world, api_client, contributor):
    url = _progress_url(world, world["monitored_a"].partner_measure)
    response = api_client(contributor).put(
        url, {"status": "sideways", "progress": 140, "evidence_links": ["not a link"]}
    )
    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"status", "progress", "evidence_links.0"}
    assert all(error["message"] for error in response.json()["errors"])


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("user_without_role", 404),
        ("coordinator_b", 404),
        ("viewer_a", 403),
        ("national_viewer", 403),
        ("regional_official", 403),
        ("county_liaison", 403),
        ("contributor", 201),
    ],
)
def test_who_may_report_on_the_contributors_measure(request, world, api_client, role, expected):
    measure = world["monitored_a"].partner_measure
    MeasureUpdate.objects.filter(measure=measure).delete()
    response = api_client(request.getfixturevalue(role)).put(_progress_url(world, measure), REPORT)
    assert response.status_code == expected
    assert MeasureUpdate.objects.filter(measure=measure).exists() == (expected == 201)


def test_contributor_may_not_report_on_the_citys_own_measure(world, api_client, contributor):
    response = api_client(contributor).put(
        _progress_url(world, world["monitored_a"].own_measure), REPORT
    )
    assert response.status_code == 403


def test_a_closed_round_refuses_with_the_rule_in_the_message__finnish_first(
    world, api_client, coordinator_a
):
    from kotoplan.monitoring.rounds.services import round_close

    round_close(actor=coordinator_a, monitoring_round=world["round"])
    client = api_client(coordinator_a)
    url = _progress_url(world, world["monitored_a"].own_measure)
    response = client.put(url, REPORT)
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith("Kierros on suljettu")
    english = client.put(url, REPORT, accept_language="en")
    assert english.json()["errors"][0]["message"].startswith("The round is closed")


# --- statistic values -------------------------------------------------------------------------


def _value(indicator, municipality, **extra):
    return {"indicator": indicator.code, "municipality": municipality.code, "period": 2025, **extra}


def test_coordinator_writes_a_value_of_own_municipality__idempotent(
    world, api_client, coordinator_a, municipality_a
):
    indicator, _values = world_statistics(world)
    client = api_client(coordinator_a)
    body = _value(indicator, municipality_a, value="18.4")
    created = client.put("/api/v1/statistic-values/", body)
    assert created.status_code == 201
    again = client.put("/api/v1/statistic-values/", body)
    assert again.status_code == 200
    assert again["ETag"] == created["ETag"]
    stored = StatisticValue.objects.get(
        indicator=indicator, municipality=municipality_a, period=2025
    )
    assert str(stored.value) == "18.4000"
    assert LogEntry.objects.get_for_object(stored).count() == 1

    stale = client.put(
        "/api/v1/statistic-values/", {**body, "value": "19.0"}, if_match='"0000000000000000"'
    )
    assert stale.status_code == 412
    fresh = client.put(
        "/api/v1/statistic-values/", {**body, "value": "19.0"}, if_match=created["ETag"]
    )
    assert fresh.status_code == 200
    assert fresh.json()["value"] == "19.0000"


def world_statistics(world):
    indicator = StatisticValue.objects.first().indicator
    return indicator, list(indicator.values.all())


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("user_without_role", 403),
        ("viewer_a", 403),
        ("contributor", 403),
        ("coordinator_b", 403),
        ("regional_official", 403),
        ("national_viewer", 403),
        ("coordinator_a", 201),
        ("admin_user", 201),
    ],
)
def test_who_may_write_a_statistic_value_of_a(
    request, world, api_client, municipality_a, role, expected
):
    indicator, _values = world_statistics(world)
    client = api_client(request.getfixturevalue(role))
    response = client.put("/api/v1/statistic-values/", _value(indicator, municipality_a, value="1"))
    assert response.status_code == expected
    assert StatisticValue.objects.filter(period=2025).exists() == (expected == 201)


def test_a_statistic_value_and_its_status_must_agree__in_finnish(
    world, api_client, admin_user, municipality_a
):
    indicator, _values = world_statistics(world)
    response = api_client(admin_user).put(
        "/api/v1/statistic-values/", _value(indicator, municipality_a, status="missing", value="3")
    )
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "errors": [
            {
                "field": "value",
                "code": "mismatch",
                "message": "Anna arvo silloin ja vain silloin, kun tila on ”ok”.",
            }
        ],
    }
    unknown = api_client(admin_user).put(
        "/api/v1/statistic-values/", {"indicator": "nope", "municipality": "999", "period": 1}
    )
    assert {e["field"] for e in unknown.json()["errors"]} == {"indicator", "municipality", "period"}


def test_a_code_with_a_null_character__refused_with_the_field_named(
    world, api_client, admin_user, municipality_a
):
    """PostgreSQL refuses null characters in a query: the code is refused as input instead of
    reaching the database (found by schemathesis on PostgreSQL)."""
    indicator, _values = world_statistics(world)
    data = _value(indicator, municipality_a)
    data["municipality"] = "09\x001"
    response = api_client(admin_user).put("/api/v1/statistic-values/", data, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["municipality"]
