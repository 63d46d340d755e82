"""A background worker killed in the middle of a statistics import leaves nothing half-written,
and the run is marked failed when the workers restart.

The worker is a real process (the import run by `import_run_execute`, as the task does) on the
test's database, killed with SIGKILL. On PostgreSQL the test holds the values table so that the
kill lands inside the worker's writing transaction; on SQLite (the in-memory test database is
copied to a file the worker opens) the kill lands wherever the worker is, and the run is then
either complete or absent, never partial.
"""

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from kotoplan.monitoring.statistics.models import ImportRun, StatisticValue
from tests.monitoring.statistics.test_statfin_shapes import QUARTER

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(settings.BASE_DIR)
WORKER = (
    "import django; django.setup(); "
    "from kotoplan.monitoring.statistics.services import import_run_execute; "
    "import_run_execute(run_id=int(__import__('sys').argv[1]))"
)


def _database_url(tmp_path) -> str:
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{user}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    path = tmp_path / "worker.sqlite3"
    with closing(sqlite3.connect(path)) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    return f"sqlite:///{path}"


def _start_worker(run_id: int, url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(run_id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _until(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the worker did not get there in time"
        time.sleep(0.05)


def _blocked_on_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def _phase(run_id: int) -> str:
    return ImportRun.objects.values_list("phase", flat=True).get(pk=run_id)


def test_worker_killed_while_writing__nothing_written_and_run_failed_on_restart(
    municipality_a, municipality_b, wellbeing_county, catalogue, tmp_path
):
    run = ImportRun.objects.create(
        source="statfin",
        language="en",
        file_name="quarter.json",
        payload=QUARTER.read_text(encoding="utf-8"),
    )
    url = _database_url(tmp_path)

    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("LOCK TABLE monitoring_observation IN EXCLUSIVE MODE")
            worker = _start_worker(run.pk, url)
            _until(lambda: _phase(run.pk) == ImportRun.Phase.WRITING and _blocked_on_lock())
            worker.send_signal(signal.SIGKILL)  # inside its writing transaction
            worker.wait(timeout=10)
        _until(lambda: not _blocked_on_lock())
        assert ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.RUNNING
        assert StatisticValue.objects.count() == 0  # nothing of it was committed

        call_command("recover_import_runs", "--worker-restart", stdout=io.StringIO())

        run.refresh_from_db()
        assert run.status == ImportRun.Status.FAILED
        assert "interrupted" in run.error_message
        assert StatisticValue.objects.count() == 0
        return

    worker = _start_worker(run.pk, url)
    path = url.removeprefix("sqlite:///")

    def status() -> str:
        with closing(sqlite3.connect(path, timeout=20)) as db:
            found = db.execute("SELECT status FROM monitoring_importrun WHERE id = ?", [run.pk])
            return found.fetchone()[0]

    _until(lambda: status() != ImportRun.Status.QUEUED)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    with closing(sqlite3.connect(path)) as left:  # the database as the killed worker left it
        left.backup(connection.connection)

    call_command("recover_import_runs", "--worker-restart", stdout=io.StringIO())

    run.refresh_from_db()
    written = StatisticValue.objects.count()
    assert (run.status, written) in {
        (ImportRun.Status.FAILED, 0),
        (ImportRun.Status.SUCCEEDED, 36),
    }
