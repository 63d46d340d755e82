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
    # StratML Part 2 schema used to validate exports and imports; empty = ../shared/data/stratml/
    KOTOPLAN_STRATML_XSD=(str, ""),
    KOTOPLAN_PARTICIPATION_RATE=(str, "10/h"),
    KOTOPLAN_STATFIN_URL=(str, "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/"),
    KOTOPLAN_SOTKANET_URL=(str, "https://sotkanet.fi/rest/1.1/"),
)
