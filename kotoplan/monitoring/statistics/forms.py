"""Upload of a statistics file and the choice of situation picture figures: the forms check the
input's shape only (size before reading, encoding, one of file or address); the import checks
the content."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kotoplan.core.text import text_of
from kotoplan.geography.models import Municipality

from .errors import FetchError
from .importers import http
from .models import StatIndicator


def _read_text(upload) -> str:
    limit = settings.KOTOPLAN_STATISTICS_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _(
                "The file is larger than %(limit)s MB. Select fewer areas, years or contents "
                "in the statistics service and import the parts one by one."
            )
            % {"limit": limit // (1024 * 1024)}
        )
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(
            _("The file is not UTF-8 text. Save it as UTF-8 (JSON or CSV) and try again.")
        ) from exc


class ImportForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[
            (StatIndicator.Source.STATFIN, _("Statistics Finland: JSON-stat 2.0 (PxWeb)")),
            (StatIndicator.Source.SOTKANET, _("THL Sotkanet: data rows (JSON or CSV)")),
        ],
    )
    municipality = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_(
            "The municipality whose values are imported. A coordinator imports only their own "
            "municipality's values; values of other areas in the file are skipped."
        ),
    )
    data_file = forms.FileField(label=_("Data file"), required=False)
    table_id = forms.CharField(
        label=_("Table"),
        required=False,
        max_length=40,
        help_text=_(
            "StatFin table id, such as 11ra. Needed only when the file does not name its table."
        ),
    )
    regions_file = forms.FileField(
        label=_("Sotkanet regions list"),
        required=False,
        help_text=_(
            "The JSON answer of Sotkanet's /regions. Without it, the regions list shipped with "
            "Kotoplan is used."
        ),
    )
    address = forms.CharField(
        label=_("Or fetch from the statistics service"),
        required=False,
        max_length=1000,
        help_text=_(
            "A path under the configured service address, such as vaka/14jt.px or "
            "json?indicator=127&years=2022&genders=total."
        ),
    )

    def __init__(self, *args, municipalities, municipality_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].required = municipality_required
        if municipality_required and municipalities.count() == 1:
            self.fields["municipality"].initial = municipalities.first()

    def clean_table_id(self):
        value = self.cleaned_data.get("table_id", "").strip()
        if value and not all(ch.isalnum() or ch in "_-" for ch in value):
            raise forms.ValidationError(
                _("Write the table id with letters and digits only, such as 11ra.")
            )
        return value

    def clean(self):
        data = super().clean()
        upload, address = data.get("data_file"), (data.get("address") or "").strip()
        if bool(upload) == bool(address):
            raise forms.ValidationError(_("Give either a data file or an address, not both."))
        data["payload"] = data["regions_payload"] = data["url"] = ""
        try:
            data["payload"] = _read_text(upload) if upload else ""
        except forms.ValidationError as exc:
            self.add_error("data_file", exc)
        try:
            if data.get("regions_file"):
                data["regions_payload"] = _read_text(data["regions_file"])
        except forms.ValidationError as exc:
            self.add_error("regions_file", exc)
        if address:
            base = (
                settings.KOTOPLAN_STATFIN_URL
                if data.get("source") == StatIndicator.Source.STATFIN
                else settings.KOTOPLAN_SOTKANET_URL
            )
            try:
                url = http.resolve(base, address)
            except FetchError:
                url = ""
            base_parts, url_parts = urlsplit(base), urlsplit(url)
            if not url or (url_parts.scheme, url_parts.netloc) != (
                base_parts.scheme,
                base_parts.netloc,
            ):
                self.add_error(
                    "address", _("Only addresses of the configured service are fetched.")
                )
            data["url"] = url
        return data


class SituationFiguresForm(forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        label=_("Figures shown in the situation picture"),
        queryset=StatIndicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Imported indicators with values for the plan's municipalities. The wellbeing "
            "services county and the whole country are shown beside them when their values "
            "have been imported."
        ),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = choices
        self.fields["indicators"].label_from_instance = _indicator_label

    def chosen(self) -> list:
        """The chosen indicators in the order of the list."""
        picked = {indicator.pk for indicator in self.cleaned_data["indicators"]}
        return [i for i in self.fields["indicators"].queryset if i.pk in picked]


def _indicator_label(indicator: StatIndicator) -> str:
    name = str(text_of(indicator, "name"))
    return f"{name} ({indicator.unit})" if indicator.unit else name
