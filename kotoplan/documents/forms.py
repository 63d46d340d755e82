"""Upload forms of the plan imports: they check the file's size and type, not its content."""

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.accounts.models import Organisation
from kotoplan.core.forms import offer
from kotoplan.core.languages import content_languages, language_name
from kotoplan.geography.models import Municipality
from kotoplan.planning.forms import PlanCreateForm


def max_upload() -> int:
    return settings.KOTOPLAN_SPREADSHEET_LIMITS.get("max_bytes", 10 * 1024 * 1024)


def _too_large():
    return forms.ValidationError(
        _("The file is larger than %(n)s MB; split the plan into smaller files.")
        % {"n": max_upload() // (1024 * 1024)}
    )


def _checked_size(upload):
    if upload is not None and upload.size > max_upload():
        raise _too_large()
    return upload


class LimitedUpload(FileUploadHandler):
    """Stops storing an uploaded file as soon as it passes the size limit: the rest is read
    from the connection and thrown away, never kept in memory or on disk. Put it first in
    `request.upload_handlers` before the request body is read."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = max_upload()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.request.upload_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


class SpreadsheetImportForm(PlanCreateForm):
    file = forms.FileField(
        label=gettext_lazy("Plan spreadsheet (XLSX or CSV)"),
        help_text=gettext_lazy("Filled-in import template: one row per measure."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt,.tsv"}),
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:
            self.fields["file"].required = False

    def clean_file(self):
        upload = _checked_size(self.cleaned_data["file"])
        if upload is None:
            return None
        if not upload.name.lower().endswith((".xlsx", ".csv", ".txt", ".tsv")):
            raise forms.ValidationError(
                _("Upload an .xlsx file, or a .csv or .txt file saved from Excel.")
            )
        return upload

    def clean(self):
        if self.too_large:
            self.add_error("file", _too_large())
        return super().clean()

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


class MissingPartiesForm(forms.Form):
    """The parties an uploaded file names that Kotoplan does not know, each with the kind to
    add it as a local organisation of the plan's municipality (or left out)."""

    def __init__(self, *args, names: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.names = names
        kinds = [
            (kind, label)
            for kind, label in Organisation.Kind.choices
            if kind in Organisation.LOCAL_KINDS
        ]
        for index, name in enumerate(names):
            self.fields[f"party_{index}"] = forms.ChoiceField(
                label=name,
                choices=[("", _("Do not add")), *kinds],
                required=False,
            )

    def parties(self) -> dict[str, str]:
        """name → kind of those to add."""
        return {
            name: self.cleaned_data[f"party_{index}"]
            for index, name in enumerate(self.names)
            if self.cleaned_data.get(f"party_{index}")
        }
