from django.urls import include, path

app_name = "oversight"

urlpatterns = [
    path("", include("kotoplan.oversight.urls_dashboards")),
    path("", include("kotoplan.oversight.urls_observations")),
]
