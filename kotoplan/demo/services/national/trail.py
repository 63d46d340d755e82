"""The change history of the national data set's plans, as the audit trail records it when
plans are written in the product: every plan, objective, measure and indicator was created by
the municipality's coordinator (with its main fields), a third of the measures were reworded
later, and a plan past its draft changed its state. Bulk writes skip auditlog's signals, so the
entries are written here, in the shape auditlog gives them ({field: [before, after]}, the plan
named in `additional_data`)."""

from datetime import UTC, datetime, timedelta

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from kotoplan.planning.models import Indicator, Measure, Objective, Plan

from .base import Generation, insert_tuples
from .people import Parties
from .plans import PlanContent, Series

COLUMNS = [
    "content_type",
    "object_pk",
    "object_id",
    "object_repr",
    "action",
    "changes",
    "changes_text",
    "timestamp",
    "actor",
    "additional_data",
]


def _value(value) -> str:
    return "None" if value is None else str(value)


def _created(fields: dict) -> dict:
    return {name: ["None", _value(value)] for name, value in fields.items() if value not in ("",)}


def _entries(content: PlanContent, actor_id: int, types: dict, rng) -> list[tuple]:
    plan = content.plan
    started = datetime(plan.period_start - 1, 9, 1, 8, tzinfo=UTC)
    extra = {"plan_id": plan.pk}
    rows = []

    def add(obj, action, changes, when):
        kind = types[type(obj)]
        name = getattr(obj, "title_fi", None) or getattr(obj, "name_fi", "")
        rows.append(
            (kind, str(obj.pk), obj.pk, name[:200], action, changes, "", when, actor_id, extra)
        )

    minute = timedelta(minutes=1)
    when = started
    add(
        plan,
        LogEntry.Action.CREATE,
        _created(
            {
                "title_fi": plan.title_fi,
                "period_start": plan.period_start,
                "period_end": plan.period_end,
                "lead_municipality": plan.lead_municipality_id,
                "state": "draft",
            }
        ),
        when,
    )
    for objective in content.objectives:
        when += minute
        add(
            objective,
            LogEntry.Action.CREATE,
            _created(
                {"title_fi": objective.title_fi, "theme": objective.theme_id, "plan": plan.pk}
            ),
            when,
        )
    for measure in content.measures:
        when += minute
        add(
            measure,
            LogEntry.Action.CREATE,
            _created(
                {
                    "title_fi": measure.title_fi,
                    "objective": measure.objective_id,
                    "responsible_organisation": measure.responsible_organisation_id,
                    "schedule_text": measure.schedule_text,
                }
            ),
            when,
        )
    for indicator in content.indicators:
        when += minute
        add(
            indicator,
            LogEntry.Action.CREATE,
            _created(
                {
                    "name_fi": indicator.name_fi,
                    "objective": indicator.objective_id,
                    "measure": indicator.measure_id,
                }
            ),
            when,
        )
    if plan.state != Plan.State.DRAFT:
        moved = started + timedelta(days=120)
        if plan.decision_date:
            moved = datetime.combine(plan.decision_date, datetime.min.time(), tzinfo=UTC)
        add(plan, LogEntry.Action.UPDATE, {"state": ["draft", str(plan.state)]}, moved)
    reworded = started + timedelta(days=60)
    for measure in content.measures[::3]:
        reworded += timedelta(minutes=rng.randint(5, 600))
        earlier = f"{measure.title_fi} (luonnos)"
        add(measure, LogEntry.Action.UPDATE, {"title_fi": [earlier, measure.title_fi]}, reworded)
    return rows


def generate_trail(gen: Generation, series: list[Series], parties: Parties) -> None:
    types = {
        model: ct.pk
        for model, ct in ContentType.objects.get_for_models(
            Plan, Objective, Measure, Indicator
        ).items()
    }
    rows = []
    for item in series:
        actor = parties.coordinators[item.current.municipality.pk].pk
        for content in (item.earlier, item.current):
            if content is not None:
                rows.extend(_entries(content, actor, types, gen.rng))
    insert_tuples(LogEntry, COLUMNS, rows)
    gen.count("audit entries", len(rows))
