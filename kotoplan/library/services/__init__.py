"""Writes of the good-practice library: copying a measure into one's own draft (`reuse`) and
keeping the search index (`index`)."""

from .index import index_plans, index_rebuild, index_refresh
from .reuse import INDICATOR_COPIED, MEASURE_COPIED, measure_reuse

__all__ = [
    "INDICATOR_COPIED",
    "MEASURE_COPIED",
    "index_plans",
    "index_rebuild",
    "index_refresh",
    "measure_reuse",
]
