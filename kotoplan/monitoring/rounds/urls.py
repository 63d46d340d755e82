from django.urls import path

from . import views

urlpatterns = [
    path("my-measures/", views.my_measures, name="my_measures"),
    path("plans/<int:plan_id>/rounds/", views.round_list, name="round_list"),
    path("plans/<int:plan_id>/rounds/<int:round_id>/close/", views.round_close, name="round_close"),
    path("plans/<int:plan_id>/rounds/<int:round_id>/report/", views.report, name="round_report"),
    path(
        "rounds/<int:round_id>/measures/<int:measure_id>/",
        views.measure_update,
        name="measure_update",
    ),
    path(
        "rounds/<int:round_id>/indicators/<int:indicator_id>/",
        views.indicator_value,
        name="indicator_value",
    ),
]
