"""The background import task and the progress it leaves behind."""

from django.urls import reverse

from kotoplan.monitoring.statistics.models import ImportRun
from kotoplan.monitoring.statistics.services import import_run_create, import_run_execute
from kotoplan.monitoring.statistics.services import runs as services
from kotoplan.monitoring.statistics.tasks import run_import
from tests.monitoring.conftest import SOTKANET_JSON, SOTKANET_REGIONS


def _create(actor, municipality):
    return import_run_create(
        actor=actor,
        source="sotkanet",
        municipality=municipality,
        file_name="sotkanet.json",
        payload=SOTKANET_JSON.read_text(),
        regions_payload=SOTKANET_REGIONS.read_text(),
    )


def test_queued_run__progress_page_refreshes_itself(client, coordinator_a, municipality_a):
    run = _create(coordinator_a, municipality_a)  # on_commit never fires: still queued
    client.force_login(coordinator_a)
    url = reverse("monitoring:import_run", args=[run.pk])
    response = client.get(url)
    assert response["Refresh"] == "2"
    content = response.content.decode()
    assert "Waiting for the background worker" in content
    assert 'value="0"' in content
    assert "Stop refreshing" in content
    assert "Refresh" not in client.get(url + "?refresh=off")


def test_task__moves_through_the_phases_and_records_counts(
    coordinator_a, sotkanet_municipalities, catalogue, monkeypatch
):
    run = _create(coordinator_a, sotkanet_municipalities[0])
    phases = []
    real_set = services._set

    def spy(target, **fields):
        real_set(target, **fields)
        stored = ImportRun.objects.get(pk=target.pk)  # what another connection would read
        phases.append((stored.status, stored.phase, stored.progress_percent))

    monkeypatch.setattr(services, "_set", spy)
    result = run_import.enqueue(run.pk)
    assert result.return_value == "succeeded"
    assert phases == [
        ("running", "queued", 0),
        ("running", "parsing", 50),
        ("running", "writing", 75),
        ("succeeded", "done", 100),
    ]
    run.refresh_from_db()
    # A coordinator's import writes only their municipality's values: Espoo's 3 of 9.
    assert (run.rows_total, run.rows_created, run.rows_unchanged, run.rows_skipped) == (9, 3, 0, 6)
    assert run.started_at <= run.finished_at
    assert run.payload == ""  # the uploaded content is not kept after a successful import


def test_task__second_execution_of_the_same_run_is_a_no_op(
    coordinator_a, sotkanet_municipalities, catalogue
):
    run = _create(coordinator_a, sotkanet_municipalities[0])
    import_run_execute(run_id=run.pk)
    again = import_run_execute(run_id=run.pk)
    assert (again.status, again.rows_created) == ("succeeded", 3)


def test_task__reimport_reports_unchanged(coordinator_a, sotkanet_municipalities, catalogue):
    first = _create(coordinator_a, sotkanet_municipalities[0])
    import_run_execute(run_id=first.pk)
    second = import_run_execute(run_id=_create(coordinator_a, sotkanet_municipalities[0]).pk)
    assert (second.rows_created, second.rows_updated, second.rows_unchanged) == (0, 0, 3)


def test_task__failure_keeps_message_and_writes_nothing(coordinator_a, municipality_a, catalogue):
    run = import_run_create(
        actor=coordinator_a,
        source="statfin",
        municipality=municipality_a,
        file_name="broken.json",
        payload='{"version": "2.0", "class": "dataset", "id": [',
    )
    run = import_run_execute(run_id=run.pk)
    assert run.status == "failed"
    assert run.error_message.startswith("The file is not valid JSON (truncated or malformed)")
    assert run.finished_at is not None
