from django.urls import path

from .views import account_requests, organisations, sso, two_factor
from .views import login as views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("organisations/", organisations.organisation_list, name="organisation_list"),
    path(
        "organisations/new/<slug:kind>/",
        organisations.organisation_new,
        name="organisation_new",
    ),
    path(
        "organisations/<int:organisation_id>/edit/",
        organisations.organisation_edit,
        name="organisation_edit",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("sso/start/", sso.sso_start, name="sso_start"),
    path("sso/callback/", sso.sso_callback, name="sso_callback"),
    path("requests/", account_requests.request_list, name="account_request_list"),
    path(
        "requests/<int:request_id>/approve/",
        account_requests.request_approve,
        name="account_request_approve",
    ),
    path(
        "requests/<int:request_id>/refuse/",
        account_requests.request_refuse,
        name="account_request_refuse",
    ),
    path("two-factor/", two_factor.verify, name="two_factor_verify"),
    path("two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    path("two-factor/remove/", two_factor.remove, name="two_factor_remove"),
]
