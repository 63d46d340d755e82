"""Benchmark of the national oversight dashboard over every in-scope municipality of Finland.

    .venv/bin/python benchmarks/dashboard_national.py [--requests 50] [--write]

Builds a throw-away SQLite database (test settings, file database in a temporary directory):
the real reference data (308 municipalities, dated ELY/EVK memberships) and organisations, one
plan per in-scope municipality with realistic content (6 objectives × 3 measures, 2 indicators
per measure, partners), stores the readiness result of every plan, then times GET requests of
the national dashboard (and one area dashboard) with the Django test client. Prints median and
p95; `--write` also writes BENCHMARKS.md.
"""

import argparse
import io
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import write_section  # noqa: E402  (benchmarks/ is the script folder)

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
TMP = tempfile.TemporaryDirectory(prefix="kotoplan-bench-")

import config.settings.test as test_settings  # noqa: E402

test_settings.DATABASES["default"] = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": str(Path(TMP.name) / "bench.sqlite3"),
}

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from kotoplan.accounts.models import Organisation, RoleAssignment, User  # noqa: E402
from kotoplan.geography.models import Area, Municipality  # noqa: E402
from kotoplan.planning.models import Indicator, Measure, Objective, Plan, Theme  # noqa: E402

OBJECTIVES, MEASURES, INDICATORS = 6, 3, 2
STATES = [  # cycled over the municipalities
    Plan.State.ADOPTED,
    Plan.State.ADOPTED,
    Plan.State.CONSULTATION,
    Plan.State.DRAFT,
    Plan.State.AWAITING_DECISION,
]
DAY = date(2026, 6, 1)


def build() -> int:
    quiet = io.StringIO()
    call_command("migrate", verbosity=0, stdout=quiet)
    call_command("load_reference_data", stdout=quiet)
    call_command("sync_organisations", stdout=quiet)
    themes = list(Theme.objects.order_by("order"))
    municipalities = list(Municipality.objects.in_act_scope().order_by("code"))
    organisations = {
        o.municipality_id: o
        for o in Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)
    }
    partners = list(Organisation.objects.filter(kind=Organisation.Kind.WELLBEING_COUNTY)[:5])
    with transaction.atomic():  # bulk writes: no audit entries, no background refresh
        plans = Plan.objects.bulk_create(
            [
                Plan(
                    lead_municipality=m,
                    title_fi=f"{m.name_fi}: kotoutumisen edistämisen suunnitelma 2026–2029",
                    period_start=2026,
                    period_end=2029,
                    state=STATES[i % len(STATES)],
                    decision_date=date(2026, 3, 1)
                    if STATES[i % len(STATES)] == Plan.State.ADOPTED
                    else None,
                    coordinating_authority="Kotoutumispalvelut",
                    county_coordination="Yhteiset kokoukset hyvinvointialueen kanssa.",
                    situation_quantitative_fi="Vieraskielisiä 8 %.",
                    situation_qualitative_fi="Kielikoulutusta tarvitaan lisää.",
                )
                for i, m in enumerate(municipalities)
            ]
        )
        through = Plan.municipalities.through
        through.objects.bulk_create(
            [through(plan=p, municipality_id=p.lead_municipality_id) for p in plans]
        )
        objectives = Objective.objects.bulk_create(
            [
                Objective(
                    plan=p, theme=themes[n % len(themes)], order=n, title_fi=f"Tavoite {n + 1}"
                )
                for p in plans
                for n in range(OBJECTIVES)
            ]
        )
        measures = Measure.objects.bulk_create(
            [
                Measure(
                    objective=o,
                    order=n,
                    title_fi=f"Toimenpide {n + 1}",
                    responsible_organisation=organisations.get(o.plan.lead_municipality_id),
                )
                for o in objectives
                for n in range(MEASURES)
            ]
        )
        partner_link = Measure.partners.through
        partner_link.objects.bulk_create(
            [
                partner_link(measure=m, organisation=partners[i % len(partners)])
                for i, m in enumerate(measures)
            ]
        )
        Indicator.objects.bulk_create(
            [
                Indicator(
                    objective_id=m.objective_id,
                    measure=m,
                    name_fi=f"Mittari {n + 1}",
                    unit="%",
                    baseline_value=40,
                    baseline_year=2024,
                    target_value=55,
                    target_year=2029,
                )
                for m in measures
                for n in range(INDICATORS)
            ]
        )
    started = time.perf_counter()
    call_command("refresh_readiness", verbosity=0)
    print(f"readiness stored for {len(plans)} plans in {time.perf_counter() - started:.1f} s")
    return len(plans)


def viewer() -> User:
    user = User.objects.create_user("bench.national", password="x" * 12)
    ministry = Organisation.objects.get(kind=Organisation.Kind.MINISTRY, reference_key="tem")
    RoleAssignment.objects.create(
        user=user, organisation=ministry, role=RoleAssignment.Role.NATIONAL_VIEWER
    )
    return user


def timed(client: Client, url: str, n: int) -> dict:
    client.get(url)  # warm up
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(n):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "url": url,
        "queries": len(queries),
        "median": statistics.median(times),
        "p95": times[max(0, round(0.95 * len(times)) - 1)],
        "n": n,
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def report(plans: int, results: list[dict], n_municipalities: int) -> str:
    areas = Area.objects.valid_on(DAY).filter(kind__in=Area.AUTHORITY_KINDS).count()
    lines = [
        "## National oversight dashboard",
        "",
        "`.venv/bin/python benchmarks/dashboard_national.py --write` (SQLite file database, test",
        "settings, Django test client, so no network or server overhead; DEBUG off).",
        "",
        f"- Data: {n_municipalities} in-scope municipalities (all of mainland Finland, real",
        f"  reference data), one plan each ({plans} plans in mixed states) with {OBJECTIVES}",
        f"  objectives, {MEASURES} measures per objective and {INDICATORS} indicators per measure;",
        "  a stored readiness result for every plan;",
        f"  date {DAY.isoformat()} ({areas} Economic Development Centre areas).",
        f"- Machine: {machine()}.",
        "",
        "| page | requests | SQL queries | median | p95 |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| `{r['url']}` | {r['n']} | {r['queries']} | {r['median']:.1f} ms | "
            f"{r['p95']:.1f} ms |"
        )
    lines += [
        "",
        "The query count does not grow with the number of municipalities or plans (asserted in",
        "`tests/oversight/dashboards/test_national.py`); the dashboards read stored readiness",
        "results and never recompute them.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--write", action="store_true", help="write BENCHMARKS.md")
    args = parser.parse_args()
    setup_test_environment()
    warnings.filterwarnings("ignore", message="No directory at")
    plans = build()
    client = Client()
    client.force_login(viewer())
    client.cookies["django_language"] = "en"
    biggest = max(
        Area.objects.valid_on(DAY).filter(kind=Area.Kind.VITALITY_CENTRE),
        key=lambda a: a.memberships.filter(municipality__in_act_scope=True).count(),
    )
    on = f"?on={DAY.isoformat()}"
    results = [
        timed(client, reverse("oversight:national_dashboard") + on, args.requests),
        timed(client, reverse("oversight:area_dashboard", args=[biggest.pk]) + on, args.requests),
    ]
    text = report(plans, results, Municipality.objects.in_act_scope().count())
    print(text)
    if args.write:
        write_section("National oversight dashboard", text)


if __name__ == "__main__":
    main()
