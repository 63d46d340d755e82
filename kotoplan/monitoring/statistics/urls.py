from django.urls import path

from . import views

urlpatterns = [
    path("import/", views.import_list, name="import"),
    path("import/<int:run_id>/", views.import_run_detail, name="import_run"),
]
