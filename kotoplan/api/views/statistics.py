"""Open statistics: the indicator catalogue and values per area and year, for anyone. Writing a
municipality's value is the importers' right (`monitoring.import_statistics`: coordinators for
their municipalities, administrators): PUT with the natural key, so a retry writes nothing new."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from kotoplan.monitoring.statistics.selectors import statistic_value_version
from kotoplan.monitoring.statistics.services import statistic_value_save

from .. import serializers as s
from ..permissions import PUBLIC_DATA, Access
from .common import DetailApi, Filter, ListApi, by, etag_of, idempotent, if_match


class StatIndicatorList(ListApi):
    access = Access(read=PUBLIC_DATA, public=True)
    serializer_class = s.StatIndicatorSerializer
    filters = (Filter("source", str, "statfin, sotkanet or manual.", by("source")),)
    ordering = ("code",)

    def scoped(self):
        return StatIndicator.objects.all()


class StatIndicatorDetail(DetailApi):
    access = Access(read=PUBLIC_DATA, public=True)
    serializer_class = s.StatIndicatorSerializer

    def scoped(self):
        return StatIndicator.objects.all()


def _country(queryset, value, params):
    return queryset.filter(country=str(value).lower() == "true")


class StatisticValueList(ListApi):
    """Values per municipality, area or the whole country and year; missing and suppressed
    values keep their status and have no value. PUT writes one municipality's value."""

    access = Access(read=PUBLIC_DATA, public=True, write="monitoring.import_statistics")
    serializer_class = s.StatisticValueSerializer
    filters = (
        Filter("indicator", str, "Indicator code.", by("indicator__code")),
        Filter("municipality", str, "Municipality code.", by("municipality__code")),
        Filter("period", int, "Year.", by("period")),
        Filter("area_value", int, "Area id: the area's own values.", by("area_id")),
        Filter("country", str, "`true`: only the whole country's values.", _country),
    )
    ordering = ("indicator__code", "period", "municipality__code", "area_id", "pk")

    def scoped(self):
        return StatisticValue.objects.select_related(
            "indicator", "municipality", "area"
        ).prefetch_related("indicator__breakdown_labels")

    def get_serializer_class(self):
        if self.request.method == "PUT":
            return s.StatisticValueInput
        return s.StatisticValueSerializer

    @extend_schema(
        request=s.StatisticValueInput,
        responses={
            200: s.StatisticValueSerializer,
            201: s.StatisticValueSerializer,
            400: OpenApiResponse(
                s.ErrorSerializer, description="Invalid input (errors name the field)."
            ),
            412: OpenApiResponse(
                s.ErrorSerializer, description="If-Match names a value that has changed."
            ),
        },
    )
    @idempotent
    def put(self, request):
        form = s.StatisticValueInput(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        saved, outcome = statistic_value_save(actor=request.user, based_on=_etag(request), **data)
        response = Response(
            s.StatisticValueSerializer(saved).data,
            status=status.HTTP_201_CREATED if outcome == "created" else status.HTTP_200_OK,
        )
        response["ETag"] = etag_of(statistic_value_version(saved))
        return response


def _etag(request) -> str | None:
    sent = if_match(request)
    return sent.removeprefix("W/").strip('"') if sent and sent != "*" else None
