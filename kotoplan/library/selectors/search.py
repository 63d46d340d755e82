"""The search of the good-practice library: objectives, measures or indicators of the plans a
person may find (`visibility.searchable_plans`), by words and filters, ranked by how well they
match with the evidence from monitoring and statistics counting in, in pages. It reads the
library's index (`index`), which the caller brings up to date first
(`services.index_refresh`)."""

import hashlib
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, QuerySet
from django.utils import translation

from kotoplan.core.release import release_key
from kotoplan.geography.models import Area
from kotoplan.planning.models import Objective, Plan, Theme

from ..models import SearchEntry
from .evidence import with_evidence
from .index import Forms, entry_match, entry_rank, word_forms
from .matching import KINDS, words_of
from .municipalities import areas_of_kinds, municipality_ids_in_area, municipality_ids_of_size
from .visibility import searchable_plans

PAGE_SIZE = 20
# How long a search's results are kept; any change to the index gives them a new key sooner.
RESULTS_KEPT_SECONDS = 3600
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

    @property
    def forms(self) -> Forms:
        """The words and the indexed words each may stand for (read once per search)."""
        if getattr(self, "_forms", None) is None:
            self._forms = word_forms(self.words)
        return self._forms


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


def _entries(*, user, params: SearchParams, kind: str | None = None) -> QuerySet[SearchEntry]:
    """The index entries matching the words and filters, of one kind or of all, not ranked."""
    plans = filtered_plans(user=user, params=params)
    entries = SearchEntry.objects.filter(plan__in=plans.values("pk"))
    if kind is not None:
        entries = entries.filter(kind=kind)
    if params.words:
        entries = entries.filter(entry_match(params.forms))
    objectives = _objectives(params)
    if objectives is not None:
        entries = entries.filter(objective__in=objectives.values("pk"))
    if params.evidence:
        entries = entries.filter(evidence=1)
    return entries


def _loaded(kind: str, ids: list[int]) -> dict[int, object]:
    """The parts with what a result shows of them (evidence, latest status, plan)."""
    spec = KINDS[kind]
    plan = spec.plan_path
    related = [f"{plan}__lead_municipality"]
    related.append("theme" if kind == "objective" else "objective__theme")
    parts = (
        with_evidence(spec.model.objects.filter(pk__in=ids), kind)
        .select_related(*related)
        .prefetch_related(f"{plan}__municipalities")
    )
    return {part.pk: part for part in parts}


class RankedParts:
    """The matching parts of one kind, best first, read a slice at a time (what a paginator
    needs): the order and the count come from the index, the parts of a slice from their own
    tables, annotated with `score` (text match plus evidence)."""

    def __init__(self, entries: QuerySet[SearchEntry], kind: str):
        self.kind = kind
        score = ExpressionWrapper(
            F("rank") + F("evidence") * EVIDENCE_WEIGHT, output_field=FloatField()
        )
        self.entries = entries.annotate(score=score).order_by("-score", "sort_name", "part_id")

    def count(self) -> int:
        return self.entries.count()

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        rows = list(self.entries[index].values_list("part_id", "score"))
        parts = _loaded(self.kind, [pk for pk, _score in rows])
        found = []
        for pk, score in rows:
            part = parts[pk]
            part.score = score
            found.append(part)
        return found


def search_parts(*, user, params: SearchParams, kind: str | None = None) -> RankedParts:
    """The matching parts of one kind, best first."""
    key = KINDS[kind or params.kind].key
    entries = _entries(user=user, params=params, kind=key)
    return RankedParts(entries.annotate(rank=entry_rank(params.forms)), key)


def search_counts(*, user, params: SearchParams) -> dict[str, int]:
    """How many parts of each kind match (the tabs of the results), in one query."""
    counts = dict.fromkeys(KINDS, 0)
    rows = _entries(user=user, params=params).order_by().values("kind").annotate(n=Count("pk"))
    counts.update({row["kind"]: row["n"] for row in rows})
    return counts


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


def results_key(*, user, version: str, query: str, surface: str) -> str:
    """What names a search's kept results on a `surface` (the page, the API): the index's
    version, the language, the release, which plans the reader may find and the whole query
    (its parameters in order)."""
    if getattr(user, "is_authenticated", False):
        plans = searchable_plans(user=user).order_by("pk").values_list("pk", flat=True)
        reach = ",".join(str(pk) for pk in plans)
    else:
        reach = "public"
    ordered = "&".join(sorted(query.split("&")))
    parts = (surface, version, translation.get_language(), release_key(), reach, ordered)
    return "library-results:" + hashlib.sha256("|".join(parts).encode()).hexdigest()
