"""Reads of the good-practice library (a package: matching, evidence, search, parts)."""

from .evidence import GOOD_STATUSES, with_evidence
from .matching import KINDS, on_postgresql, words_of
from .municipalities import areas_of_kinds, size_class_choices
from .parts import (
    measure_get_for_user,
    measure_indicators,
    plan_reuses,
    reuse_targets,
    reuses_of,
    similar_measures,
)
from .search import (
    RESULTS_KEPT_SECONDS,
    SearchParams,
    results_key,
    search_counts,
    search_page,
    search_params_named,
    search_parts,
)
from .text import best_text, excerpt, marked
from .visibility import searchable_plans, visible_plans

__all__ = [
    "GOOD_STATUSES",
    "KINDS",
    "RESULTS_KEPT_SECONDS",
    "SearchParams",
    "areas_of_kinds",
    "best_text",
    "excerpt",
    "marked",
    "measure_get_for_user",
    "measure_indicators",
    "on_postgresql",
    "plan_reuses",
    "results_key",
    "reuse_targets",
    "reuses_of",
    "search_counts",
    "search_page",
    "search_params_named",
    "search_parts",
    "searchable_plans",
    "similar_measures",
    "size_class_choices",
    "visible_plans",
    "with_evidence",
    "words_of",
]
