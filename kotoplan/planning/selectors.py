"""Reads of plans. `plan_get_for_user` and friends are the only way views load plan objects."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from kotoplan.core.models import translated
from kotoplan.core.permissions import can, scope

from .models import Indicator, Measure, Milestone, Objective, Plan, TargetGroup, Theme


def plans_for_user(*, user, action: str = "planning.view_plan") -> QuerySet[Plan]:
    return scope(user, action, Plan.objects.with_outline())


def plan_get_for_user(*, user, plan_id: int) -> Plan:
    """The plan if the user may see it; missing and forbidden both give 404."""
    plan = plans_for_user(user=user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def _content_get(model, *, user, pk: int, plan_path: str):
    queryset = model.objects.select_related(plan_path)
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    plan = obj
    for part in plan_path.split("__"):
        plan = getattr(plan, part)
    if not can(user, "planning.view_plan", plan):
        raise Http404
    return obj


def objective_get_for_user(*, user, pk: int) -> Objective:
    return _content_get(Objective, user=user, pk=pk, plan_path="plan")


def measure_get_for_user(*, user, pk: int) -> Measure:
    return _content_get(Measure, user=user, pk=pk, plan_path="objective__plan")


def indicator_get_for_user(*, user, pk: int) -> Indicator:
    return _content_get(Indicator, user=user, pk=pk, plan_path="objective__plan")


def target_group_get_for_user(*, user, pk: int) -> TargetGroup:
    return _content_get(TargetGroup, user=user, pk=pk, plan_path="plan")


def milestone_get_for_user(*, user, pk: int) -> Milestone:
    return _content_get(Milestone, user=user, pk=pk, plan_path="plan")


@dataclass
class ThemeSection:
    theme: Theme
    objectives: list[Objective] = field(default_factory=list)


def plan_outline(*, plan: Plan) -> list[ThemeSection]:
    """The whole plan grouped by theme, loaded with a fixed number of queries."""
    indicators = Indicator.objects.select_related("measure").order_by("pk")
    measures = (
        Measure.objects.select_related("responsible_organisation")
        .prefetch_related("partners")
        .order_by("order", "pk")
    )
    objectives = (
        Objective.objects.filter(plan=plan)
        .select_related("theme")
        .prefetch_related(
            Prefetch("measures", queryset=measures),
            Prefetch("indicators", queryset=indicators),
            "target_groups",
        )
    )
    sections = {theme.pk: ThemeSection(theme=theme) for theme in Theme.objects.all()}
    for objective in objectives:
        sections[objective.theme_id].objectives.append(objective)
    return list(sections.values())


# --- comparing versions -------------------------------------------------------------------

PLAN_COMPARED_FIELDS = (
    "title_fi",
    "title_sv",
    "title_en",
    "period_start",
    "period_end",
    "form",
    "host_document_name",
    "coordinating_authority",
    "programme_mode",
    "county_coordination",
    "employment_area_coordination",
    "situation_quantitative_fi",
    "situation_qualitative_fi",
    "monitoring_cycle",
    "monitoring_description",
)
PART_FIELDS = {
    "objective": ("title_fi", "title_sv", "title_en", "description_fi", "theme_id"),
    "measure": (
        "title_fi",
        "title_sv",
        "title_en",
        "description_fi",
        "responsible_organisation_id",
        "schedule_start",
        "schedule_end",
        "resources",
        "status",
    ),
    "indicator": (
        "name_fi",
        "unit",
        "source",
        "source_code",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "direction",
    ),
}


@dataclass
class PartChange:
    kind: str
    label: str
    change: str  # "added", "removed" or "changed"
    fields: list[tuple[str, object, object]] = field(default_factory=list)


def _parts(plan: Plan) -> dict[tuple[str, str], object]:
    parts: dict[tuple[str, str], object] = {}
    for objective in Objective.objects.filter(plan=plan):
        parts[("objective", str(objective.key))] = objective
    for measure in Measure.objects.filter(objective__plan=plan):
        parts[("measure", str(measure.key))] = measure
    for indicator in Indicator.objects.filter(objective__plan=plan):
        parts[("indicator", str(indicator.key))] = indicator
    return parts


def _label(obj) -> str:
    return translated(obj, "name" if isinstance(obj, Indicator) else "title")[0]


def plan_compare(*, older: Plan, newer: Plan) -> tuple[list, list[PartChange]]:
    """Differences between two versions of the same plan series."""
    plan_changes = [
        (Plan._meta.get_field(name).verbose_name, getattr(older, name), getattr(newer, name))
        for name in PLAN_COMPARED_FIELDS
        if getattr(older, name) != getattr(newer, name)
    ]
    before, after = _parts(older), _parts(newer)
    changes: list[PartChange] = []
    for key in sorted(set(before) | set(after)):
        kind = key[0]
        old, new = before.get(key), after.get(key)
        if old is None:
            changes.append(PartChange(kind, _label(new), "added"))
        elif new is None:
            changes.append(PartChange(kind, _label(old), "removed"))
        else:
            diffs = [
                (
                    type(old)._meta.get_field(name.removesuffix("_id")).verbose_name,
                    getattr(old, name),
                    getattr(new, name),
                )
                for name in PART_FIELDS[kind]
                if getattr(old, name) != getattr(new, name)
            ]
            if diffs:
                changes.append(PartChange(kind, _label(new), "changed", diffs))
    return plan_changes, changes


def plan_versions(*, plan: Plan, user) -> QuerySet[Plan]:
    return plans_for_user(user=user).filter(lineage=plan.lineage).order_by("version_number")
