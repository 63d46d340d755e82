"""Reads of accounts: who a user is acting for today (cached on the user object for one
request), and which organisations a plan may name, grouped and labelled for pickers."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from kotoplan.core.clock import today
from kotoplan.core.languages import language_name
from kotoplan.core.permissions import scope
from kotoplan.core.text import text_of
from kotoplan.geography.models import AreaMembership, Municipality
from kotoplan.geography.selectors import neighbour_municipality_ids

from .models import AccountRequest, Organisation, RoleAssignment, normalise_business_id


@dataclass(frozen=True)
class Reach:
    """The user's active roles, reduced to the ids the permission rules need."""

    coordinator_municipalities: frozenset[int] = field(default_factory=frozenset)
    viewer_municipalities: frozenset[int] = field(default_factory=frozenset)
    contributor_organisations: frozenset[int] = field(default_factory=frozenset)
    contributor_municipalities: frozenset[int] = field(default_factory=frozenset)
    official_areas: frozenset[int] = field(default_factory=frozenset)
    county_areas: frozenset[int] = field(default_factory=frozenset)
    national: bool = False
    admin: bool = False
    statistics_importer: bool = False


def user_reach(*, user, on: date | None = None) -> Reach:
    on = on or today()
    cache_key = f"_kotoplan_reach_{on.isoformat()}"
    cached = getattr(user, cache_key, None)
    if cached is not None:
        return cached
    buckets: dict[str, set[int]] = {
        "coordinator": set(),
        "viewer": set(),
        "contributor_org": set(),
        "contributor_mun": set(),
        "official": set(),
        "county": set(),
    }
    national = importer = False
    roles = RoleAssignment.objects.active_on(on).filter(user=user).select_related("organisation")
    for assignment in roles:
        org = assignment.organisation
        role = assignment.role
        if role == RoleAssignment.Role.COORDINATOR and org.municipality_id:
            buckets["coordinator"].add(org.municipality_id)
        elif role == RoleAssignment.Role.VIEWER and org.municipality_id:
            buckets["viewer"].add(org.municipality_id)
        elif role == RoleAssignment.Role.CONTRIBUTOR:
            buckets["contributor_org"].add(org.pk)
            if org.municipality_id:
                buckets["contributor_mun"].add(org.municipality_id)
        elif role == RoleAssignment.Role.REGIONAL_OFFICIAL and org.area_id:
            buckets["official"].add(org.area_id)
        elif role == RoleAssignment.Role.COUNTY_LIAISON and org.area_id:
            buckets["county"].add(org.area_id)
        elif role == RoleAssignment.Role.NATIONAL_VIEWER:
            national = True
        elif role == RoleAssignment.Role.STATISTICS_IMPORTER:
            importer = True
    reach = Reach(
        coordinator_municipalities=frozenset(buckets["coordinator"]),
        viewer_municipalities=frozenset(buckets["viewer"]),
        contributor_organisations=frozenset(buckets["contributor_org"]),
        contributor_municipalities=frozenset(buckets["contributor_mun"]),
        official_areas=frozenset(buckets["official"]),
        county_areas=frozenset(buckets["county"]),
        national=national,
        admin=bool(user.is_superuser),
        statistics_importer=importer,
    )
    setattr(user, cache_key, reach)
    return reach


def roles_for_user(*, user) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(user=user).select_related("organisation").order_by("role")


def users_with_role(
    role: str,
    *,
    municipalities=None,
    organisations=None,
    areas=None,
    on: date | None = None,
) -> list:
    """Active users with an e-mail address who hold `role` on the date (default today).

    Narrowed to organisations of the given municipalities, to the given organisations, or to
    organisations of the given areas (ids, objects or querysets; several narrowings add up).
    """
    roles = RoleAssignment.objects.active_on(on or today()).filter(role=role)
    where = Q()
    if municipalities is not None:
        where |= Q(organisation__municipality__in=municipalities)
    if organisations is not None:
        where |= Q(organisation__in=organisations)
    if areas is not None:
        where |= Q(organisation__area__in=areas)
    if where:
        roles = roles.filter(where)
    return list(
        get_user_model()
        .objects.filter(pk__in=roles.values("user_id"), is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


# --- organisations offered to a plan -----------------------------------------------------------

K = Organisation.Kind
# Kinds that stand for a public body of a whole area or of the state.
AREA_KINDS = (K.WELLBEING_COUNTY, K.EMPLOYMENT_AREA, K.REGIONAL_AUTHORITY)


class OrganisationGroup:
    """The groups of a picker, in the order they are shown."""

    OWN = "own"
    LOCAL = "local"
    OTHER = "other"

    LABELS = {
        OWN: _("The municipality and its units"),
        LOCAL: _("Local organisations"),
        OTHER: _("Authorities and other parties"),
    }


def operating_on(on: date, *, keep=None) -> Q:
    """The organisations that have not ceased by `on`: no end date before it, and an area and a
    municipality (if tied to one) still valid. `keep` (a pk) stays offered even so: the choice
    a form already holds."""
    condition = (
        (Q(ended_on__isnull=True) | Q(ended_on__gte=on))
        & (Q(area__isnull=True) | Q(area__valid_to__isnull=True) | Q(area__valid_to__gte=on))
        & (
            Q(municipality__isnull=True)
            | Q(municipality__valid_to__isnull=True)
            | Q(municipality__valid_to__gte=on)
        )
    )
    return condition | Q(pk=keep) if keep else condition


def organisations_for_area(
    *, municipality_ids, on: date | None = None, until: date | None = None
) -> QuerySet[Organisation]:
    """The organisations a plan of these municipalities may name, valid at some point from `on`
    (default today) to `until` (default `on`):

    - the municipalities themselves and their units;
    - local organisations of these municipalities and of their neighbours (or added by them);
    - national bodies and organisations tied to no place;
    - the wellbeing county, employment area and regional authority of the municipalities,
      only when the area's validity reaches into the period (an ELY Centre that ceased on
      31.12.2025 is not offered for a plan starting in 2026).
    """
    on = on or today()
    until = until or on
    own = set(municipality_ids)
    neighbours = neighbour_municipality_ids(municipality_ids=own, on=on)
    memberships = AreaMembership.objects.filter(municipality__in=own).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        Q(valid_from__isnull=True) | Q(valid_from__lte=until),
    )
    live_area = (Q(area__valid_to__isnull=True) | Q(area__valid_to__gte=on)) & (
        Q(area__valid_from__isnull=True) | Q(area__valid_from__lte=until)
    )
    live_municipality = (
        Q(municipality__isnull=True)
        | Q(municipality__valid_to__isnull=True)
        | Q(municipality__valid_to__gte=on)
    )
    condition = (
        Q(municipality__isnull=True, area__isnull=True)
        | Q(municipality__in=own)
        | Q(kind__in=Organisation.LOCAL_KINDS, municipality__in=neighbours)
        | Q(kind__in=Organisation.LOCAL_KINDS, created_by_municipality__in=neighbours)
        | Q(kind=K.MUNICIPALITY, municipality__in=neighbours)
        | (Q(area__in=memberships.values("area_id")) & live_area)
    )
    operating = Q(ended_on__isnull=True) | Q(ended_on__gte=on)
    return (
        Organisation.objects.filter(condition & live_municipality & operating)
        .select_related("municipality", "area")
        .order_by("name_fi", "pk")
    )


def organisation_group(organisation: Organisation, *, municipality_ids) -> str:
    """Which group of a picker the organisation is listed in."""
    if organisation.kind in (K.MUNICIPALITY, K.MUNICIPAL_UNIT) and (
        organisation.municipality_id in municipality_ids
    ):
        return OrganisationGroup.OWN
    if organisation.kind in Organisation.LOCAL_KINDS:
        return OrganisationGroup.LOCAL
    return OrganisationGroup.OTHER


def organisation_label(organisation: Organisation, *, with_kind: bool = False) -> str:
    """The name in the interface language; a name in another language says which one, and
    `with_kind` adds the kind ("Seinäjoki (kunta)") to tell apart parties called the same."""
    name = text_of(organisation, "name")
    notes = []
    if name.is_fallback:
        notes.append(language_name(name.language, in_language=name.wanted))
    if with_kind:
        notes.append(str(organisation.get_kind_display()).lower())
    return f"{name} ({'; '.join(notes)})" if notes else str(name)


def organisation_labels(organisations) -> dict[int, str]:
    """Labels of a list of organisations: the kind is added to each name that two of them
    share in the interface language."""
    names = [str(text_of(o, "name")).casefold() for o in organisations]
    counts = Counter(names)
    return {
        o.pk: organisation_label(o, with_kind=counts[name] > 1)
        for o, name in zip(organisations, names, strict=True)
    }


# --- finding an organisation by its name --------------------------------------------------------

# Endings of registered names that do not tell two organisations apart ("Yhdistys ry").
LEGAL_SUFFIXES = ("ry", "rf", "r.y.", "r.f.", "oy", "ab", "oyj", "abp", "ky", "kb", "sr", "rs")


def name_key(name: str) -> str:
    """A name reduced for comparison: case, spacing, punctuation and legal endings ignored."""
    words = "".join(c if c.isalnum() else " " for c in (name or "").casefold()).split()
    while words and words[-1] in {s.replace(".", "") for s in LEGAL_SUFFIXES}:
        words.pop()
    return " ".join(words)


def _names(organisation: Organisation) -> set[str]:
    return {name_key(getattr(organisation, f"name_{code}")) for code in ("fi", "sv", "en")} - {""}


@dataclass(frozen=True)
class Resolution:
    """What a name stands for: one `match`, several `candidates` (ambiguous), or neither.
    `elsewhere` lists organisations of that name outside the plan's area, never picked."""

    match: Organisation | None = None
    candidates: tuple[Organisation, ...] = ()
    elsewhere: tuple[Organisation, ...] = ()

    @property
    def is_ambiguous(self) -> bool:
        return self.match is None and bool(self.candidates)


def resolve_organisation(
    name: str, *, municipalities, on: date | None = None, until: date | None = None
) -> Resolution:
    """The organisation a plan of `municipalities` (ids or objects) means by `name` (in any of
    its languages, or its business ID), among those the plan may name on the day
    (`organisations_for_area`). Exactly one → `match`; several → `candidates`; none → empty,
    with namesakes from elsewhere in `elsewhere`. The kind written after the name, as pickers
    show it ("Seinäjoki (kunta)"), narrows the choice."""
    ids = {getattr(m, "pk", m) for m in municipalities}
    offered = list(organisations_for_area(municipality_ids=ids, on=on, until=until))
    text = (name or "").strip()
    kind = None
    if text.endswith(")") and "(" in text:
        head, _sep, tail = text[:-1].rpartition("(")
        labels = {str(label).casefold(): value for value, label in Organisation.Kind.choices}
        kind = labels.get(tail.strip().casefold())
        if kind:
            text = head.strip()
    business_id = normalise_business_id(text)
    if business_id[:7].isdigit() and "-" in business_id:
        found = [o for o in offered if o.business_id == business_id]
    else:
        key = name_key(text)
        found = [o for o in offered if key and key in _names(o)]
    if kind:
        found = [o for o in found if o.kind == kind]
    if len(found) == 1:
        return Resolution(match=found[0])
    if found:
        return Resolution(candidates=tuple(found))
    key = name_key(text)
    outside = [
        o
        for o in Organisation.objects.filter(
            Q(name_fi__iexact=text) | Q(name_sv__iexact=text) | Q(name_en__iexact=text)
        ).exclude(pk__in=[o.pk for o in offered])
        if key in _names(o)
    ]
    return Resolution(elsewhere=tuple(outside))


def organisation_with_business_id(
    business_id: str, *, exclude_pk: int | None = None
) -> Organisation | None:
    """The organisation already recorded with this business ID, if any."""
    value = normalise_business_id(business_id)
    if not value:
        return None
    return Organisation.objects.filter(business_id=value).exclude(pk=exclude_pk).first()


def similar_organisations(
    *, names, municipality_ids, exclude_pk: int | None = None, on: date | None = None
) -> list[Organisation]:
    """Organisations a plan of these municipalities may name whose name is the same or almost
    the same as one of `names` (any language): a warning before a duplicate is added."""
    keys = {name_key(n) for n in names} - {""}
    if not keys:
        return []
    similar = []
    for organisation in organisations_for_area(municipality_ids=municipality_ids, on=on):
        if organisation.pk == exclude_pk:
            continue
        if any(
            SequenceMatcher(None, key, other).ratio() >= 0.85
            for key in keys
            for other in _names(organisation)
        ):
            similar.append(organisation)
    return similar


def organisations_managed_by(*, user) -> QuerySet[Organisation]:
    """The units and local organisations the user may edit (see accounts.permissions)."""
    return scope(user, "accounts.change_organisation", Organisation.objects.all()).select_related(
        "municipality", "created_by_municipality", "parent"
    )


def organisation_get_for_user(*, user, organisation_id: int) -> Organisation:
    """An organisation the user may edit; missing and forbidden both give 404."""
    organisation = organisations_managed_by(user=user).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


def adding_municipalities(*, user) -> QuerySet[Municipality]:
    """The municipalities on whose behalf the user adds units and local organisations."""
    return scope(user, "accounts.add_organisation", Municipality.objects.in_act_scope())


def second_factor_required(*, user) -> bool:
    """Administrators and regional authority officials must verify a second factor after the
    password (when KOTOPLAN_TWO_FACTOR_REQUIRED is on)."""
    if not settings.KOTOPLAN_TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return (
        RoleAssignment.objects.active_on(today())
        .filter(user=user, role=RoleAssignment.Role.REGIONAL_OFFICIAL)
        .exists()
    )


def confirmed_totp_devices(*, user) -> QuerySet[TOTPDevice]:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)


def confirmed_totp_device(*, user) -> TOTPDevice | None:
    return confirmed_totp_devices(user=user).first()


def totp_setup_device(*, user, key: str = "") -> TOTPDevice:
    """The authenticator key being set up, as the setup page shows it: the one kept for this
    session (`key`), else that of an earlier try's unconfirmed device, else a new one. A new key
    is stored nowhere until its first code is entered (services.totp_device_start)."""
    unconfirmed = TOTPDevice.objects.devices_for_user(user, confirmed=False)
    device = unconfirmed.filter(key=key).first() if key else unconfirmed.first()
    if device is None:
        device = TOTPDevice(user=user, name="Kotoplan", key=key or default_key(), confirmed=False)
    return device


# --- single sign-on account requests -----------------------------------------------------------


def roles_offered(*, organisation: Organisation) -> list[tuple[str, str]]:
    """The roles that fit the organisation's kind, as (value, label)."""
    return [
        (value, label)
        for value, label in RoleAssignment.Role.choices
        if organisation.kind
        in RoleAssignment.ROLE_ORGANISATION_KINDS.get(value, {organisation.kind})
    ]


def account_requests_for_user(*, user) -> QuerySet[AccountRequest]:
    """The requests the user decides on (pending first, then the latest decisions)."""
    requests = AccountRequest.objects.select_related("user", "organisation", "decided_by")
    return scope(user, "accounts.decide_account_request", requests).order_by(
        "-state", "-created_at"
    )


def account_request_get_for_user(*, user, request_id: int) -> AccountRequest:
    found = account_requests_for_user(user=user).filter(pk=request_id).first()
    if found is None:
        raise Http404
    return found
