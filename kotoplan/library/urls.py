from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("", views.search, name="search"),
    path("measures/<int:measure_id>/", views.measure_detail, name="measure_detail"),
    path("measures/<int:measure_id>/reuse/", views.measure_reuse, name="measure_reuse"),
    path("similar/", views.similar, name="similar"),
]
