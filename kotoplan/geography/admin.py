from django.contrib import admin

from .models import Area, AreaMembership, Municipality


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "kind", "code", "valid_from", "valid_to"]
    fields = ["kind", "code", "name_fi", "name_sv", "name_en", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name_fi", "name_sv", "code"]


class MembershipInline(admin.TabularInline):
    model = AreaMembership
    fields = ["area", "valid_from", "valid_to"]
    extra = 0
    autocomplete_fields = ["area"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "name_sv", "code", "in_act_scope"]
    fields = ["code", "name_fi", "name_sv", "name_en", "in_act_scope", "valid_from", "valid_to"]
    list_filter = ["in_act_scope"]
    search_fields = ["name_fi", "name_sv", "code"]
    inlines = [MembershipInline]
