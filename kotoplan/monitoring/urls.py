from django.urls import path

from . import progress_views, views

app_name = "monitoring"

urlpatterns = [
    path("import/", views.import_list, name="import"),
    path("import/<int:run_id>/", views.import_run_detail, name="import_run"),
    # progress by responsible parties and the monitoring report
    path("my-measures/", progress_views.my_measures, name="my_measures"),
    path("plans/<int:plan_id>/rounds/", progress_views.round_list, name="round_list"),
    path(
        "plans/<int:plan_id>/rounds/<int:round_id>/close/",
        progress_views.round_close,
        name="round_close",
    ),
    path(
        "plans/<int:plan_id>/rounds/<int:round_id>/report/",
        progress_views.report,
        name="round_report",
    ),
    path(
        "rounds/<int:round_id>/measures/<int:measure_id>/",
        progress_views.measure_update,
        name="measure_update",
    ),
    path(
        "rounds/<int:round_id>/indicators/<int:indicator_id>/",
        progress_views.indicator_value,
        name="indicator_value",
    ),
]
