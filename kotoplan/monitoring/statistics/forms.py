"""Upload of a statistics file: checks the input's shape only; the import checks the content."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kotoplan.geography.models import Municipality

from .errors import FetchError
from .importers import http
from .models import StatIndicator

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _read_text(upload) -> str:
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("The file is larger than 20 MB."))
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(_("The file is not UTF-8 text.")) from exc


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
        help_text=_("The municipality whose coordinators may follow this import."),
    )
    data_file = forms.FileField(label=_("Data file"), required=False)
    regions_file = forms.FileField(
        label=_("Sotkanet regions list"),
        required=False,
        help_text=_("The JSON answer of Sotkanet's /regions; needed for a Sotkanet data file."),
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

    def clean(self):
        data = super().clean()
        upload, address = data.get("data_file"), (data.get("address") or "").strip()
        if bool(upload) == bool(address):
            raise forms.ValidationError(_("Give either a data file or an address, not both."))
        data["payload"] = _read_text(upload) if upload else ""
        data["regions_payload"] = (
            _read_text(data["regions_file"]) if data.get("regions_file") else ""
        )
        is_sotkanet = data.get("source") == StatIndicator.Source.SOTKANET
        if upload and is_sotkanet and not data["regions_payload"]:
            self.add_error("regions_file", _("A Sotkanet data file needs the regions list."))
        data["url"] = ""
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
