"""Settings shared by every environment. Environment variables come from config.env only."""

import tomllib
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, env

DEBUG = env("DEBUG") is True
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS") or ["127.0.0.1", "localhost"]
# Demo users share a published password: only the demo and development settings may load them.
KOTOPLAN_DEMO_DATA_ALLOWED = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "kotoplan.core",
    "kotoplan.audit",
    "kotoplan.geography",
    "kotoplan.accounts",
    "kotoplan.planning",
    "kotoplan.monitoring",
    "kotoplan.cooperation",
    "kotoplan.participation",
    "kotoplan.oversight",
    "kotoplan.documents",
    "kotoplan.library",
    "kotoplan.api",
    "kotoplan.demo",
]

MIDDLEWARE = [
    "kotoplan.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kotoplan.core.views.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kotoplan.core.middleware.NullCharacterMiddleware",
    "kotoplan.accounts.views.middleware.SessionExpiryMiddleware",
    "kotoplan.accounts.views.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["kotoplan.core.templatetags.kotoplan"],
        },
    },
]

SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
DATABASES = {"default": env.db("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["CONN_MAX_AGE"] = 60
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database serves the web server and the background worker at once: write-ahead
    # logging lets readers go on during a write, IMMEDIATE transactions take the write lock up
    # front (no "database is locked" on lock upgrade), and a writer waits instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "planning:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Login protection (README "Logging in"): django-axes counts failed logins per account and per
# address (the address from KOTOPLAN_CLIENT_IP_HEADER behind a proxy) and locks the login for a
# while; an administrator unlocks it early. The login page and /admin/ are both protected.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env("KOTOPLAN_LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = timedelta(minutes=env("KOTOPLAN_LOGIN_LOCKOUT_MINUTES"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful logins are in the audit trail
AXES_CLIENT_IP_CALLABLE = "kotoplan.core.views.client_address"
AXES_LOCKOUT_CALLABLE = "kotoplan.accounts.views.login.lockout_response"
AXES_VERBOSE = False
KOTOPLAN_CLIENT_IP_HEADER = env("KOTOPLAN_CLIENT_IP_HEADER")
KOTOPLAN_TRUSTED_PROXY_COUNT = env("KOTOPLAN_TRUSTED_PROXY_COUNT")
KOTOPLAN_SUPPORT_CONTACT = env("KOTOPLAN_SUPPORT_CONTACT")

# Second factor (django-otp, TOTP): administrators and regional authority officials must verify
# one after the password before they reach any page; everyone else may set one up.
KOTOPLAN_TWO_FACTOR_REQUIRED = env("KOTOPLAN_TWO_FACTOR") is not False
OTP_TOTP_ISSUER = "Kotoplan"

# Sessions: signed out after KOTOPLAN_SESSION_IDLE_MINUTES without a request, and after
# KOTOPLAN_SESSION_MAX_HOURS in any case (the cookie expires then too).
KOTOPLAN_SESSION_IDLE = timedelta(minutes=env("KOTOPLAN_SESSION_IDLE_MINUTES"))
KOTOPLAN_SESSION_MAX_AGE = timedelta(hours=env("KOTOPLAN_SESSION_MAX_HOURS"))
SESSION_COOKIE_AGE = int(KOTOPLAN_SESSION_MAX_AGE.total_seconds())

PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # a reset link works for two hours
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "kotoplan.accounts.forms.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fi"
FORMAT_MODULE_PATH = ["config.formats"]  # Finland-Swedish and non-US English dates
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
# The consultation pages' catalogues in residents' languages (ar, so, ckb, … and plain Finnish
# fi-x-selko, which would otherwise fall back to fi) come first, so they win over the product's,
# Django's and its apps' ("تعديل" of the admin). They hold no fi, sv or en (README, Languages).
LOCALE_PATHS = [
    BASE_DIR / "kotoplan" / "participation" / "locale",
    BASE_DIR / "kotoplan" / "locale",
]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"

FORMS_URLFIELD_ASSUME_HTTPS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env("KOTOPLAN_SECURE_COOKIES")
CSRF_COOKIE_SECURE = env("KOTOPLAN_SECURE_COOKIES")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Features no page uses are switched off for every origin
# (the header is sent by kotoplan.core.views.PermissionsPolicyMiddleware).
KOTOPLAN_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# No inline scripts or styles and nothing from other origins: the app works in a closed network.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

_email = env.email_url("EMAIL_URL")  # e.g. smtp+tls://user:password@host:587
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- REST API (kotoplan.api) ---------------------------------------------------------------------
# Personal tokens (Authorization: Bearer) or the browser's session; every view is guarded by the
# one permission engine through its declared `access` (deny when a view declares none).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kotoplan.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["kotoplan.api.permissions.EngineAccess"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "kotoplan.api.pagination.ApiPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "kotoplan.api.errors.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("KOTOPLAN_API_ANON_RATE"),
        "user": env("KOTOPLAN_API_USER_RATE"),
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kotoplan API",
    "DESCRIPTION": (
        "Integration plans, their monitoring and oversight, open statistics and reference data. "
        "Anonymous clients read what is public; a personal token (Authorization: Bearer kp_…, "
        "made on the account page) reads and writes exactly what its owner may in the UI. "
        'Errors: {"status": 400, "errors": [{"field", "code", "message"}]}.'
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "ENUM_NAME_OVERRIDES": {
        "MeasureStatusEnum": "kotoplan.planning.models.Measure.Status",
        "ProgressStatusEnum": "kotoplan.monitoring.models.MeasureUpdate.Status",
        "StatisticValueStatusEnum": "kotoplan.monitoring.statistics.models.StatisticValue.Status",
        "PlanStateEnum": "kotoplan.planning.models.Plan.State",
        "RoundStateEnum": "kotoplan.monitoring.models.MonitoringRound.State",
        "ObservationStateEnum": "kotoplan.oversight.dialogue.models.Observation.State",
    },
}
# /readyz reports the workers stale when the oldest task ready to run waited longer than this.
KOTOPLAN_WORKER_STALE_SECONDS = env("KOTOPLAN_WORKER_STALE_SECONDS")

# --- shared state of several app nodes -------------------------------------------------------
# With REDIS_URL the cache (and so the consultation rate limit) lives in Redis, shared by every
# node, and sessions are read through it (cached_db). Without it: the process's own memory here
# (one process: the demo, development, tests); production then uses the database's cache table.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "kotoplan",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = True

KOTOPLAN_SITE_URL = env("KOTOPLAN_SITE_URL")
# Organisation-specific facts of the accessibility statement, privacy notices and contact page.
with Path(env("KOTOPLAN_SITE_INFO_FILE")).open("rb") as _site_info:
    KOTOPLAN_SITE_INFO = tomllib.load(_site_info)
# Single sign-on: the identity providers of organisations, by key (docs/deployment.md).
KOTOPLAN_SSO_PROVIDERS: dict = {}
if env("KOTOPLAN_SSO_PROVIDERS_FILE"):
    with Path(env("KOTOPLAN_SSO_PROVIDERS_FILE")).open("rb") as _providers:
        KOTOPLAN_SSO_PROVIDERS = tomllib.load(_providers)
KOTOPLAN_SSO_CLIENT_SECRETS = env("KOTOPLAN_SSO_CLIENT_SECRETS")
OIDC_TIMEOUT = 10  # seconds for each call to an identity provider
KOTOPLAN_STRATML_XSD = Path(env("KOTOPLAN_STRATML_XSD"))
# Public consultation feedback allowed per client (hashed IP and session), e.g. "10/h".
KOTOPLAN_PARTICIPATION_RATE = env("KOTOPLAN_PARTICIPATION_RATE")
KOTOPLAN_STATFIN_URL = env("KOTOPLAN_STATFIN_URL")
KOTOPLAN_SOTKANET_URL = env("KOTOPLAN_SOTKANET_URL")
KOTOPLAN_SOTKANET_CATALOGUE = Path(env("KOTOPLAN_SOTKANET_CATALOGUE"))
KOTOPLAN_STATISTICS_MAX_UPLOAD_BYTES = env("KOTOPLAN_STATISTICS_MAX_UPLOAD_MB") * 1024 * 1024
KOTOPLAN_STATISTICS_MAX_CELLS = env("KOTOPLAN_STATISTICS_MAX_CELLS")
KOTOPLAN_STATISTICS_KEEP_UPLOADS_DAYS = env("KOTOPLAN_STATISTICS_KEEP_UPLOADS_DAYS")
KOTOPLAN_STATISTICS_STALE_MINUTES = env("KOTOPLAN_STATISTICS_STALE_MINUTES")
KOTOPLAN_IMPORT_RETENTION_HOURS = env("KOTOPLAN_IMPORT_RETENTION_HOURS")
KOTOPLAN_IMPORT_STALE_MINUTES = env("KOTOPLAN_IMPORT_STALE_MINUTES")
KOTOPLAN_EXPORT_RETENTION_HOURS = env("KOTOPLAN_EXPORT_RETENTION_HOURS")
KOTOPLAN_EXPORT_STALE_MINUTES = env("KOTOPLAN_EXPORT_STALE_MINUTES")
KOTOPLAN_EXPORT_COPIES_DIR = env("KOTOPLAN_EXPORT_COPIES_DIR")
KOTOPLAN_API_IDEMPOTENCY_HOURS = env("KOTOPLAN_API_IDEMPOTENCY_HOURS")
KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS = env("KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS")
KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS = env(
    "KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS"
)
# Limits of the plan spreadsheet import, checked before the work they bound (defaults in
# kotoplan/documents/importers/spreadsheet_files.py: Limits).
KOTOPLAN_SPREADSHEET_LIMITS = {
    "max_bytes": 10 * 1024 * 1024,
    "max_rows": 5000,
    "max_columns": 60,
    "max_cell_chars": 10_000,
    "max_unpacked_bytes": 60 * 1024 * 1024,
    "max_compression_ratio": 100,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
