"""Work around the plans: national statistics with ten years of values, two monitoring rounds
with updates, and a cooperation group with members, representatives and meetings per
municipality."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from kotoplan.cooperation.models import (
    AgendaItem,
    Attendance,
    CooperationGroup,
    Meeting,
    Membership,
    Representative,
)
from kotoplan.cooperation.models.category import default_category
from kotoplan.geography.models import Municipality
from kotoplan.monitoring.models import (
    IndicatorValue,
    MeasureUpdate,
    MonitoringRound,
    SituationIndicator,
    StatIndicator,
    StatisticValue,
)
from kotoplan.planning.models import Indicator, Plan

from .base import STAT_INDICATORS, Generation, bulk, bulk_links, insert_tuples
from .people import Parties
from .plans import Series
from .texts import sentence


def generate_statistics(gen: Generation, municipalities: list[Municipality], years: int) -> list:
    """A catalogue of indicators and their yearly values for every municipality; returns the
    source codes plan indicators refer to."""
    indicators = bulk(
        StatIndicator,
        [
            StatIndicator(
                code=f"kp-national-{n + 1:02d}",
                name_fi=f"Kotoutumisen tilastoindikaattori {n + 1}",
                name_sv=f"Integrationsindikator {n + 1}",
                unit="%",
                decimals=1,
                source=StatIndicator.Source.SOTKANET,
                source_code=str(990100 + n),
                organisation="THL",
                situation_order=n + 1 if n < 6 else None,
            )
            for n in range(STAT_INDICATORS)
        ],
        gen,
        "statistical indicators",
    )
    last = gen.day.year - 1
    rows = []
    for m in municipalities:
        for indicator in indicators:
            level = gen.rng.randint(50, 700)
            for year in range(last - years + 1, last + 1):
                level = max(1, level + gen.rng.randint(-30, 30))
                suppressed = gen.rng.random() < 0.01
                rows.append(
                    (
                        indicator.pk,
                        m.pk,
                        year,
                        None if suppressed else Decimal(level) / 10,
                        "suppressed" if suppressed else "ok",
                    )
                )
    columns = ["indicator", "municipality", "period", "value", "status"]
    defaults = ["country", "period_type", "subperiod", "breakdown_key", "breakdown_value"]
    insert_tuples(
        StatisticValue, columns + defaults, [(*row, False, "year", 0, "", "") for row in rows]
    )
    gen.count("statistic values", len(rows))
    return indicators


def generate_situation(gen: Generation, series: list[Series], indicators: list) -> None:
    bulk(
        SituationIndicator,
        [
            SituationIndicator(plan=item.current.plan, indicator=indicator, order=n)
            for item in series
            for n, indicator in enumerate(indicators[:5])
        ],
        gen,
        "situation figures",
    )


def generate_monitoring(gen: Generation, series: list[Series], parties: Parties) -> None:
    """Two rounds for every adopted plan: the closed one of last year (every measure reported)
    and the open one of this year (half reported)."""
    rounds, updates, values = [], [], []
    adopted = [s.current for s in series if s.current.plan.state == Plan.State.ADOPTED]
    for content in adopted:
        coordinator = parties.coordinators[content.municipality.pk]
        closed = MonitoringRound(
            plan=content.plan,
            period_label=str(gen.day.year - 1),
            due_date=gen.day - timedelta(days=60),
            state=MonitoringRound.State.CLOSED,
            opened_by=coordinator,
            closed_by=coordinator,
            closed_on=gen.day - timedelta(days=50),
        )
        current = MonitoringRound(
            plan=content.plan,
            period_label=str(gen.day.year),
            due_date=gen.day + timedelta(days=30),
            opened_by=coordinator,
        )
        rounds += [closed, current]
        content.rounds = (closed, current)
    bulk(MonitoringRound, rounds, gen, "monitoring rounds")
    statuses = list(MeasureUpdate.Status.values)
    for content in adopted:
        closed, current = content.rounds
        contributor = parties.contributors[content.municipality.pk]
        for n, measure in enumerate(content.measures):
            for round_, reported in ((closed, True), (current, n % 2 == 0)):
                if not reported:
                    continue
                updates.append(
                    MeasureUpdate(
                        round=round_,
                        measure=measure,
                        status=statuses[(n + round_.due_date.month) % 4],
                        progress=gen.rng.randint(0, 100),
                        narrative=sentence(gen.rng, 2),
                        evidence_links=[f"https://example.fi/{content.municipality.code}/{n}"],
                        updated_by=contributor,
                    )
                )
        for indicator in content.indicators:
            if indicator.source != Indicator.Source.MANUAL:
                continue
            for round_, year in ((closed, gen.day.year - 1), (current, gen.day.year)):
                values.append(
                    IndicatorValue(
                        indicator=indicator,
                        round=round_,
                        year=year,
                        value=Decimal(gen.rng.randint(10, 900)) / 10,
                        entered_by=contributor,
                    )
                )
    bulk(MeasureUpdate, updates, gen, "measure updates")
    bulk(IndicatorValue, values, gen, "indicator values")


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def generate_cooperation(gen: Generation, series: list[Series], parties: Parties) -> None:
    """A municipal cooperation group per municipality with about eight member organisations,
    a representative (and for half a deputy) each, two held meetings with approved minutes and
    attendance, and one coming meeting."""
    groups, members, people, meetings = [], [], [], []
    appointed = date(gen.day.year - 1, 9, 1)
    for item in series:
        m = item.current.municipality
        group = CooperationGroup(
            kind=CooperationGroup.Kind.MUNICIPAL,
            name=f"Kotoutumisen yhteistyöryhmä ({m.name_fi})",
            appointed_by=parties.municipal[m.pk],
            appointing_body="Kunnanhallitus",
            appointed_on=appointed,
            decision_reference=f"KH § {gen.rng.randint(1, 200)}",
            mandate=sentence(gen.rng, 2),
            term_start=appointed,
        )
        group._item = item
        groups.append(group)
    bulk(CooperationGroup, groups, gen, "cooperation groups")
    bulk_links(
        CooperationGroup.municipalities.through,
        [
            CooperationGroup.municipalities.through(
                cooperationgroup_id=g.pk, municipality_id=g._item.current.municipality.pk
            )
            for g in groups
        ],
    )
    bulk_links(
        CooperationGroup.plans.through,
        [
            CooperationGroup.plans.through(
                cooperationgroup_id=g.pk, plan_id=g._item.current.plan.pk
            )
            for g in groups
        ],
    )
    for group in groups:
        m = group._item.current.municipality
        organisations = [
            *parties.areal.get(m.pk, {}).values(),
            *parties.local.get(m.pk, []),
            *parties.national.values(),
        ]
        for org in organisations:
            if not default_category(org):
                continue
            members.append(
                Membership(
                    group=group,
                    organisation=org,
                    category=default_category(org),
                    start_date=appointed,
                )
            )
        for n in range(3):
            starts = _at(gen.day + timedelta(days=90 * (n - 2) + 7), 13)
            held = n < 2
            meetings.append(
                Meeting(
                    group=group,
                    uid=gen.uuid(),
                    title=f"Yhteistyöryhmän kokous {n + 1}/{gen.day.year}",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=2),
                    place="Kaupungintalo, kokoushuone 2",
                    minutes=sentence(gen.rng, 5) if held else "",
                    decisions=sentence(gen.rng, 2) if held else "",
                    minutes_state=Meeting.MinutesState.APPROVED if held else "draft",
                    minutes_approved_at=starts + timedelta(days=14) if held else None,
                )
            )
    bulk(Membership, members, gen, "memberships")
    for n, membership in enumerate(members):
        for role in ("representative", "deputy")[: 1 + n % 2]:
            people.append(
                Representative(
                    membership=membership,
                    role=role,
                    name=f"Edustaja {n + 1}{'' if role == 'representative' else ' (varalla)'}",
                    title="Asiantuntija",
                    email=f"edustaja{n + 1}.{role}@example.fi",
                    start_date=appointed,
                )
            )
    bulk(Representative, people, gen, "representatives")
    bulk(Meeting, meetings, gen, "meetings")
    seats = {}
    for person in people:
        seats.setdefault(person.membership.group_id, []).append(person)
    objectives = {g.pk: g._item.current.objectives for g in groups}
    agenda, attendance = [], []
    for meeting in meetings:
        for n, objective in enumerate(objectives[meeting.group_id][:2]):
            agenda.append(
                AgendaItem(
                    meeting=meeting,
                    order=n,
                    title=f"Tavoite: {objective.title_fi}",
                    objective=objective,
                )
            )
        if meeting.minutes_state == Meeting.MinutesState.APPROVED:
            attendance += [
                Attendance(meeting=meeting, representative=p, present=p.role == "representative")
                for p in seats.get(meeting.group_id, [])
            ]
    bulk(AgendaItem, agenda, gen, "agenda items")
    bulk(Attendance, attendance, gen, "attendance")
