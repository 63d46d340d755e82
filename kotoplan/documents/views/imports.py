"""Upload pages that create a draft plan from a spreadsheet (the import template) or StratML.

Both parse the whole file first and write with `plan_draft_write` (one transaction, as the
user, `planning.create_plan` for the lead municipality): a file with any problem writes nothing,
and every problem is shown on the form.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from kotoplan.accounts.selectors import user_reach
from kotoplan.geography.models import Municipality
from kotoplan.planning.forms import PlanCreateForm

from ..importers.common import ImportRejected, plan_draft_write
from ..importers.spreadsheet import XLSX_MIME, spreadsheet_read
from ..importers.spreadsheet_columns import COLUMNS
from ..importers.stratml import stratml_read

MAX_UPLOAD = 10 * 1024 * 1024
TEMPLATE_FILES = {
    "xlsx": ("kotoplan-plan-import.xlsx", XLSX_MIME),
    "csv": ("kotoplan-plan-import.csv", "text/csv; charset=utf-8"),
}


def _creatable_municipalities(user):
    reach = user_reach(user=user)
    queryset = Municipality.objects.in_act_scope()
    return queryset if reach.admin else queryset.filter(pk__in=reach.coordinator_municipalities)


def _check_size(upload) -> None:
    if upload is not None and upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("The file is larger than 10 MB."))


class SpreadsheetImportForm(PlanCreateForm):
    file = forms.FileField(
        label=gettext_lazy("Plan spreadsheet (XLSX or CSV)"),
        help_text=gettext_lazy("Filled-in import template: one row per measure."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        _check_size(upload)
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an .xlsx or .csv file."))
        return upload


class StratmlImportForm(forms.Form):
    lead_municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=gettext_lazy("Municipality")
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the texts in the file"),
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        initial="fi",
    )
    file = forms.FileField(
        label=gettext_lazy("StratML Part 2 file (XML)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_municipality"].queryset = municipalities
        if municipalities.count() == 1:
            self.fields["lead_municipality"].initial = municipalities.first()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        _check_size(upload)
        return upload


def _write(request, form, read):
    """Parse and write; on problems put each on the file field and return None."""
    try:
        draft = read()
        return plan_draft_write(actor=request.user, draft=draft)
    except ImportRejected as rejected:
        for problem in rejected.problems:
            form.add_error("file", str(problem))
    return None


def _created(request, plan):
    messages.success(request, _("The plan was imported as a draft."))
    return HttpResponseRedirect(reverse("planning:plan_detail", args=[plan.pk]))


@login_required
def spreadsheet_import(request):
    municipalities = _creatable_municipalities(request.user)
    if not municipalities.exists():
        raise PermissionDenied
    form = SpreadsheetImportForm(
        request.POST or None, request.FILES or None, municipalities=municipalities
    )
    if request.method == "POST" and form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k not in ("lead_municipality", "file")
        }
        upload = form.cleaned_data["file"]
        plan = _write(
            request,
            form,
            lambda: spreadsheet_read(
                upload.read(),
                filename=upload.name,
                lead_municipality=form.cleaned_data["lead_municipality"],
                data=data,
            ),
        )
        if plan:
            return _created(request, plan)
    return render(request, "documents/import_spreadsheet.html", {"form": form, "columns": COLUMNS})


@login_required
def stratml_import(request):
    municipalities = _creatable_municipalities(request.user)
    if not municipalities.exists():
        raise PermissionDenied
    form = StratmlImportForm(
        request.POST or None, request.FILES or None, municipalities=municipalities
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        plan = _write(
            request,
            form,
            lambda: stratml_read(
                upload.read(),
                language=form.cleaned_data["language"],
                lead_municipality=form.cleaned_data["lead_municipality"],
            ),
        )
        if plan:
            return _created(request, plan)
    return render(request, "documents/import_stratml.html", {"form": form})


@login_required
@require_GET
def import_template(request, fmt: str):
    if fmt not in TEMPLATE_FILES:
        raise Http404
    name, content_type = TEMPLATE_FILES[fmt]
    path = settings.BASE_DIR / "data" / "templates" / name
    if not path.is_file():
        raise Http404
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
