from django.contrib import admin

from .models import (
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["order", "code", "name_fi", "name_sv", "name_en", "statutory"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "lead_municipality",
        "period_start",
        "period_end",
        "state",
        "version_number",
    ]
    list_filter = ["state", "form"]
    search_fields = ["title_fi", "title_sv", "title_en", "lead_municipality__name_fi"]
    autocomplete_fields = ["municipalities", "lead_municipality", "coordinating_unit"]
    readonly_fields = ["lineage", "version_number", "previous_version", "version"]


class DescribedPartAdmin(admin.ModelAdmin):
    search_fields = ["title_fi", "title_sv", "title_en"]


@admin.register(Objective)
class ObjectiveAdmin(DescribedPartAdmin):
    list_display = ["__str__", "plan", "theme"]
    list_filter = ["theme"]
    raw_id_fields = ["plan", "chapter"]


@admin.register(Measure)
class MeasureAdmin(DescribedPartAdmin):
    list_display = ["__str__", "responsible_organisation", "status"]
    list_filter = ["status"]
    raw_id_fields = ["objective"]
    autocomplete_fields = ["responsible_organisation", "partners"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["__str__", "unit", "source", "baseline_value", "target_value"]
    raw_id_fields = ["objective", "measure"]


admin.site.register(TargetGroup)
admin.site.register(Milestone)


@admin.register(PlanChapter)
class PlanChapterAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "order"]
    raw_id_fields = ["plan"]
