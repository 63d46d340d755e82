"""The oversight app's URLs under one namespace: its sub-contexts' URL lists."""

from django.urls import include, path

app_name = "oversight"

urlpatterns = [
    path("", include("kotoplan.oversight.dashboards.urls")),
    path("", include("kotoplan.oversight.dialogue.urls")),
    path("", include("kotoplan.oversight.peers.urls")),
]
