"""The audit log's index on the plan an entry names: PostgreSQL finds a plan's newest entry (the
readiness fingerprint) and its history through it instead of reading the whole log; SQLite,
which could not use such an index, has none and gives the same answers."""

import pytest
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext

from kotoplan.audit.selectors import plan_trail
from kotoplan.audit.services import acting_as
from tests.factories.planning import MeasureFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db

INDEX = "audit_logentry_plan_id"


def _newest_entry(plan) -> int | None:
    """The newest entry of the plan, as the readiness fingerprint reads it."""
    return plan_trail(plan_id=plan.pk).order_by().aggregate(last=Max("pk"))["last"]


def _explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the test log is tiny
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, "auditlog_logentry"))


def test_newest_entry_of_a_plan__read_through_the_index_on_postgresql(
    draft_plan, adopted_plan, objective, coordinator_a
):
    with acting_as(coordinator_a):
        MeasureFactory(objective=objective)
        ObjectiveFactory(plan=adopted_plan)
    with CaptureQueriesContext(connection) as captured:
        newest = _newest_entry(draft_plan)
    assert newest is not None
    assert newest < _newest_entry(adopted_plan)
    if connection.vendor != "postgresql":
        assert INDEX not in _indexes()
        return
    assert INDEX in _indexes()
    plan = _explain(captured.captured_queries[-1]["sql"])
    assert f"using {INDEX}" in plan, plan
