from django.contrib import admin

from .models import PlainLanguageSummary, PlanImport


@admin.register(PlainLanguageSummary)
class PlainLanguageSummaryAdmin(admin.ModelAdmin):
    list_display = ("plan", "updated_at")
    raw_id_fields = ("plan",)


@admin.register(PlanImport)
class PlanImportAdmin(admin.ModelAdmin):
    """Read-only: administrators see uploads and their state, never the files' contents."""

    list_display = ("file_name", "owner", "lead_municipality", "status", "created_at", "purged_at")
    list_filter = ("status",)
    exclude = ("content", "plan_data")
    readonly_fields = [
        f.name for f in PlanImport._meta.fields if f.name not in ("content", "plan_data")
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
