"""Account forms: the authentication code of the second factor."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class TokenForm(forms.Form):
    """Six digits from the authenticator app."""

    token = forms.CharField(
        label=_("Authentication code"),
        help_text=_("The six-digit code your authenticator app shows for Kotoplan."),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the code with digits only."))
        return token


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule with a message Kotoplan translates (Django's Finnish one is empty)."""

    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short. It must be at least %(min_length)d character long.",
            "This password is too short. It must be at least %(min_length)d characters long.",
            self.min_length,
        ) % {"min_length": self.min_length}
