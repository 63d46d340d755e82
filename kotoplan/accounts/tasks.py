"""Background work of accounts (django-tasks; a database queue in production)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django_tasks import task


@task()
def send_password_reset(email: str, language: str) -> None:
    """E-mail a password reset link to each active account with this address (none: nothing)."""
    site = urlsplit(settings.KOTOPLAN_SITE_URL)
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        form.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            subject_template_name="accounts/password_reset_subject.txt",
            email_template_name="accounts/password_reset_email.txt",
        )
