"""Embedded demo and development settings: SQLite, console email, debug on."""

from config.env import env

from .base import *  # noqa: F403

DEBUG = env("DEBUG") is not False  # on unless DEBUG=false
SECRET_KEY = env("SECRET_KEY") or "kotoplan-local-development-key-not-for-production"
KOTOPLAN_TWO_FACTOR_REQUIRED = env("KOTOPLAN_TWO_FACTOR") is True  # as in the demo
