"""Health endpoints for the load balancer, request ids and JSON log lines."""

import json
import logging

import pytest
from django_tasks_db.models import DBTaskResult

from config.logging import JsonFormatter
from kotoplan.core.middleware import RequestIdFilter

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_checks_database_migrations_and_reports_the_workers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["checks"]["database"] is True
    assert body["checks"]["migrations"] == "applied"
    assert body["checks"]["worker"]["waiting_tasks"] == DBTaskResult.objects.ready().count()


def test_readiness_fails_when_a_migration_is_missing(client, monkeypatch):
    from kotoplan.api.views import health

    monkeypatch.setattr(health, "unapplied_migrations", lambda: ["api.0002_future"])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "1 unapplied"


def test_every_response_names_its_request_id_and_keeps_a_trusted_one(client):
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    given = client.get("/healthz", HTTP_X_REQUEST_ID="proxy-1234abcd")
    assert given["X-Request-ID"] == "proxy-1234abcd"
    bad = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert bad["X-Request-ID"] != "<script>"


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord(
        "kotoplan.x", logging.WARNING, __file__, 1, "Import %s failed", ("7",), None
    )
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Import 7 failed"
    assert line["level"] == "WARNING"
    assert line["request_id"] == "-"


def test_the_docs_page_is_rendered_from_the_schema_without_cdn(client):
    page = client.get("/api/docs/").content.decode()
    assert "GET /api/v1/plans/" in page
    assert "PUT /api/v1/monitoring-rounds/{round_id}/progress/{measure_id}/" in page
    assert 'src="http' not in page  # scripts and styles come from the app's own static files
    assert 'href="http' not in page.split("<main", 1)[0]
    schema = client.get("/api/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/statistic-values/" in schema["paths"]


def test_throttled_clients_get_429_in_the_error_shape(client, settings, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "2/min"})
    codes = [client.get("/api/v1/themes/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get("/api/v1/themes/").json()["errors"][0]["code"] == "throttled"
