from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("kotoplan.accounts.urls")),
    path("audit/", include("kotoplan.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("monitoring/", include("kotoplan.monitoring.urls")),
    path("cooperation/", include("kotoplan.cooperation.urls")),
    path("participation/", include("kotoplan.participation.urls")),
    path("documents/", include("kotoplan.documents.urls")),
    path("oversight/", include("kotoplan.oversight.urls")),
    path("", include("kotoplan.planning.urls")),
]
