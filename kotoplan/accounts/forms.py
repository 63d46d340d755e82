"""Account forms: a unit or a local organisation (input shape only: duplicates, sectors and who
may add what are the rules of accounts.services), and the authentication code of the second
factor."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kotoplan.core.clock import today
from kotoplan.core.forms import DateInput, VersionedModelForm
from kotoplan.core.text import ascii_digits

from .models import Organisation
from .selectors import operating_on

UNIT_KINDS = (Organisation.Kind.MUNICIPAL_UNIT,)


class OrganisationForm(VersionedModelForm):
    """A unit (`unit=True`: its sector as parent) or a local organisation (its kind)."""

    for_municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=None,
        help_text=_("The municipality on whose behalf you add the organisation."),
    )
    confirm_new = forms.BooleanField(
        label=_("This is another organisation than the similar ones listed"),
        required=False,
    )

    class Meta:
        model = Organisation
        fields = [
            "kind",
            "name_fi",
            "name_sv",
            "name_en",
            "parent",
            "business_id",
            "email",
            "website",
            "ended_on",
        ]
        widgets = {"ended_on": DateInput()}

    def __init__(self, *args, unit: bool, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        if self.instance.pk:
            del self.fields["for_municipality"]
        else:
            self.fields["for_municipality"].queryset = municipalities
            if municipalities.count() == 1:
                self.fields["for_municipality"].initial = municipalities.first()
                self.fields["for_municipality"].widget = forms.HiddenInput()
        kind = self.fields["kind"]
        if unit:
            kind.initial = Organisation.Kind.MUNICIPAL_UNIT
            kind.widget = forms.HiddenInput()
            del self.fields["business_id"]
            home = [m.pk for m in municipalities] or [self.instance.municipality_id]
            parents = Organisation.objects.filter(
                operating_on(today(), keep=self.instance.parent_id),
                kind=Organisation.Kind.MUNICIPAL_UNIT,
                municipality__in=home,
            ).exclude(pk=self.instance.pk)
            self.fields["parent"].queryset = parents
            self.fields["parent"].label = _("Sector")
            self.fields["parent"].help_text = _(
                "Optional: the sector (another unit) this unit belongs to."
            )
        else:
            kind.choices = [
                (value, label)
                for value, label in Organisation.Kind.choices
                if value in Organisation.LOCAL_KINDS
            ]
            del self.fields["parent"]
        if self.data.get(self.add_prefix("confirm_new")) not in ("on", "true", "True"):
            self.fields["confirm_new"].widget = forms.HiddenInput()

    def ask_confirmation(self) -> None:
        """Show the confirmation checkbox (after the service found similar names)."""
        if self.has_error("confirm_new"):
            self.fields["confirm_new"].widget = forms.CheckboxInput()

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and cleaned.get("for_municipality"):
            # The model's own checks ask for the municipality of a unit.
            self.instance.municipality = cleaned["for_municipality"]
        return cleaned

    def _get_validation_exclusions(self):
        # A repeated business ID is refused by the service with the name of the organisation
        # that has it, not by the database constraint's general message.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("business_id")
        return exclusions

    def organisation_data(self) -> dict:
        return self.model_data("for_municipality", "confirm_new", "expected_version")


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
        if not ascii_digits(token):
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


class SignOnForm(forms.Form):
    """The work e-mail address whose domain picks the organisation's identity provider."""

    email = forms.EmailField(
        label=_("Work e-mail address"),
        help_text=_("Your organisation's login page opens; Kotoplan never sees your password."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class AccountRequestApproveForm(forms.Form):
    """The role given when a single sign-on request is approved."""

    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, roles: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Choose the role")), *roles]
