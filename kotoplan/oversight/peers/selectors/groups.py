"""Who a municipality is compared with: size classes and foreign-language share bands (data in
`data/statistics/peer_groups.toml`), each municipality's population and share from the
imported statistics, and the comparison group chosen by the user, explained in words.

A fixed number of queries whatever the number of municipalities.
"""

import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import Max, Q
from django.utils import formats
from django.utils.translation import get_language, gettext, ngettext

from kotoplan.core.text import text_of
from kotoplan.geography.models import Area, AreaMembership, Municipality
from kotoplan.monitoring.statistics.models import (
    FOREIGN_LANGUAGE_SHARE,
    POPULATION,
    StatisticValue,
)

SCOPE_AREA = "area"  # the same regional state authority area (ELY Centre / EVK)
SCOPE_COUNTY = "county"  # the same wellbeing services county
SCOPE_COUNTRY = "country"
SCOPES = (SCOPE_AREA, SCOPE_COUNTY, SCOPE_COUNTRY)
ANY = "any"


def groups_file() -> Path:
    default = Path(settings.BASE_DIR) / "data" / "statistics" / "peer_groups.toml"
    return Path(getattr(settings, "KOTOPLAN_PEER_GROUPS", default))


@dataclass(frozen=True)
class Band:
    """A size class (inhabitants) or a share band (per cent): from `low` up to, not including,
    `high` (None: no upper limit)."""

    key: str
    low: Decimal
    high: Decimal | None

    def contains(self, value: Decimal | int | None) -> bool:
        if value is None:
            return False
        return self.low <= value and (self.high is None or value < self.high)


@dataclass(frozen=True)
class Bands:
    size: tuple[Band, ...]
    share: tuple[Band, ...]


def _bands(entries: list[dict], where: str) -> tuple[Band, ...]:
    bands = []
    for number, entry in enumerate(entries, start=1):
        try:
            high = entry.get("to")
            bands.append(
                Band(
                    key=str(entry["key"]),
                    low=Decimal(str(entry["from"])),
                    high=None if high is None else Decimal(str(high)),
                )
            )
        except (KeyError, ArithmeticError) as exc:
            raise ValueError(f"{where} entry {number}: {exc!r}") from exc
    return tuple(sorted(bands, key=lambda band: band.low))


@cache
def _load(path: str) -> Bands:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return Bands(
        size=_bands(data.get("size", []), "size"), share=_bands(data.get("share", []), "share")
    )


def peer_bands() -> Bands:
    """The size classes and share bands of the configuration file (read once)."""
    return _load(str(groups_file()))


def band_of(bands: tuple[Band, ...], value) -> Band | None:
    return next((band for band in bands if band.contains(value)), None)


def band_by_key(bands: tuple[Band, ...], key: str) -> Band | None:
    return next((band for band in bands if band.key == key), None)


# --- numbers for people --------------------------------------------------------------------


def number_text(value, decimals: int = 0) -> str:
    """A number as the reader's language writes it (1 234,5 in Finnish and Swedish)."""
    if value is None:
        return ""
    return formats.number_format(value, decimals, use_l10n=True, force_grouping=True)


def percent_text(value, decimals: int = 0) -> str:
    """A percentage: "5,5 %" in Finnish and Swedish, "5.5%" in English."""
    if value is None:
        return ""
    space = "" if (get_language() or "").startswith("en") else "\u00a0"
    return f"{number_text(value, decimals)}{space}%"


def _trim(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def size_label(band: Band) -> str:
    low = number_text(_trim(band.low))
    if band.high is None:
        return gettext("{low} inhabitants or more").format(low=low)
    if band.low == 0:
        return gettext("under {high} inhabitants").format(high=number_text(_trim(band.high)))
    return gettext("{low}–{high} inhabitants").format(low=low, high=number_text(_trim(band.high)))


def share_label(band: Band) -> str:
    decimals = 0 if band.low == band.low.to_integral_value() else 1
    if band.high is None:
        return gettext("a foreign-language share of {low} or more").format(
            low=percent_text(band.low, decimals)
        )
    if band.low == 0:
        return gettext("a foreign-language share under {high}").format(
            high=percent_text(band.high, decimals)
        )
    return gettext("a foreign-language share of {low}–{high}").format(
        low=number_text(_trim(band.low)), high=percent_text(band.high, decimals)
    )


# --- each municipality's population and share ----------------------------------------------


@dataclass(frozen=True)
class Profile:
    population: Decimal | None = None
    share: Decimal | None = None


@dataclass
class Profiles:
    by_municipality: dict[int, Profile]
    population_year: int | None
    share_year: int | None

    def of(self, municipality_id: int) -> Profile:
        return self.by_municipality.get(municipality_id, Profile())


def municipality_profiles() -> Profiles:
    """Every municipality's population and foreign-language share of the latest year imported
    for each (two queries)."""
    plain = StatisticValue.objects.filter(
        indicator__code__in=(POPULATION, FOREIGN_LANGUAGE_SHARE),
        municipality__isnull=False,
        breakdown_key="",
        period_type=StatisticValue.PeriodType.YEAR,
        status=StatisticValue.Status.OK,
    )
    latest = dict(
        plain.order_by()
        .values("indicator__code")
        .annotate(year=Max("period"))
        .values_list("indicator__code", "year")
    )
    if not latest:
        return Profiles({}, None, None)
    wanted = Q()
    for code, year in latest.items():
        wanted |= Q(indicator__code=code, period=year)
    population: dict[int, Decimal] = {}
    share: dict[int, Decimal] = {}
    for code, municipality_id, value in plain.filter(wanted).values_list(
        "indicator__code", "municipality_id", "value"
    ):
        (population if code == POPULATION else share)[municipality_id] = value
    profiles = {
        mid: Profile(population.get(mid), share.get(mid)) for mid in set(population) | set(share)
    }
    return Profiles(profiles, latest.get(POPULATION), latest.get(FOREIGN_LANGUAGE_SHARE))


# --- the comparison group --------------------------------------------------------------------


@dataclass(frozen=True)
class GroupChoice:
    """What the user asked for: a size class and a share band (a key, ANY, or "" for the
    subject's own), the area scope, or hand-picked municipalities (which then make the group)."""

    size: str = ""
    share: str = ""
    scope: str = SCOPE_COUNTRY
    picked: tuple[int, ...] = ()


@dataclass
class PeerGroup:
    subject: Municipality
    peers: list[Municipality]
    profiles: Profiles
    size: Band | None
    share: Band | None
    scope: str
    scope_area: Area | None = None
    picked: bool = False
    choice: GroupChoice = field(default_factory=GroupChoice)

    @property
    def description(self) -> str:
        """The group in words: "12 municipalities with 20 000–50 000 inhabitants (2022) and a
        foreign-language share of 5–10 % (2025) in the whole country"."""
        count = len(self.peers)
        if self.picked:
            return ngettext(
                "{count} hand-picked municipality",
                "{count} hand-picked municipalities",
                count,
            ).format(count=number_text(count))
        who = ngettext("{count} municipality", "{count} municipalities", count).format(
            count=number_text(count)
        )
        criteria = []
        if self.size is not None:
            criteria.append(
                gettext("{size} ({year})").format(
                    size=size_label(self.size), year=self.profiles.population_year
                )
            )
        if self.share is not None:
            criteria.append(
                gettext("{share} ({year})").format(
                    share=share_label(self.share), year=self.profiles.share_year
                )
            )
        if len(criteria) == 2:
            text = gettext("{who} with {first} and {second}").format(
                who=who, first=criteria[0], second=criteria[1]
            )
        elif criteria:
            text = gettext("{who} with {first}").format(who=who, first=criteria[0])
        else:
            text = gettext("{who} of any size and foreign-language share").format(who=who)
        if self.scope == SCOPE_COUNTRY or self.scope_area is None:
            where = gettext("in the whole country")
        else:
            where = gettext("in {area}").format(area=text_of(self.scope_area, "name").value)
        return gettext("{group} {where}").format(group=text, where=where)


def _scope_area(subject: Municipality, scope: str, on: date) -> Area | None:
    kinds = Area.AUTHORITY_KINDS if scope == SCOPE_AREA else (Area.Kind.WELLBEING_COUNTY,)
    membership = (
        AreaMembership.objects.valid_on(on)
        .filter(municipality=subject, area__kind__in=kinds)
        .select_related("area")
        .first()
    )
    return membership.area if membership else None


def peer_group(*, subject: Municipality, choice: GroupChoice, on: date) -> PeerGroup:
    """The municipalities the subject is compared with (never the subject itself, never Åland):
    the hand-picked ones, or those of the chosen size class and share band in the chosen scope.
    The subject's own class and band apply when the choice leaves them empty."""
    bands = peer_bands()
    profiles = municipality_profiles()
    own = profiles.of(subject.pk)
    candidates = Municipality.objects.in_act_scope().exclude(pk=subject.pk).order_by("name_fi")
    if choice.picked:
        peers = list(candidates.filter(pk__in=choice.picked))
        return PeerGroup(subject, peers, profiles, None, None, SCOPE_COUNTRY, None, True, choice)
    size = None if choice.size == ANY else band_by_key(bands.size, choice.size)
    if choice.size == "" or (choice.size != ANY and size is None):
        size = band_of(bands.size, own.population)
    share = None if choice.share == ANY else band_by_key(bands.share, choice.share)
    if choice.share == "" or (choice.share != ANY and share is None):
        share = band_of(bands.share, own.share)
    scope = choice.scope if choice.scope in SCOPES else SCOPE_COUNTRY
    area = None
    if scope != SCOPE_COUNTRY:
        area = _scope_area(subject, scope, on)
        members = AreaMembership.objects.valid_on(on).filter(area=area).values("municipality_id")
        candidates = candidates.filter(pk__in=members) if area else candidates.none()
    peers = [
        municipality
        for municipality in candidates.only("id", "code", "name_fi", "name_sv", "name_en")
        if (size is None or size.contains(profiles.of(municipality.pk).population))
        and (share is None or share.contains(profiles.of(municipality.pk).share))
    ]
    return PeerGroup(subject, peers, profiles, size, share, scope, area, False, choice)
