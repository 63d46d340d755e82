from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("security/", views.security_trail, name="security_trail"),
    path("my-data/", views.my_data, name="my_data"),
    path("people/<int:user_id>/data/", views.person_data, name="person_data"),
    path("erasure/", views.erasure, name="erasure"),
]
