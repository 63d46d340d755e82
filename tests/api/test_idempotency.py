"""Idempotency-Key on the API's writes: a retry with the same key and body replays the first
answer without writing again; the same key with another body is refused (422, the JSON error
shape); keys are each user's own, expire and are purged; the schema documents the header."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from kotoplan.api.models import IdempotentRequest
from kotoplan.monitoring.models import MeasureUpdate
from kotoplan.monitoring.statistics.models import StatisticValue

pytestmark = pytest.mark.django_db

REPORT = {"status": "delayed", "progress": 40, "narrative": "Two courses moved to autumn."}
KEY = "5f0c3a52-9d1e-4b8e-a0f1-3c2d7e9b6a10"


def _progress_url(world, measure) -> str:
    return f"/api/v1/monitoring-rounds/{world['round'].pk}/progress/{measure.pk}/"


def _first_report(world, api_client, coordinator_a):
    measure = world["monitored_a"].own_measure
    return api_client(coordinator_a), _progress_url(world, measure), measure


def test_same_key_and_body__replays_the_first_answer_without_a_second_write(
    world, api_client, coordinator_a
):
    client, url, measure = _first_report(world, api_client, coordinator_a)

    created = client.put(url, REPORT, idempotency_key=KEY)
    update = MeasureUpdate.objects.get(measure=measure)
    entries = LogEntry.objects.get_for_object(update).count()
    retry = client.put(url, REPORT, idempotency_key=KEY)

    assert created.status_code == 201
    assert retry.status_code == 201  # the first answer, not "200: already reported"
    assert retry.json() == created.json()
    assert retry["ETag"] == created["ETag"] == '"1"'
    assert retry["Idempotent-Replayed"] == "true"
    assert MeasureUpdate.objects.filter(measure=measure).count() == 1
    assert MeasureUpdate.objects.get(measure=measure).version == 1
    assert LogEntry.objects.get_for_object(update).count() == entries


def test_same_key_other_body__422_in_the_error_shape_and_nothing_written(
    world, api_client, coordinator_a
):
    client, url, measure = _first_report(world, api_client, coordinator_a)
    client.put(url, REPORT, idempotency_key=KEY)

    other = client.put(url, {**REPORT, "progress": 80}, if_match='"1"', idempotency_key=KEY)

    assert other.status_code == 422
    body = other.json()
    assert body["status"] == 422
    assert body["errors"][0]["code"] == "idempotency_key_reused"
    assert body["errors"][0]["message"]
    assert MeasureUpdate.objects.get(measure=measure).progress == 40


def test_keys_are_each_users_own(world, api_client, coordinator_a, contributor):
    own = api_client(coordinator_a).put(
        _progress_url(world, world["monitored_a"].own_measure), REPORT, idempotency_key=KEY
    )
    partner_measure = world["monitored_a"].partner_measure
    theirs = api_client(contributor).put(
        _progress_url(world, partner_measure),
        {**REPORT, "progress": 70},
        if_match='"1"',
        idempotency_key=KEY,
    )
    assert own.status_code == 201
    assert theirs.status_code == 200
    assert "Idempotent-Replayed" not in theirs
    assert MeasureUpdate.objects.get(measure=partner_measure).progress == 70


def test_a_refused_write_is_not_remembered(world, api_client, coordinator_a):
    client, url, measure = _first_report(world, api_client, coordinator_a)
    refused = client.put(url, {**REPORT, "progress": 140}, idempotency_key=KEY)
    assert refused.status_code == 400

    fixed = client.put(url, REPORT, idempotency_key=KEY)
    assert fixed.status_code == 201
    assert MeasureUpdate.objects.get(measure=measure).progress == 40


def test_keys_expire_and_are_purged(world, api_client, coordinator_a, municipality_a, capsys):
    client = api_client(coordinator_a)
    indicator = StatisticValue.objects.first().indicator
    body = {"indicator": indicator.code, "municipality": municipality_a.code, "period": 2025}
    assert client.put("/api/v1/statistic-values/", {**body, "value": "18.4"}, idempotency_key=KEY)
    IdempotentRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    reused = client.put(
        "/api/v1/statistic-values/", {**body, "value": "19.0"}, if_match="*", idempotency_key=KEY
    )
    assert reused.status_code == 200  # the expired key no longer binds the body
    stored = StatisticValue.objects.get(
        indicator=indicator, municipality=municipality_a, period=2025
    )
    assert str(stored.value) == "19.0000"

    IdempotentRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    call_command("purge_idempotency_keys")
    assert "1 idempotency key(s) removed" in capsys.readouterr().out
    assert not IdempotentRequest.objects.exists()


def test_a_malformed_key_is_named_in_the_error(world, api_client, coordinator_a):
    client, url, measure = _first_report(world, api_client, coordinator_a)
    response = client.put(url, REPORT, idempotency_key="x" * 300)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"
    assert not MeasureUpdate.objects.filter(measure=measure).exists()


def test_schema_documents_the_header_on_every_write(client):
    schema = client.get("/api/schema/?format=json").json()
    writes = [
        (path, method, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in ("put", "post", "patch", "delete")
    ]
    assert writes
    for path, method, operation in writes:
        headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
        assert "Idempotency-Key" in headers, f"{method} {path}"
        assert {"409", "422"} <= set(operation["responses"])


def test_a_key_whose_write_still_runs__409_and_free_again_once_abandoned(
    world, api_client, coordinator_a
):
    client, url, measure = _first_report(world, api_client, coordinator_a)
    client.put(url, REPORT, idempotency_key=KEY)
    record = IdempotentRequest.objects.get()
    IdempotentRequest.objects.filter(pk=record.pk).update(status=0)  # as if still running

    running = client.put(url, REPORT, idempotency_key=KEY)
    assert running.status_code == 409
    assert running.json()["errors"][0]["code"] == "idempotency_key_in_use"

    IdempotentRequest.objects.filter(pk=record.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    retried = client.put(url, REPORT, idempotency_key=KEY)
    assert retried.status_code == 200  # run again: the report exists, nothing new is written
    assert MeasureUpdate.objects.get(measure=measure).version == 1
