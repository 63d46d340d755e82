"""Reads of plans. `plan_get_for_user` and friends are the only way views load plan objects."""

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Max, Prefetch, QuerySet
from django.http import Http404
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kotoplan.accounts.models import Organisation
from kotoplan.accounts.selectors import organisations_for_area, user_reach
from kotoplan.audit.selectors import plan_trail
from kotoplan.core.permissions import can, scope
from kotoplan.core.text import text_of
from kotoplan.geography.models import Municipality

from .models import (
    DecisionStep,
    Indicator,
    Measure,
    Objective,
    Plan,
    PlanChapter,
    PlanInvitation,
    PlanPart,
    Theme,
)
from .models.texts import text_fields


def plans_for_user(*, user, action: str = "planning.view_plan") -> QuerySet[Plan]:
    return scope(user, action, Plan.objects.with_outline())


def plan_get_for_user(*, user, plan_id: int) -> Plan:
    """The plan if the user may see it; missing and forbidden both give 404."""
    plan = Plan.objects.with_outline().filter(pk=plan_id).first()
    if plan is None or not can(user, "planning.view_plan", plan):
        raise Http404
    return plan


def part_get_for_user(*, user, model: type[PlanPart], part_id: int) -> PlanPart:
    """A part of a plan (objective, measure, …) the user may see; missing and forbidden both
    give 404."""
    obj = model.objects.select_related(model.plan_path).filter(pk=part_id).first()
    if obj is None or not can(user, "planning.view_plan", obj.owner_plan):
        raise Http404
    return obj


def objective_get_for_user(*, user, objective_id: int) -> Objective:
    return part_get_for_user(user=user, model=Objective, part_id=objective_id)


def municipalities_for_new_plan(*, user) -> QuerySet[Municipality]:
    """The municipalities this user may start a plan for."""
    return scope(user, "planning.create_plan", Municipality.objects.in_act_scope())


def organisations_for_plan(*, plan: Plan) -> QuerySet[Organisation]:
    """Parties that can be named in the plan's measures: its municipalities and their units,
    local organisations of the area, national bodies, and the area bodies whose validity
    reaches into the plan's period (`accounts.selectors.organisations_for_area`)."""
    return organisations_for_area(
        municipality_ids=list(plan.municipalities.values_list("pk", flat=True)),
        on=date(plan.period_start, 1, 1),
        until=date(plan.period_end, 12, 31),
    )


@dataclass
class ThemeSection:
    theme: Theme
    objectives: list[Objective] = field(default_factory=list)
    # Objectives of other themes that also serve this one (an additional theme).
    also: list[Objective] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.objectives or self.also)


@dataclass
class ChapterSection:
    chapter: PlanChapter | None  # None: the objectives in no chapter
    objectives: list[Objective] = field(default_factory=list)


def plan_content_state(*, plan: Plan) -> str:
    """What identifies the plan's content as it reads: the plan row (its state too), the newest
    audit entry of the plan and its parts (every content change is audited) and the newest change
    to an organisation (measures name their responsible parties). Stored files and kept page
    content are made anew when it changes."""
    last_entry = plan_trail(plan_id=plan.pk).order_by().aggregate(last=Max("pk"))["last"]
    organisations = Organisation.objects.aggregate(last=Max("updated_at"))["last"]
    return "|".join(
        str(part)
        for part in (
            plan.pk,
            plan.state,
            plan.version,
            plan.updated_at.isoformat() if plan.updated_at else "",
            last_entry or 0,
            organisations.isoformat() if organisations else "",
        )
    )


def plan_outline(*, plan: Plan) -> list[ThemeSection]:
    """The whole plan grouped by theme, loaded with a fixed number of queries."""
    indicators = Indicator.objects.select_related("measure").order_by("pk")
    measures = (
        Measure.objects.select_related(
            "responsible_organisation", "reused_from__objective__plan__lead_municipality"
        )
        .prefetch_related("partners", "co_responsible")
        .order_by("order", "pk")
    )
    objectives = (
        Objective.objects.filter(plan=plan)
        .select_related("theme")
        .prefetch_related(
            Prefetch("measures", queryset=measures),
            Prefetch("indicators", queryset=indicators),
            "target_groups",
            "additional_themes",
        )
    )
    chapters = {chapter.pk: chapter for chapter in PlanChapter.objects.filter(plan=plan)}
    sections = {theme.pk: ThemeSection(theme=theme) for theme in Theme.objects.all()}
    for objective in objectives:
        objective.plan = plan  # one plan object: permission checks of its parts need no query
        if objective.chapter_id in chapters:
            objective.chapter = chapters[objective.chapter_id]
        sections[objective.theme_id].objectives.append(objective)
        for theme in objective.additional_themes.all():
            if theme.pk != objective.theme_id:
                sections[theme.pk].also.append(objective)
    return list(sections.values())


def chapter_sections(
    *, sections: list[ThemeSection], chapters: list[PlanChapter]
) -> list[ChapterSection]:
    """The objectives grouped under the plan's own chapters, in the chapters' order, then those in
    no chapter; empty when the plan has no chapters (it is then read by theme)."""
    if not chapters:
        return []
    grouped = {chapter.pk: ChapterSection(chapter=chapter) for chapter in chapters}
    loose = ChapterSection(chapter=None)
    objectives = [o for section in sections for o in section.objectives]
    for objective in sorted(objectives, key=lambda o: (o.order, o.theme.order, o.pk)):
        grouped.get(objective.chapter_id, loose).objectives.append(objective)
    return [*grouped.values(), *([loose] if loose.objectives else [])]


# --- comparing versions -------------------------------------------------------------------

PLAN_COMPARED_FIELDS = (
    *text_fields("title"),
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
    "legal_basis",
)
PART_FIELDS = {
    "chapter": (*text_fields("title"), "order"),
    "objective": (
        *text_fields("title"),
        "description_fi",
        "theme_id",
        "additional_themes",
        "chapter",
    ),
    "measure": (
        *text_fields("title"),
        "description_fi",
        "responsible_organisation_id",
        "schedule_text",
        "schedule_start",
        "schedule_end",
        "resources",
        "status",
    ),
    "indicator": ("name_fi", *Indicator.FIGURE_FIELDS),
}
# Many-to-many links compared by the names of what they link to.
PART_LINKS = {"measure": ("co_responsible", "partners")}


@dataclass
class PartChange:
    kind: str
    label: str
    change: str  # "added", "removed" or "changed"
    fields: list[tuple[str, object, object]] = field(default_factory=list)


def _parts(plan: Plan) -> dict[tuple[str, str], object]:
    parts: dict[tuple[str, str], object] = {}
    for chapter in PlanChapter.objects.filter(plan=plan):
        parts[("chapter", str(chapter.key))] = chapter
    objectives = Objective.objects.filter(plan=plan).select_related("theme", "chapter")
    for objective in objectives.prefetch_related("additional_themes"):
        parts[("objective", str(objective.key))] = objective
    measures = (
        Measure.objects.filter(objective__plan=plan)
        .select_related("responsible_organisation")
        .prefetch_related("co_responsible", "partners")
    )
    for measure in measures:
        parts[("measure", str(measure.key))] = measure
    for indicator in Indicator.objects.filter(objective__plan=plan):
        parts[("indicator", str(indicator.key))] = indicator
    return parts


def _label(obj) -> str:
    return str(text_of(obj, obj.named_by))


def _compared(obj, name: str):
    """The value compared across versions: chapters by title (their rows differ between
    versions), additional themes by name."""
    if name == "chapter":
        return _label(obj.chapter) if obj.chapter_id else ""
    if name == "additional_themes":
        return ", ".join(sorted(str(text_of(t, "name")) for t in obj.additional_themes.all()))
    return getattr(obj, name)


def shown(obj, name: str) -> str:
    """A field's value as a person reads it: choices by their label, yes/no, linked objects by
    name, dates and decimals in the page's language; empty as ""."""
    if name in ("chapter", "additional_themes"):
        return _compared(obj, name)
    model_field = type(obj)._meta.get_field(name.removesuffix("_id"))
    value = getattr(obj, model_field.name)
    if value is None or value == "":
        return ""
    if model_field.choices:
        return str(getattr(obj, f"get_{model_field.name}_display")())
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal | float):
        return formats.number_format(value, use_l10n=True)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _differences(old, new, names) -> list[tuple[str, str, str]]:
    return [
        (
            capfirst(type(old)._meta.get_field(name.removesuffix("_id")).verbose_name),
            shown(old, name),
            shown(new, name),
        )
        for name in names
        if _compared(old, name) != _compared(new, name)
    ]


def _link_changes(old, new, names) -> list[tuple[str, str, str]]:
    """The many-to-many links of two versions of a part that differ, as lists of names."""
    changes = []
    for name in names:
        before = sorted(str(obj) for obj in getattr(old, name).all())
        after = sorted(str(obj) for obj in getattr(new, name).all())
        if before != after:
            label = capfirst(type(old)._meta.get_field(name).verbose_name)
            changes.append((label, ", ".join(before), ", ".join(after)))
    return changes


def _trail(plan: Plan) -> str:
    """The plan's decision trail in one line: each version has a trail of its own."""
    return "; ".join(
        " ".join(
            part
            for part in (
                step.body_name,
                shown(step, "decided_on"),
                step.section,
                f"({step.get_outcome_display()})",
            )
            if part
        )
        for step in DecisionStep.objects.filter(plan=plan)
    )


def plan_compare(*, older: Plan, newer: Plan) -> tuple[list, list[PartChange]]:
    """Differences between two versions of the same plan series, in plain words (the decision
    trails side by side)."""
    plan_changes = _differences(older, newer, PLAN_COMPARED_FIELDS)
    trails = _trail(older), _trail(newer)
    if trails[0] != trails[1]:
        plan_changes.append((capfirst(_("decision trail")), *trails))
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
            diffs = _differences(old, new, PART_FIELDS[kind])
            diffs += _link_changes(old, new, PART_LINKS.get(kind, ()))
            if diffs:
                changes.append(PartChange(kind, _label(new), "changed", diffs))
    return plan_changes, changes


def plan_has_next_version(*, plan: Plan) -> bool:
    return Plan.objects.filter(previous_version=plan).exists()


def plan_versions(*, plan: Plan, user) -> list[Plan]:
    """The versions of the plan's series the user may see, oldest first: a series has a few, so
    each is checked as it is rather than through the scope of every plan (one query)."""
    series = Plan.objects.with_outline().filter(lineage=plan.lineage).order_by("version_number")
    return [v for v in series if v.pk == plan.pk or can(user, "planning.view_plan", v)]


def adoption_step(*, plan: Plan) -> DecisionStep | None:
    """The approval recorded last on the trail (the council's first): it prefills the adoption."""
    approvals = DecisionStep.objects.filter(plan=plan, outcome=DecisionStep.Outcome.APPROVED)
    return approvals.filter(body_kind=DecisionStep.BodyKind.COUNCIL).last() or approvals.last()


def plan_series_for_historical(*, user, municipality=None) -> QuerySet[Plan]:
    """The newest version of each plan series the user may add a historical version to."""
    plans = plans_for_user(user=user, action="planning.change_plan")
    if municipality is not None:
        plans = plans.filter(municipalities=municipality)
    newest = {}
    for plan in plans.order_by("lineage", "-version_number"):
        newest.setdefault(plan.lineage, plan.pk)
    return Plan.objects.with_outline().filter(pk__in=newest.values())


# --- invitations to joint plans -----------------------------------------------------------------


def invitation_get_for_user(*, user, invitation_id: int) -> PlanInvitation:
    """An invitation for those who answer it (the invited municipality's coordinators) or may
    withdraw it (those who may change the plan); 404 for anyone else, as for none."""
    invitation = (
        PlanInvitation.objects.select_related("plan__lead_municipality", "municipality")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not (
        can(user, "planning.answer_invitation", invitation)
        or can(user, "planning.withdraw_invitation", invitation)
    ):
        raise Http404
    return invitation


def invitations_waiting_for(*, user) -> QuerySet[PlanInvitation]:
    """Pending invitations the user answers as a coordinator of the invited municipality (an
    administrator's home page does not list everyone's)."""
    reach = user_reach(user=user)
    if reach.admin or not reach.coordinator_municipalities:
        return PlanInvitation.objects.none()  # no query on every page for everyone else
    pending = PlanInvitation.objects.filter(status=PlanInvitation.Status.PENDING)
    return scope(user, "planning.answer_invitation", pending).select_related(
        "plan__lead_municipality", "municipality", "invited_by"
    )


def plan_pending_invitations(*, plan: Plan) -> QuerySet[PlanInvitation]:
    return plan.invitations.filter(status=PlanInvitation.Status.PENDING).select_related(
        "municipality"
    )
