"""Monitoring rounds and progress updates of the plans a token's owner views in the UI.

A progress update is one resource per round and measure:
`/api/v1/monitoring-rounds/{round}/progress/{measure}/`. GET gives it with its ETag (the
update's `version`); PUT records it through the same service as the progress form:
- the first report: no If-Match (or `If-Match: *` is refused with 412 when one exists);
- a correction: If-Match with the ETag read; a stale one gives 412, a missing one 428;
- a retry of the same update (same content as stored) answers 200 with the current ETag, whatever
  If-Match says: repeating a request never changes anything twice.
"""

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from kotoplan.core.permissions import require
from kotoplan.monitoring.rounds.selectors import measure_update_in_round
from kotoplan.monitoring.rounds.services import measure_update_save

from .. import selectors
from .. import serializers as s
from ..permissions import Access
from .common import ApiView, Filter, ListApi, by, etag_of, expected_version, idempotent
from .plans import plan_filters

ROUNDS = Access(read="monitoring.view_rounds")
PROGRESS = Access(read="monitoring.view_rounds", write="monitoring.update_measure")


class MonitoringRoundList(ListApi):
    access = ROUNDS
    serializer_class = s.MonitoringRoundSerializer
    filters = (
        Filter("plan", int, "Plan id.", by("plan_id")),
        Filter("state", str, "open or closed.", by("state")),
        *plan_filters("plan__"),
    )
    ordering = ("plan_id", "due_date", "pk")

    def scoped(self):
        return selectors.rounds_for_client(user=self.request.user)


class ProgressUpdateList(ListApi):
    access = ROUNDS
    serializer_class = s.ProgressUpdateSerializer
    filters = (
        Filter("plan", int, "Plan id.", by("round__plan_id")),
        Filter("round", int, "Monitoring round id.", by("round_id")),
        Filter("measure", int, "Measure id.", by("measure_id")),
        Filter("state", str, "Reported status.", by("status")),
        Filter("period", str, "Round period label (e.g. 2026).", by("round__period_label")),
        Filter("theme", str, "Theme code.", by("measure__objective__theme__code")),
    )
    ordering = ("round__plan_id", "round__due_date", "measure_id", "pk")

    def scoped(self):
        return selectors.progress_updates_for_client(user=self.request.user)


def _same(update, data: dict) -> bool:
    return all(getattr(update, name) == value for name, value in data.items())


class ProgressUpdateDetail(ApiView):
    access = PROGRESS
    serializer_class = s.ProgressUpdateSerializer

    def scoped(self):  # pragma: no cover (the item is loaded by the selectors below)
        return selectors.progress_updates_for_client(user=self.request.user)

    def _load(self, round_id: int, measure_id: int):
        """The round and measure if the user sees them (404 otherwise), and the update so far."""
        rounds = selectors.rounds_for_client(user=self.request.user).filter(pk=round_id)
        monitoring_round = rounds.select_related("plan").first()
        if monitoring_round is None:
            raise Http404
        measures = selectors.measures_for_client(user=self.request.user)
        measure = (
            measures.select_related("objective__plan")
            .filter(pk=measure_id, objective__plan=monitoring_round.plan_id)
            .first()
        )
        if measure is None:
            raise Http404
        update = measure_update_in_round(monitoring_round=monitoring_round, measure=measure)
        return monitoring_round, measure, update

    @extend_schema(responses={200: s.ProgressUpdateSerializer})
    def get(self, request, round_id: int, measure_id: int):
        _round, _measure, update = self._load(round_id, measure_id)
        if update is None:
            raise Http404
        response = Response(s.ProgressUpdateSerializer(update).data)
        response["ETag"] = etag_of(update.version)
        return response

    @extend_schema(
        request=s.ProgressUpdateInput,
        responses={
            200: s.ProgressUpdateSerializer,
            201: s.ProgressUpdateSerializer,
            400: OpenApiResponse(
                s.ErrorSerializer, description="Invalid input (errors name the field)."
            ),
            403: OpenApiResponse(
                s.ErrorSerializer, description="The measure is not the client's to report on."
            ),
            412: OpenApiResponse(s.ErrorSerializer, description="If-Match names an older version."),
            422: OpenApiResponse(
                s.ErrorSerializer, description="A rule refused it (e.g. the round is closed)."
            ),
            428: OpenApiResponse(
                s.ErrorSerializer, description="If-Match is missing for an existing update."
            ),
        },
    )
    @idempotent
    def put(self, request, round_id: int, measure_id: int):
        monitoring_round, measure, current = self._load(round_id, measure_id)
        form = s.ProgressUpdateInput(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        require(request.user, PROGRESS.write, measure)  # before telling a retry apart
        if current is not None and _same(current, data):
            saved, code = current, status.HTTP_200_OK
        else:
            version = expected_version(request, etag_of(current.version) if current else None)
            saved = measure_update_save(
                actor=request.user,
                monitoring_round=monitoring_round,
                measure=measure,
                expected_version=version,
                **data,
            )
            code = status.HTTP_201_CREATED if current is None else status.HTTP_200_OK
        response = Response(s.ProgressUpdateSerializer(saved).data, status=code)
        response["ETag"] = etag_of(saved.version)
        return response
