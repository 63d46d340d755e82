"""Writing plans: creation, optimistic locking, content, the lifecycle, versions and the trail."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from kotoplan.core.errors import DomainError, EditConflict
from kotoplan.planning.models import (
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    TargetGroup,
)
from kotoplan.planning.services import (
    content_update,
    plan_new_version,
    plan_transition,
    plan_update,
)
from tests.factories.accounts import OrganisationFactory
from tests.factories.planning import MeasureFactory
from tests.planning.support import DECISION, REASON, adopt


@pytest.fixture
def frozen_plan(coordinator_a, full_draft_plan):
    return adopt(full_draft_plan, coordinator_a)


# --- lifecycle ---------------------------------------------------------------------------------


def test_plan_transition_opens_consultation__draft(coordinator_a, draft_plan):
    """A draft can be opened for consultation."""
    updated = plan_transition(
        actor=coordinator_a,
        plan=draft_plan,
        to_state=Plan.State.CONSULTATION,
        expected_version=1,
        override_reason=REASON,
    )

    draft_plan.refresh_from_db()
    assert updated.state == draft_plan.state == Plan.State.CONSULTATION


def test_plan_transition_refuses_decision__measure_without_responsible_party(
    coordinator_a, full_draft_plan, objective
):
    """A plan is not sent for decision while a measure has no responsible party; the message
    names the measure in the user's language."""
    orphan = MeasureFactory(
        objective=objective,
        title_fi="Orpo toimenpide",
        title_en="Orphan measure",
        responsible_organisation=None,
    )

    with pytest.raises(DomainError) as caught:
        plan_transition(
            actor=coordinator_a,
            plan=full_draft_plan,
            to_state=Plan.State.AWAITING_DECISION,
            expected_version=1,
            override_reason=REASON,
        )

    assert "Orphan measure" in caught.value.message
    full_draft_plan.refresh_from_db()
    assert full_draft_plan.state == Plan.State.DRAFT
    orphan.responsible_organisation = OrganisationFactory()
    orphan.save()
    moved = plan_transition(
        actor=coordinator_a,
        plan=full_draft_plan,
        to_state=Plan.State.AWAITING_DECISION,
        expected_version=1,
        override_reason=REASON,
    )
    assert moved.state == Plan.State.AWAITING_DECISION


def test_plan_transition_refuses_decision__plan_without_objectives(coordinator_a, draft_plan):
    """An empty plan is not sent for decision."""
    with pytest.raises(DomainError, match="no objectives"):
        plan_transition(
            actor=coordinator_a,
            plan=draft_plan,
            to_state=Plan.State.AWAITING_DECISION,
            expected_version=1,
            override_reason=REASON,
        )


@pytest.mark.parametrize(
    "decision",
    [
        None,
        {"decision_body": "Kaupunginvaltuusto"},
        {"decision_date": date(2026, 5, 18)},
    ],
    ids=["nothing", "no-date", "no-body"],
)
def test_plan_transition_refuses_adoption__decision_incomplete(
    coordinator_a, full_draft_plan, decision
):
    """Recording adoption needs both the deciding body and the decision date."""
    plan = plan_transition(
        actor=coordinator_a,
        plan=full_draft_plan,
        to_state=Plan.State.AWAITING_DECISION,
        expected_version=1,
        override_reason=REASON,
    )

    with pytest.raises(DomainError, match="deciding body"):
        plan_transition(
            actor=coordinator_a,
            plan=plan,
            to_state=Plan.State.ADOPTED,
            expected_version=plan.version,
            override_reason=REASON,
            decision=decision,
        )

    plan.refresh_from_db()
    assert plan.state == Plan.State.AWAITING_DECISION


def test_plan_transition_records_decision__adopted(coordinator_a, full_draft_plan):
    """Adoption stores the deciding body and date and freezes the plan."""
    adopted = adopt(full_draft_plan, coordinator_a)

    adopted.refresh_from_db()
    assert adopted.state == Plan.State.ADOPTED
    assert (adopted.decision_body, adopted.decision_date) == (
        "Kaupunginvaltuusto",
        date(2026, 5, 18),
    )
    assert not adopted.is_editable


def test_plan_transition_refuses__step_not_in_the_lifecycle(coordinator_a, full_draft_plan):
    """A draft cannot be marked adopted without going through the decision step."""
    with pytest.raises(DomainError):
        plan_transition(
            actor=coordinator_a,
            plan=full_draft_plan,
            to_state=Plan.State.ADOPTED,
            expected_version=1,
            override_reason=REASON,
            decision=DECISION,
        )

    full_draft_plan.refresh_from_db()
    assert full_draft_plan.state == Plan.State.DRAFT


def test_plan_transition_raises_conflict__stale_version(coordinator_a, draft_plan):
    """A state change based on an outdated page is refused."""
    plan_update(actor=coordinator_a, plan=draft_plan, expected_version=1, data={"title_en": "X"})

    with pytest.raises(EditConflict):
        plan_transition(
            actor=coordinator_a,
            plan=draft_plan,
            to_state=Plan.State.CONSULTATION,
            expected_version=1,
            override_reason=REASON,
        )

    draft_plan.refresh_from_db()
    assert draft_plan.state == Plan.State.DRAFT


def test_plan_transition_refuses__viewer(viewer_a, draft_plan):
    """Readers cannot move a plan forward."""
    with pytest.raises(PermissionDenied):
        plan_transition(
            actor=viewer_a,
            plan=draft_plan,
            to_state=Plan.State.CONSULTATION,
            expected_version=1,
            override_reason=REASON,
        )


# --- new versions ------------------------------------------------------------------------------


def _keys(model, **filters) -> set:
    return set(model.objects.filter(**filters).values_list("key", flat=True))


def test_plan_new_version_copies_every_part_with_same_keys__adopted_plan(
    coordinator_a, frozen_plan, milestone, owned_measure, indicator, target_group, organisation_a
):
    """The new draft holds a copy of every part, each with the key of the part it copies."""
    owned_measure.partners.set([organisation_a])
    Milestone.objects.filter(pk=milestone.pk).update(done=True)

    new = plan_new_version(actor=coordinator_a, plan=frozen_plan)

    assert (new.state, new.version_number, new.previous_version) == (
        Plan.State.DRAFT,
        2,
        frozen_plan,
    )
    assert new.lineage == frozen_plan.lineage
    assert (new.decision_body, new.decision_date) == ("", None)
    assert set(new.municipalities.all()) == set(frozen_plan.municipalities.all())
    assert new.title_en == frozen_plan.title_en
    for model, path in [
        (Objective, "plan"),
        (Measure, "objective__plan"),
        (Indicator, "objective__plan"),
        (TargetGroup, "plan"),
        (Milestone, "plan"),
    ]:
        assert _keys(model, **{path: new}) == _keys(model, **{path: frozen_plan}), model
        assert (
            not model.objects.filter(**{path: new})
            .filter(pk__in=model.objects.filter(**{path: frozen_plan}).values("pk"))
            .exists()
        )
    new_measure = Measure.objects.get(objective__plan=new, key=owned_measure.key)
    new_indicator = Indicator.objects.get(objective__plan=new, key=indicator.key)
    new_objective = Objective.objects.get(plan=new)
    assert new_indicator.measure == new_measure
    assert list(new_measure.partners.all()) == [organisation_a]
    assert list(new_objective.target_groups.all()) == [
        TargetGroup.objects.get(plan=new, key=target_group.key)
    ]
    assert not Milestone.objects.get(plan=new).done


def test_plan_new_version_leaves_adopted_plan_as_it_was__new_draft_edited(
    coordinator_a, frozen_plan, objective
):
    """Editing the new draft does not change the adopted plan."""
    new = plan_new_version(actor=coordinator_a, plan=frozen_plan)
    copy = Objective.objects.get(plan=new, key=objective.key)

    content_update(actor=coordinator_a, obj=copy, expected_version=1, data={"title_en": "Renewed"})
    plan_update(actor=coordinator_a, plan=new, expected_version=1, data={"title_en": "Version 2"})

    objective.refresh_from_db()
    frozen_plan.refresh_from_db()
    assert objective.title_en == "More immigrants find work"
    assert frozen_plan.title_en == "Espoo integration plan 2026–2029"
    assert frozen_plan.state == Plan.State.ADOPTED


def test_plan_transition_supersedes_previous_version__new_version_adopted(
    coordinator_a, frozen_plan
):
    """Adopting the new version marks the version before it as superseded."""
    new = plan_new_version(actor=coordinator_a, plan=frozen_plan)

    adopt(new, coordinator_a)

    frozen_plan.refresh_from_db()
    new.refresh_from_db()
    assert new.state == Plan.State.ADOPTED
    assert frozen_plan.state == Plan.State.SUPERSEDED
    assert not frozen_plan.is_editable


def test_plan_new_version_refuses__draft_plan(coordinator_a, draft_plan):
    """Only an adopted plan gets a new version; a draft is edited directly."""
    with pytest.raises(DomainError):
        plan_new_version(actor=coordinator_a, plan=draft_plan)

    assert Plan.objects.count() == 1


def test_plan_new_version_refuses__new_version_already_exists(coordinator_a, frozen_plan):
    """A second new version of the same adopted plan is refused."""
    plan_new_version(actor=coordinator_a, plan=frozen_plan)

    with pytest.raises(DomainError):
        plan_new_version(actor=coordinator_a, plan=frozen_plan)

    assert Plan.objects.filter(lineage=frozen_plan.lineage).count() == 2


def test_plan_new_version_refuses__regional_official(regional_official, frozen_plan):
    """Officials who read the plan cannot start a new version of it."""
    with pytest.raises(PermissionDenied):
        plan_new_version(actor=regional_official, plan=frozen_plan)

    assert Plan.objects.filter(lineage=frozen_plan.lineage).count() == 1
