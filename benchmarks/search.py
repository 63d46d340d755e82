"""Benchmark of the good-practice library's search on the data set in DATABASE_URL.

    DATABASE_URL=postgres://USER@HOST/DB .venv/bin/python benchmarks/search.py [--write]

Assumes the data are already there (for the national figure: every municipality with a full plan,
e.g. loaded by a data-generating command); creates nothing. Times GET requests of the search page
(anonymous, several kinds of words) and of a trivial view (`/healthz`) with the Django test client,
prints the medians and their ratio, and on PostgreSQL prints EXPLAIN ANALYZE of the text match
alone (which must use the library's GIN indexes) and of the whole search query. `--write` replaces
the "Good-practice search" section of BENCHMARKS.md.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import write_section  # noqa: E402  (benchmarks/ is the script folder)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from kotoplan.library.selectors import SearchParams, search_parts  # noqa: E402
from kotoplan.library.selectors.matching import KINDS, match_condition, words_of  # noqa: E402
from kotoplan.planning.models import Indicator, Measure, Objective, Plan  # noqa: E402

QUERIES = ["kielikoulutus", "koulutus", "työllisyys nuoret", "språkutbildning", "kerhotoimnta"]
MAX_RATIO = 5


def _median_ms(client: Client, url: str, params: dict, requests: int) -> float:
    client.get(url, params)  # warm caches and connections
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    return statistics.median(times)


def _explain(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
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

    client = Client()
    trivial = _median_ms(client, "/healthz", {}, args.requests)
    rows = []
    for words in QUERIES:
        median = _median_ms(client, "/library/", {"q": words}, args.requests)
        found = search_parts(user=None, params=SearchParams(text=words)).count()
        rows.append((words, found, median))
        print(f"/library/?q={words}: {found} measures, median {median:.1f} ms")
    browse = _median_ms(client, "/library/", {"evidence": "on"}, args.requests)
    print(f"/library/?evidence=on: median {browse:.1f} ms")
    worst = max(median for _w, _f, median in rows)
    ratio = worst / trivial
    print(f"/healthz: median {trivial:.1f} ms; slowest search {ratio:.1f}× the trivial view")

    plans = []
    if connection.vendor == "postgresql":
        spec = KINDS["measure"]
        matching = Measure.objects.filter(match_condition(spec, words_of("kielikoulutus")))
        match_plan = _explain(matching.order_by().values("pk"))
        full_plan = _explain(
            search_parts(user=None, params=SearchParams(text="kielikoulutus"))[:20]
        )
        print("\nEXPLAIN ANALYZE of the text match:\n" + match_plan)
        print("\nEXPLAIN ANALYZE of the first page of results:\n" + full_plan)
        uses = [f"library_{spec.table}_{suffix}" for suffix in ("fi", "sv", "trgm")]
        used = [name for name in uses if name in match_plan]
        if not used:
            print("\nThe planner prefers a sequential scan (a small table). With it switched off:")
            with connection.cursor() as cursor:
                cursor.execute("SET enable_seqscan = off")
            match_plan = _explain(matching.order_by().values("pk"))
            with connection.cursor() as cursor:
                cursor.execute("SET enable_seqscan = on")
            print(match_plan)
            used = [name for name in uses if name in match_plan]
        print("\nIndexes used by the match:", ", ".join(used) or "none")
        plans = [match_plan, full_plan]
    else:
        print("\nSQLite: no full-text indexes; EXPLAIN is for PostgreSQL.")

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
            f"| `/library/?q={w}` | {f} | {m:.1f} ms | {m / trivial:.1f}× |" for w, f, m in rows
        )
        body = f"""## Good-practice search

`DATABASE_URL=… .venv/bin/python benchmarks/search.py --write` (test settings, Django test client,
anonymous reader: adopted plans only; {args.requests} requests per line).

- Data: {", ".join(f"{n} {what}" for what, n in counts.items())}.
- Machine: {machine}.
- Trivial view `/healthz`: median {trivial:.1f} ms; target: search within {MAX_RATIO}× of it.

| page | measures found | median | × trivial |
|---|---|---|---|
{table}
| `/library/?evidence=on` | – | {browse:.1f} ms | {browse / trivial:.1f}× |
"""
        if plans:
            body += (
                "\nQuery plan of the text match (EXPLAIN ANALYZE):\n\n```\n" + plans[0] + "\n```\n"
            )
        write_section("Good-practice search", body)


if __name__ == "__main__":
    main()
