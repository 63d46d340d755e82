from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Organisation, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fields = ["organisation", "role", "valid_from", "valid_to"]
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleInline]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Kotoplan", {"fields": ["preferred_language"]}))


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "kind", "municipality", "area"]
    list_filter = ["kind"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    autocomplete_fields = ["municipality", "area", "parent"]
