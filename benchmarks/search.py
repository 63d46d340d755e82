"""Benchmark of the good-practice library's search on the data set in DATABASE_URL.

    DATABASE_URL=postgres://USER@HOST/DB DJANGO_SETTINGS_MODULE=config.settings.bench \
        .venv/bin/python benchmarks/search.py [--write]

Assumes the data are already there (for the national figure: `manage.py generate_national_data`,
every municipality with a full plan); creates nothing. Times GET requests of the search page
(anonymous: adopted plans; Finnish and Swedish words, with and without filters) and of the
search API against the floor page (`/bench/floor/`, the base template alone, with the bench
settings; `/healthz` otherwise), in process with the Django test client, and prints the
medians, their ratio and the load average. On PostgreSQL it prints EXPLAIN ANALYZE of the text
match (which must use the library's GIN indexes) and of the first page of results. `--write`
replaces the "Good-practice search" section of BENCHMARKS.md.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import write_section  # noqa: E402  (benchmarks/ is the script folder)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from kotoplan.geography.models import Area  # noqa: E402
from kotoplan.library.models import SearchEntry  # noqa: E402
from kotoplan.library.selectors import SearchParams, search_parts  # noqa: E402
from kotoplan.library.selectors.index import entry_match, word_forms  # noqa: E402
from kotoplan.library.selectors.matching import words_of  # noqa: E402
from kotoplan.planning.models import Indicator, Measure, Objective, Plan  # noqa: E402

# (label, path with query): Finnish and Swedish words, a typo, filters, the API.
SEARCHES = [
    ("kielikoulutus", "/library/?q=kielikoulutus"),
    ("koulutus (inside compounds)", "/library/?q=koulutus"),
    ("työllisyys nuoret, objectives", "/library/?q=työllisyys+nuoret&kind=objective"),
    ("språkutbildning", "/library/?q=språkutbildning"),
    ("kielikoulutsu (typo)", "/library/?q=kielikoulutsu"),
    (
        "ohjaus + theme, size class, evidence",
        "/library/?q=ohjaus&theme=employment_education&size=5&evidence=on",
    ),
    ("integration + wellbeing county", "/library/?q=integration&county={county}"),
    (
        "indicators työllisyysaste, evidence",
        "/library/?q=työllisyysaste&kind=indicator&evidence=on",
    ),
    ("no words, evidence", "/library/?evidence=on"),
    ("API: kielikoulutus", "/api/v1/library/search/?q=kielikoulutus"),
]
MAX_RATIO = 5


def _median_ms(client: Client, path: str, requests: int, cold: bool = False) -> tuple[float, int]:
    """Median of `requests` GETs after one warm-up; also the HTTP status. `cold`: the kept
    results are dropped before each request, so each one searches."""
    client.get(path)  # warm caches and connections
    times = []
    for _ in range(requests):
        if cold:
            cache.clear()
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times), response.status_code


# A word of the generated data's small vocabulary (matches many entries) and a rarer one.
EXPLAINED = ("kielikoulutus", "språkutbildning")


def _explain(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _floor_path() -> str:
    from django.urls import Resolver404, resolve

    try:
        resolve("/bench/floor/")
    except Resolver404:
        return "/healthz"
    return "/bench/floor/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    setup_test_environment()

    counts = {
        "plans": Plan.objects.count(),
        "adopted": Plan.objects.filter(state=Plan.State.ADOPTED).count(),
        "objectives": Objective.objects.count(),
        "measures": Measure.objects.count(),
        "indicators": Indicator.objects.count(),
    }
    print("Data:", ", ".join(f"{n} {what}" for what, n in counts.items()))
    if not counts["measures"]:
        sys.exit("No plan content in DATABASE_URL: load a data set first.")
    county = Area.objects.filter(kind=Area.Kind.WELLBEING_COUNTY).order_by("code").first()
    started = datetime.now(UTC)
    load_before = os.getloadavg()

    client = Client()
    floor_path = _floor_path()
    floor, _status = _median_ms(client, floor_path, args.requests * 2)
    print(f"{floor_path}: median {floor:.1f} ms", flush=True)
    rows = []
    for label, path in SEARCHES:
        path = path.format(county=county.pk if county else "")
        median, _status = _median_ms(client, path, args.requests)
        cold, _status = _median_ms(client, path, args.requests, cold=True)
        rows.append((label, path, median, cold))
        print(
            f"{label}: median {median:.0f} ms, {median / floor:.0f}× the floor; "
            f"searched anew {cold:.0f} ms, {cold / floor:.0f}×",
            flush=True,
        )
    load_after = os.getloadavg()
    worst = max(median for _label, _path, median, _cold in rows)
    print(f"slowest search {worst / floor:.0f}× the floor; load {load_before} → {load_after}")

    plans = []
    if connection.vendor == "postgresql":
        uses = ["library_searchentry_vector", "library_searchword_trgm"]
        for word in EXPLAINED:
            matching = SearchEntry.objects.filter(entry_match(word_forms(words_of(word))))
            match_plan = _explain(matching.order_by().values("pk"))
            print(f"\nEXPLAIN ANALYZE of the text match of {word}:\n" + match_plan)
            used = [name for name in uses if name in match_plan]
            print(f"Indexes used by the match of {word}:", ", ".join(used) or "none")
            plans.append((word, match_plan))
        full_plan = _explain(
            search_parts(user=None, params=SearchParams(text="kielikoulutus")).entries[:20]
        )
        print("\nEXPLAIN ANALYZE of the first page of results:\n" + full_plan)

    if args.write:
        database = connection.vendor
        if database == "postgresql":
            database += f" {connection.pg_version // 10000}"
        machine = (
            f"{os.cpu_count()} cores ({platform.machine()}), {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, "
            f"Django {django.__version__}, {database}"
        )
        table = "\n".join(
            f"| {label} | `{path}` | {m:,.0f} ms | {m / floor:,.0f}× "
            f"| {c:,.0f} ms | {c / floor:,.0f}× |"
            for label, path, m, c in rows
        )
        load = ", ".join(f"{x:.1f}" for x in load_before)
        load_end = ", ".join(f"{x:.1f}" for x in load_after)
        body = f"""## Good-practice search

In process: `DATABASE_URL=… DJANGO_SETTINGS_MODULE=config.settings.bench
.venv/bin/python benchmarks/search.py --write` (Django test client, anonymous reader: adopted
plans only; {args.requests} requests per line after one warm-up, the floor {args.requests * 2}).

- Date: {started:%Y-%m-%d %H:%M} UTC; load average (1, 5, 15 min) {load} at the start, {load_end}
  at the end, on {os.cpu_count()} cores.
- Machine: {machine}.
- Data: {", ".join(f"{n} {what}" for what, n in counts.items())}.
- Floor `{floor_path}`: median {floor:.1f} ms; target: search within {MAX_RATIO}× of it.

"Median" is a search repeated as readers repeat it (its rendered results kept in the cache
until the index changes); "searched anew" drops the kept results before each request, so each
one reads the index, counts the tabs, orders the matches and renders the page.

| search | path | median | × floor | searched anew | × floor |
|---|---|---|---|---|---|
{table}
"""
        for word, plan in plans:
            body += (
                f"\nQuery plan of the text match (EXPLAIN ANALYZE, every kind, `{word}`):"
                "\n\n```\n" + plan + "\n```\n"
            )
        if plans:
            body += (
                "\nPostgreSQL reads the whole index table when a word matches a large share of "
                "it (the data set's common words match a seventh of all entries) and the GIN "
                "index when it matches few.\n"
            )
        write_section("Good-practice search", body)


if __name__ == "__main__":
    main()
