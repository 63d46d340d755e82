from django.urls import path

from . import views

urlpatterns = [
    path("import/", views.import_list, name="import"),
    path("import/<int:run_id>/", views.import_run_detail, name="import_run"),
    path(
        "plans/<int:plan_id>/figures/",
        views.situation_figures_choose,
        name="situation_figures",
    ),
]
