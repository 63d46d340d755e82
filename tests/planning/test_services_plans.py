"""Writing plans: creation, optimistic locking, content, the lifecycle, versions and the trail."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from kotoplan.audit.selectors import entry_changes, plan_trail
from kotoplan.core.errors import DomainError, EditConflict, FrozenError
from kotoplan.planning.models import (
    Measure,
    Objective,
    Plan,
)
from kotoplan.planning.services import (
    content_create,
    content_delete,
    content_update,
    plan_create,
    plan_update,
)
from tests.factories.planning import PlanFactory
from tests.planning.support import NEW_PLAN, adopt

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


def test_plan_create_refuses__no_title_in_any_language(coordinator_a, municipality_a):
    """A plan is named in at least one language, also when an importer creates it."""
    with pytest.raises(ValidationError) as caught:
        plan_create(
            actor=coordinator_a,
            lead_municipality=municipality_a,
            municipalities=[],
            data={**NEW_PLAN, "title_fi": ""},
        )

    assert caught.value.message_dict["title_fi"] == [
        "Give the plan a title in at least one language."
    ]
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param(
            {"form": Plan.Form.PART_OF_OTHER, "host_document_name": ""},
            "host_document_name",
            "Name the document that the integration plan is part of.",
            id="host-document-unnamed",
        ),
        pytest.param(
            {"form": Plan.Form.SEPARATE, "programme_mode": Plan.Programme.LINKED},
            "programme_url",
            "Give the link to the integration programme.",
            id="programme-without-link",
        ),
    ],
)
def test_plan_update_refuses_basics_naming_the_field__rule_broken(
    coordinator_a, draft_plan, changes, field, message
):
    """The basic information is checked by the service, so every caller keeps the rules."""
    with pytest.raises(ValidationError) as caught:
        plan_update(actor=coordinator_a, plan=draft_plan, expected_version=1, data=changes)

    assert caught.value.message_dict[field] == [message]
    draft_plan.refresh_from_db()
    assert (draft_plan.form, draft_plan.version) == (Plan.Form.SEPARATE, 1)


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
    """Choosing the municipalities of a joint plan always keeps the lead municipality; the other
    one is invited, and joins when its coordinator accepts."""
    plan_update(
        actor=coordinator_a,
        plan=draft_plan,
        expected_version=1,
        data={},
        municipalities=[municipality_b],
    )

    assert set(draft_plan.municipalities.all()) == {municipality_a}
    assert draft_plan.invitations.get().municipality == municipality_b


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


# --- frozen plans ------------------------------------------------------------------------------


@pytest.fixture
def frozen_plan(coordinator_a, full_draft_plan):
    return adopt(full_draft_plan, coordinator_a)


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
    assert changes["Title in English"] == (
        "Espoo integration plan 2026–2029",
        "Espoo plan, revised",
    )


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
