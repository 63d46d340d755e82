"""Readiness results and observations (oversight), cooperation groups and their meetings, and
consultations: each through its app's own selector, in the parts that are not personal data
(no members, attendance, minutes or feedback)."""

from .. import selectors
from .. import serializers as s
from ..permissions import PUBLIC_DATA, Access
from .common import DetailApi, Filter, ListApi, by
from .plans import plan_filters


class ReadinessList(ListApi):
    """The stored statutory readiness check of each plan the client views."""

    access = Access(read="planning.view_plan")
    serializer_class = s.ReadinessSerializer
    filters = (Filter("plan", int, "Plan id.", by("plan_id")), *plan_filters("plan__"))
    ordering = ("plan_id", "pk")

    def scoped(self):
        return selectors.readiness_for_client(user=self.request.user)


class ObservationList(ListApi):
    """Observations of the regional authority on plans (officials of the area, the plan's
    coordinators and viewers, administrators)."""

    access = Access(read="oversight.view_observation")
    serializer_class = s.ObservationSerializer
    filters = (
        Filter("plan", int, "Plan id.", by("plan_id")),
        Filter("state", str, "open, replied, resolved or reopened.", by("state")),
        *plan_filters("plan__"),
    )
    ordering = ("plan_id", "reply_due", "pk")

    def scoped(self):
        return selectors.observations_for_client(user=self.request.user)


class CooperationGroupList(ListApi):
    access = Access(read="cooperation.view_group")
    serializer_class = s.CooperationGroupSerializer
    filters = (
        Filter("municipality", str, "Municipality code.", by("municipalities__code")),
        Filter("kind", str, "Kind of group.", by("kind")),
    )
    ordering = ("name", "pk")

    def scoped(self):
        return selectors.groups_for_client(user=self.request.user).prefetch_related("plans")


class MeetingList(ListApi):
    access = Access(read="cooperation.view_group")
    serializer_class = s.MeetingSerializer
    filters = (Filter("group", int, "Cooperation group id.", by("group_id")),)
    ordering = ("starts_at", "pk")

    def scoped(self):
        return selectors.meetings_for_client(user=self.request.user)


CONSULTATIONS = Access(read=PUBLIC_DATA, public=True)


class ConsultationList(ListApi):
    """Consultations that have opened (open or closed), as on their public pages."""

    access = CONSULTATIONS
    serializer_class = s.ConsultationSerializer
    filters = (
        Filter("plan", int, "Plan id.", by("plan_id")),
        *plan_filters("plan__"),
    )
    ordering = ("-opens_at", "pk")

    def scoped(self):
        return selectors.consultations_for_client(user=self.request.user)


class ConsultationDetail(DetailApi):
    access = CONSULTATIONS
    serializer_class = s.ConsultationSerializer
    lookup_field = "slug"

    def scoped(self):
        return selectors.consultations_for_client(user=self.request.user)
