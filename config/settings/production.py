"""Production settings: refuses to start without secrets; PostgreSQL expected."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env
from config.logging import json_logging

from .base import *  # noqa: F403
from .base import CACHES, SECRET_KEY

if not SECRET_KEY or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 40 characters."
    )
ALLOWED_HOSTS = env("ALLOWED_HOSTS")  # no silent default to localhost in production
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set.")
KOTOPLAN_DEMO_DATA_ALLOWED = False

DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env("KOTOPLAN_SSL_REDIRECT")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Behind a TLS-terminating proxy: "HTTP_X_FORWARDED_PROTO=https" tells Django the request was
# HTTPS (only set it when the proxy always sets or overwrites that header).
if env("KOTOPLAN_PROXY_SSL_HEADER"):
    _header, _, _value = env("KOTOPLAN_PROXY_SSL_HEADER").partition("=")
    if not _value:
        raise ImproperlyConfigured(
            "KOTOPLAN_PROXY_SSL_HEADER must look like HTTP_X_FORWARDED_PROTO=https."
        )
    SECURE_PROXY_SSL_HEADER = (_header.strip(), _value.strip())
KOTOPLAN_TWO_FACTOR_REQUIRED = env("KOTOPLAN_TWO_FACTOR") is not False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- several app nodes (docs/deployment.md) ------------------------------------------------------
# No state on a node: without Redis the cache (consultation rate limit) is the database's table,
# created by `manage.py migrate` (kotoplan.api's migration runs createcachetable).
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kotoplan_cache",
        }
    }
LOGGING = json_logging(env("KOTOPLAN_LOG_LEVEL"))
