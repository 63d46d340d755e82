"""Read access to dated geography: which municipality belongs to which area on a given day."""

from datetime import date

from django.db.models import Q, QuerySet

from kotoplan.core.clock import today

from .models import Area, AreaMembership, Municipality


def municipalities_in_area(*, area: Area, on: date | None = None) -> QuerySet[Municipality]:
    on = on or today()
    ids = AreaMembership.objects.valid_on(on).filter(area=area).values("municipality_id")
    return Municipality.objects.in_act_scope().filter(pk__in=ids)


def municipality_ids_in_areas(*, area_ids: list[int], on: date | None = None) -> QuerySet:
    on = on or today()
    return (
        AreaMembership.objects.valid_on(on)
        .filter(area_id__in=area_ids, municipality__in_act_scope=True)
        .values("municipality_id")
    )


def area_of(*, municipality: Municipality, kind: str, on: date | None = None) -> Area | None:
    on = on or today()
    membership = (
        AreaMembership.objects.valid_on(on)
        .filter(municipality=municipality, area__kind=kind)
        .select_related("area")
        .first()
    )
    return membership.area if membership else None


def authority_area_of(*, municipality: Municipality, on: date | None = None) -> Area | None:
    """The regional state authority supervising the municipality on the day (ELY or EVK)."""
    on = on or today()
    membership = (
        AreaMembership.objects.valid_on(on)
        .filter(municipality=municipality, area__kind__in=Area.AUTHORITY_KINDS)
        .select_related("area")
        .first()
    )
    return membership.area if membership else None


# Areas whose municipalities count as neighbours: they share a region or a regional state
# authority (ELY Centre until 2025, Economic Development Centre from 2026). Data, not code:
# another kind of area is one entry more.
NEIGHBOURHOOD_AREA_KINDS = (Area.Kind.REGION, *Area.AUTHORITY_KINDS)


def neighbour_municipality_ids(
    *, municipality_ids, on: date | None = None, kinds=NEIGHBOURHOOD_AREA_KINDS
) -> set[int]:
    """The municipalities (ids, the given ones included) that share an area of `kinds` with
    one of the given municipalities on the day; Åland municipalities are left out."""
    on = on or today()
    ids = set(municipality_ids)
    areas = (
        AreaMembership.objects.valid_on(on)
        .filter(municipality_id__in=ids, area__kind__in=kinds)
        .values("area_id")
    )
    members = AreaMembership.objects.valid_on(on).filter(
        area_id__in=areas, municipality__in_act_scope=True
    )
    return ids | set(members.values_list("municipality_id", flat=True))


def municipalities_matching(*, text: str) -> QuerySet[Municipality]:
    """In-scope municipalities whose name (in any language) contains `text`, or whose code it
    is: what a visitor's search by municipality finds."""
    text = text.strip()
    found = Q(name_fi__icontains=text) | Q(name_sv__icontains=text) | Q(name_en__icontains=text)
    return Municipality.objects.in_act_scope().filter(found | Q(code=text))
