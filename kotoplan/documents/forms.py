"""Upload forms of the plan imports: they check the file's size and type, not its content."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.core.forms import offer
from kotoplan.core.languages import content_languages, language_name
from kotoplan.geography.models import Municipality
from kotoplan.planning.forms import PlanCreateForm

MAX_UPLOAD = 10 * 1024 * 1024


def _checked_size(upload):
    if upload is not None and upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("The file is larger than 10 MB."))
    return upload


class SpreadsheetImportForm(PlanCreateForm):
    file = forms.FileField(
        label=gettext_lazy("Plan spreadsheet (XLSX or CSV)"),
        help_text=gettext_lazy("Filled-in import template: one row per measure."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = _checked_size(self.cleaned_data["file"])
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an .xlsx or .csv file."))
        return upload

    def plan_data(self) -> dict:
        """The plan's own fields (title, period, form) as entered on the form."""
        return {
            k: v for k, v in self.cleaned_data.items() if k not in ("lead_municipality", "file")
        }


class StratmlImportForm(forms.Form):
    lead_municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=gettext_lazy("Municipality")
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the texts in the file"), initial="fi"
    )
    file = forms.FileField(
        label=gettext_lazy("StratML Part 2 file (XML)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["lead_municipality"], municipalities)
        self.fields["language"].choices = [(c, language_name(c)) for c in content_languages()]

    def clean_file(self):
        return _checked_size(self.cleaned_data["file"])
