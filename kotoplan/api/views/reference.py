"""Reference data, open to anyone: municipalities, areas (counties, employment areas, authority
areas) with their validity dates, area memberships on a day, and the plan themes."""

from datetime import date

from django.db.models import Q

from kotoplan.geography.models import Area, AreaMembership, Municipality
from kotoplan.planning.models import Theme

from .. import serializers as s
from ..permissions import PUBLIC_DATA, Access
from .common import DetailApi, Filter, ListApi, by

PUBLIC = Access(read=PUBLIC_DATA, public=True)


def _valid_on(queryset, day: date, params):
    return queryset.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day),
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
    )


ON = Filter("on", date, "Only rows valid on this day (YYYY-MM-DD).", _valid_on)


class MunicipalityList(ListApi):
    """Municipalities with their validity dates (Åland's are outside the Act's scope)."""

    access = PUBLIC
    serializer_class = s.MunicipalitySerializer
    filters = (ON, Filter("code", str, "Municipality code (e.g. 091).", by("code")))
    ordering = ("code",)

    def scoped(self):
        return Municipality.objects.all()


class MunicipalityDetail(DetailApi):
    access = PUBLIC
    serializer_class = s.MunicipalitySerializer

    def scoped(self):
        return Municipality.objects.all()


class AreaList(ListApi):
    """Regions, wellbeing services counties, employment areas and regional authority areas (ELY
    Centres until 2025, Economic Development Centres from 2026), with validity dates."""

    access = PUBLIC
    serializer_class = s.AreaSerializer
    filters = (
        ON,
        Filter(
            "kind",
            str,
            "region, wellbeing_county, employment_area, ely_centre or vitality_centre.",
            by("kind"),
        ),
    )
    ordering = ("kind", "code", "pk")

    def scoped(self):
        return Area.objects.all()


class AreaDetail(DetailApi):
    access = PUBLIC
    serializer_class = s.AreaSerializer

    def scoped(self):
        return Area.objects.all()


class AreaMembershipList(ListApi):
    """Which municipality belongs to which area, and when."""

    access = PUBLIC
    serializer_class = s.AreaMembershipSerializer
    filters = (
        ON,
        Filter("municipality", str, "Municipality code.", by("municipality__code")),
        Filter("area", int, "Area id.", by("area_id")),
        Filter("kind", str, "Area kind.", by("area__kind")),
    )
    ordering = ("municipality__code", "area__kind", "valid_from", "pk")

    def scoped(self):
        return AreaMembership.objects.select_related("municipality", "area")


class ThemeList(ListApi):
    """The five statutory themes and “other objectives”."""

    access = PUBLIC
    serializer_class = s.ThemeSerializer
    ordering = ("order", "pk")

    def scoped(self):
        return Theme.objects.all()
