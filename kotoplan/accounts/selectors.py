"""Who a user is acting for today. Cached on the user object for one request."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from kotoplan.core.clock import today

from .models import RoleAssignment


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
    national = False
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
    reach = Reach(
        coordinator_municipalities=frozenset(buckets["coordinator"]),
        viewer_municipalities=frozenset(buckets["viewer"]),
        contributor_organisations=frozenset(buckets["contributor_org"]),
        contributor_municipalities=frozenset(buckets["contributor_mun"]),
        official_areas=frozenset(buckets["official"]),
        county_areas=frozenset(buckets["county"]),
        national=national,
        admin=bool(user.is_superuser),
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
