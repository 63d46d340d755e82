"""Reading plans: comparing versions, and the number of queries behind the plan page."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from kotoplan.planning.models import DecisionStep, Indicator, Measure, Objective, Plan
from kotoplan.planning.selectors import municipalities_for_new_plan, plan_compare, plan_outline
from kotoplan.planning.services import (
    content_create,
    content_delete,
    content_update,
    plan_new_version,
    plan_update,
)
from tests.factories.accounts import OrganisationFactory
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
    TargetGroupFactory,
)

# Queries allowed for the whole plan page (session, user, roles, plan, outline, side panels).
PLAN_PAGE_QUERY_BOUND = 60  # the page and its panels (readiness, figures, dialogue, …)


@pytest.fixture
def versions(coordinator_a, municipality_a, organisation_a, themes):
    """An adopted plan with two objectives, and its new draft version (not yet changed)."""
    old = PlanFactory(
        lead_municipality=municipality_a,
        title_fi="Kotoutumisohjelma 2022–2025",
        state=Plan.State.ADOPTED,
        decision_body="Valtuusto",
        decision_date="2022-03-14",
    )
    kept = ObjectiveFactory(
        plan=old, theme=themes["employment_education"], title_fi="Työ", title_en="Work"
    )
    dropped = ObjectiveFactory(
        plan=old, theme=themes["good_relations"], title_fi="Suhteet", title_en="Relations"
    )
    measure = MeasureFactory(
        objective=kept,
        title_fi="Työnhakuklubi",
        title_en="Job club",
        responsible_organisation=organisation_a,
    )
    IndicatorFactory(
        objective=kept, measure=measure, name_fi="Työllisyysaste", name_en="Employment rate"
    )
    MeasureFactory(objective=dropped, title_fi="Kylätapahtumat", title_en="Village events")
    new = plan_new_version(actor=coordinator_a, plan=old)
    return old, new, {"kept": kept, "dropped": dropped, "measure": measure}


def _summary(part_changes) -> set[tuple[str, str, str]]:
    return {(change.kind, change.change, change.label) for change in part_changes}


def test_plan_compare_finds_no_differences__untouched_new_version(versions):
    """A new version that nobody has edited yet is identical to the one it copies."""
    old, new, _ = versions

    plan_changes, part_changes = plan_compare(older=old, newer=new)

    assert plan_changes == []
    assert part_changes == []


def test_plan_compare_lists_added_removed_and_changed_parts__edited_new_version(
    coordinator_a, versions, themes
):
    """Comparing versions shows which parts were added, removed and changed, and how."""
    old, new, parts = versions
    new_measure = Measure.objects.get(objective__plan=new, key=parts["measure"].key)
    content_update(
        actor=coordinator_a,
        obj=new_measure,
        expected_version=1,
        data={"title_fi": "Työnhakuklubi kolmella kielellä", "resources": "1 htv"},
    )
    content_delete(actor=coordinator_a, obj=Indicator.objects.get(objective__plan=new))
    content_delete(actor=coordinator_a, obj=Objective.objects.get(plan=new, title_fi="Suhteet"))
    content_create(
        actor=coordinator_a,
        model=Objective,
        data={
            "plan": new,
            "theme": themes["language_culture"],
            "title_fi": "Oma äidinkieli",
            "title_en": "Mother tongue",
        },
    )
    plan_update(
        actor=coordinator_a,
        plan=new,
        expected_version=1,
        data={"title_fi": "Kotoutumisohjelma 2026–2029"},
    )
    new.refresh_from_db()

    plan_changes, part_changes = plan_compare(older=old, newer=new)

    assert [(str(label), before, after) for label, before, after in plan_changes] == [
        ("Title in Finnish", "Kotoutumisohjelma 2022–2025", "Kotoutumisohjelma 2026–2029")
    ]
    assert _summary(part_changes) == {
        ("objective", "added", "Mother tongue"),
        ("objective", "removed", "Relations"),
        ("measure", "removed", "Village events"),
        ("indicator", "removed", "Employment rate"),
        ("measure", "changed", "Job club"),
    }
    changed = next(change for change in part_changes if change.change == "changed")
    assert {str(label): (before, after) for label, before, after in changed.fields} == {
        "Title in Finnish": ("Työnhakuklubi", "Työnhakuklubi kolmella kielellä"),
        "Resources": ("", "1 htv"),
    }


def test_plan_compare_in_plain_finnish__status_labels_names_and_dates(
    coordinator_a, versions, organisation_b
):
    """Compared values read as on the plan page: "Käynnissä → Valmis", the organisation's name
    and a Finnish date, never "ongoing → done" or an id."""
    old, new, parts = versions
    measure = Measure.objects.get(objective__plan=new, key=parts["measure"].key)
    content_update(
        actor=coordinator_a,
        obj=measure,
        expected_version=1,
        data={
            "status": Measure.Status.DONE,
            "responsible_organisation": organisation_b,
            "schedule_end": date(2026, 11, 30),
        },
    )
    Measure.objects.filter(pk=parts["measure"].pk).update(status=Measure.Status.ONGOING)
    with translation.override("fi"):
        _, part_changes = plan_compare(older=old, newer=new)
        changed = next(change for change in part_changes if change.change == "changed")
        fields = {str(label): (before, after) for label, before, after in changed.fields}
        lead_before = str(parts["measure"].responsible_organisation)
        lead_after = str(organisation_b)
    assert fields["Tilanne"] == ("Käynnissä", "Valmis")
    assert fields["Vastuutaho"] == (lead_before, lead_after)
    assert fields["Päättyy"] == ("", "30.11.2026")


def test_plan_outline_groups_objectives_under_every_theme__one_theme_used(draft_plan, themes):
    """The outline lists all six themes in order, each with its own objectives."""
    objective = ObjectiveFactory(plan=draft_plan, theme=themes["good_relations"])

    sections = plan_outline(plan=draft_plan)

    assert [section.theme.code for section in sections] == list(themes)
    assert {s.theme.code: s.objectives for s in sections}["good_relations"] == [objective]
    assert sum(len(s.objectives) for s in sections) == 1


# --- query bound of the plan page --------------------------------------------------------------


def _plan_of_size(municipality, themes, objectives: int, measures: int, indicators: int) -> Plan:
    plan = PlanFactory(lead_municipality=municipality)
    group = TargetGroupFactory(plan=plan)
    partner = OrganisationFactory()
    theme_list = list(themes.values())
    for number in range(objectives):
        objective = ObjectiveFactory(
            plan=plan, theme=theme_list[number % len(theme_list)], target_groups=[group]
        )
        made = [MeasureFactory(objective=objective, partners=[partner]) for _ in range(measures)]
        for index in range(indicators):
            IndicatorFactory(objective=objective, measure=made[index % len(made)])
    return plan


def test_plan_page_query_count_stays_the_same__12_objectives_4_measures_3_indicators(
    client, coordinator_a, municipality_a, themes, django_assert_max_num_queries
):
    """The plan page needs as many queries for 12×4×3 parts as for a single objective."""
    small = _plan_of_size(municipality_a, themes, objectives=1, measures=1, indicators=1)
    big = _plan_of_size(municipality_a, themes, objectives=12, measures=4, indicators=3)
    client.force_login(coordinator_a)
    counts = {}
    for name, plan in (("small", small), ("big", big)):
        cache.clear()  # everything rendered for each plan: nothing kept from the other
        for visit in ("first", "again"):  # the first visit fills caches, e.g. kept panels
            with django_assert_max_num_queries(PLAN_PAGE_QUERY_BOUND) as queries:
                page = client.get(reverse("planning:plan_detail", args=[plan.pk]))
            assert page.status_code == 200
            counts[(visit, name)] = len(queries)

    assert page.content.decode().count('<article id="objective-') == 12
    assert counts[("first", "big")] == counts[("first", "small")], counts
    assert counts[("again", "big")] == counts[("again", "small")], counts


# --- who may start a plan where ----------------------------------------------------------------


def test_municipalities_for_new_plan_lists_own_municipality__coordinator(
    coordinator_a, municipality_a, municipality_b
):
    """A coordinator may start plans only for the municipality they coordinate."""
    assert list(municipalities_for_new_plan(user=coordinator_a)) == [municipality_a]


def test_municipalities_for_new_plan_leaves_out_aland__administrator(
    admin_user, municipality_a, municipality_b, aland_municipality
):
    """An administrator may start a plan anywhere the Integration Act applies."""
    found = set(municipalities_for_new_plan(user=admin_user))

    assert {municipality_a, municipality_b} <= found
    assert aland_municipality not in found


def test_municipalities_for_new_plan_is_empty__viewer(viewer_a, municipality_a):
    """Reading a municipality's plans gives no right to start one."""
    assert not municipalities_for_new_plan(user=viewer_a).exists()


def test_plan_compare_shows_the_legal_basis_and_both_decision_trails_in_finnish(versions):
    """Each version has a trail of its own: the comparison shows them side by side, with the
    legal basis when it changed (an earlier plan made under the 2010 Act)."""
    old, new, _ = versions
    old.legal_basis = Plan.LegalBasis.ACT_2010
    old.save()
    DecisionStep.objects.create(
        plan=old,
        body_kind=DecisionStep.BodyKind.COUNCIL,
        body_name="Kaupunginvaltuusto",
        decided_on=date(2022, 3, 14),
        section="§ 12",
        outcome=DecisionStep.Outcome.APPROVED,
    )
    DecisionStep.objects.create(
        plan=new,
        body_kind=DecisionStep.BodyKind.BOARD,
        body_name="Kaupunginhallitus",
        decided_on=date(2026, 5, 4),
        section="§ 101",
        outcome=DecisionStep.Outcome.PROPOSED,
    )
    with translation.override("fi"):
        plan_changes, _parts = plan_compare(older=old, newer=new)
        by_label = {str(label): (before, after) for label, before, after in plan_changes}
    trail = by_label["Päätöshistoria"]
    assert trail[0].startswith("Kaupunginvaltuusto 14.3.2022 § 12")
    assert trail[1].startswith("Kaupunginhallitus 4.5.2026 § 101")
    assert list(by_label) == ["Säädösperusta", "Päätöshistoria"]
    basis = by_label["Säädösperusta"]
    assert "1386/2010" in basis[0]
    assert "681/2023" in basis[1]
