"""The change history's filter: by part, by person and by date, as a GET form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kotoplan.core.forms import DateInput

from .selectors import HistoryFilter


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
