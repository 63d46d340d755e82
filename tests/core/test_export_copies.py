"""A node keeps its own copy of a stored file it serves: the next download reads no file from
the database; a damaged copy or a disk that takes none still serves the right file; copies of
removed files go with `purge_exports`."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kotoplan.core.exporters import ExportFile, register_export
from kotoplan.core.models import StoredExport
from kotoplan.core.services import export_request, export_run
from kotoplan.core.views import export_file

pytestmark = pytest.mark.django_db

KEY = {"subject_type": "plan", "subject_id": 7, "kind": "copy_test", "language": "fi"}
CONTENT = "Kotoutumisohjelma 2026–2029\n".encode() * 1000


def _made(*, subject_id, language):
    return ExportFile(CONTENT, "text/plain; charset=utf-8", "suunnitelma.txt")


def _ready(fingerprint="a") -> StoredExport:
    register_export("copy_test", subject_type="plan", make=_made)
    export, _run = export_request(**KEY, fingerprint=fingerprint)
    return export_run(export_id=export.pk)


def _served(export) -> tuple[bytes, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = export_file(StoredExport.objects.get(pk=export.pk))
    return response.content, [q["sql"] for q in queries.captured_queries]


def _reads_file(sql: list[str]) -> bool:
    return any('"content"' in statement for statement in sql)


def test_second_download_is_served_from_the_node_copy(settings):
    export = _ready()
    first, sql_first = _served(export)
    assert first == CONTENT
    assert _reads_file(sql_first)
    assert (Path(settings.KOTOPLAN_EXPORT_COPIES_DIR) / export.token.hex).read_bytes() == CONTENT

    again, sql_again = _served(export)
    assert again == CONTENT
    assert not _reads_file(sql_again)


def test_a_damaged_copy_is_replaced_and_a_full_disk_only_costs_the_database_read(
    settings, tmp_path
):
    export = _ready()
    copy = Path(settings.KOTOPLAN_EXPORT_COPIES_DIR) / export.token.hex
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(CONTENT[:100])  # a copy cut short
    assert _served(export)[0] == CONTENT
    assert copy.read_bytes() == CONTENT

    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the directory should be")
    settings.KOTOPLAN_EXPORT_COPIES_DIR = str(blocked)
    assert _served(export)[0] == CONTENT


def test_without_a_directory_every_download_reads_the_database(settings):
    settings.KOTOPLAN_EXPORT_COPIES_DIR = ""
    export = _ready()
    for _ in range(2):
        content, sql = _served(export)
        assert content == CONTENT
        assert _reads_file(sql)


def test_purge_removes_the_copies_of_removed_files(settings, capsys):
    kept = _ready("a")
    other, _run = export_request(**{**KEY, "subject_id": 8}, fingerprint="a")
    gone = export_run(export_id=other.pk)
    for export in (kept, gone):
        _served(export)
    directory = Path(settings.KOTOPLAN_EXPORT_COPIES_DIR)
    hours = settings.KOTOPLAN_EXPORT_RETENTION_HOURS
    StoredExport.objects.filter(pk=gone.pk).update(
        updated_at=timezone.now() - timedelta(hours=hours, minutes=1)
    )

    call_command("purge_exports")

    assert (directory / kept.token.hex).exists()
    assert not (directory / gone.token.hex).exists()
