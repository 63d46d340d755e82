"""The shapes of the good-practice library's search results in the API."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kotoplan.core.models import text_fields
from kotoplan.monitoring.models import MeasureUpdate
from kotoplan.planning.models import Indicator, Plan

CODES = {"slug_field": "code", "read_only": True}

# --- good-practice library ---------------------------------------------------------------------


class LibraryPlanSerializer(serializers.ModelSerializer):
    municipalities = serializers.SlugRelatedField(many=True, **CODES)
    lead_municipality = serializers.SlugRelatedField(**CODES)

    class Meta:
        model = Plan
        fields = (
            "id",
            "state",
            *text_fields("title"),
            "municipalities",
            "lead_municipality",
            "period_start",
            "period_end",
        )


class LibraryStatisticSerializer(serializers.Serializer):
    """The indicator's statistic (StatFin or Sotkanet) in the plan's lead municipality: the
    value of the baseline year and the latest later one."""

    from_year = serializers.IntegerField(source="statistic_from_year")
    from_value = serializers.DecimalField(max_digits=20, decimal_places=4, source="statistic_from")
    to_year = serializers.IntegerField(source="statistic_to_year")
    to_value = serializers.DecimalField(max_digits=20, decimal_places=4, source="statistic_to")


NULLABLE = {"allow_null": True, "read_only": True}


class LibraryResultSerializer(serializers.Serializer):
    """A measure, objective or indicator found in the library (`kind`: as asked). `title_*` is
    an indicator's name, `text_*` a description or an indicator's worded target."""

    kind = serializers.SerializerMethodField()  # one per request: the `kind` asked for
    id = serializers.IntegerField(read_only=True)
    title_fi = serializers.CharField(read_only=True)
    title_sv = serializers.CharField(read_only=True)
    title_en = serializers.CharField(read_only=True)
    text_fi = serializers.CharField(source="description_fi", read_only=True)
    text_sv = serializers.CharField(source="description_sv", read_only=True)
    text_en = serializers.CharField(source="description_en", read_only=True)
    plan = LibraryPlanSerializer(source="objective.plan", read_only=True)
    objective = serializers.IntegerField(
        source="objective_id", help_text=_("Null for an objective."), **NULLABLE
    )
    theme = serializers.CharField(source="objective.theme.code", read_only=True)
    score = serializers.FloatField(
        read_only=True, help_text=_("Text match plus evidence: the order of the results.")
    )
    evidence = serializers.BooleanField(read_only=True)
    evidence_monitoring = serializers.BooleanField(read_only=True)
    evidence_statistics = serializers.BooleanField(read_only=True)
    latest_round = serializers.CharField(
        help_text=_("The plan's latest monitoring round."), **NULLABLE
    )
    latest_status = serializers.ChoiceField(
        choices=MeasureUpdate.Status.choices,
        help_text=_("A measure's latest reported status."),
        **NULLABLE,
    )
    latest_status_round = serializers.CharField(**NULLABLE)
    latest_value = serializers.DecimalField(
        max_digits=20,
        decimal_places=4,
        help_text=_("An indicator's latest value reported in monitoring."),
        **NULLABLE,
    )
    latest_year = serializers.IntegerField(**NULLABLE)
    unit = serializers.CharField(**NULLABLE)
    baseline_value = serializers.DecimalField(max_digits=20, decimal_places=4, **NULLABLE)
    baseline_year = serializers.IntegerField(**NULLABLE)
    direction = serializers.ChoiceField(choices=Indicator.Direction.choices, **NULLABLE)
    statistic = serializers.SerializerMethodField()

    def get_fields(self):
        fields = super().get_fields()
        kind = self.context.get("kind")
        if kind == "indicator":
            for code in ("fi", "sv", "en"):
                fields[f"title_{code}"] = serializers.CharField(source=f"name_{code}")
                fields[f"text_{code}"] = serializers.CharField(source=f"target_text_{code}")
        if kind == "objective":
            fields["plan"] = LibraryPlanSerializer(read_only=True)
            fields["theme"] = serializers.CharField(source="theme.code", read_only=True)
        return fields

    @extend_schema_field({"type": "string", "enum": ["measure", "objective", "indicator"]})
    def get_kind(self, obj) -> str:
        return self.context.get("kind", "measure")

    @extend_schema_field(LibraryStatisticSerializer(allow_null=True))
    def get_statistic(self, obj) -> dict | None:
        if getattr(obj, "statistic_from", None) is None or obj.statistic_to is None:
            return None
        return LibraryStatisticSerializer(obj).data
