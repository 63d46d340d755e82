from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [path("security/", views.security_trail, name="security_trail")]
