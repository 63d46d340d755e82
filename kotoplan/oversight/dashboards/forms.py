"""The GET forms of the dashboards: the date of the situation, and the area's filters."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from kotoplan.core.clock import today
from kotoplan.core.text import text_of
from kotoplan.planning.models import Theme

from .selectors import STATE_LABELS

SORT_CHOICES = [
    ("name", _("Municipality name")),
    ("state", _("Lifecycle state")),
    ("readiness", _("Readiness, lowest first")),
    ("-readiness", _("Readiness, highest first")),
]


class DateForm(forms.Form):
    on = forms.DateField(
        label=_("Situation on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("ELY Centre areas until 31.12.2025, Economic Development Centre areas after."),
    )

    def day(self) -> date:
        self.is_valid()  # an invalid field shows its error; the valid ones still apply
        return self.cleaned_data.get("on") or today()


class AreaFilterForm(DateForm):
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states")), *STATE_LABELS.items()],
    )
    missing_theme = forms.ChoiceField(label=_("Missing theme"), required=False)
    overdue = forms.BooleanField(
        label=_("Monitoring overdue"),
        required=False,
        help_text=_(
            "Plans whose latest monitoring round is past its due date without being closed."
        ),
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, themes: list[Theme], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missing_theme"].choices = [
            ("", _("Any")),
            *((theme.code, text_of(theme, "name").value) for theme in themes),
        ]

    def option(self, name: str, default=""):
        self.is_valid()
        return self.cleaned_data.get(name) or default
