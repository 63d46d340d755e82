"""Writing plans: creation, optimistic locking, content, the lifecycle, versions and the trail."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from kotoplan.audit.selectors import entry_changes, plan_trail
from kotoplan.core.errors import DomainError, EditConflict, FrozenError
from kotoplan.planning.models import (
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    TargetGroup,
)
from kotoplan.planning.services import (
    content_create,
    content_delete,
    content_update,
    plan_create,
    plan_new_version,
    plan_transition,
    plan_update,
)
from tests.factories.accounts import OrganisationFactory
from tests.factories.planning import MeasureFactory, ObjectiveFactory, PlanFactory

DECISION = {"decision_body": "Kaupunginvaltuusto", "decision_date": date(2026, 5, 18)}
NEW_PLAN = {"title_fi": "Kotoutumisohjelma", "period_start": 2026, "period_end": 2029}


def _adopt(plan: Plan, actor) -> Plan:
    """Move a plan through the decision steps as a coordinator would."""
    plan = plan_transition(
        actor=actor,
        plan=plan,
        to_state=Plan.State.AWAITING_DECISION,
        expected_version=plan.version,
    )
    return plan_transition(
        actor=actor,
        plan=plan,
        to_state=Plan.State.ADOPTED,
        expected_version=plan.version,
        decision=DECISION,
    )


# --- plan_create / plan_update -----------------------------------------------------------------


def test_plan_create_starts_a_draft_of_the_municipality__coordinator(coordinator_a, municipality_a):
    """A coordinator's new plan is a draft, version 1, covering their municipality."""
    plan = plan_create(
        actor=coordinator_a, lead_municipality=municipality_a, municipalities=[], data=NEW_PLAN
    )

    plan.refresh_from_db()
    assert (plan.state, plan.version, plan.version_number) == (Plan.State.DRAFT, 1, 1)
    assert list(plan.municipalities.all()) == [municipality_a]
    assert plan.title_fi == "Kotoutumisohjelma"


def test_plan_create_refuses__coordinator_of_another_municipality(coordinator_b, municipality_a):
    """Nobody can start a plan for a municipality they do not coordinate."""
    with pytest.raises(PermissionDenied):
        plan_create(
            actor=coordinator_b, lead_municipality=municipality_a, municipalities=[], data=NEW_PLAN
        )

    assert not Plan.objects.exists()


def test_plan_create_refuses__aland_municipality(admin_user, aland_municipality):
    """Åland has its own legislation, so no plan is made for it even by an administrator."""
    with pytest.raises(DomainError, match="Åland"):
        plan_create(
            actor=admin_user,
            lead_municipality=aland_municipality,
            municipalities=[],
            data=NEW_PLAN,
        )

    assert not Plan.objects.exists()


def test_plan_create_refuses__period_ends_before_it_starts(coordinator_a, municipality_a):
    """A plan period that ends before it starts is refused."""
    with pytest.raises(ValidationError):
        plan_create(
            actor=coordinator_a,
            lead_municipality=municipality_a,
            municipalities=[],
            data={**NEW_PLAN, "period_start": 2029, "period_end": 2026},
        )

    assert not Plan.objects.exists()


def test_plan_update_saves_and_counts_version__current_version(coordinator_a, draft_plan):
    """An edit based on the current version is saved and the version grows by one."""
    updated = plan_update(
        actor=coordinator_a,
        plan=draft_plan,
        expected_version=1,
        data={"title_en": "Espoo plan for integration", "contact_name": "Aino Virtanen"},
    )

    draft_plan.refresh_from_db()
    assert updated.version == draft_plan.version == 2
    assert draft_plan.title_en == "Espoo plan for integration"
    assert draft_plan.contact_name == "Aino Virtanen"


def test_plan_update_raises_conflict_and_keeps_first_save__stale_version(coordinator_a, draft_plan):
    """The second of two edits made from the same version is refused; the first one stays."""
    plan_update(
        actor=coordinator_a, plan=draft_plan, expected_version=1, data={"title_en": "First save"}
    )

    with pytest.raises(EditConflict) as caught:
        plan_update(
            actor=coordinator_a,
            plan=draft_plan,
            expected_version=1,
            data={"title_en": "Second save", "contact_name": "Someone"},
        )

    draft_plan.refresh_from_db()
    assert (draft_plan.title_en, draft_plan.contact_name, draft_plan.version) == (
        "First save",
        "",
        2,
    )
    assert caught.value.current.title_en == "First save"


def test_plan_update_keeps_lead_municipality__joint_plan_members_changed(
    coordinator_a, draft_plan, municipality_a, municipality_b
):
    """Choosing the municipalities of a joint plan always keeps the lead municipality."""
    plan_update(
        actor=coordinator_a,
        plan=draft_plan,
        expected_version=1,
        data={},
        municipalities=[municipality_b],
    )

    assert set(draft_plan.municipalities.all()) == {municipality_a, municipality_b}


@pytest.mark.parametrize("role", ["viewer_a", "regional_official", "coordinator_b", "contributor"])
def test_plan_update_refuses__user_who_cannot_edit(request, role, full_draft_plan):
    """Only coordinators of the plan's municipalities (and administrators) edit a plan."""
    user = request.getfixturevalue(role)

    with pytest.raises(PermissionDenied):
        plan_update(
            actor=user, plan=full_draft_plan, expected_version=1, data={"title_en": "Hijacked"}
        )

    full_draft_plan.refresh_from_db()
    assert full_draft_plan.title_en == "Espoo integration plan 2026–2029"


# --- content -----------------------------------------------------------------------------------


def test_content_create_adds_objective__coordinator(coordinator_a, draft_plan, themes):
    """A coordinator adds an objective under a theme of the plan."""
    objective = content_create(
        actor=coordinator_a,
        model=Objective,
        data={"plan": draft_plan, "theme": themes["good_relations"], "title_fi": "Hyvät suhteet"},
    )

    assert list(draft_plan.objectives.all()) == [objective]
    assert objective.theme == themes["good_relations"]


def test_content_create_adds_measure_with_partners__coordinator(
    coordinator_a, objective, organisation_a, contributor_organisation
):
    """A measure is saved with its responsible party and its cooperation partners."""
    measure = content_create(
        actor=coordinator_a,
        model=Measure,
        data={
            "objective": objective,
            "title_fi": "Työnhakuklubi",
            "responsible_organisation": organisation_a,
        },
        m2m={"partners": [contributor_organisation]},
    )

    measure.refresh_from_db()
    assert measure.objective == objective
    assert list(measure.partners.all()) == [contributor_organisation]


def test_content_create_refuses_indicator__measure_of_another_objective(
    coordinator_a, objective, draft_plan
):
    """An indicator cannot follow a measure that belongs to another objective."""
    other_measure = MeasureFactory(objective=ObjectiveFactory(plan=draft_plan))

    with pytest.raises(DomainError):
        content_create(
            actor=coordinator_a,
            model=Indicator,
            data={
                "objective": objective,
                "measure": other_measure,
                "name_fi": "Työllisyysaste",
                "unit": "%",
            },
        )

    assert not Indicator.objects.exists()


def test_content_create_refuses__viewer(viewer_a, draft_plan, themes):
    """A viewer cannot add content."""
    with pytest.raises(PermissionDenied):
        content_create(
            actor=viewer_a,
            model=Objective,
            data={"plan": draft_plan, "theme": themes["other"], "title_fi": "X"},
        )

    assert not Objective.objects.exists()


def test_content_update_saves_and_counts_version__current_version(coordinator_a, other_measure):
    """Editing a measure saves the change and raises its version."""
    updated = content_update(
        actor=coordinator_a,
        obj=other_measure,
        expected_version=1,
        data={"status": Measure.Status.ONGOING, "resources": "2 htv"},
    )

    other_measure.refresh_from_db()
    assert updated.version == other_measure.version == 2
    assert (other_measure.status, other_measure.resources) == ("ongoing", "2 htv")


def test_content_update_raises_conflict_and_changes_nothing__stale_version(
    coordinator_a, objective
):
    """An objective edit made from an outdated version is refused and the row is untouched."""
    content_update(
        actor=coordinator_a, obj=objective, expected_version=1, data={"title_en": "First"}
    )
    stale = Objective.objects.get(pk=objective.pk)
    stale.version = 1

    with pytest.raises(EditConflict):
        content_update(
            actor=coordinator_a,
            obj=Objective.objects.get(pk=objective.pk),
            expected_version=1,
            data={"title_en": "Second"},
        )

    objective.refresh_from_db()
    assert (objective.title_en, objective.version) == ("First", 2)


def test_content_update_refuses_invalid_schedule__measure_ends_before_start(
    coordinator_a, other_measure
):
    """A measure cannot end before it starts; nothing is saved."""
    with pytest.raises(ValidationError):
        content_update(
            actor=coordinator_a,
            obj=other_measure,
            expected_version=1,
            data={"schedule_start": date(2026, 9, 1), "schedule_end": date(2026, 3, 1)},
        )

    other_measure.refresh_from_db()
    assert (other_measure.schedule_start, other_measure.version) == (None, 1)


def test_content_update_lets_contributor_edit__measure_of_own_organisation(
    contributor, owned_measure
):
    """A contributor updates the progress of the measure their organisation is responsible for."""
    content_update(
        actor=contributor,
        obj=owned_measure,
        expected_version=1,
        data={"status": Measure.Status.DELAYED},
    )

    owned_measure.refresh_from_db()
    assert owned_measure.status == Measure.Status.DELAYED


def test_content_update_refuses_contributor__measure_of_another_organisation(
    contributor, other_measure
):
    """A contributor cannot touch measures that other organisations are responsible for."""
    with pytest.raises(PermissionDenied):
        content_update(
            actor=contributor,
            obj=other_measure,
            expected_version=1,
            data={"status": Measure.Status.CANCELLED},
        )

    other_measure.refresh_from_db()
    assert other_measure.status == Measure.Status.PLANNED


def test_content_delete_removes_objective_with_its_parts__coordinator(
    coordinator_a, full_draft_plan, objective
):
    """Deleting an objective removes its measures and indicators too."""
    content_delete(actor=coordinator_a, obj=objective)

    assert not Objective.objects.filter(plan=full_draft_plan).exists()
    assert not Measure.objects.filter(objective__plan=full_draft_plan).exists()
    assert not Indicator.objects.filter(objective__plan=full_draft_plan).exists()


def test_content_delete_refuses_contributor__own_measure(contributor, owned_measure):
    """Contributors update their measure but cannot delete it."""
    with pytest.raises(PermissionDenied):
        content_delete(actor=contributor, obj=owned_measure)

    assert Measure.objects.filter(pk=owned_measure.pk).exists()


# --- frozen plans ------------------------------------------------------------------------------


@pytest.fixture
def frozen_plan(coordinator_a, full_draft_plan):
    return _adopt(full_draft_plan, coordinator_a)


def test_plan_update_refuses__adopted_plan(coordinator_a, frozen_plan):
    """An adopted plan cannot be edited; changes go into a new version."""
    with pytest.raises(FrozenError):
        plan_update(
            actor=coordinator_a,
            plan=frozen_plan,
            expected_version=frozen_plan.version,
            data={"title_en": "Changed after the decision"},
        )

    frozen_plan.refresh_from_db()
    assert frozen_plan.title_en == "Espoo integration plan 2026–2029"


def test_content_changes_refused__adopted_plan(
    coordinator_a, contributor, frozen_plan, objective, owned_measure, themes
):
    """No part of an adopted plan can be added, changed or deleted, even by the measure owner."""
    objective = Objective.objects.get(pk=objective.pk)
    owned_measure = Measure.objects.get(pk=owned_measure.pk)
    with pytest.raises(FrozenError):
        content_create(
            actor=coordinator_a,
            model=Objective,
            data={"plan": frozen_plan, "theme": themes["other"], "title_fi": "Myöhästynyt"},
        )
    with pytest.raises(FrozenError):
        content_update(
            actor=coordinator_a, obj=objective, expected_version=1, data={"title_en": "Late"}
        )
    with pytest.raises(FrozenError):
        content_update(
            actor=contributor, obj=owned_measure, expected_version=1, data={"status": "done"}
        )
    with pytest.raises(FrozenError):
        content_delete(actor=coordinator_a, obj=objective)

    assert frozen_plan.objectives.count() == 1
    objective.refresh_from_db()
    owned_measure.refresh_from_db()
    assert (objective.title_en, owned_measure.status) == ("More immigrants find work", "planned")


# --- lifecycle ---------------------------------------------------------------------------------


def test_plan_transition_opens_consultation__draft(coordinator_a, draft_plan):
    """A draft can be opened for consultation."""
    updated = plan_transition(
        actor=coordinator_a,
        plan=draft_plan,
        to_state=Plan.State.CONSULTATION,
        expected_version=1,
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
    )

    with pytest.raises(DomainError, match="deciding body"):
        plan_transition(
            actor=coordinator_a,
            plan=plan,
            to_state=Plan.State.ADOPTED,
            expected_version=plan.version,
            decision=decision,
        )

    plan.refresh_from_db()
    assert plan.state == Plan.State.AWAITING_DECISION


def test_plan_transition_records_decision__adopted(coordinator_a, full_draft_plan):
    """Adoption stores the deciding body and date and freezes the plan."""
    adopted = _adopt(full_draft_plan, coordinator_a)

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
        )

    draft_plan.refresh_from_db()
    assert draft_plan.state == Plan.State.DRAFT


def test_plan_transition_refuses__viewer(viewer_a, draft_plan):
    """Readers cannot move a plan forward."""
    with pytest.raises(PermissionDenied):
        plan_transition(
            actor=viewer_a, plan=draft_plan, to_state=Plan.State.CONSULTATION, expected_version=1
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

    _adopt(new, coordinator_a)

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


# --- audit trail -------------------------------------------------------------------------------


def test_plan_trail_names_actor_and_change__plan_updated(coordinator_a, draft_plan):
    """A plan edit appears in the plan's trail with the person and the changed field."""
    plan_update(
        actor=coordinator_a,
        plan=draft_plan,
        expected_version=1,
        data={"title_en": "Espoo plan, revised"},
    )

    latest = plan_trail(plan_id=draft_plan.pk).first()
    assert latest.actor == coordinator_a
    assert latest.action == LogEntry.Action.UPDATE
    changes = {change.field: (change.old, change.new) for change in entry_changes(latest)}
    assert changes["title_en"] == ("Espoo integration plan 2026–2029", "Espoo plan, revised")


def test_plan_trail_lists_content_changes_with_actor__created_updated_deleted(
    coordinator_a, contributor, draft_plan, owned_measure, themes
):
    """Adding, changing and deleting parts are all in the plan's trail, newest first."""
    objective = content_create(
        actor=coordinator_a,
        model=Objective,
        data={"plan": draft_plan, "theme": themes["other"], "title_fi": "Uusi tavoite"},
    )
    content_update(
        actor=contributor, obj=owned_measure, expected_version=1, data={"status": "ongoing"}
    )
    content_delete(actor=coordinator_a, obj=objective)

    trail = list(plan_trail(plan_id=draft_plan.pk)[:3])
    assert [(e.content_type.model, e.action, e.actor) for e in trail] == [
        ("objective", LogEntry.Action.DELETE, coordinator_a),
        ("measure", LogEntry.Action.UPDATE, contributor),
        ("objective", LogEntry.Action.CREATE, coordinator_a),
    ]


def test_plan_trail_leaves_out_other_plans__change_in_another_plan(
    coordinator_a, coordinator_b, draft_plan, municipality_b
):
    """The trail of one plan does not show what happened in another plan."""
    other = PlanFactory(lead_municipality=municipality_b)
    plan_update(actor=coordinator_b, plan=other, expected_version=1, data={"title_en": "B"})

    assert not plan_trail(plan_id=draft_plan.pk).filter(actor=coordinator_b).exists()
    assert plan_trail(plan_id=other.pk).filter(actor=coordinator_b).exists()


def test_plan_trail_names_actor_on_every_entry__same_person_saves_twice(coordinator_a, draft_plan):
    """Two edits in a row by the same person outside a web request both name that person."""
    plan = plan_update(
        actor=coordinator_a, plan=draft_plan, expected_version=1, data={"title_en": "One"}
    )
    plan_update(actor=coordinator_a, plan=plan, expected_version=2, data={"title_en": "Two"})

    updates = plan_trail(plan_id=draft_plan.pk).filter(action=LogEntry.Action.UPDATE)
    edits = [e for e in updates if "title_en" in e.changes_dict]
    assert [(e.changes_dict["title_en"][1], e.actor) for e in edits] == [
        ("Two", coordinator_a),
        ("One", coordinator_a),
    ]


def test_plan_update_refuses_joint_plan__aland_municipality_added(
    coordinator_a, draft_plan, aland_municipality, municipality_a
):
    """An Åland municipality cannot be added to a joint plan, just as it cannot start one."""
    with pytest.raises(DomainError, match="Åland"):
        plan_update(
            actor=coordinator_a,
            plan=draft_plan,
            expected_version=1,
            data={},
            municipalities=[aland_municipality],
        )

    assert list(draft_plan.municipalities.all()) == [municipality_a]


def test_contributor_changes_only_progress_fields__service_refuses_renaming(
    contributor, owned_measure
):
    """A contributor updates the status of a measure it owns but cannot rename or reassign it."""
    from kotoplan.core.errors import DomainError
    from kotoplan.planning.services import content_update

    updated = content_update(
        actor=contributor,
        obj=owned_measure,
        expected_version=owned_measure.version,
        data={"status": "ongoing"},
    )
    assert updated.status == "ongoing"
    with pytest.raises(DomainError, match="title_fi"):
        content_update(
            actor=contributor,
            obj=updated,
            expected_version=updated.version,
            data={"title_fi": "Uusi nimi"},
        )
    updated.refresh_from_db()
    assert updated.title_fi != "Uusi nimi"


def test_stale_plan_object_cannot_edit_adopted_plan__fresh_state_is_checked(
    coordinator_a, draft_plan, objective
):
    """Content of a plan adopted meanwhile is refused even through a stale in-memory object."""
    from kotoplan.core.errors import FrozenError
    from kotoplan.planning.models import Objective, Plan
    from kotoplan.planning.services import content_update

    objective = Objective.objects.select_related("plan").get(pk=objective.pk)
    Plan.objects.filter(pk=draft_plan.pk).update(
        state=Plan.State.ADOPTED, decision_date="2026-05-01", decision_body="Valtuusto"
    )
    with pytest.raises(FrozenError):
        content_update(
            actor=coordinator_a,
            obj=objective,
            expected_version=objective.version,
            data={"title_fi": "Muutettu"},
        )
