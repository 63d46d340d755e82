"""Every environment variable Kotoplan reads, declared once with its type and default.

Settings modules read variables only through `env` below; nothing else reads the environment.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
STRATML_SCHEMA = BASE_DIR / "data" / "stratml" / "PerformancePlanOrReport20160216.xsd"

env = environ.Env(
    # None = the settings module decides: on in config.settings.local, off everywhere else.
    DEBUG=(bool, None),
    SECRET_KEY=(str, ""),
    # Empty = this machine only (127.0.0.1, localhost) in the demo and development settings;
    # production refuses to start until the host names are given.
    ALLOWED_HOSTS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'var' / 'kotoplan.sqlite3'}"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "kotoplan@localhost"),
    KOTOPLAN_SITE_URL=(str, "http://127.0.0.1:8000"),
    KOTOPLAN_SECURE_COOKIES=(bool, False),
    # Production only: redirect plain HTTP to HTTPS (off when a proxy in front already does).
    KOTOPLAN_SSL_REDIRECT=(bool, True),
    # StratML Part 2 schema that validates every export and import (shipped in data/stratml/).
    KOTOPLAN_STRATML_XSD=(str, str(STRATML_SCHEMA)),
    KOTOPLAN_PARTICIPATION_RATE=(str, "10/h"),
    KOTOPLAN_STATFIN_URL=(str, "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/"),
    KOTOPLAN_SOTKANET_URL=(str, "https://sotkanet.fi/rest/1.1/"),
    # Shared cache of all app nodes (sessions, consultation rate limit), e.g. redis://127.0.0.1:6379/0.
    REDIS_URL=(str, ""),
    # REST API throttling per client: anonymous (by address) and per user.
    KOTOPLAN_API_ANON_RATE=(str, "120/min"),
    KOTOPLAN_API_USER_RATE=(str, "600/min"),
    KOTOPLAN_WORKER_STALE_SECONDS=(int, 300),
    # Production: log level of Kotoplan's own JSON log lines.
    KOTOPLAN_LOG_LEVEL=(str, "INFO"),
)
