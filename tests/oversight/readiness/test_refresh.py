"""Keeping stored readiness results fresh: the refresh queued by every change, once per plan
and transaction, and the daily command."""

import pytest
from django.core.management import call_command

from kotoplan.oversight.readiness import tasks
from kotoplan.oversight.readiness.models import ReadinessResult
from kotoplan.planning import services as planning_services

from ..support import make_ready, refresh


@pytest.fixture
def ready_plan(draft_plan, themes, organisation_a, contributor_organisation):
    return make_ready(draft_plan, themes, organisation_a, contributor_organisation)


def test_refresh__plan_edit_updates_stored_result_on_commit(
    ready_plan, coordinator_a, django_capture_on_commit_callbacks
):
    assert refresh(ready_plan).statutory_missing == 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        planning_services.plan_update(
            actor=coordinator_a,
            plan=ready_plan,
            expected_version=ready_plan.version,
            data={"county_coordination": ""},
        )
    assert callbacks  # queued on commit, run by the immediate task backend in tests
    stored = ReadinessResult.objects.get(plan=ready_plan)
    assert stored.statutory_missing == 1


def test_refresh__one_task_per_plan_per_transaction(
    ready_plan, coordinator_a, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []

    class FakeTask:
        def enqueue(self, **kwargs):
            queued.append(kwargs)

    monkeypatch.setattr(tasks, "refresh_plan_readiness", FakeTask())
    with django_capture_on_commit_callbacks(execute=True):
        for text in ("a", "b", "c"):
            ready_plan.refresh_from_db()
            planning_services.plan_update(
                actor=coordinator_a,
                plan=ready_plan,
                expected_version=ready_plan.version,
                data={"county_coordination": text},
            )
    assert queued == [{"plan_id": ready_plan.pk}]


def test_refresh_readiness_command__backfills(ready_plan, adopted_plan):
    call_command("refresh_readiness", verbosity=0)
    assert ReadinessResult.objects.filter(plan__in=[ready_plan, adopted_plan]).count() == 2
    ReadinessResult.objects.all().delete()
    call_command("refresh_readiness", "--plan", str(adopted_plan.pk), verbosity=0)
    assert list(ReadinessResult.objects.values_list("plan_id", flat=True)) == [adopted_plan.pk]


def test_refresh_readiness_command__skips_unchanged_plans_unless_forced(ready_plan):
    first = refresh(ready_plan)
    call_command("refresh_readiness", "--plan", str(ready_plan.pk), verbosity=0)
    assert ReadinessResult.objects.get(plan=ready_plan).computed_at == first.computed_at
    call_command("refresh_readiness", "--plan", str(ready_plan.pk), "--force", verbosity=0)
    assert ReadinessResult.objects.get(plan=ready_plan).computed_at > first.computed_at
