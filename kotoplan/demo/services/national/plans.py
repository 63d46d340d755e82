"""The plans of the national data set: one series per municipality (a third with an earlier,
superseded version whose parts keep their keys), every theme, objectives, measures with lead,
co-responsible and partner organisations, indicators, target groups and timetable steps."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from kotoplan.accounts.models import Organisation
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import (
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    TargetGroup,
    Theme,
)
from kotoplan.planning.models.timespans import parse_schedule

from .base import LARGEST_MUNICIPALITY, Generation, Sizes, bulk, bulk_links
from .people import Parties
from .texts import sentence, title

STATES = (  # cycled over the municipalities; most plans are adopted
    Plan.State.ADOPTED,
    Plan.State.ADOPTED,
    Plan.State.CONSULTATION,
    Plan.State.ADOPTED,
    Plan.State.DRAFT,
    Plan.State.ADOPTED,
    Plan.State.AWAITING_DECISION,
    Plan.State.ADOPTED,
    Plan.State.DRAFT,
    Plan.State.ADOPTED,
)
SCHEDULES = ("2026", "2026–2027", "syksy 2026", "jatkuva", "2027–2029", "kevät 2027", "2028")
UNITS = ("%", "henkilöä", "kpl", "‰")


@dataclass
class PlanContent:
    plan: Plan
    municipality: Municipality
    sizes: Sizes
    objectives: list[Objective] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    target_groups: list[TargetGroup] = field(default_factory=list)


@dataclass
class Series:
    current: PlanContent
    earlier: PlanContent | None = None


def generate_plans(
    gen: Generation, specs: list[tuple[Municipality, Sizes]], parties: Parties, stat_codes
) -> list[Series]:
    themes = list(Theme.objects.order_by("order"))
    series = []
    earlier_rows, current_rows = [], []
    for i, (m, sizes) in enumerate(specs):
        lineage = gen.uuid()
        largest = m.code == LARGEST_MUNICIPALITY
        state = Plan.State.ADOPTED if largest else STATES[i % len(STATES)]
        with_earlier = i % 3 == 0 or largest  # a third, and the largest plan
        current = _plan(gen, m, parties, lineage, state, 2026, version=2 if with_earlier else 1)
        item = Series(PlanContent(current, m, sizes))
        if with_earlier:
            earlier = _plan(gen, m, parties, lineage, Plan.State.SUPERSEDED, 2022, version=1)
            earlier.period_end = 2025
            earlier_rows.append(earlier)
            item.earlier = PlanContent(earlier, m, sizes)
        current_rows.append(current)
        series.append(item)
    bulk(Plan, earlier_rows, gen, "plans")
    for item in series:
        if item.earlier is not None:
            item.current.plan.previous_version = item.earlier.plan
    bulk(Plan, current_rows, gen, "plans")
    contents = [c for item in series for c in (item.earlier, item.current) if c is not None]
    bulk_links(
        Plan.municipalities.through,
        [
            Plan.municipalities.through(plan_id=c.plan.pk, municipality_id=c.municipality.pk)
            for c in contents
        ],
    )
    keys = {}  # (series index, kind, n) → key shared by the versions of a part
    for index, item in enumerate(series):
        for content in (item.current, item.earlier):
            if content is not None:
                _parts(gen, content, themes, parties, stat_codes, keys, index)
    _write_parts(gen, contents, themes)
    return series


def _plan(gen, m, parties, lineage, state, start, version) -> Plan:
    adopted = state in (Plan.State.ADOPTED, Plan.State.SUPERSEDED)
    return Plan(
        lineage=lineage,
        version_number=version,
        lead_municipality=m,
        title_fi=f"{m.name_fi}: kotoutumisen edistämisen suunnitelma {start}–{start + 3}",
        title_sv=f"{m.name_sv or m.name_fi}: plan för främjande av integration {start}–{start + 3}",
        languages=["fi", "sv"] if m.name_sv else ["fi"],
        period_start=start,
        period_end=start + 3,
        coordinating_unit=parties.municipal[m.pk],
        coordinating_authority="Kotoutumispalvelut",
        contact_name=f"Koordinaattori {m.name_fi}",
        contact_email=f"kotoutuminen.{m.code}@example.fi",
        programme_mode=Plan.Programme.INCORPORATED,
        county_coordination=sentence(gen.rng, 3),
        employment_area_coordination=sentence(gen.rng, 3),
        covers_all_immigrants=True,
        covers_good_relations=True,
        situation_quantitative_fi=sentence(gen.rng, 6),
        situation_qualitative_fi=sentence(gen.rng, 6),
        mainstreaming_fi=sentence(gen.rng, 2),
        has_cooperation_group=True,
        cooperation_group_note="Kunnan kotoutumisen yhteistyöryhmä.",
        authority_contacted_on=date(start - 1, 9, 15),
        participation_evidence=sentence(gen.rng, 4),
        monitoring_description=sentence(gen.rng, 3),
        state=state,
        decision_body="Kunnanvaltuusto" if adopted else "",
        decision_date=date(start, 2, 1) if adopted else None,
        decision_reference=f"§ {gen.rng.randint(1, 120)}" if adopted else "",
    )


def _key(gen, keys, index, kind, n):
    return keys.setdefault((index, kind, n), gen.uuid())


def _parts(gen, content: PlanContent, themes, parties, stat_codes, keys, index) -> None:
    rng, sizes, plan, m = gen.rng, content.sizes, content.plan, content.municipality
    earlier = plan.state == Plan.State.SUPERSEDED
    shrink = 2 if earlier else 0  # the earlier version had fewer parts
    content.target_groups = [
        TargetGroup(plan=plan, key=_key(gen, keys, index, "tg", n), name_fi=name)
        for n, name in enumerate(("Työikäiset maahan muuttaneet", "Lapset ja nuoret"))
    ]
    content.objectives = [
        Objective(
            plan=plan,
            key=_key(gen, keys, index, "objective", n),
            theme=themes[n % len(themes)],
            order=n,
            title_fi=title(rng, "objective"),
            description_fi=sentence(rng, 3),
        )
        for n in range(max(1, sizes.objectives - shrink))
    ]
    municipal = parties.municipal[m.pk]
    areal = list(parties.areal.get(m.pk, {}).values())
    local = parties.local.get(m.pk, [])
    kela = parties.national.get(Organisation.Kind.KELA)
    pool = [*areal, *local, *parties.national.values()]
    for n in range(max(1, sizes.measures - 3 * shrink)):
        schedule = SCHEDULES[n % len(SCHEDULES)]
        read = parse_schedule(schedule)
        lead = (municipal, municipal, municipal, kela, *areal, *local)[
            n % (4 + len(areal) + len(local))
        ]
        measure = Measure(
            key=_key(gen, keys, index, "measure", n),
            objective=content.objectives[n % len(content.objectives)],
            order=n // len(content.objectives),
            title_fi=title(rng, "measure"),
            description_fi=sentence(rng, 4),
            responsible_organisation=lead,
            responsible_unit="Kotoutumispalvelut" if lead is municipal else "",
            responsible_contact=f"Vastuuhenkilö {n + 1}",
            schedule_text=schedule,
            schedule_rank=read.rank,
            schedule_year_start=read.start_year,
            schedule_part=read.part,
            schedule_year_end=read.end_year,
            schedule_ongoing=read.ongoing,
            resources=rng.choice(("Nykyiset resurssit", "Hankerahoitus", "0,5 htv")),
            status=rng.choice(list(Measure.Status.values)[:3]) if not earlier else "done",
        )
        measure._co = [rng.choice(pool)] if pool else []
        measure._partners = rng.sample(pool, min(2, len(pool)))
        content.measures.append(measure)
    for n in range(max(1, sizes.indicators - shrink)):
        coded = n % 3 != 2
        code = stat_codes[n % len(stat_codes)] if coded and stat_codes else ""
        content.indicators.append(
            Indicator(
                key=_key(gen, keys, index, "indicator", n),
                objective=content.objectives[n % len(content.objectives)],
                name_fi=title(rng, "indicator"),
                unit=UNITS[n % len(UNITS)],
                source=Indicator.Source.SOTKANET if code else Indicator.Source.MANUAL,
                source_code=code,
                baseline_value=Decimal(rng.randint(10, 600)) / 10,
                baseline_year=plan.period_start - 1,
                target_value=Decimal(rng.randint(10, 900)) / 10,
                target_year=plan.period_end,
                direction=rng.choice(list(Indicator.Direction.values)),
            )
        )


def _write_parts(gen, contents: list[PlanContent], themes) -> None:
    bulk(TargetGroup, [t for c in contents for t in c.target_groups], gen, "target groups")
    milestones = []
    for c in contents:
        start = date(c.plan.period_start - 1, 3, 1)
        for n, kind in enumerate(Milestone.Kind.values):
            milestones.append(
                Milestone(
                    plan=c.plan,
                    key=gen.uuid(),
                    kind=kind,
                    title_fi=f"{Milestone.Kind(kind).label} {n + 1}",
                    due_date=start + timedelta(days=90 * n),
                    done=c.plan.state in (Plan.State.ADOPTED, Plan.State.SUPERSEDED),
                )
            )
    bulk(Milestone, milestones, gen, "timetable steps")
    bulk(Objective, [o for c in contents for o in c.objectives], gen, "objectives")
    additional = Objective.additional_themes.through
    groups = Objective.target_groups.through
    bulk_links(
        additional,
        [
            additional(objective_id=o.pk, theme_id=themes[(n + 2) % len(themes)].pk)
            for c in contents
            for n, o in enumerate(c.objectives)
            if n % 3 == 0
        ],
    )
    bulk_links(
        groups,
        [
            groups(objective_id=o.pk, targetgroup_id=c.target_groups[n % 2].pk)
            for c in contents
            for n, o in enumerate(c.objectives)
            if n % 4 == 1
        ],
    )
    for c in contents:
        for m in c.measures:
            m.objective_id = m.objective.pk
    bulk(Measure, [m for c in contents for m in c.measures], gen, "measures")
    co, partners = Measure.co_responsible.through, Measure.partners.through
    bulk_links(
        co,
        [
            co(measure_id=m.pk, organisation_id=o.pk)
            for c in contents
            for m in c.measures
            for o in m._co
            if o.pk != m.responsible_organisation_id
        ],
    )
    bulk_links(
        partners,
        [
            partners(measure_id=m.pk, organisation_id=o.pk)
            for c in contents
            for m in c.measures
            for o in m._partners
        ],
    )
    for c in contents:
        for n, indicator in enumerate(c.indicators):
            indicator.objective_id = indicator.objective.pk
            if n % 2 == 0 and c.measures:
                indicator.measure = c.measures[n % len(c.measures)]
    bulk(Indicator, [i for c in contents for i in c.indicators], gen, "indicators")
