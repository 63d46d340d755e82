"""The shapes of the API: output serializers per resource, and input serializers that check only
the shape of a write (the services decide everything else). Field names are the models' own."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kotoplan.cooperation.models import CooperationGroup, Meeting
from kotoplan.core.models import text_fields
from kotoplan.geography.models import Area, AreaMembership, Municipality
from kotoplan.monitoring.models import MeasureUpdate, MonitoringRound
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from kotoplan.monitoring.statistics.selectors import breakdown_text
from kotoplan.oversight.dialogue.models import Observation
from kotoplan.oversight.models import ReadinessResult
from kotoplan.participation.models import Consultation
from kotoplan.planning.models import (
    DecisionStep,
    Indicator,
    LinkedDocument,
    Measure,
    Objective,
    Plan,
    Theme,
)

from ..models import ApiToken

CODES = {"slug_field": "code", "read_only": True}


# --- errors -------------------------------------------------------------------------------------


class ErrorItemSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text=_("The field (dotted path), or null."))
    code = serializers.CharField()
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """Every error of the API has this shape."""

    status = serializers.IntegerField()
    errors = ErrorItemSerializer(many=True)


# --- reference data ----------------------------------------------------------------------------


class MunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ("id", "code", *text_fields("name"), "in_act_scope", "valid_from", "valid_to")


class AreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Area
        fields = ("id", "kind", "code", *text_fields("name"), "valid_from", "valid_to")


class AreaMembershipSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(**CODES)
    area_kind = serializers.CharField(source="area.kind", read_only=True)
    area_code = serializers.CharField(source="area.code", read_only=True)

    class Meta:
        model = AreaMembership
        fields = ("id", "municipality", "area", "area_kind", "area_code", "valid_from", "valid_to")


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ("id", "code", "order", "statutory", *text_fields("name"))


# --- plans ---------------------------------------------------------------------------------------


class DecisionStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = DecisionStep
        fields = (
            "order",
            "decided_on",
            "body_kind",
            "body_name",
            "section",
            "case_number",
            "outcome",
            "minutes_url",
        )


class LinkedDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LinkedDocument
        fields = ("order", "title", "url")


class PlanSerializer(serializers.ModelSerializer):
    municipalities = serializers.SlugRelatedField(many=True, **CODES)
    lead_municipality = serializers.SlugRelatedField(**CODES)
    decision_steps = DecisionStepSerializer(many=True, read_only=True)
    linked_documents = LinkedDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = Plan
        fields = (
            "id",
            "version",
            "lineage",
            "version_number",
            "previous_version",
            "state",
            *text_fields("title"),
            "municipalities",
            "lead_municipality",
            "languages",
            "period_start",
            "period_end",
            "form",
            "host_document_name",
            "host_document_url",
            "coordinating_authority",
            "programme_mode",
            "programme_url",
            "covers_all_immigrants",
            "covers_good_relations",
            "monitoring_cycle",
            "decision_body",
            "decision_date",
            "decision_reference",
            "decision_url",
            "legal_basis",
            "is_historical",
            "document_url",
            "decision_steps",
            "linked_documents",
            "updated_at",
        )


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = (
            "id",
            "version",
            "key",
            "plan",
            "theme",
            "order",
            *text_fields("title", "description"),
        )


class MeasureSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="objective.plan_id", read_only=True)

    class Meta:
        model = Measure
        fields = (
            "id",
            "version",
            "key",
            "plan",
            "objective",
            "order",
            *text_fields("title", "description"),
            "responsible_organisation",
            "responsible_unit",
            "partners",
            "schedule_start",
            "schedule_end",
            "schedule_note",
            "resources",
            "status",
        )


class IndicatorSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="objective.plan_id", read_only=True)

    class Meta:
        model = Indicator
        fields = (
            "id",
            "version",
            "key",
            "plan",
            "objective",
            "measure",
            *text_fields("name"),
            "unit",
            "source",
            "source_code",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "direction",
        )


# --- statistics ------------------------------------------------------------------------------


class StatIndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatIndicator
        fields = (
            "id",
            "code",
            *text_fields("name", "definition"),
            "unit",
            "decimals",
            "source",
            "source_code",
            "licence",
            "attribution",
        )


class StatisticValueSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(**CODES)
    municipality = serializers.SlugRelatedField(allow_null=True, **CODES)
    area_kind = serializers.CharField(source="area.kind", read_only=True, allow_null=True)
    area_code = serializers.CharField(source="area.code", read_only=True, allow_null=True)
    breakdown_label = serializers.SerializerMethodField(
        help_text="The breakdown group's name in fi, sv and en; empty without a breakdown."
    )

    class Meta:
        model = StatisticValue
        fields = (
            "id",
            "indicator",
            "municipality",
            "area",
            "area_kind",
            "area_code",
            "country",
            "period",
            "period_type",
            "subperiod",
            "breakdown_key",
            "breakdown_value",
            "breakdown_label",
            "value",
            "status",
        )

    def get_breakdown_label(self, value) -> dict[str, str]:
        if not value.breakdown_key:
            return {}
        labels = {
            (label.dimension, label.code): label
            for label in value.indicator.breakdown_labels.all()  # prefetched by the list
        }
        return {
            language: breakdown_text(labels, value.breakdown_key, value.breakdown_value, language)
            for language in ("fi", "sv", "en")
        }


class CodeField(serializers.SlugRelatedField):
    """An object named by its code in a write: the code is checked as text first (no null
    characters, which PostgreSQL refuses in a query) before it is looked up."""

    default_error_messages = {
        **serializers.SlugRelatedField.default_error_messages,
        "null_characters": _("Null characters are not allowed."),
    }

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("null_characters")
        return super().to_internal_value(data)


class StatisticValueInput(serializers.Serializer):
    """One municipality's value of an indicator for a year: its natural key and the value."""

    indicator = CodeField(slug_field="code", queryset=StatIndicator.objects)
    municipality = CodeField(slug_field="code", queryset=Municipality.objects)
    period = serializers.IntegerField(min_value=1900, max_value=2100)
    breakdown_key = serializers.CharField(max_length=60, required=False, default="")
    breakdown_value = serializers.CharField(max_length=60, required=False, default="")
    value = serializers.DecimalField(
        max_digits=16, decimal_places=4, required=False, allow_null=True, default=None
    )
    status = serializers.ChoiceField(
        choices=StatisticValue.Status.choices, default=StatisticValue.Status.OK
    )

    def validate(self, attrs):
        has_value = attrs.get("value") is not None
        if has_value != (attrs["status"] == StatisticValue.Status.OK):
            raise serializers.ValidationError(
                {"value": _("Give a value exactly when the status is “ok”.")}, code="mismatch"
            )
        return attrs


# --- monitoring ------------------------------------------------------------------------------


class MonitoringRoundSerializer(serializers.ModelSerializer):
    class Meta:
        model = MonitoringRound
        fields = ("id", "plan", "period_label", "due_date", "state", "closed_on")


class ProgressUpdateSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="round.plan_id", read_only=True)

    class Meta:
        model = MeasureUpdate
        fields = (
            "id",
            "version",
            "plan",
            "round",
            "measure",
            "status",
            "progress",
            "narrative",
            "evidence_links",
            "updated_at",
        )


class ProgressUpdateInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=MeasureUpdate.Status.choices)
    progress = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True, default=None
    )
    narrative = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    evidence_links = serializers.ListField(
        child=serializers.URLField(max_length=500), required=False, default=list, max_length=20
    )


# --- oversight, cooperation, participation --------------------------------------------------------


class ReadinessSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReadinessResult
        fields = (
            "id",
            "plan",
            "ruleset_version",
            "computed_at",
            "statutory_total",
            "statutory_passed",
            "recommended_total",
            "recommended_passed",
            "results",
        )


class ObservationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Observation
        fields = (
            "id",
            "plan",
            "subject",
            "text",
            "rule_id",
            "objective",
            "reply_due",
            "state",
            "created_at",
        )


class CooperationGroupSerializer(serializers.ModelSerializer):
    municipalities = serializers.SlugRelatedField(many=True, **CODES)

    class Meta:
        model = CooperationGroup
        fields = (
            "id",
            "kind",
            "name",
            "municipalities",
            "appointed_by",
            "appointing_body",
            "appointed_on",
            "decision_reference",
            "mandate",
            "plans",
        )


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ("id", "group", "title", "starts_at", "ends_at", "minutes_state")


class ConsultationSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = (
            "id",
            "slug",
            "plan",
            *text_fields("title", "intro"),
            "opens_at",
            "closes_at",
            "status",
            "report_published_at",
        )

    def get_status(self, obj) -> str:
        return obj.status()


# --- tokens (the UI makes them; the API only tells a client who it is) ------------------------


class WhoAmISerializer(serializers.Serializer):
    username = serializers.CharField()
    token_name = serializers.CharField(allow_null=True)
    token_expires_at = serializers.DateTimeField(allow_null=True)

    @staticmethod
    def of(user, token: ApiToken | None) -> dict:
        return {
            "username": user.username,
            "token_name": token.name if token else None,
            "token_expires_at": token.expires_at if token else None,
        }
