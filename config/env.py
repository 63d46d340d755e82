"""Every environment variable Kotoplan reads, declared once with its type and default."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'var' / 'kotoplan.sqlite3'}"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "kotoplan@localhost"),
    KOTOPLAN_SITE_URL=(str, "http://127.0.0.1:8000"),
    KOTOPLAN_SECURE_COOKIES=(bool, False),
)
