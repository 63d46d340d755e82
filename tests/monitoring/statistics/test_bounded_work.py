"""Bounded work: size and cell limits before parsing, a run the worker left behind is marked
failed when the worker starts again, uploaded contents are purged after a set time."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from kotoplan.monitoring.statistics.models import ImportRun, StatisticValue
from kotoplan.monitoring.statistics.services import (
    import_run_create,
    import_run_execute,
    import_runs_recover,
)
from tests.monitoring.statistics.test_statfin_shapes import QUARTER


def _queued(actor, municipality, **fields):
    run = import_run_create(
        actor=actor,
        source="statfin",
        municipality=municipality,
        file_name="11lj.json",
        payload=QUARTER.read_text(encoding="utf-8"),
    )
    ImportRun.objects.filter(pk=run.pk).update(**fields)
    return ImportRun.objects.get(pk=run.pk)


def test_killed_run__marked_failed_when_the_worker_restarts_and_the_user_sees_it(
    client, coordinator_a, municipality_a, catalogue, capsys
):
    # The worker was killed while writing: the run stayed "running", nothing was committed.
    run = _queued(coordinator_a, municipality_a, status="running", phase="writing")
    call_command("recover_import_runs", "--worker-restart")
    assert "Interrupted imports marked failed: 1." in capsys.readouterr().out
    run.refresh_from_db()
    assert (run.status, run.finished_at is not None) == ("failed", True)
    client.force_login(coordinator_a)
    page = client.get(reverse("monitoring:import_run", args=[run.pk]))
    assert "Refresh" not in page  # no longer "running" forever
    assert "The import was interrupted: the background worker stopped" in page.content.decode()


def test_killed_run__message_in_the_starters_language(coordinator_a, municipality_a, catalogue):
    with translation.override("fi"):
        run = _queued(coordinator_a, municipality_a, status="running")
    import_runs_recover(everything_running=True)
    run.refresh_from_db()
    assert run.error_message.startswith("Tuonti keskeytyi")


def test_stale_run__only_runs_without_progress_are_marked(
    coordinator_a, municipality_a, catalogue, settings
):
    settings.KOTOPLAN_STATISTICS_STALE_MINUTES = 30
    old = _queued(
        coordinator_a,
        municipality_a,
        status="running",
        updated_at=timezone.now() - timedelta(hours=2),
    )
    fresh = _queued(coordinator_a, municipality_a, status="running")
    assert import_runs_recover() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, fresh.status) == ("failed", "running")


def test_stale_run__progress_page_warns_before_the_restart(
    client, coordinator_a, municipality_a, catalogue
):
    run = _queued(
        coordinator_a,
        municipality_a,
        status="running",
        updated_at=timezone.now() - timedelta(hours=2),
    )
    client.force_login(coordinator_a)
    page = client.get(reverse("monitoring:import_run", args=[run.pk])).content.decode()
    assert "the background worker has probably stopped" in page


def test_purge__uploaded_contents_removed_after_the_set_days(
    coordinator_a, municipality_a, catalogue, settings, capsys
):
    settings.KOTOPLAN_STATISTICS_KEEP_UPLOADS_DAYS = 7
    old_failed = _queued(
        coordinator_a,
        municipality_a,
        status="failed",
        created_at=timezone.now() - timedelta(days=8),
    )
    recent_failed = _queued(coordinator_a, municipality_a, status="failed")
    running = _queued(
        coordinator_a,
        municipality_a,
        status="running",
        created_at=timezone.now() - timedelta(days=8),
    )
    call_command("purge_import_uploads")
    assert "Uploaded contents removed from 1 imports." in capsys.readouterr().out
    for run in (old_failed, recent_failed, running):
        run.refresh_from_db()
    assert old_failed.payload == ""
    assert recent_failed.payload
    assert running.payload
    call_command("purge_import_uploads", "--days", "0")
    recent_failed.refresh_from_db()
    assert recent_failed.payload == ""


def test_upload__over_the_size_limit_refused_before_reading(
    client, coordinator_a, municipality_a, catalogue, settings
):
    settings.KOTOPLAN_STATISTICS_MAX_UPLOAD_BYTES = 1024 * 1024
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    response = client.post(
        reverse("monitoring:import"),
        {
            "source": "statfin",
            "municipality": municipality_a.pk,
            "data_file": SimpleUploadedFile("big.json", b" " * (1024 * 1024 + 1)),
        },
    )
    assert response.status_code == 200
    assert "Tiedosto on suurempi kuin 1 Mt." in response.content.decode()
    assert not ImportRun.objects.exists()


def test_cell_limit__a_small_file_declaring_huge_sizes_fails_cleanly(
    coordinator_a, municipality_a, catalogue, settings
):
    settings.KOTOPLAN_STATISTICS_MAX_CELLS = 1000
    text = QUARTER.read_text(encoding="utf-8").replace(
        '"size": [2, 3, 3, 2]', '"size": [2000000, 3, 3, 2]'
    )
    run = import_run_create(
        actor=coordinator_a, source="statfin", municipality=municipality_a, payload=text
    )
    run = import_run_execute(run_id=run.pk)
    assert run.status == "failed"
    assert "declares 36 000 000 values" in run.error_message
    assert StatisticValue.objects.count() == 0


def test_writes_in_chunks__every_value_lands_once(
    municipality_a, municipality_b, wellbeing_county, catalogue, monkeypatch
):
    from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
    from kotoplan.monitoring.statistics.services import statistic_values_import, values

    monkeypatch.setattr(values, "CHUNK", 5)  # 36 values in 8 chunks
    counts = statistic_values_import(dataset=parse_jsonstat(QUARTER.read_bytes()))
    assert (counts.created, StatisticValue.objects.count()) == (36, 36)
    again = statistic_values_import(dataset=parse_jsonstat(QUARTER.read_bytes()))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 36)


def test_run_message__in_swedish_for_a_swedish_user(coordinator_a, municipality_a, catalogue):
    with translation.override("sv"):
        run = import_run_create(
            actor=coordinator_a,
            source="statfin",
            municipality=municipality_a,
            payload='{"version": "2.0", "class": "dataset", "id": [',
        )
    run = import_run_execute(run_id=run.pk)
    assert run.error_message.startswith("Filen är inte giltig JSON (avbruten eller felaktig)")
