"""The stored readiness result: computed by the refresh after a change, reused while nothing
changes, and only ever read by the selectors."""

import pytest
from django.utils import translation

from kotoplan.oversight.readiness import selectors, services
from kotoplan.oversight.readiness.models import ReadinessResult
from kotoplan.oversight.readiness.rules import RULES, RULESET_VERSION, Status
from kotoplan.oversight.readiness.selectors import (
    readiness_of_plan,
    readiness_report,
    readiness_stored,
)
from kotoplan.oversight.readiness.services import readiness_refresh
from kotoplan.planning import services as planning_services
from kotoplan.planning.models import Measure
from tests.factories.planning import MeasureFactory

from ..support import make_ready, refresh


@pytest.fixture
def ready_plan(draft_plan, themes, organisation_a, contributor_organisation):
    return make_ready(draft_plan, themes, organisation_a, contributor_organisation)


def _status(result: ReadinessResult, rule_id: str) -> str:
    return next(e["status"] for e in result.results if e["rule"] == rule_id)


def _refuse_recompute(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("recomputed although nothing changed")

    monkeypatch.setattr(services, "evaluate", refuse)


def test_refresh__stores_result_with_counts(ready_plan):
    result = refresh(ready_plan)
    assert ReadinessResult.objects.filter(plan=ready_plan).count() == 1
    assert result.ruleset_version == RULESET_VERSION
    assert (result.statutory_passed, result.statutory_total) == (11, 11)
    assert (result.recommended_passed, result.recommended_total) == (3, 3)
    assert len(result.results) == len(RULES)


def test_refresh__reused_when_nothing_changed(ready_plan, monkeypatch):
    first = refresh(ready_plan)
    _refuse_recompute(monkeypatch)
    again = refresh(ready_plan)
    assert again.pk == first.pk
    assert again.computed_at == first.computed_at


def test_refresh__reuse_costs_few_queries(ready_plan, django_assert_max_num_queries):
    readiness_refresh(plan=ready_plan)
    with django_assert_max_num_queries(2):
        readiness_refresh(plan=ready_plan)


def test_refresh__forced_recomputes_unchanged_plan(ready_plan):
    first = readiness_refresh(plan=ready_plan)
    again = readiness_refresh(plan=ready_plan, force=True)
    assert again.pk == first.pk
    assert again.computed_at > first.computed_at


def test_refresh__after_plan_edit(ready_plan, coordinator_a, django_capture_on_commit_callbacks):
    assert _status(refresh(ready_plan), "R07-county-coordination") == "passed"
    with django_capture_on_commit_callbacks(execute=True):
        planning_services.plan_update(
            actor=coordinator_a,
            plan=ready_plan,
            expected_version=ready_plan.version,
            data={"county_coordination": ""},
        )
    result = ReadinessResult.objects.get(plan=ready_plan)
    assert _status(result, "R07-county-coordination") == "missing"
    assert result.statutory_passed == 10


def test_refresh__after_content_edit(ready_plan, coordinator_a, django_capture_on_commit_callbacks):
    refresh(ready_plan)
    objective = ready_plan.objectives.first()
    with django_capture_on_commit_callbacks(execute=True):
        planning_services.content_create(
            actor=coordinator_a, model=Measure, data={"objective": objective, "title_fi": "Uusi"}
        )
    result = ReadinessResult.objects.get(plan=ready_plan)
    assert _status(result, "R04-measures-have-responsible-party") == "missing"


def test_refresh__after_partner_removed(
    objective, contributor_organisation, django_capture_on_commit_callbacks
):
    measure = MeasureFactory(objective=objective, partners=[contributor_organisation])
    plan = objective.plan
    assert _status(refresh(plan), "R05-cooperation-partners") == "passed"
    with django_capture_on_commit_callbacks(execute=True):
        measure.partners.clear()
    result = ReadinessResult.objects.get(plan=plan)
    assert _status(result, "R05-cooperation-partners") == "missing"


def test_refresh__when_rule_set_changes(ready_plan, monkeypatch):
    first = refresh(ready_plan)
    monkeypatch.setattr(selectors, "RULESET_VERSION", "test-next")
    again = refresh(ready_plan)
    assert again.pk == first.pk
    assert again.computed_at > first.computed_at


def test_selectors__never_compute(ready_plan, monkeypatch):
    _refuse_recompute(monkeypatch)
    assert readiness_stored(plan_ids=[ready_plan.pk]) == {}
    stored = readiness_of_plan(plan=ready_plan)
    assert stored.result is None
    assert not ReadinessResult.objects.exists()


def test_readiness_of_plan__current_until_the_plan_changes(ready_plan, coordinator_a):
    result = refresh(ready_plan)
    assert readiness_of_plan(plan=ready_plan) == selectors.StoredReadiness(result, True)
    updated = planning_services.plan_update(  # the task would run after the commit
        actor=coordinator_a,
        plan=ready_plan,
        expected_version=ready_plan.version,
        data={"county_coordination": ""},
    )
    stored = readiness_of_plan(plan=updated)
    assert stored.result == result
    assert stored.is_current is False


def test_readiness_of_plan__costs_few_queries(ready_plan, django_assert_max_num_queries):
    refresh(ready_plan)
    with django_assert_max_num_queries(2):
        readiness_of_plan(plan=ready_plan)


def test_readiness_report__reasons_filled_and_next_steps(draft_plan):
    with translation.override("en"):
        report = readiness_report(result=refresh(draft_plan))
    themes_item = next(i for i in report.statutory if i.rule.id == "R01-themes-covered")
    assert "Good relations between population groups" in themes_item.reason
    assert "%(" not in themes_item.reason
    assert len(report.next_steps) == 3
    assert all(i.rule.statutory and i.status == Status.MISSING for i in report.next_steps)
    assert report.next_steps[0].rule.id == "R01-themes-covered"
    county = next(i for i in report.statutory if i.rule.id == "R07-county-coordination")
    assert county.fix_url.startswith(f"/plans/{draft_plan.pk}/edit/?return_to=")
    assert county.fix_url.endswith("#id_county_coordination_field")


def test_readiness_report__recommendations_next_when_statutory_met(ready_plan):
    ready_plan.authority_contacted_on = None
    ready_plan.save()
    report = readiness_report(result=refresh(ready_plan))
    assert [i.rule.id for i in report.next_steps] == ["R13-authority-contacted"]
