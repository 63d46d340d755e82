"""The national data set: every in-scope municipality with a plan of realistic size, the
work around it and users for every role, written in bulk with a fixed seed.

`generate(scale=, municipalities=)` after `load_reference_data` and `sync_organisations`; used
by the `generate_national_data` command and the benchmarks (`make bench`). Bulk writes skip
auditlog's signals and the background refresh: the plans' change history is written as the trail
records it (`trail`), and stored readiness results are computed at the end through the readiness
service.
"""

import random
import time
from datetime import date

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from kotoplan.core.clock import today
from kotoplan.geography.models import Municipality
from kotoplan.library.services import index_rebuild
from kotoplan.monitoring.statistics.services import catalogue_sync, statistic_values_import
from kotoplan.oversight.readiness.services import readiness_refresh

from ..content.bundled_statistics import POPULATION_FILE, data_dir, population_datasets
from .activity import (
    generate_cooperation,
    generate_monitoring,
    generate_situation,
    generate_statistics,
)
from .base import LARGEST, LARGEST_MUNICIPALITY, NORMAL, SEED, Generation
from .consultations import generate_consultations
from .people import PASSWORD, load_parties
from .plans import generate_plans
from .trail import generate_trail

__all__ = ["PASSWORD", "generate"]


def chosen_municipalities(limit: int | None, with_largest: bool = True) -> list[Municipality]:
    """Every in-scope municipality, or the first `limit` of them by code (with the largest
    plan's municipality among them unless `with_largest` is false)."""
    everyone = list(Municipality.objects.in_act_scope().order_by("code"))
    if limit is None or limit >= len(everyone):
        return everyone
    largest = [m for m in everyone if m.code == LARGEST_MUNICIPALITY and with_largest]
    rest = [m for m in everyone if m.code != LARGEST_MUNICIPALITY]
    return sorted(largest + rest[: max(0, limit - len(largest))], key=lambda m: m.code)


def generate(
    *,
    scale: int = 1,
    municipalities: int | None = None,
    with_largest: bool = True,
    day: date | None = None,
    log=None,
) -> dict:
    """Write the data set; returns {what: rows written} and the seconds of each step."""
    log = log or (lambda message: None)
    gen = Generation(
        rng=random.Random(SEED),  # noqa: S311 (a reproducible data set, not a secret)
        day=day or today(),
        password_hash=make_password(PASSWORD),
    )
    chosen = chosen_municipalities(municipalities, with_largest)
    timings = {}

    def step(name, function, *args):
        started = time.perf_counter()
        result = function(*args)
        timings[name] = round(time.perf_counter() - started, 1)
        log(f"{name}: {timings[name]} s")
        return result

    with transaction.atomic():
        parties = step("organisations and users", load_parties, gen, chosen)
        indicators = step("statistics", generate_statistics, gen, chosen, NORMAL.statistics_years)
        step("population and foreign-language share", _profiles, gen)
        specs = [
            (m, (LARGEST if m.code == LARGEST_MUNICIPALITY else NORMAL).scaled(scale))
            for m in chosen
        ]
        codes = [i.source_code for i in indicators]
        series = step("plans", generate_plans, gen, specs, parties, codes)
        step("situation figures", generate_situation, gen, series, indicators)
        step("monitoring", generate_monitoring, gen, series, parties)
        step("cooperation", generate_cooperation, gen, series, parties)
        step("consultations", generate_consultations, gen, series)
        step("change history", generate_trail, gen, series, parties)
    step("readiness", _readiness, series)
    step("library search index", index_rebuild)
    step("planner statistics", _analyze)
    return {"counts": gen.counts, "seconds": timings, "municipalities": len(chosen)}


def _profiles(gen: Generation) -> None:
    """The real population and foreign-language share of every municipality (the shipped
    statistics): the peer comparison forms its groups from them, as it does in production."""
    catalogue_sync()
    for dataset in population_datasets(data_dir() / POPULATION_FILE):
        gen.count("statistic values", statistic_values_import(dataset=dataset).created)


def _analyze() -> None:
    """Table statistics for PostgreSQL's planner, as autovacuum would gather them in production
    (a server with autovacuum off, or a benchmark started at once, would otherwise plan every
    query of the data set as if the tables were empty)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _readiness(series) -> None:
    """Stored readiness results of the current plans (what the dashboards read); through the
    readiness service, one plan at a time, so this step dominates at national size."""
    for item in series:
        readiness_refresh(plan=item.current.plan, force=True)
