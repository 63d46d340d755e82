"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL points to one."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES

SECRET_KEY = "kotoplan-test-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # live-server threads must not keep the test DB open
else:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
# Most tests sign in with force_login; tests of the second factor switch it on themselves.
KOTOPLAN_TWO_FACTOR_REQUIRED = False
# Served files' copies on this node's disk: a directory of the test run's own.
KOTOPLAN_EXPORT_COPIES_DIR = tempfile.mkdtemp(prefix="kotoplan-export-copies-")
atexit.register(shutil.rmtree, KOTOPLAN_EXPORT_COPIES_DIR, ignore_errors=True)
