from django.contrib import admin

from .models import PlainLanguageSummary


@admin.register(PlainLanguageSummary)
class PlainLanguageSummaryAdmin(admin.ModelAdmin):
    list_display = ("plan", "updated_at")
    raw_id_fields = ("plan",)
