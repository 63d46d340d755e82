from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("privacy/consultations/", views.consultation_privacy_notice, name="privacy_consultations"),
    path("cookies/", views.cookie_information, name="cookies"),
    path("contact/", views.contact, name="contact"),
]
