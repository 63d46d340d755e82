"""The search of the good-practice library: objectives, measures or indicators of the plans a
person may find (`visibility.searchable_plans`), by words and filters, ranked by how well they
match with the evidence from monitoring and statistics counting in, in pages."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import ExpressionWrapper, F, FloatField, Q, QuerySet

from kotoplan.geography.models import Area
from kotoplan.planning.models import Objective, Plan, Theme

from .evidence import with_evidence
from .matching import KINDS, matched_parts, text_rank, words_of
from .municipalities import areas_of_kinds, municipality_ids_in_area, municipality_ids_of_size
from .visibility import searchable_plans

PAGE_SIZE = 20
# How much a part with evidence (monitoring or statistics) rises in the ranking.
EVIDENCE_WEIGHT = 0.5


@dataclass
class SearchParams:
    text: str = ""
    kind: str = "measure"
    theme: Theme | None = None
    target_group: str = ""
    size_class: str = ""
    authority_area: Area | None = None
    county: Area | None = None
    evidence: bool = False

    @property
    def words(self) -> list[str]:
        return words_of(self.text)


def search_params_named(
    *,
    text: str = "",
    kind: str = "measure",
    theme_code: str | None = None,
    target_group: str = "",
    size_class: str = "",
    area_id: int | None = None,
    county_id: int | None = None,
    evidence: bool = False,
) -> SearchParams | None:
    """The search of a client that names the theme by code and the areas by id (the API); None
    when a named theme or area does not exist (or is not of its kind): nothing can match."""
    theme = None
    if theme_code is not None:
        theme = Theme.objects.filter(code=theme_code).first()
        if theme is None:
            return None
    areas = {}
    for key, pk, kinds in (
        ("authority_area", area_id, Area.AUTHORITY_KINDS),
        ("county", county_id, (Area.Kind.WELLBEING_COUNTY,)),
    ):
        if pk is not None:
            areas[key] = areas_of_kinds(*kinds).filter(pk=pk).first()
            if areas[key] is None:
                return None
    return SearchParams(
        text=text,
        kind=kind if kind in KINDS else "measure",
        theme=theme,
        target_group=target_group,
        size_class=size_class,
        evidence=evidence,
        **areas,
    )


def filtered_plans(*, user, params: SearchParams) -> QuerySet[Plan]:
    plans = searchable_plans(user=user)
    if params.size_class:
        ids = municipality_ids_of_size(size_class=params.size_class)
        plans = plans.filter(municipalities__in=ids)
    for area in (params.authority_area, params.county):
        if area is not None:
            plans = plans.filter(municipalities__in=municipality_ids_in_area(area=area))
    return plans


def _objectives(params: SearchParams) -> QuerySet[Objective] | None:
    """The objectives the theme and target group filters leave, or None without them."""
    if params.theme is None and not params.target_group.strip():
        return None
    objectives = Objective.objects.all()
    if params.theme is not None:
        objectives = objectives.filter(Q(theme=params.theme) | Q(additional_themes=params.theme))
    group = params.target_group.strip()
    if group:
        named = Q()
        for language in ("fi", "sv", "en"):
            named |= Q(**{f"target_groups__name_{language}__icontains": group})
        objectives = objectives.filter(named)
    return objectives


def _matching(*, user, params: SearchParams, kind: str) -> QuerySet:
    """The parts of one kind that match the words and filters, not yet ranked."""
    spec = KINDS[kind]
    plans = filtered_plans(user=user, params=params)
    parts = spec.model.objects.filter(**{f"{spec.plan_path}__in": plans.values("pk")})
    words = params.words
    if words:
        parts = parts.filter(matched_parts(spec, words))
    objectives = _objectives(params)
    if objectives is not None:
        field = "pk" if spec.key == "objective" else "objective"
        parts = parts.filter(**{f"{field}__in": objectives.values("pk")})
    if params.evidence:
        parts = with_evidence(parts, spec.key).filter(evidence=1)
    return parts


def search_parts(*, user, params: SearchParams, kind: str | None = None) -> QuerySet:
    """The matching parts of one kind, best first."""
    spec = KINDS[kind or params.kind]
    parts = _matching(user=user, params=params, kind=spec.key)
    if not params.evidence:
        parts = with_evidence(parts, spec.key)
    score = ExpressionWrapper(
        F("rank") + F("evidence") * EVIDENCE_WEIGHT, output_field=FloatField()
    )
    plan = spec.plan_path
    related = [f"{plan}__lead_municipality"]
    related.append("theme" if spec.key == "objective" else "objective__theme")
    return (
        parts.annotate(rank=text_rank(spec, params.words))
        .annotate(score=score)
        .select_related(*related)
        .prefetch_related(f"{plan}__municipalities")
        .order_by("-score", f"{plan}__lead_municipality__name_fi", "pk")
    )


def search_counts(*, user, params: SearchParams) -> dict[str, int]:
    """How many parts of each kind match (the tabs of the results)."""
    return {key: _matching(user=user, params=params, kind=key).count() for key in KINDS}


class _Counted(Paginator):
    """A paginator told the number of results (the tabs counted them already)."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


def search_page(
    *, user, params: SearchParams, page: str | int | None, count: int | None = None
) -> Page:
    """A page of results; `count`, when given, is their number (from `search_counts`)."""
    parts = search_parts(user=user, params=params)
    if count is None:
        return Paginator(parts, PAGE_SIZE).get_page(page)
    return _Counted(parts, PAGE_SIZE, count=count).get_page(page)
