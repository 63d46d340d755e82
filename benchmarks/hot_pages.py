"""SQL queries and time of the pages issue 15 found slow, on generated data in PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kp_hot \
        .venv/bin/python benchmarks/hot_pages.py [--plans 8] [--measures 24] [--responses 600] \
        [--log 60000] [--requests 15]

Drops and recreates the database named in DATABASE_URL, migrates it, and builds with the test
factories (fixed random seed): `--plans` adopted plans of as many municipalities, each with
`--measures` measures (two of three led by Kela, all co-led by Kela's partner unit), an
indicator per measure (every other one from Sotkanet) and one per objective, an open
monitoring round with half of the measures reported; a consultation on the first plan with
`--responses` responses answering every question; `--log` further audit entries spread over
other plans. Then times each page with the Django test client (median of `--requests`, after
one warm-up) and counts its SQL queries. Nothing is written to BENCHMARKS.md.
"""

import argparse
import os
import statistics
import sys
import time
import warnings
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

URL = os.environ.get("DATABASE_URL", "")
if not URL.startswith("postgres"):
    sys.exit("Give a PostgreSQL database of your own in DATABASE_URL (it is recreated).")
django.setup()

import factory.random  # noqa: E402
import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402


def recreate_database() -> None:
    name = settings.DATABASES["default"]["NAME"]
    admin = URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


def build(plans: int, measures: int, responses: int, log: int) -> dict:
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from kotoplan.accounts.models import Organisation, RoleAssignment
    from kotoplan.monitoring.rounds import services as rounds
    from kotoplan.participation import services as participation
    from kotoplan.participation.models import Question
    from kotoplan.planning.models import Indicator, Measure, Plan, Theme
    from tests.factories.accounts import OrganisationFactory, RoleAssignmentFactory, UserFactory
    from tests.factories.geography import MunicipalityFactory
    from tests.factories.planning import (
        IndicatorFactory,
        MeasureFactory,
        ObjectiveFactory,
        PlanFactory,
    )
    from tests.participation.conftest import make_consultation

    factory.random.reseed_random("kotoplan-hot-pages")
    themes = list(Theme.objects.order_by("order"))
    admin = UserFactory(username="bench-admin", is_staff=True, is_superuser=True)
    kela = OrganisationFactory(kind=Organisation.Kind.KELA, name_fi="Kela", name_en="Kela")
    kela_unit = OrganisationFactory(name_fi="Kelan kumppanuusyksikkö")
    kela_user = UserFactory(username="bench-kela")
    for organisation in (kela, kela_unit):
        RoleAssignmentFactory(
            user=kela_user, organisation=organisation, role=RoleAssignment.Role.CONTRIBUTOR
        )
    made = []
    for number in range(plans):
        municipality = MunicipalityFactory(code=f"{100 + number:03d}")
        city = OrganisationFactory(kind=Organisation.Kind.MUNICIPALITY, municipality=municipality)
        plan = PlanFactory(
            lead_municipality=municipality,
            state=Plan.State.ADOPTED,
            decision_body="Kaupunginvaltuusto",
            decision_date=date(2025, 3, 1),
            period_start=2025,
            period_end=2028,
        )
        objective = None
        for m in range(measures):
            if m % 3 == 0:
                objective = ObjectiveFactory(plan=plan, theme=themes[(m // 3) % len(themes)])
                IndicatorFactory(objective=objective, source=Indicator.Source.MANUAL)
            measure = MeasureFactory(
                objective=objective,
                responsible_organisation=kela if m % 3 != 2 else city,
                partners=[kela],
                schedule_text=str(2026 + m % 3),
            )
            measure.co_responsible.set([kela_unit])
            sotkanet = m % 2 == 1
            IndicatorFactory(
                objective=objective,
                measure=measure,
                source=Indicator.Source.SOTKANET if sotkanet else Indicator.Source.MANUAL,
                source_code="127" if sotkanet else "",
            )
        monitoring_round = rounds.round_open(
            actor=admin, plan=plan, period_label="2025", due_date=date(2026, 6, 30)
        )
        for m, measure in enumerate(Measure.objects.filter(objective__plan=plan).order_by("pk")):
            if m % 2 == 0:
                rounds.measure_update_save(
                    actor=admin,
                    monitoring_round=monitoring_round,
                    measure=measure,
                    expected_version=None,
                    status="on_track",
                    narrative="Etenee.",
                )
        made.append((plan, monitoring_round))
    first_plan = made[0][0]
    Plan.objects.filter(pk=first_plan.pk).update(state=Plan.State.CONSULTATION)
    first_plan.refresh_from_db()
    consultation = make_consultation(first_plan, admin, slug="bench")
    asked = {q.kind: q for q in consultation.questions.all()}
    single = list(asked[Question.Kind.SINGLE].options.all())
    multiple = list(asked[Question.Kind.MULTIPLE].options.all())
    for n in range(responses):
        participation.feedback_submit(
            consultation=consultation,
            language=("fi", "sv", "ar")[n % 3],
            comment=f"Palaute {n}" if n % 4 == 0 else "",
            answers={
                asked[Question.Kind.SINGLE].pk: [single[n % 2].pk],
                asked[Question.Kind.MULTIPLE].pk: [multiple[n % 3].pk],
                asked[Question.Kind.RATING].pk: n % 5 + 1,
                asked[Question.Kind.TEXT].pk: f"Vastaus {n}" if n % 3 == 0 else "",
            },
        )
    Plan.objects.filter(pk=first_plan.pk).update(state=Plan.State.ADOPTED)
    content_type = ContentType.objects.get_for_model(Measure)
    now = timezone.now()
    LogEntry.objects.bulk_create(
        [
            LogEntry(
                content_type=content_type,
                object_pk=str(n),
                object_id=n,
                object_repr="toimenpide",
                action=LogEntry.Action.UPDATE,
                changes={},
                timestamp=now,
                additional_data={"plan_id": 100_000 + n % 300},
            )
            for n in range(log)
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    plan, monitoring_round = made[-1]
    return {
        "admin": admin,
        "kela": kela_user,
        "plan": plan,
        "round": monitoring_round,
        "consultation": consultation,
    }


def read(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def timed(client: Client, url: str, n: int) -> tuple[int, float, int]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    size = len(read(response))
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        read(client.get(url))
    times = []
    for _ in range(n):
        started = time.perf_counter()
        read(client.get(url))
        times.append((time.perf_counter() - started) * 1000)
    return len(queries), statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=8)
    parser.add_argument("--measures", type=int, default=24)
    parser.add_argument("--responses", type=int, default=600)
    parser.add_argument("--log", type=int, default=60000)
    parser.add_argument("--requests", type=int, default=15)
    args = parser.parse_args()
    setup_test_environment()
    warnings.filterwarnings("ignore", message="No directory at")
    recreate_database()
    started = time.perf_counter()
    world = build(args.plans, args.measures, args.responses, args.log)
    print(f"built in {time.perf_counter() - started:.0f} s: {vars(args)}")
    plan, monitoring_round, consultation = world["plan"], world["round"], world["consultation"]
    report = reverse("monitoring:round_report", args=[plan.pk, monitoring_round.pk])
    pages = [
        ("floor: /healthz", None, "/healthz"),
        ("my measures (Kela)", "kela", reverse("monitoring:my_measures")),
        ("monitoring report", "admin", report),
        ("plan page", "admin", reverse("planning:plan_detail", args=[plan.pk])),
        ("plan history", "admin", reverse("planning:plan_history", args=[plan.pk])),
        ("consultation results", "admin", reverse("participation:results", args=[consultation.pk])),
        ("open data plans.csv", None, "/documents/open-data/plans.csv"),
        ("open data measures.csv", None, "/documents/open-data/measures.csv"),
        ("open data indicators.csv", None, "/documents/open-data/indicators.csv"),
        ("open data plans.json", None, "/documents/open-data/plans.json"),
    ]  # fmt: skip
    print("| page | SQL queries | median ms | bytes |")
    print("|---|---|---|---|")
    for label, who, url in pages:
        client = Client()
        client.cookies["django_language"] = "fi"
        if who:
            client.force_login(world[who])
        queries, median, size = timed(client, url, args.requests)
        print(f"| {label} | {queries} | {median:.0f} | {size} |")


if __name__ == "__main__":
    main()
