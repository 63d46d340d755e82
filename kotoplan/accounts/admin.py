from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Organisation, RoleAssignment, User
from .services import login_unlock, totp_devices_remove


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fields = ["organisation", "role", "valid_from", "valid_to"]
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleInline]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Kotoplan", {"fields": ["preferred_language"]}))
    actions = ["unlock_login", "remove_authenticator"]

    @admin.action(description=_("Unlock the login after too many failed attempts"))
    def unlock_login(self, request, queryset) -> None:
        for user in queryset:
            login_unlock(username=user.get_username(), actor=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("Unlocked %(count)d login.", "Unlocked %(count)d logins.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Remove the authenticator app (lost phone)"))
    def remove_authenticator(self, request, queryset) -> None:
        removed = sum(totp_devices_remove(user=user, actor=request.user) for user in queryset)
        self.message_user(
            request,
            ngettext(
                "Removed %(count)d authenticator app.",
                "Removed %(count)d authenticator apps.",
                removed,
            )
            % {"count": removed},
            messages.SUCCESS,
        )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name_fi", "kind", "municipality", "area"]
    list_filter = ["kind"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    autocomplete_fields = ["municipality", "area", "parent"]
