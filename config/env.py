"""Every environment variable Kotoplan reads, declared once with its type and default.

Settings modules read variables only through `env` below; nothing else reads the environment.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
SOTKANET_CATALOGUE = BASE_DIR / "data" / "statistics" / "sotkanet" / "indicators.json"
STRATML_SCHEMA = BASE_DIR / "data" / "stratml" / "PerformancePlanOrReport20160216.xsd"
SITE_INFO = BASE_DIR / "data" / "site" / "organisation.toml"

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
    # Statistics imports: the largest file read (MB), the most cells (values) one import may
    # hold, the days an uploaded file is kept after its import, and the minutes after which a
    # run without progress counts as interrupted.
    KOTOPLAN_STATISTICS_MAX_UPLOAD_MB=(int, 20),
    KOTOPLAN_STATISTICS_MAX_CELLS=(int, 300_000),
    KOTOPLAN_STATISTICS_KEEP_UPLOADS_DAYS=(int, 7),
    KOTOPLAN_STATISTICS_STALE_MINUTES=(int, 30),
    # The offline Sotkanet indicator catalogue (shipped in data/statistics/sotkanet/).
    KOTOPLAN_SOTKANET_CATALOGUE=(str, str(SOTKANET_CATALOGUE)),
    # Uploaded plan spreadsheets are emptied this many hours after upload (manage.py
    # purge_imports, also run on every upload); a saving running longer is marked failed.
    KOTOPLAN_IMPORT_RETENTION_HOURS=(int, 24),
    KOTOPLAN_IMPORT_STALE_MINUTES=(int, 30),
    # Generated files (plan PDF and DOCX, feedback spreadsheets) are kept for reuse until their
    # content changes, at most this many hours (manage.py purge_exports); one waiting longer
    # than the minutes below is handed to a worker again.
    KOTOPLAN_EXPORT_RETENTION_HOURS=(int, 24),
    KOTOPLAN_EXPORT_STALE_MINUTES=(int, 10),
    # Each node keeps a copy of a stored file it has served in this directory (its own disk),
    # so a large file (the nationwide open data) is read from the database once per node;
    # empty: always from the database.
    KOTOPLAN_EXPORT_COPIES_DIR=(str, str(BASE_DIR / "var" / "export-copies")),
    # REST API: how long a write's Idempotency-Key is remembered (manage.py purge_idempotency_keys).
    KOTOPLAN_API_IDEMPOTENCY_HOURS=(int, 24),
    # Reply e-mail addresses given with consultation feedback are removed this many days after
    # the consultation closed (manage.py purge_feedback_contacts, run daily).
    KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS=(int, 180),
    # Cooperation group representatives' e-mail and phone are removed this many days after
    # their seat or their organisation's membership ended (manage.py
    # purge_representative_contacts, run daily).
    KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS=(int, 365),
    # Behind a reverse proxy: the request header that carries the client's address, as Django
    # names it (e.g. HTTP_X_FORWARDED_FOR), and how many proxies of ours append to it. Empty =
    # the address of the connection (REMOTE_ADDR). Login throttling and rate limits use it.
    KOTOPLAN_CLIENT_IP_HEADER=(str, ""),
    KOTOPLAN_TRUSTED_PROXY_COUNT=(int, 1),
    # Production only: the header a TLS-terminating proxy sets, e.g. "HTTP_X_FORWARDED_PROTO=https".
    KOTOPLAN_PROXY_SSL_HEADER=(str, ""),
    # Failed logins per account or per address before the login is locked, and for how long.
    KOTOPLAN_LOGIN_FAILURE_LIMIT=(int, 5),
    KOTOPLAN_LOGIN_LOCKOUT_MINUTES=(int, 30),
    # Who unlocks a login early; shown on the lockout page.
    KOTOPLAN_SUPPORT_CONTACT=(str, ""),
    # Sign-out after inactivity, and the longest a session lasts however active.
    KOTOPLAN_SESSION_IDLE_MINUTES=(int, 30),
    KOTOPLAN_SESSION_MAX_HOURS=(int, 10),
    # None = the settings module decides: required in production and by default, off in the
    # demo, development and test settings. Administrators and regional authority officials
    # need a second factor (TOTP) when it is on.
    KOTOPLAN_TWO_FACTOR=(bool, None),
    # Shared cache of all app nodes (sessions, consultation rate limit), e.g. redis://127.0.0.1:6379/0.
    REDIS_URL=(str, ""),
    # REST API throttling per client: anonymous (by address) and per user.
    KOTOPLAN_API_ANON_RATE=(str, "120/min"),
    KOTOPLAN_API_USER_RATE=(str, "600/min"),
    KOTOPLAN_WORKER_STALE_SECONDS=(int, 300),
    # Production: log level of Kotoplan's own JSON log lines.
    KOTOPLAN_LOG_LEVEL=(str, "INFO"),
    # The organisation behind the service (controller, contacts, accessibility assessment, the
    # supervisory authorities), shown on the accessibility statement, privacy notices, cookie
    # and contact pages: a TOML file like data/site/organisation.toml.
    KOTOPLAN_SITE_INFO_FILE=(str, str(SITE_INFO)),
    # Single sign-on (OpenID Connect) per organisation e-mail domain: a TOML file of providers
    # (docs/deployment.md, "Single sign-on"); empty = only Kotoplan passwords. Their client
    # secrets, never in the file: "provider-key=secret,other-key=secret".
    KOTOPLAN_SSO_PROVIDERS_FILE=(str, ""),
    KOTOPLAN_SSO_CLIENT_SECRETS=(dict, {}),
)
