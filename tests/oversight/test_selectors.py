"""The stored readiness result: computed once, reused while nothing changes, recomputed after."""

import pytest
from django.utils import translation

from kotoplan.oversight import selectors, services
from kotoplan.oversight.models import ReadinessResult
from kotoplan.oversight.readiness import RULES, Status
from kotoplan.oversight.selectors import readiness_for_plan, readiness_report, readiness_stored
from kotoplan.planning import services as planning_services
from kotoplan.planning.models import Measure
from tests.factories.planning import MeasureFactory

from .support import make_ready


@pytest.fixture
def ready_plan(draft_plan, themes, organisation_a, contributor_organisation):
    return make_ready(draft_plan, themes, organisation_a, contributor_organisation)


def _status(result: ReadinessResult, rule_id: str) -> str:
    return next(e["status"] for e in result.results if e["rule"] == rule_id)


def _refuse_recompute(monkeypatch):
    def refuse(**kwargs):
        raise AssertionError("recomputed although nothing changed")

    monkeypatch.setattr(services, "readiness_refresh", refuse)


def test_readiness_for_plan__stores_result_with_counts(ready_plan):
    result = readiness_for_plan(plan=ready_plan)
    assert ReadinessResult.objects.filter(plan=ready_plan).count() == 1
    assert result.ruleset_version == selectors.RULESET_VERSION
    assert (result.statutory_passed, result.statutory_total) == (11, 11)
    assert (result.recommended_passed, result.recommended_total) == (3, 3)
    assert len(result.results) == len(RULES)


def test_readiness_for_plan__reused_when_nothing_changed(ready_plan, monkeypatch):
    first = readiness_for_plan(plan=ready_plan)
    _refuse_recompute(monkeypatch)
    again = readiness_for_plan(plan=ready_plan)
    assert again.pk == first.pk
    assert again.computed_at == first.computed_at


def test_readiness_for_plan__reuse_costs_few_queries(ready_plan, django_assert_max_num_queries):
    readiness_for_plan(plan=ready_plan)
    with django_assert_max_num_queries(2):
        readiness_for_plan(plan=ready_plan)


def test_readiness_for_plan__recomputed_after_plan_edit(ready_plan, coordinator_a):
    assert _status(readiness_for_plan(plan=ready_plan), "R07-county-coordination") == "passed"
    updated = planning_services.plan_update(
        actor=coordinator_a,
        plan=ready_plan,
        expected_version=ready_plan.version,
        data={"county_coordination": ""},
    )
    result = readiness_for_plan(plan=updated)
    assert _status(result, "R07-county-coordination") == "missing"
    assert result.statutory_passed == 10


def test_readiness_for_plan__recomputed_after_content_edit(ready_plan, coordinator_a):
    readiness_for_plan(plan=ready_plan)
    objective = ready_plan.objectives.first()
    planning_services.content_create(
        actor=coordinator_a, model=Measure, data={"objective": objective, "title_fi": "Uusi"}
    )
    result = readiness_for_plan(plan=ready_plan)
    assert _status(result, "R04-measures-have-responsible-party") == "missing"


def test_readiness_for_plan__recomputed_after_partner_removed(objective, contributor_organisation):
    measure = MeasureFactory(objective=objective, partners=[contributor_organisation])
    plan = objective.plan
    assert _status(readiness_for_plan(plan=plan), "R05-cooperation-partners") == "passed"
    measure.partners.clear()
    assert _status(readiness_for_plan(plan=plan), "R05-cooperation-partners") == "missing"


def test_readiness_for_plan__recomputed_when_rule_set_changes(ready_plan, monkeypatch):
    first = readiness_for_plan(plan=ready_plan)
    monkeypatch.setattr(selectors, "RULESET_VERSION", "test-next")
    again = readiness_for_plan(plan=ready_plan)
    assert again.pk == first.pk
    assert again.computed_at > first.computed_at


def test_readiness_stored__never_computes(ready_plan, monkeypatch):
    _refuse_recompute(monkeypatch)
    assert readiness_stored(plan_ids=[ready_plan.pk]) == {}


def test_readiness_report__reasons_filled_and_next_steps(draft_plan):
    with translation.override("en"):
        report = readiness_report(result=readiness_for_plan(plan=draft_plan))
    themes_item = next(i for i in report.statutory if i.rule.id == "R01-themes-covered")
    assert "Good relations between population groups" in themes_item.reason
    assert "%(" not in themes_item.reason
    assert len(report.next_steps) == 3
    assert all(i.rule.statutory and i.status == Status.MISSING for i in report.next_steps)
    assert report.next_steps[0].rule.id == "R01-themes-covered"
    county = next(i for i in report.statutory if i.rule.id == "R07-county-coordination")
    assert county.fix_url.endswith(f"/plans/{draft_plan.pk}/edit/#id_county_coordination")


def test_readiness_report__recommendations_next_when_statutory_met(ready_plan):
    ready_plan.authority_contacted_on = None
    ready_plan.save()
    report = readiness_report(result=readiness_for_plan(plan=ready_plan))
    assert [i.rule.id for i in report.next_steps] == ["R13-authority-contacted"]
