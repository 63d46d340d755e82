"""The embedded SQLite database takes the web server and the background worker at once.

Runs against a database file with the options of config.settings.base: concurrent
read-modify-write transactions (as edits and imports do) and a long-running writer (as the
background worker's tasks do) finish without a single "database is locked" and lose no update.
"""

import threading
import time

import pytest
from django.db import connections, transaction

from config.settings.base import SQLITE_OPTIONS

WRITERS = 8
SAVES_EACH = 40


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """A database file of its own (not the test database), opened like the demo opens its own."""
    django_db_blocker.unblock()
    alias = "embedded_check"
    configured = connections.configure_settings(
        {
            "default": connections.settings["default"],
            alias: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / "kotoplan.sqlite3"),
                "OPTIONS": dict(SQLITE_OPTIONS),
            },
        }
    )
    connections.settings[alias] = configured[alias]
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        cursor.execute("INSERT INTO counter (id, n) VALUES (1, 0)")
    yield alias
    connections[alias].close()
    del connections.settings[alias]
    django_db_blocker.restore()


def _saves(alias: str, errors: list) -> None:
    try:
        for _ in range(SAVES_EACH):
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT n FROM counter WHERE id = 1")
                (n,) = cursor.fetchone()
                cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [n + 1])
    except Exception as exc:  # collected and asserted in the test
        errors.append(exc)
    finally:
        connections[alias].close()


def _background_task(alias: str, errors: list, stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT n FROM counter WHERE id = 1")
                time.sleep(0.02)  # a task holding its transaction while it works
                cursor.execute("UPDATE counter SET n = n WHERE id = 1")
            time.sleep(0.02)  # and the next task starts a moment later
    except Exception as exc:
        errors.append(exc)
    finally:
        connections[alias].close()


def test_concurrent_saves_and_a_background_task_never_lock_out(file_database):
    errors: list[Exception] = []
    stop = threading.Event()
    worker = threading.Thread(target=_background_task, args=(file_database, errors, stop))
    writers = [
        threading.Thread(target=_saves, args=(file_database, errors)) for _ in range(WRITERS)
    ]
    worker.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=120)
    stop.set()
    worker.join(timeout=30)

    assert errors == []
    with connections[file_database].cursor() as cursor:
        cursor.execute("SELECT n FROM counter WHERE id = 1")
        assert cursor.fetchone()[0] == WRITERS * SAVES_EACH  # no lost update
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
