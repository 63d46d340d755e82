"""Writing plans: creation, optimistic locking, content, the lifecycle, versions and the trail."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

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
)
from tests.factories.planning import MeasureFactory, ObjectiveFactory

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
    from kotoplan.planning.models import Objective
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


# --- the rules of each part, kept by the services (forms and importers alike) -----------------

INDICATOR = {"name_fi": "Työllisyysaste", "unit": "%"}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param(
            {"baseline_year": 2026, "target_year": 2025},
            "target_year",
            "The target year is before the baseline year.",
            id="target-before-baseline",
        ),
        pytest.param(
            {"baseline_value": 40},
            "baseline_year",
            "Give the year of the baseline value.",
            id="baseline-without-year",
        ),
        pytest.param(
            {"target_value": 55},
            "target_year",
            "Give the year by which the target is reached.",
            id="target-without-year",
        ),
        pytest.param(
            {"source": Indicator.Source.STATFIN},
            "source_code",
            "Give the table or indicator code of the source.",
            id="statfin-without-code",
        ),
        pytest.param(
            {"source": Indicator.Source.SOTKANET},
            "source_code",
            "Give the table or indicator code of the source.",
            id="sotkanet-without-code",
        ),
        pytest.param(
            {"name_fi": ""},
            "name_fi",
            "Give the indicator a name in at least one language.",
            id="no-name",
        ),
    ],
)
def test_content_create_refuses_indicator_naming_the_field__rule_broken(
    coordinator_a, objective, changes, field, message
):
    """An indicator whose figures cannot be used is refused by the service, reason at the field."""
    with pytest.raises(ValidationError) as caught:
        content_create(
            actor=coordinator_a,
            model=Indicator,
            data={"objective": objective, **INDICATOR, **changes},
        )

    assert caught.value.message_dict[field] == [message]
    assert not Indicator.objects.exists()


def test_content_create_saves_indicator__statistical_source_with_code(coordinator_a, objective):
    """A StatFin indicator with its table code, a baseline and a later target is saved."""
    indicator = content_create(
        actor=coordinator_a,
        model=Indicator,
        data={
            "objective": objective,
            **INDICATOR,
            "source": Indicator.Source.STATFIN,
            "source_code": "14jt: employment rate",
            "baseline_value": 40,
            "baseline_year": 2024,
            "target_value": 55,
            "target_year": 2029,
        },
    )

    assert Indicator.objects.get() == indicator


def test_content_update_refuses_indicator__statistical_source_without_code(
    coordinator_a, indicator
):
    """The same rules hold when an indicator is changed, not only when it is created."""
    with pytest.raises(ValidationError) as caught:
        content_update(
            actor=coordinator_a,
            obj=indicator,
            expected_version=indicator.version,
            data={"source": Indicator.Source.SOTKANET, "source_code": ""},
        )

    assert "source_code" in caught.value.message_dict
    indicator.refresh_from_db()
    assert (indicator.source, indicator.version) == (Indicator.Source.MANUAL, 1)


@pytest.mark.parametrize(
    ("model", "field", "message"),
    [
        (Objective, "title_fi", "Give the objective a title in at least one language."),
        (Measure, "title_fi", "Give the measure a title in at least one language."),
        (TargetGroup, "name_fi", "Give the target group a name in at least one language."),
        (Milestone, "title_fi", "Give the step a title in at least one language."),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else None,
)
def test_content_create_refuses_part__no_text_in_any_language(
    coordinator_a, draft_plan, objective, themes, model, field, message
):
    """Every part of the plan is named in at least one language, whoever writes it."""
    parent = {
        Objective: {"plan": draft_plan, "theme": themes["good_relations"]},
        Measure: {"objective": objective},
        TargetGroup: {"plan": draft_plan},
        Milestone: {"plan": draft_plan, "due_date": date(2026, 9, 1)},
    }[model]

    with pytest.raises(ValidationError) as caught:
        content_create(actor=coordinator_a, model=model, data={**parent, field: "  "})

    assert caught.value.message_dict[field] == [message]


def test_content_create_refuses_measure__ends_before_it_starts(coordinator_a, objective):
    """A measure's schedule cannot end before it starts."""
    with pytest.raises(ValidationError) as caught:
        content_create(
            actor=coordinator_a,
            model=Measure,
            data={
                "objective": objective,
                "title_fi": "Kielikahvila",
                "schedule_start": date(2027, 6, 1),
                "schedule_end": date(2027, 1, 31),
            },
        )

    assert caught.value.message_dict["schedule_end"] == ["The measure ends before it starts."]
