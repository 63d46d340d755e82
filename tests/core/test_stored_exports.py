"""Stored exports: made once per content, made again after a failure or a stopped worker, and
removed after the retention time."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kotoplan.core.exporters import ExportFile, register_export
from kotoplan.core.models import StoredExport
from kotoplan.core.services import export_request, export_run, exports_purge

pytestmark = pytest.mark.django_db

KEY = {"subject_type": "plan", "subject_id": 7, "kind": "plan_pdf", "language": "fi"}


def _made(*, subject_id, language):
    return ExportFile(f"plan {subject_id} in {language}".encode(), "text/plain", "plan.txt")


def test_request__the_same_content_is_made_once():
    first, run_first = export_request(**KEY, fingerprint="a")
    second, run_second = export_request(**KEY, fingerprint="a")
    assert (run_first, run_second) == (True, False)
    assert first.pk == second.pk


def test_run__a_file_of_new_content_replaces_the_old_one_once_made():
    register_export("test_file", subject_type="plan", make=_made)
    key = {**KEY, "kind": "test_file"}
    old, _ = export_request(**key, fingerprint="a")
    export_run(export_id=old.pk)
    other_language, _ = export_request(**{**key, "language": "sv"}, fingerprint="a")
    new, run = export_request(**key, fingerprint="b")
    assert run
    assert StoredExport.objects.filter(pk=old.pk).exists()  # served meanwhile where allowed

    made = export_run(export_id=new.pk)

    assert made.status == StoredExport.Status.READY
    assert bytes(made.content) == b"plan 7 in fi"
    assert set(StoredExport.objects.values_list("pk", flat=True)) == {new.pk, other_language.pk}


def test_request__failed_or_stopped_work_is_handed_out_again(settings):
    export, _ = export_request(**KEY, fingerprint="a")
    StoredExport.objects.filter(pk=export.pk).update(status=StoredExport.Status.FAILED)
    assert export_request(**KEY, fingerprint="a")[1] is True

    long_ago = timezone.now() - timedelta(minutes=settings.KOTOPLAN_EXPORT_STALE_MINUTES + 1)
    StoredExport.objects.filter(pk=export.pk).update(updated_at=long_ago)
    again, run = export_request(**KEY, fingerprint="a")
    assert run is True
    assert again.status == StoredExport.Status.WAITING
    assert export_request(**KEY, fingerprint="a")[1] is False  # now being made


def test_purge__removes_files_past_the_retention_time(settings, capsys):
    old, _ = export_request(**KEY, fingerprint="a")
    fresh, _ = export_request(**{**KEY, "subject_id": 8}, fingerprint="a")
    hours = settings.KOTOPLAN_EXPORT_RETENTION_HOURS
    StoredExport.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - timedelta(hours=hours, minutes=1)
    )

    call_command("purge_exports")

    assert "1 stored export(s) removed" in capsys.readouterr().out
    assert list(StoredExport.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert exports_purge() == 0
