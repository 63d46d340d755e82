from django.contrib import admin
from django.urls import include, path

from kotoplan.api.views.health import healthz, readyz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("api/", include("kotoplan.api.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("kotoplan.accounts.urls")),
    path("audit/", include("kotoplan.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("about/", include("kotoplan.core.urls")),
    path("monitoring/", include("kotoplan.monitoring.urls")),
    path("cooperation/", include("kotoplan.cooperation.urls")),
    path("participation/", include("kotoplan.participation.urls")),
    path("documents/", include("kotoplan.documents.urls")),
    path("library/", include("kotoplan.library.urls")),
    path("oversight/", include("kotoplan.oversight.urls")),
    path("", include("kotoplan.planning.urls")),
]
