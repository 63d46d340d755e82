"""The library's search index kept in step with the plans.

Invariants: the index holds one entry per objective, measure and indicator of every plan, with
the texts and the evidence (`selectors.with_evidence`) they had when their plan was last
indexed. Every change to a plan's content and monitoring is in the audit trail naming the plan,
and every statistics import or single value is in it too; `index_refresh` reads the trail after
the index's mark (and the entries of the last minutes not yet read: a transaction may commit an
entry after one with a higher id), indexes again each plan named there, and after a statistics
change every plan with an indicator from statistics. The search calls it first, so what it
finds is never older than the request. Nothing here decides who may find what.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from kotoplan.audit.selectors.feed import FeedEntry, trail_after, trail_end
from kotoplan.monitoring.statistics.models import ImportRun, StatIndicator, StatisticValue
from kotoplan.planning.models import Indicator, Plan

from ..models import IndexState, SearchEntry, SearchWord
from ..selectors.evidence import with_evidence
from ..selectors.matching import KINDS, LANGUAGES

# How long an audit entry is read again in case it was committed after a later one.
WINDOW = dt.timedelta(minutes=2)
# A refresh left to a task is asked for again after this long if it has not been done.
DEFER_AGAIN = dt.timedelta(minutes=10)
BATCH = 2000


def _objective_path(key: str) -> str:
    return "pk" if key == "objective" else "objective_id"


def _entries(plan_ids: list[int]) -> list[SearchEntry]:
    entries = []
    for key, spec in KINDS.items():
        title, body = spec.texts
        plan_field = "plan_id" if key == "objective" else "objective__plan_id"
        name_field = f"{spec.plan_path}__lead_municipality__name_fi"
        texts = [f"{name}_{lang}" for name in (title, body) for lang in LANGUAGES]
        parts = with_evidence(
            spec.model.objects.filter(**{f"{spec.plan_path}__in": plan_ids}).order_by(), key
        ).values_list(
            "pk",
            plan_field,
            name_field,
            _objective_path(key),
            "evidence_monitoring",
            "evidence_statistics",
            *texts,
        )
        for pk, plan_id, name, objective_id, monitoring, statistics, *values in parts:
            named = dict(zip(texts, (v or "" for v in values), strict=True))
            entries.append(
                SearchEntry(
                    kind=key,
                    part_id=pk,
                    plan_id=plan_id,
                    objective_id=objective_id,
                    sort_name=name or "",
                    **{f"title_{lang}": named[f"{title}_{lang}"] for lang in LANGUAGES},
                    **{f"body_{lang}": named[f"{body}_{lang}"] for lang in LANGUAGES},
                    text=" ".join(named.values()).lower(),
                    evidence=max(monitoring or 0, statistics or 0),
                    evidence_monitoring=monitoring or 0,
                    evidence_statistics=statistics or 0,
                )
            )
    return entries


def _add_words(plan_ids: list[int]) -> None:
    """PostgreSQL: the words of the plans' texts into the word list, as the `simple`
    configuration splits them (the same words as in the entries' vectors)."""
    if connection.vendor != "postgresql" or not plan_ids:
        return
    texts = " || ' ' || ".join(f"{part}_{lang}" for part in ("title", "body") for lang in LANGUAGES)
    # ts_stat reads a query given as text: made of the constants above and whole numbers.
    ids = ",".join(str(int(pk)) for pk in plan_ids)
    inner = f"SELECT to_tsvector('simple'::regconfig, {texts}) FROM library_searchentry "  # noqa: S608
    inner += f"WHERE plan_id = ANY('{{{ids}}}'::bigint[])"
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO library_searchword (word) SELECT found.word FROM ts_stat(%s) found "
            "WHERE NOT EXISTS (SELECT 1 FROM library_searchword w WHERE w.word = found.word)",
            [inner],
        )


def index_plans(plan_ids) -> int:
    """Index the plans again (their parts as they are now); returns the number of entries."""
    plan_ids = sorted({int(pk) for pk in plan_ids})
    count = 0
    with transaction.atomic():
        for start in range(0, len(plan_ids), 100):
            chunk = plan_ids[start : start + 100]
            SearchEntry.objects.filter(plan_id__in=chunk).delete()
            entries = _entries(chunk)
            SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
            _add_words(chunk)
            count += len(entries)
    return count


def _statistics_types() -> set[int]:
    types = ContentType.objects.get_for_models(ImportRun, StatisticValue, StatIndicator)
    return {ct.pk for ct in types.values()}


def _plans_with_statistics() -> set[int]:
    indicators = Indicator.objects.exclude(source=Indicator.Source.MANUAL)
    return set(indicators.values_list("objective__plan_id", flat=True).distinct())


def _state(lock: bool) -> IndexState:
    states = IndexState.objects.select_for_update() if lock else IndexState.objects
    state = states.filter(pk=1).first()
    if state is None:
        state, _created = IndexState.objects.get_or_create(pk=1)
    return state


def _recent(state: IndexState, read: list[FeedEntry], since: dt.datetime) -> list:
    kept = [[pk, stamp] for pk, stamp in state.recent if dt.datetime.fromisoformat(stamp) >= since]
    kept += [[e.pk, e.timestamp.isoformat()] for e in read if e.timestamp >= since]
    return kept


def _pending(state: IndexState, now: dt.datetime) -> list[FeedEntry]:
    seen = [pk for pk, _stamp in state.recent]
    return trail_after(mark=state.mark, since=now - WINDOW, seen=seen)


def index_rebuild() -> int:
    """Index every plan anew (also what `index_refresh` does the first time)."""
    with transaction.atomic():
        state = _state(lock=True)
        return _rebuild(state, timezone.now())


def _rebuild(state: IndexState, now: dt.datetime) -> int:
    mark = trail_end()
    read = _pending(IndexState(mark=mark), now)
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()  # words of removed texts go too
    count = index_plans(Plan.objects.values_list("pk", flat=True))
    state.built = True
    state.mark = mark
    state.recent = _recent(IndexState(), read, now - WINDOW)
    state.refreshed_at = now
    state.deferred_at = None
    state.save()
    return count


@dataclass(frozen=True)
class Refresh:
    plans: int = 0  # plans indexed again
    deferred: bool = False  # too many for now: the caller leaves the refresh to a task
    version: str = ""  # names the index as it now stands (changes whenever it changes)


def _version(state: IndexState) -> str:
    stamp = state.refreshed_at.isoformat() if state.refreshed_at else ""
    return f"{state.mark}|{len(state.recent)}|{stamp}"


def index_refresh(*, most: int | None = None) -> Refresh:
    """Bring the index up to the audit trail. Costs two small queries when nothing changed.
    With `most`, a refresh of more plans than that (after a statistics import, say) is not done
    but reported `deferred` once per DEFER_AGAIN; the first build is always done."""
    now = timezone.now()
    state = _state(lock=False)
    if state.built and not _pending(state, now):
        return Refresh(version=_version(state))
    with transaction.atomic():
        state = _state(lock=True)
        if not state.built:
            _rebuild(state, now)
            return Refresh(plans=Plan.objects.count(), version=_version(state))
        read = _pending(state, now)
        if not read:
            return Refresh(version=_version(state))
        plan_ids = {e.plan_id for e in read if e.plan_id is not None}
        statistics = _statistics_types()
        if any(e.content_type_id in statistics for e in read):
            plan_ids |= _plans_with_statistics()
        if most is not None and len(plan_ids) > most:
            version = _version(state) + "|behind"  # not the index of the entries read
            if state.deferred_at is not None and now - state.deferred_at < DEFER_AGAIN:
                return Refresh(version=version)
            state.deferred_at = now
            state.save(update_fields=["deferred_at"])
            return Refresh(deferred=True, version=version)
        index_plans(plan_ids)
        state.mark = max(state.mark, max(e.pk for e in read))
        state.recent = _recent(state, read, now - WINDOW)
        state.refreshed_at = now
        state.deferred_at = None
        state.save()
        return Refresh(plans=len(plan_ids), version=_version(state))
