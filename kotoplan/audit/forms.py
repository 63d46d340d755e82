"""The change history's filter: by part, by person and by date, as a GET form; finding and
confirming the person whose personal data an administrator erases."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.models import User
from kotoplan.core.forms import DateInput

from .selectors import HistoryFilter
from .services.erasure import DataSubject


class HistoryFilterForm(forms.Form):
    part = forms.TypedChoiceField(label=_("Part"), required=False, coerce=int, empty_value=None)
    actor = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int, empty_value=None)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput)
    until = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def __init__(self, data, *, parts, people):
        super().__init__(data)
        self.fields["part"].choices = [("", _("All parts")), *parts]
        self.fields["actor"].choices = [("", _("Everyone")), *people]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned

    def history_filter(self) -> HistoryFilter:
        """The filter to apply: what is valid of the input (an invalid field filters nothing)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return HistoryFilter(
            part=data.get("part"),
            actor=data.get("actor"),
            since=data.get("since"),
            until=data.get("until"),
        )


class ErasureLookupForm(forms.Form):
    """Who is to be erased: an account (by its number), an e-mail address, a name, or several."""

    user = forms.IntegerField(
        label=_("Account number"),
        required=False,
        min_value=1,
        help_text=_("The number of the user account (shown in the address of its pages)."),
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        help_text=_("The full name as written, e.g. of a cooperation group representative."),
    )

    def clean_user(self):
        number = self.cleaned_data.get("user")
        if number is None:
            return None
        person = User.objects.filter(pk=number).first()
        if person is None:
            raise forms.ValidationError(_("There is no account with this number."))
        if person.erased_at is not None:
            raise forms.ValidationError(_("The data of this account has already been erased."))
        return person

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(n) for n in ("user", "email", "name")):
            raise forms.ValidationError(
                _("Give the account number, the e-mail address or the name of the person.")
            )
        return cleaned

    def subject(self) -> DataSubject:
        data = self.cleaned_data
        return DataSubject.of(
            user=data.get("user"), email=data.get("email") or "", name=data.get("name") or ""
        )


class ErasureForm(ErasureLookupForm):
    """The confirmation: the same person, and the reason (kept in the audit trail)."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example the date and reference of the person's request. Do not write the "
            "person's name or e-mail address here: the reason is kept in the audit trail."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("user", "email", "name"):
            self.fields[name].widget = forms.HiddenInput()
