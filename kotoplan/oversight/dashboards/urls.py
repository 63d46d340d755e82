from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboards_home, name="dashboards"),
    path("area/", views.area_default, name="area_default"),
    path("area/<int:area_id>/", views.area_dashboard, name="area_dashboard"),
    path("area/<int:area_id>/export.csv", views.area_dashboard_csv, name="area_dashboard_csv"),
    path("national/", views.national_dashboard, name="national_dashboard"),
    path("county/<int:area_id>/", views.county_dashboard, name="county_dashboard"),
]
