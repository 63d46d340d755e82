"""One `monitoring:` namespace for the statistics imports and the monitoring rounds."""

from django.urls import include, path

app_name = "monitoring"

urlpatterns = [
    path("", include("kotoplan.monitoring.statistics.urls")),
    path("", include("kotoplan.monitoring.rounds.urls")),
]
