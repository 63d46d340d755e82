from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse_lazy

from .selectors import roles_for_user


class LoginView(auth_views.LoginView):
    """Signs in and switches the interface to the user's preferred language."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        language = form.get_user().preferred_language
        if language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


class LogoutView(auth_views.LogoutView):
    """The menu links here: GET shows a page with the log-out button, POST logs out."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
    extra_context = {"home_url": reverse_lazy(settings.LOGIN_REDIRECT_URL)}


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {"roles": roles_for_user(user=request.user)})
