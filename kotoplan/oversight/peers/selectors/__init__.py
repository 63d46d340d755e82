"""Reads of the peer comparison: the comparison group (`groups`), the figures side by side
(`figures`) and their chart (`chart`)."""

from .chart import Chart, comparison_chart
from .figures import Comparison, PeerRow, comparison_of, peer_comparison
from .groups import (
    ANY,
    SCOPE_AREA,
    SCOPE_COUNTRY,
    SCOPE_COUNTY,
    SCOPES,
    Band,
    GroupChoice,
    PeerGroup,
    band_of,
    municipality_profiles,
    number_text,
    peer_bands,
    peer_group,
    percent_text,
    share_label,
    size_label,
)

__all__ = [
    "ANY",
    "SCOPES",
    "SCOPE_AREA",
    "SCOPE_COUNTRY",
    "SCOPE_COUNTY",
    "Band",
    "Chart",
    "Comparison",
    "GroupChoice",
    "PeerGroup",
    "PeerRow",
    "band_of",
    "comparison_chart",
    "comparison_of",
    "municipality_profiles",
    "number_text",
    "peer_bands",
    "peer_comparison",
    "peer_group",
    "percent_text",
    "share_label",
    "size_label",
]
