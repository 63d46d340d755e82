from django.contrib import admin

from .models import BreakdownLabel, ImportRun, StatIndicator, StatisticValue


@admin.register(StatIndicator)
class StatIndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fi", "source", "source_code", "unit", "situation_order"]
    list_filter = ["source"]
    search_fields = ["code", "name_fi", "name_sv", "name_en", "source_code"]


@admin.register(StatisticValue)
class StatisticValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "municipality", "area", "country", "period", "value", "status"]
    list_filter = ["indicator", "status", "period"]
    raw_id_fields = ["municipality", "area", "import_run"]
    list_select_related = ["indicator", "municipality", "area"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["created_at", "source", "file_name", "status", "rows_created", "rows_updated"]
    list_filter = ["source", "status"]
    readonly_fields = [f.name for f in ImportRun._meta.fields if f.name not in ("payload",)]
    exclude = ["payload", "regions_payload"]


@admin.register(BreakdownLabel)
class BreakdownLabelAdmin(admin.ModelAdmin):
    list_display = ["indicator", "dimension", "code", "label_fi", "label_sv", "label_en"]
    search_fields = ["indicator__code", "dimension", "code", "label_fi"]
    raw_id_fields = ["indicator"]
