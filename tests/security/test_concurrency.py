"""Concurrent conflicting saves lose nothing: of several people saving the same objective,
measure, plan field or progress report from the same loaded version, exactly one wins and every
other one gets the conflict; raced lifecycle steps happen once; concurrent imports of the same
file write it once.

Every attempt runs in its own thread with its own database connection. On PostgreSQL they run
at once (a barrier releases them together); on the in-memory SQLite test database, which cannot
take concurrent writers, they take turns, each still with the version it loaded.
"""

import io
import json
import threading
from collections import Counter
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.db import connection, connections

from kotoplan.core.errors import DomainError, EditConflict
from kotoplan.documents.importers.municipality import RestoreRefused
from kotoplan.documents.services import municipality_data_import
from kotoplan.monitoring.rounds import services as rounds
from kotoplan.monitoring.rounds.models import MeasureUpdate
from kotoplan.planning.models import DecisionStep, Measure, Objective, Plan
from kotoplan.planning.services import (
    content_update,
    plan_new_version,
    plan_transition,
    plan_update,
)
from tests.factories.planning import MeasureFactory, ObjectiveFactory, PlanFactory
from tests.planning.support import DECISION, REASON

PEOPLE = 8  # concurrent saves per race
pytestmark = pytest.mark.django_db(transaction=True)


def race(attempt, people: int = PEOPLE) -> Counter:
    """Run `attempt(i)` in `people` threads at once; counts of "saved", "conflict", errors."""
    results: Counter = Counter()
    together = threading.Barrier(people)
    turns = threading.Lock() if connection.vendor == "sqlite" else None

    def run(i: int) -> None:
        try:
            together.wait(timeout=10)
            if turns:
                with turns:
                    attempt(i)
            else:
                attempt(i)
            results["saved"] += 1
        except (EditConflict, RestoreRefused):
            results["conflict"] += 1
        except DomainError:  # e.g. "cannot move from adopted to adopted" for a later reader
            results["refused"] += 1
        except Exception as exc:  # counted and shown by the assertion
            results[f"error: {type(exc).__name__}: {exc}"] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _entries(obj, field: str) -> int:
    """Audit entries of changes to the object's `field` (its creation not counted)."""
    return sum(
        1
        for entry in LogEntry.objects.filter(
            content_type__model=obj._meta.model_name,
            object_id=obj.pk,
            action=LogEntry.Action.UPDATE,
        )
        if field in (entry.changes or {})
    )


@pytest.fixture
def plan(municipality_a, coordinator_a, themes):
    plan = PlanFactory(lead_municipality=municipality_a, period_start=2025, period_end=2028)
    objective = ObjectiveFactory(plan=plan, theme=themes["employment_education"])
    MeasureFactory(objective=objective)
    return plan


def test_conflicting_saves__one_wins_the_others_get_the_conflict(plan, coordinator_a, report_count):
    objective = Objective.objects.get(plan=plan)
    measure = Measure.objects.get(objective=objective)
    races = {
        "objective": (
            objective,
            "title_fi",
            lambda i, v: content_update(
                actor=coordinator_a,
                obj=Objective.objects.get(pk=objective.pk),
                expected_version=v,
                data={"title_fi": f"Tavoite {i}"},
            ),
        ),
        "measure": (
            measure,
            "title_fi",
            lambda i, v: content_update(
                actor=coordinator_a,
                obj=Measure.objects.get(pk=measure.pk),
                expected_version=v,
                data={"title_fi": f"Toimenpide {i}"},
            ),
        ),
        "plan field": (
            plan,
            "title_fi",
            lambda i, v: plan_update(
                actor=coordinator_a,
                plan=Plan.objects.get(pk=plan.pk),
                expected_version=v,
                data={"title_fi": f"Suunnitelma {i}"},
            ),
        ),
    }
    tried = lost = 0
    for name, (obj, field, save) in races.items():
        loaded = type(obj).objects.get(pk=obj.pk).version  # what every person's form carries
        written: list[str] = []

        def attempt(i, save=save, loaded=loaded, written=written, field=field):
            saved = save(i, loaded)
            written.append(getattr(saved, field))

        results = race(attempt)
        current = type(obj).objects.get(pk=obj.pk)
        assert results == Counter(saved=1, conflict=PEOPLE - 1), name
        assert current.version == loaded + 1, name
        assert [getattr(current, field)] == written, name  # the winner's value is the one kept
        tried += PEOPLE
        lost += results["saved"] - 1

    # Progress reports: a first report raced, then a correction raced from the same version.
    plan.state, plan.decision_body, plan.decision_date = (
        Plan.State.ADOPTED,
        "Valtuusto",
        date.today(),
    )
    plan.save()
    monitoring_round = rounds.round_open(
        actor=coordinator_a, plan=plan, period_label="2025", due_date=date(2026, 6, 30)
    )
    for expected in (None, 1):
        results = race(
            lambda i, expected=expected: rounds.measure_update_save(
                actor=coordinator_a,
                monitoring_round=monitoring_round,
                measure=measure,
                expected_version=expected,
                status="on_track",
                progress=10 + i,
                narrative=f"Raportti {i}",
            )
        )
        assert results == Counter(saved=1, conflict=PEOPLE - 1), expected
        update = MeasureUpdate.objects.get(round=monitoring_round, measure=measure)
        assert update.version == (expected or 0) + 1
        tried += PEOPLE
        lost += results["saved"] - 1

    report_count("Concurrency", f"{tried} conflicting saves, {lost} lost updates")
    assert lost == 0


def test_raced_lifecycle_steps__happen_once(plan, coordinator_a, report_count):
    steps = {
        Plan.State.AWAITING_DECISION: {},
        Plan.State.ADOPTED: {"decision": DECISION},
    }
    for to_state, extra in steps.items():
        loaded = Plan.objects.get(pk=plan.pk).version

        def attempt(i, to_state=to_state, extra=extra, loaded=loaded):
            plan_transition(
                actor=coordinator_a,
                plan=Plan.objects.get(pk=plan.pk),
                to_state=to_state,
                expected_version=loaded,
                override_reason=REASON,
                **extra,
            )

        results = race(attempt)
        assert results["saved"] == 1, results
        assert results["conflict"] + results["refused"] == PEOPLE - 1, results
        current = Plan.objects.get(pk=plan.pk)
        assert (current.state, current.version) == (to_state, loaded + 1)
    assert DecisionStep.objects.filter(plan=plan).count() == 1  # one adoption recorded
    assert _entries(plan, "state") == 2  # one audit entry per step

    results = race(
        lambda i: plan_new_version(actor=coordinator_a, plan=Plan.objects.get(pk=plan.pk))
    )
    assert results == Counter(saved=1, refused=PEOPLE - 1)  # "a new version already exists"
    assert Plan.objects.filter(lineage=plan.lineage).count() == 2
    report_count("Lifecycle races", f"{3 * PEOPLE} transitions tried, 3 happened")


def test_concurrent_imports_of_the_same_file__written_once(
    plan, municipality_a, tmp_path, report_count
):
    out = io.StringIO()
    call_command("export_municipality", municipality_a.code, "-", stdout=out)
    content = out.getvalue().encode()
    rows = sum(len(s["rows"]) for s in json.loads(content)["data"])
    LogEntry.objects.all().delete()
    Plan.objects.filter(pk=plan.pk).delete()

    results = race(lambda i: municipality_data_import(content=content), people=4)

    assert results == Counter(saved=1, conflict=3)
    assert Plan.objects.filter(lead_municipality=municipality_a).count() == 1
    assert Objective.objects.filter(plan__lead_municipality=municipality_a).count() == 1
    assert Measure.objects.filter(objective__plan__lead_municipality=municipality_a).count() == 1
    report_count("Concurrent imports", f"4 imports of one file ({rows} rows), 1 written")
