"""The good-practice library's search: the same results, in the same order, as the search page
(`kotoplan.library`), for the same reader. Anonymous clients find the parts of adopted plans; a
token also finds those of the plans being prepared that its owner may read
(`library.selectors.searchable_plans`, the engine's `planning.view_plan`)."""

from django.core.cache import cache
from rest_framework.response import Response

from kotoplan.library.selectors import (
    KINDS,
    RESULTS_KEPT_SECONDS,
    results_key,
    search_params_named,
    search_parts,
    size_class_choices,
)
from kotoplan.library.tasks import index_refresh_for_request

from ..permissions import Access
from ..serializers import library as s
from .common import Filter, ListApi


def _read_together(queryset, value, params):
    return queryset  # the search reads every filter at once (LibrarySearch.get_queryset)


def _choice(name: str, choices, description: str) -> Filter:
    return Filter(name, str, description, _read_together, choices=tuple(choices))


class LibrarySearch(ListApi):
    """Objectives, measures or indicators (`kind`, default measure) of the plans the client may
    find, matching every word of `q` (Finnish and Swedish inflected forms and parts of compound
    words on PostgreSQL), best first: text match plus evidence from monitoring (a measure done
    or on track, an indicator that moved in the desired direction) or from statistics (the
    indicator's StatFin or Sotkanet figure of the plan's municipality moved in the desired
    direction since the baseline year). A theme code or area id that does not exist finds
    nothing."""

    access = Access(read="planning.view_plan", public=True)
    serializer_class = s.LibraryResultSerializer
    filters = (
        Filter("q", str, "Search words (at most 6 are used).", _read_together),
        _choice("kind", KINDS, "What to find: measure (default), objective or indicator."),
        Filter("theme", str, "Theme code (main or additional theme).", _read_together),
        Filter("target_group", str, "A word of a target group's name.", _read_together),
        _choice(
            "size",
            (key for key, _label in size_class_choices()),
            "Municipality size class by the latest population: 1 under 2,000, 2 2,000–5,999, "
            "3 6,000–9,999, 4 10,000–19,999, 5 20,000–49,999, 6 50,000–99,999, 7 100,000 or "
            "more.",
        ),
        Filter("area", int, "Area id of a regional authority (ELY or EVK).", _read_together),
        Filter("county", int, "Area id of a wellbeing services county.", _read_together),
        _choice(
            "evidence",
            ("true", "false"),
            "`true`: only parts with evidence.",
        ),
    )

    def get_queryset(self):
        values = self.filter_values()
        kind = values.get("kind") or "measure"
        params = search_params_named(
            text=values.get("q", ""),
            kind=kind,
            theme_code=values.get("theme"),
            target_group=values.get("target_group", ""),
            size_class=values.get("size", ""),
            area_id=values.get("area"),
            county_id=values.get("county"),
            evidence=values.get("evidence") == "true",
        )
        if params is None:
            return KINDS[kind].model.objects.none()
        return search_parts(user=self.request.user, params=params)

    def list(self, request, *args, **kwargs):
        """A repeated request is answered from the kept answer while the index is unchanged
        (the key as the search page's: version, language, reader's reach, whole query, and
        the host the page links name)."""
        version = index_refresh_for_request()
        query = f"{request.get_host()}?{request.GET.urlencode()}"
        key = results_key(user=request.user, version=version, query=query, surface="api")
        kept = cache.get(key)
        if kept is not None:
            return Response(kept)
        response = super().list(request, *args, **kwargs)
        cache.set(key, response.data, RESULTS_KEPT_SECONDS)
        return response

    def get_serializer_context(self):
        context = super().get_serializer_context()
        kind = self.request.query_params.get("kind") if self.request is not None else None
        context["kind"] = kind if kind in KINDS else "measure"
        return context
