"""The benchmark server (`make bench`): production-like behaviour (DEBUG off, static files
through WhiteNoise, the cache and sessions shared by the workers as on several nodes: in Redis
when `REDIS_URL` is set, as benchmarks/national/run.py does when Redis answers, else in the
database's cache table) on a throw-away PostgreSQL database of generated data, plus a floor page
and a query-count header (config/bench.py). Never used in production: the generated users share
a published password."""

import os

from config.env import env

from .demo import *  # noqa: F403
from .demo import MIDDLEWARE

BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kotoplan_bench"
DATABASES = {"default": env.db_url_config(os.environ.get("DATABASE_URL", BENCH_DATABASE_URL))}
DATABASES["default"]["CONN_MAX_AGE"] = 60
ROOT_URLCONF = "config.bench_urls"
MIDDLEWARE = ["config.bench.QueryCountMiddleware", *MIDDLEWARE]
if not env("REDIS_URL"):  # with it: RedisCache and cached_db sessions (config.settings.base)
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kotoplan_cache",
        }
    }
# The load test answers consultations from one address: a limit it does not reach.
KOTOPLAN_PARTICIPATION_RATE = "100000/h"
KOTOPLAN_TWO_FACTOR_REQUIRED = False
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
