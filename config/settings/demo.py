"""The demo as `make demo` serves it: like production in behaviour (DEBUG off, Kotoplan's own
error pages, static files through WhiteNoise), on the embedded SQLite database, with e-mails
written to files in var/mail instead of the terminal."""

from config.env import BASE_DIR, env

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env("SECRET_KEY") or "kotoplan-demo-key-not-for-production"
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
# The demo's administrator and officials log in with the password only (printed with the
# logins); KOTOPLAN_TWO_FACTOR=true makes them set up an authenticator app as in production.
KOTOPLAN_TWO_FACTOR_REQUIRED = env("KOTOPLAN_TWO_FACTOR") is True
