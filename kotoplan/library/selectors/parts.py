"""One measure as the library shows it, the measures with close wording, where a plan's or a
measure's parts were reused, and the objectives a person may copy a measure into."""

from django.db.models import QuerySet
from django.http import Http404

from kotoplan.core.permissions import scope
from kotoplan.planning.models import Indicator, Measure, Objective, Plan

from .evidence import with_evidence
from .matching import KINDS, any_word_condition, any_word_rank, on_postgresql, words_of
from .visibility import searchable_plans, visible_plans

SIMILAR_SHOWN = 5
# On SQLite the candidates are ranked in Python by the words they share.
SQLITE_CANDIDATES = 200


def measure_get_for_user(*, user, measure_id: int) -> Measure:
    """A measure of a plan the person may find in the library; missing and hidden both 404."""
    measure = (
        with_evidence(Measure.objects.all(), "measure")
        .select_related(
            "objective__theme",
            "objective__plan__lead_municipality",
            "responsible_organisation",
            "reused_from__objective__plan__lead_municipality",
        )
        .filter(
            pk=measure_id,
            objective__plan__in=searchable_plans(user=user).values("pk"),
        )
        .first()
    )
    if measure is None:
        raise Http404
    return measure


def measure_indicators(*, measure: Measure) -> QuerySet[Indicator]:
    return with_evidence(Indicator.objects.filter(measure=measure), "indicator").order_by("pk")


def similar_measures(
    *, user, text: str, plan: Plan | None = None, exclude: Measure | None = None
) -> list[Measure]:
    """Measures of other plans whose wording is close to `text` (those of `plan`'s series and
    `exclude` itself left out), best first."""
    words = [w for w in words_of(text) if len(w) > 3] or words_of(text)
    if not words:
        return []
    spec = KINDS["measure"]
    measures = Measure.objects.filter(
        objective__plan__in=searchable_plans(user=user).values("pk")
    ).filter(any_word_condition(spec, words))
    if plan is not None:
        measures = measures.exclude(objective__plan__lineage=plan.lineage)
    if exclude is not None:
        measures = measures.exclude(pk=exclude.pk).exclude(
            objective__plan__lineage=exclude.objective.plan.lineage
        )
    measures = measures.select_related("objective__plan__lead_municipality")
    if on_postgresql():
        ranked = measures.annotate(rank=any_word_rank(spec, words)).order_by("-rank", "pk")
        return list(ranked[:SIMILAR_SHOWN])
    candidates = list(measures.order_by("pk")[:SQLITE_CANDIDATES])
    wanted = set(words)

    def shared(measure: Measure) -> int:
        own = set(words_of(" ".join(getattr(measure, f) or "" for f in spec.text_fields())))
        return len(wanted & own)

    candidates.sort(key=lambda m: (-shared(m), m.pk))
    return candidates[:SIMILAR_SHOWN]


def reuses_of(*, user, measures) -> QuerySet[Measure]:
    """Copies of the measures in plans the person may read, with their plans: a copy in a plan
    hidden from the person is neither named nor counted."""
    return (
        Measure.objects.filter(
            reused_from__in=measures,
            objective__plan__in=visible_plans(user=user).values("pk"),
        )
        .select_related("objective__plan__lead_municipality", "reused_from")
        .order_by("objective__plan__lead_municipality__name_fi", "pk")
    )


def plan_reuses(*, user, plan: Plan) -> list[Measure]:
    """Copies of the plan's measures the person may read. Most plans have none: that is asked
    first, without the reader's scope."""
    measures = Measure.objects.filter(objective__plan=plan)
    if not Measure.objects.filter(reused_from__in=measures).exists():
        return []
    return list(reuses_of(user=user, measures=measures))


def reuse_targets(*, user) -> QuerySet[Objective]:
    """The objectives of draft plans this person may copy a measure into."""
    return scope(
        user,
        "library.reuse_into",
        Objective.objects.select_related("plan__lead_municipality", "theme"),
    ).order_by("plan__lead_municipality__name_fi", "plan__pk", "theme__order", "order", "pk")
