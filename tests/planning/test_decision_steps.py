"""The decision trail and the adoption tell the same story: adopting records the approving step
(or uses the one already on the trail), and the adoption form is filled in from it."""

from datetime import date

import pytest
from django.urls import reverse

from kotoplan.core.errors import DomainError, FrozenError
from kotoplan.planning.models import DecisionStep, Plan
from kotoplan.planning.services import content_create, plan_new_version, plan_record_historical
from tests.planning.support import DECISION, adopt

pytestmark = pytest.mark.django_db


def _step(plan, actor, **values):
    data = {
        "plan": plan,
        "body_kind": DecisionStep.BodyKind.COUNCIL,
        "body_name": "Kaupunginvaltuusto",
        "decided_on": DECISION["decision_date"],
        "section": "§ 45",
        "case_number": "ESP:55/00.01.02/2026",
        "outcome": DecisionStep.Outcome.APPROVED,
    } | values
    return content_create(actor=actor, model=DecisionStep, data=data)


def test_adoption_records_the_council_step(coordinator_a, full_draft_plan):
    plan = adopt(full_draft_plan, coordinator_a)
    step = plan.decision_steps.get()
    assert (step.body_kind, step.body_name, step.decided_on, step.outcome) == (
        "council",
        "Kaupunginvaltuusto",
        date(2026, 5, 18),
        "approved",
    )


def test_adoption_uses_the_approval_already_on_the_trail(coordinator_a, full_draft_plan):
    _step(full_draft_plan, coordinator_a)
    plan = adopt(full_draft_plan, coordinator_a)
    assert plan.decision_steps.count() == 1
    assert plan.decision_steps.get().section == "§ 45"


def test_adoption_form_is_filled_in_from_the_council_step(client, coordinator_a, full_draft_plan):
    _step(full_draft_plan, coordinator_a)
    Plan.objects.filter(pk=full_draft_plan.pk).update(state=Plan.State.AWAITING_DECISION)
    client.force_login(coordinator_a)
    url = reverse("planning:plan_transition", args=[full_draft_plan.pk, "adopted"])
    form = client.get(url).context["form"]
    assert form["decision_body"].value() == "Kaupunginvaltuusto"
    assert form["decision_reference"].value() == "§ 45"
    assert form["decision_case_number"].value() == "ESP:55/00.01.02/2026"


def test_trail_of_an_adopted_plan_is_frozen(coordinator_a, full_draft_plan):
    plan = adopt(full_draft_plan, coordinator_a)
    with pytest.raises(FrozenError):
        _step(plan, coordinator_a, body_name="Tarkastuslautakunta")


def test_new_version_starts_with_an_empty_trail_and_the_current_act(coordinator_a, draft_plan):
    old = plan_record_historical(
        actor=coordinator_a,
        lead_municipality=draft_plan.lead_municipality,
        data={"title_fi": "Kotouttamisohjelma", "period_start": 2018, "period_end": 2021}
        | {"legal_basis": Plan.LegalBasis.ACT_2010},
        steps=[
            {
                "body_kind": "council",
                "body_name": "Kaupunginvaltuusto",
                "decided_on": date(2018, 2, 19),
                "outcome": "approved",
            }
        ],
    )
    new = plan_new_version(actor=coordinator_a, plan=old)
    assert not new.decision_steps.exists()
    assert old.decision_steps.count() == 1
    assert (new.is_historical, new.legal_basis, new.state) == (False, "681/2023", "draft")


def test_historical_record_refuses_decisions_in_the_future(coordinator_a, municipality_a):
    with pytest.raises(DomainError):
        plan_record_historical(
            actor=coordinator_a,
            lead_municipality=municipality_a,
            data={"title_fi": "Tuleva", "period_start": 2030, "period_end": 2033},
            steps=[
                {
                    "body_kind": "council",
                    "body_name": "Valtuusto",
                    "decided_on": date(2099, 1, 1),
                    "outcome": "approved",
                }
            ],
        )
    assert not Plan.objects.filter(is_historical=True).exists()


def test_historical_record_is_audited(coordinator_a, municipality_a):
    from kotoplan.audit.selectors import plan_trail

    plan = plan_record_historical(
        actor=coordinator_a,
        lead_municipality=municipality_a,
        data={"title_fi": "Vanha ohjelma", "period_start": 2014, "period_end": 2017},
        steps=[
            {
                "body_kind": "council",
                "body_name": "Valtuusto",
                "decided_on": date(2014, 6, 2),
                "outcome": "approved",
            }
        ],
    )
    actors = {entry.actor for entry in plan_trail(plan_id=plan.pk)}
    assert actors == {coordinator_a}
    created = {e.object_repr for e in plan_trail(plan_id=plan.pk) if e.action == e.Action.CREATE}
    assert created == {"Vanha ohjelma", "Valtuusto 02.06.2014"}
