"""Each readiness rule, passing and failing; rules that do not apply."""

import re
from datetime import date

import pytest

from kotoplan.oversight.readiness.rules import (
    RULES,
    RULESET_VERSION,
    Level,
    Status,
    build_context,
    evaluate,
    rule,
)
from kotoplan.planning.models import Milestone, Plan
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    MilestoneFactory,
    ObjectiveFactory,
)

from ..support import check, make_ready

PASSED, MISSING, NA = Status.PASSED, Status.MISSING, Status.NOT_APPLICABLE


@pytest.fixture
def ready_plan(draft_plan, themes, organisation_a, contributor_organisation):
    return make_ready(draft_plan, themes, organisation_a, contributor_organisation)


# --- the registry ------------------------------------------------------------------------------


def test_registry__ids_are_stable_and_rules_are_described():
    assert RULESET_VERSION
    assert len(RULES) == 17
    for rule_id, r in RULES.items():
        assert re.fullmatch(r"R\d\d-[a-z-]+", rule_id)
        assert str(r.title)
        assert str(r.explanation)
        assert r.level in Level.values


def test_registry__same_id_twice_is_refused():
    with pytest.raises(RuntimeError):
        rule(
            "R01-themes-covered",
            title="x",
            explanation="x",
            basis="act",
            level="statutory",
            anchor="themes",
        )(lambda ctx: None)


def test_ready_plan__every_rule_passes_or_does_not_apply(ready_plan):
    outcomes = {o.rule.id: o.result.status for o in evaluate(build_context(ready_plan))}
    not_applicable = {rule_id for rule_id, status in outcomes.items() if status == NA}
    assert not_applicable == {
        "R14-host-document",
        "R15-decision-recorded",
        "R17-monitoring-not-overdue",
    }
    assert all(status == PASSED for r, status in outcomes.items() if r not in not_applicable)


def test_empty_plan__statutory_rules_are_missing(draft_plan):
    outcomes = {o.rule.id: o.result.status for o in evaluate(build_context(draft_plan))}
    assert outcomes["R01-themes-covered"] == MISSING
    assert outcomes["R02-objectives-have-measures"] == MISSING
    assert outcomes["R03-objectives-have-indicators"] == MISSING
    assert outcomes["R04-measures-have-responsible-party"] == MISSING
    assert outcomes["R05-cooperation-partners"] == MISSING


# --- content of the plan -----------------------------------------------------------------------


def test_themes_covered__missing_theme_without_reason(draft_plan, themes):
    ObjectiveFactory(plan=draft_plan, theme=themes["employment_education"])
    result = check("R01-themes-covered", draft_plan)
    assert result.status == MISSING
    assert "employment_education" not in result.params["themes"]
    assert "good_relations" in result.params["themes"]
    assert result.anchor.startswith("theme-")


def test_themes_covered__written_reason_counts(draft_plan, themes):
    for code in ("employment_education", "wellbeing_health_housing", "inclusion_equality"):
        ObjectiveFactory(plan=draft_plan, theme=themes[code])
    draft_plan.theme_justifications = {
        "language_culture": "Covered by the county's plan.",
        "good_relations": "   ",
    }
    assert check("R01-themes-covered", draft_plan).status == MISSING
    draft_plan.theme_justifications["good_relations"] = "Handled in the welfare plan."
    result = check("R01-themes-covered", draft_plan)
    assert result.status == PASSED
    assert set(result.params["themes"]) == {"language_culture", "good_relations"}


def test_objectives_have_measures__objective_without_measure(ready_plan, themes):
    bare = ObjectiveFactory(plan=ready_plan, theme=themes["other"])
    IndicatorFactory(objective=bare)
    result = check("R02-objectives-have-measures", ready_plan)
    assert result.status == MISSING
    assert result.anchor == f"objective-{bare.pk}"
    assert check("R02-objectives-have-measures", ready_plan).params["items"]


def test_objectives_have_measures__passes(ready_plan):
    assert check("R02-objectives-have-measures", ready_plan).status == PASSED


def test_objectives_have_indicators__needs_baseline_and_target(ready_plan, themes):
    objective = ObjectiveFactory(plan=ready_plan, theme=themes["other"])
    IndicatorFactory(objective=objective, target_value=None, target_year=None)
    assert check("R03-objectives-have-indicators", ready_plan).status == MISSING
    IndicatorFactory(objective=objective)
    assert check("R03-objectives-have-indicators", ready_plan).status == PASSED


def test_objectives_have_indicators__objective_without_indicator(ready_plan, themes):
    objective = ObjectiveFactory(plan=ready_plan, theme=themes["other"])
    result = check("R03-objectives-have-indicators", ready_plan)
    assert result.status == MISSING
    assert result.anchor == f"objective-{objective.pk}"


def test_measures_responsible__measure_without_party(ready_plan):
    objective = ready_plan.objectives.first()
    orphan = MeasureFactory(objective=objective, responsible_organisation=None)
    result = check("R04-measures-have-responsible-party", ready_plan)
    assert result.status == MISSING
    assert result.anchor == f"measure-{orphan.pk}"


def test_measures_responsible__passes(ready_plan):
    assert check("R04-measures-have-responsible-party", ready_plan).status == PASSED


def test_cooperation_partners__none_named(objective, other_measure):
    assert check("R05-cooperation-partners", objective.plan).status == MISSING


def test_cooperation_partners__passes(ready_plan):
    result = check("R05-cooperation-partners", ready_plan)
    assert result.status == PASSED
    assert result.params == {"count": 5, "total": 5}


def test_coordinating_authority(draft_plan, organisation_a):
    assert check("R06-coordinating-authority", draft_plan).status == MISSING
    draft_plan.coordinating_unit = organisation_a
    assert check("R06-coordinating-authority", draft_plan).status == PASSED
    draft_plan.coordinating_unit = None
    draft_plan.coordinating_authority = "Sivistystoimi"
    assert check("R06-coordinating-authority", draft_plan).status == PASSED


def test_county_coordination(ready_plan):
    assert check("R07-county-coordination", ready_plan).status == PASSED
    ready_plan.county_coordination = " "
    assert check("R07-county-coordination", ready_plan).status == MISSING


def test_integration_programme(draft_plan):
    assert check("R08-integration-programme", draft_plan).status == MISSING
    draft_plan.programme_mode = Plan.Programme.LINKED
    result = check("R08-integration-programme", draft_plan)
    assert (result.status, result.field) == (MISSING, "programme_url")
    draft_plan.programme_url = "https://example.fi/ohjelma"
    assert check("R08-integration-programme", draft_plan).status == PASSED
    draft_plan.programme_mode = Plan.Programme.INCORPORATED
    assert check("R08-integration-programme", draft_plan).status == PASSED


@pytest.mark.parametrize(
    ("all_immigrants", "good_relations", "expected"),
    [
        (True, True, PASSED),
        (False, True, MISSING),
        (True, False, MISSING),
        (None, True, MISSING),
        (True, None, MISSING),
    ],
)
def test_scope(draft_plan, all_immigrants, good_relations, expected):
    draft_plan.covers_all_immigrants = all_immigrants
    draft_plan.covers_good_relations = good_relations
    assert check("R09-scope", draft_plan).status == expected


def test_scope__new_plan_starts_unanswered_and_fails(draft_plan):
    """A new plan has not answered the scope questions; the rule says so, not "covered"."""
    assert (draft_plan.covers_all_immigrants, draft_plan.covers_good_relations) == (None, None)
    result = check("R09-scope", draft_plan)
    assert (result.status, result.field) == (MISSING, "covers_all_immigrants")
    assert "Not answered" in str(result.reason)
    draft_plan.covers_all_immigrants = True
    result = check("R09-scope", draft_plan)
    assert (result.status, result.field) == (MISSING, "covers_good_relations")


def test_situation_picture(draft_plan):
    assert check("R10-situation-picture", draft_plan).status == MISSING
    draft_plan.situation_quantitative_sv = "20 % talar ett främmande språk."
    result = check("R10-situation-picture", draft_plan)
    assert (result.status, result.field) == (MISSING, "situation_qualitative_fi")
    draft_plan.situation_qualitative_en = "Language training is the biggest need."
    assert check("R10-situation-picture", draft_plan).status == PASSED


# --- process, decision and monitoring ----------------------------------------------------------


def test_participation__evidence_text(draft_plan):
    assert check("R11-participation", draft_plan).status == MISSING
    draft_plan.participation_evidence = "Työpaja järjestöille 3.3.2026."
    assert check("R11-participation", draft_plan).status == PASSED


def test_participation__consultation_done_in_timetable(draft_plan):
    step = MilestoneFactory(plan=draft_plan, kind=Milestone.Kind.CONSULTATION, done=False)
    assert check("R11-participation", draft_plan).status == MISSING
    step.done = True
    step.save()
    assert check("R11-participation", draft_plan).status == PASSED


def test_cooperation_group(draft_plan):
    assert check("R12-cooperation-group", draft_plan).status == MISSING
    draft_plan.cooperation_group_note = "Seudullinen ryhmä riittää, palvelutarve on pieni."
    assert check("R12-cooperation-group", draft_plan).status == PASSED
    draft_plan.cooperation_group_note = ""
    draft_plan.has_cooperation_group = True
    assert check("R12-cooperation-group", draft_plan).status == PASSED


def test_authority_contacted(draft_plan):
    assert check("R13-authority-contacted", draft_plan).status == MISSING
    draft_plan.authority_contacted_on = date(2026, 2, 3)
    result = check("R13-authority-contacted", draft_plan)
    assert (result.status, result.params) == (PASSED, {"date": "2026-02-03"})


def test_host_document__not_applicable_for_separate_plan(draft_plan):
    assert check("R14-host-document", draft_plan).status == NA


def test_host_document__part_of_other(draft_plan):
    draft_plan.form = Plan.Form.PART_OF_OTHER
    assert check("R14-host-document", draft_plan).status == MISSING
    draft_plan.host_document_name = "Hyvinvointisuunnitelma 2025–2028"
    result = check("R14-host-document", draft_plan)
    assert (result.status, result.field) == (MISSING, "host_document_approval")
    draft_plan.host_document_approval = "Kaupunginvaltuusto 10.2.2025"
    assert check("R14-host-document", draft_plan).status == PASSED


def test_decision_recorded__not_applicable_before_adoption(draft_plan):
    assert check("R15-decision-recorded", draft_plan).status == NA


def test_decision_recorded__adopted_plan(adopted_plan):
    result = check("R15-decision-recorded", adopted_plan)
    assert result.status == PASSED
    assert result.params["date"] == "2022-03-14"
    adopted_plan.decision_body = ""
    assert check("R15-decision-recorded", adopted_plan).status == MISSING


def test_monitoring_cycle(draft_plan):
    assert check("R16-monitoring-cycle", draft_plan).status == MISSING
    draft_plan.monitoring_description = "Raportti valtuustolle vuosittain."
    assert check("R16-monitoring-cycle", draft_plan).status == PASSED
    draft_plan.monitoring_cycle = ""
    assert check("R16-monitoring-cycle", draft_plan).status == MISSING


def test_monitoring_not_overdue__not_applicable_until_adopted(ready_plan):
    result = check("R17-monitoring-not-overdue", ready_plan)
    assert result.status == NA
    assert "not been adopted" in str(result.reason)


def test_monitoring_not_overdue__adopted_plan_without_rounds(adopted_plan, coordinator_a, clock):
    """Adopted 2022-03-14 and no round since: overdue; an open round not yet due passes; past its
    due date without being closed it is overdue again, and closing it passes."""
    from kotoplan.monitoring.rounds import services as progress_services

    adopted_plan.period_end = 2026  # still in force on the test day (2026-06-01)
    adopted_plan.save()
    assert check("R17-monitoring-not-overdue", adopted_plan).status == MISSING
    r = progress_services.round_open(
        actor=coordinator_a, plan=adopted_plan, period_label="2025", due_date=date(2026, 6, 30)
    )
    assert check("R17-monitoring-not-overdue", adopted_plan).status == PASSED
    clock.day = date(2026, 7, 1)
    assert check("R17-monitoring-not-overdue", adopted_plan).status == MISSING
    progress_services.round_close(actor=coordinator_a, monitoring_round=r)
    assert check("R17-monitoring-not-overdue", adopted_plan).status == PASSED


def test_monitoring_not_overdue__not_applicable_once_the_period_has_ended(adopted_plan, clock):
    """Adopted 2022-03-14 for 2022–2025, no round ever opened: in 2026 the period has ended, so
    nothing is overdue; in 2025 it was."""
    result = check("R17-monitoring-not-overdue", adopted_plan)
    assert result.status == NA
    assert "period has ended" in str(result.reason)
    clock.day = date(2025, 6, 1)
    assert check("R17-monitoring-not-overdue", adopted_plan).status == MISSING


def test_participation__event_in_the_participation_register(draft_plan, coordinator_a):
    """A workshop recorded in the participation register is evidence of participation."""
    from kotoplan.participation.models import ParticipationEvent

    assert check("R11-participation", draft_plan).status == MISSING
    ParticipationEvent.objects.create(
        plan=draft_plan,
        kind=ParticipationEvent.Kind.WORKSHOP,
        held_on=date(2026, 3, 3),
        audience="Maahanmuuttajajärjestöt",
        participants=18,
        summary="Keskusteltiin kielikoulutuksen tarpeista.",
    )
    assert check("R11-participation", draft_plan).status == PASSED


def test_cooperation_group__group_in_the_register(draft_plan, municipality_a, organisation_a):
    """A group in the cooperation register that serves the plan satisfies the rule."""
    from tests.cooperation.conftest import make_group

    assert check("R12-cooperation-group", draft_plan).status == MISSING
    make_group(municipality=municipality_a, appointed_by=organisation_a, plans=[draft_plan])
    assert check("R12-cooperation-group", draft_plan).status == PASSED


def test_themes_covered__additional_theme_counts(draft_plan, themes):
    """An objective serving several statutory themes covers its additional themes too."""
    ObjectiveFactory(plan=draft_plan, theme=themes["employment_education"])
    objective = ObjectiveFactory(plan=draft_plan, theme=themes["wellbeing_health_housing"])
    objective.additional_themes.set(
        [themes["inclusion_equality"], themes["language_culture"], themes["good_relations"]]
    )

    result = check("R01-themes-covered", draft_plan)

    assert result.status == PASSED
    assert not result.params.get("themes")


def test_objectives_have_indicators__worded_target_counts(ready_plan, themes):
    objective = ObjectiveFactory(plan=ready_plan, theme=themes["other"])
    IndicatorFactory(objective=objective, target_value=None, target_year=None)
    assert check("R03-objectives-have-indicators", ready_plan).status == MISSING

    IndicatorFactory(
        objective=objective,
        target_value=None,
        target_text_fi="laskee ja lähestyy väestön keskiarvoa",
    )

    assert check("R03-objectives-have-indicators", ready_plan).status == PASSED
