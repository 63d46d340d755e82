"""Settings shared by every environment. Environment variables come from config.env only."""

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
    "kotoplan.api",
    "kotoplan.demo",
]

MIDDLEWARE = [
    "kotoplan.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
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
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fi"
FORMAT_MODULE_PATH = ["config.formats"]  # Finland-Swedish and non-US English dates
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kotoplan" / "locale"]
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
KOTOPLAN_STRATML_XSD = Path(env("KOTOPLAN_STRATML_XSD"))
# Public consultation feedback allowed per client (hashed IP and session), e.g. "10/h".
KOTOPLAN_PARTICIPATION_RATE = env("KOTOPLAN_PARTICIPATION_RATE")
KOTOPLAN_STATFIN_URL = env("KOTOPLAN_STATFIN_URL")
KOTOPLAN_SOTKANET_URL = env("KOTOPLAN_SOTKANET_URL")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
