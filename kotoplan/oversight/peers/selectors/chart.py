"""The chart of a peer comparison, laid out on the server: per figure the subject's bar, the
peers' median bar and the peers' range (lowest to highest), all in per cent. Coordinates are
plain numbers; the template prints them unlocalised. The text alternative says the same."""

from dataclasses import dataclass

from django.utils.translation import gettext

from kotoplan.core.text import text_of

from .figures import Comparison
from .groups import percent_text

WIDTH = 400
LEFT = 8
BAR_WIDTH = 384  # 100 per cent
BAR_HEIGHT = 14
GROUP_HEIGHT = 122


@dataclass(frozen=True)
class Bar:
    kind: str  # "subject" or "median"
    x: int
    y: int
    width: float
    text_x: float
    text_y: int
    text: str


@dataclass(frozen=True)
class Range:
    x1: float
    x2: float
    y: int


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: list[Bar]
    range: Range | None


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    groups: list[Group]
    description: str


def _x(percent: int) -> float:
    return LEFT + BAR_WIDTH * max(0, min(percent, 100)) / 100


def _bar(kind: str, name: str, value: int | None, top: int) -> Bar:
    """The bar's text on its own line, the bar below it (long names never run off the
    chart)."""
    width = _x(value) - LEFT if value is not None else 0
    shown = percent_text(value) if value is not None else gettext("no figure")
    return Bar(
        kind=kind,
        x=LEFT,
        y=top + 6,
        width=round(width, 1),
        text_x=LEFT,
        text_y=top,
        text=f"{name}: {shown}",
    )


def comparison_chart(comparison: Comparison) -> Chart:
    municipality = comparison.subject.municipality
    name = text_of(municipality, "name").value or municipality.name_fi
    groups = []
    descriptions = []
    for index, measure in enumerate(comparison.measures):
        top = index * GROUP_HEIGHT
        bars = [
            _bar("subject", name, measure.subject, top + 42),
            _bar("median", gettext("Peers' median"), measure.median, top + 78),
        ]
        span = None
        if measure.low is not None:
            span = Range(round(_x(measure.low), 1), round(_x(measure.high), 1), top + 108)
        groups.append(Group(measure.label, top + 18, bars, span))
        descriptions.append(measure.description)
    return Chart(
        width=WIDTH,
        height=GROUP_HEIGHT * len(groups),
        groups=groups,
        description=" ".join(descriptions),
    )
