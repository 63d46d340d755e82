"""Time as plans write it: a plan's period ("2022–2025") and a measure's schedule ("2025",
"2025–2027", "jatkuva", "syksy 2025", "hösten 2025", "2025 autumn", "1.9.2025–31.5.2026").

Plain functions of text, no database. Nothing here invents a date: a schedule is read into a
sort key (first year, part of that year, last year, ongoing) and the text is kept as written.

Sort order of schedules (`Schedule.sort_key`): schedules with a year by their first year, then the
part of the year (whole year, spring, summer, autumn), then the last year; then "ongoing"
schedules with no year; then empty and unrecognised texts.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Parts of a year, in their sort order. 0 = the whole year (or not said).
WHOLE_YEAR, SPRING, SUMMER, AUTUMN = 0, 1, 2, 3

# Ranks of schedules: those with a year first, then ongoing ones, then the rest.
RANK_DATED, RANK_ONGOING, RANK_UNKNOWN = 0, 1, 2

DASHES = "-‐‑‒–—―−"  # hyphen-minus, hyphens, figure dash, en and em dash, bar, minus sign
SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\t"  # no-break, figure, thin, …
_DASH = re.compile(f"[{DASHES}]")
_SPACE = re.compile(f"[{SPACES}]")

ONGOING_WORDS = {
    # fi
    "jatkuva", "jatkuvaa", "jatkuvasti", "jatkuu", "pysyvä", "pysyvää", "vakiintunut",
    "vuosittain", "vuosittainen", "säännöllisesti", "koko suunnitelmakausi",
    "koko suunnitelmakauden", "koko kausi", "toistaiseksi",
    # sv
    "fortlöpande", "löpande", "kontinuerlig", "kontinuerligt", "pågående", "permanent",
    "årligen", "årlig", "hela planperioden", "tills vidare",
    # en
    "ongoing", "continuous", "continuously", "continuing", "annually", "yearly",
    "throughout the plan period", "until further notice",
}  # fmt: skip

TERMS = {
    # fi (nominative, adessive, genitive; school terms)
    "kevät": SPRING, "keväällä": SPRING, "kevään": SPRING, "kevätlukukausi": SPRING,
    "kevätlukukaudella": SPRING, "alkuvuosi": SPRING, "alkuvuonna": SPRING,
    "alkuvuodesta": SPRING, "kesä": SUMMER, "kesällä": SUMMER, "kesän": SUMMER,
    "syksy": AUTUMN, "syksyllä": AUTUMN, "syksyn": AUTUMN, "syyslukukausi": AUTUMN,
    "syyslukukaudella": AUTUMN, "loppuvuosi": AUTUMN, "loppuvuonna": AUTUMN,
    "loppuvuodesta": AUTUMN,
    # sv
    "vår": SPRING, "våren": SPRING, "vårterminen": SPRING, "vårtermin": SPRING,
    "sommar": SUMMER, "sommaren": SUMMER, "höst": AUTUMN, "hösten": AUTUMN,
    "höstterminen": AUTUMN, "hösttermin": AUTUMN,
    # en
    "spring": SPRING, "summer": SUMMER, "autumn": AUTUMN, "fall": AUTUMN,
}  # fmt: skip

# Words that say "from … on" (an open end: the measure goes on).
FROM_WORDS = ("alkaen", "lähtien", "från", "fr.o.m.", "from", "since", "starting")

_YEAR = r"(?:19|20)\d\d"
_TERM = "|".join(sorted((re.escape(t) for t in TERMS), key=len, reverse=True))
_POINT_PATTERNS = [
    # 1.9.2025 (Finnish and Swedish dates)
    (re.compile(rf"^(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})$"), "dmy"),
    # 2025-09-01 (ISO)
    (re.compile(rf"^({_YEAR})/(\d{{1,2}})/(\d{{1,2}})$"), "ymd"),
    # 9/2025, 09.2025 (month and year)
    (re.compile(rf"^(\d{{1,2}})[/.]({_YEAR})$"), "my"),
    # syksy 2025, hösten 2025, autumn of 2025
    (re.compile(rf"^({_TERM})(?:\s+of)?\s+({_YEAR})$"), "ty"),
    # 2025 autumn, 2025 syksy
    (re.compile(rf"^({_YEAR})\s+({_TERM})$"), "yt"),
    # 2025
    (re.compile(rf"^({_YEAR})$"), "y"),
]
_ISO = re.compile(rf"\b({_YEAR})-(\d{{1,2}})-(\d{{1,2}})\b")


@dataclass(frozen=True)
class Schedule:
    """What a schedule text says, as far as it can be read."""

    start_year: int | None = None
    part: int = WHOLE_YEAR  # of the start year
    end_year: int | None = None
    ongoing: bool = False
    recognised: bool = False

    @property
    def rank(self) -> int:
        if self.start_year is not None:
            return RANK_DATED
        return RANK_ONGOING if self.ongoing else RANK_UNKNOWN

    @property
    def sort_key(self) -> tuple:
        return (self.rank, self.start_year or 0, self.part, self.end_year or 0)

    def ended_before(self, day: date) -> bool:
        """The schedule's last year is over on `day`; never for ongoing or unread schedules."""
        if self.ongoing or not self.recognised:
            return False
        last = self.end_year or self.start_year
        return last is not None and last < day.year


def normalise(text: str) -> str:
    """One space for any run of white space (no-break spaces from Word included), one hyphen for
    any dash, lower case."""
    text = _SPACE.sub(" ", text or "")
    text = _DASH.sub("-", text)
    return " ".join(text.split()).lower()


def _part_of_month(month: int) -> int:
    if month <= 5:
        return SPRING
    return SUMMER if month <= 8 else AUTUMN


def _point(text: str) -> tuple[int, int] | None:
    """(year, part) of one point in time, or None."""
    text = text.strip(" ,.")
    for pattern, shape in _POINT_PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        groups = found.groups()
        if shape == "dmy":
            day, month, year = (int(g) for g in groups)
            return (year, _part_of_month(month)) if _valid(year, month, day) else None
        if shape == "ymd":
            year, month, day = (int(g) for g in groups)
            return (year, _part_of_month(month)) if _valid(year, month, day) else None
        if shape == "my":
            month, year = int(groups[0]), int(groups[1])
            return (year, _part_of_month(month)) if 1 <= month <= 12 else None
        if shape == "ty":
            return int(groups[1]), TERMS[groups[0]]
        if shape == "yt":
            return int(groups[0]), TERMS[groups[1]]
        return int(groups[0]), WHOLE_YEAR
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def parse_schedule(text: str) -> Schedule:
    """Read a schedule as written; an empty or unreadable text gives an unrecognised Schedule."""
    text = normalise(text)
    if not text:
        return Schedule()
    if text.strip(" .") in ONGOING_WORDS:
        return Schedule(ongoing=True, recognised=True)
    # ISO dates hold hyphens: write them as y/m/d before splitting a range at its dash.
    text = _ISO.sub(lambda m: f"{m[1]}/{m[2]}/{m[3]}", text)
    for word in FROM_WORDS:
        stripped = text.removesuffix(" " + word).removeprefix(word + " ")
        if stripped != text and (point := _point(stripped)):
            return Schedule(start_year=point[0], part=point[1], ongoing=True, recognised=True)
    pieces = [p.strip() for p in re.split(r"\s*-\s*|\s+(?:to|till|until|asti)\s+", text)]
    if len(pieces) == 2 and pieces[1] in ("", *ONGOING_WORDS):  # "2025-", "2025 - jatkuva"
        point = _point(pieces[0])
        if point:
            return Schedule(start_year=point[0], part=point[1], ongoing=True, recognised=True)
        return Schedule()
    points = [_point(p) for p in pieces]
    if not all(points) or len(points) > 2:
        return Schedule()
    (first_year, part), (last_year, _last_part) = points[0], points[-1]
    if last_year < first_year:
        return Schedule()
    return Schedule(
        start_year=first_year,
        part=part,
        end_year=last_year if last_year != first_year or len(points) == 2 else None,
        recognised=True,
    )


def schedule_from_dates(start: date | None, end: date | None) -> Schedule:
    """The sort key of a schedule given as exact dates."""
    if start is None and end is None:
        return Schedule()
    first = start or end
    return Schedule(
        start_year=first.year,
        part=_part_of_month(first.month),
        end_year=end.year if end else None,
        recognised=True,
    )


# --- the plan's period ------------------------------------------------------------------------

_FULL_PERIOD = re.compile(rf"^({_YEAR})\s*-\s*({_YEAR})$")
_SHORT_YEARS = re.compile(r"^\d{1,4}\s*-\s*\d{1,4}$|^\d{1,3}$")
_ONE_YEAR = re.compile(rf"^{_YEAR}$")


def _quoted(text: str) -> str:
    return " ".join(_SPACE.sub(" ", text).split())


def parse_period(text: str) -> tuple[int, int | None]:
    """(start year, end year) of a period typed as "2022–2025", "2022-2025", "2022 — 2025" (any
    dash, any spaces, pasted from Word), or (year, None) for a single year. ValidationError,
    quoting the text as typed, for anything else (two-digit years included)."""
    shown = _quoted(text or "")
    value = normalise(text)
    if _ONE_YEAR.match(value):
        return int(value), None
    found = _FULL_PERIOD.match(value)
    if found:
        start, end = int(found[1]), int(found[2])
        if end < start:
            raise ValidationError(
                _("“%(text)s”: the period ends before it starts."),
                code="period_order",
                params={"text": shown},
            )
        return start, end
    if _SHORT_YEARS.match(value):
        raise ValidationError(
            _(
                "“%(text)s”: write the years with four digits, for example 2022–2025 "
                "(two-digit years are not accepted)."
            ),
            code="short_year",
            params={"text": shown},
        )
    raise ValidationError(
        _("“%(text)s” is not a year or a period. Write a year (2025) or a period (2022–2025)."),
        code="period",
        params={"text": shown},
    )
