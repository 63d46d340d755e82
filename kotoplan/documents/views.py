"""Pages and downloads of the documents app.

- Plan files (DOCX, chapter DOCX, PDF, StratML) and the monitoring report: for users who may see
  the plan; plans load only through `plan_get_for_user` (404 when hidden).
- Public plan pages and open data: no login; only adopted plans are ever shown.
- Imports: upload pages that create a draft plan from a spreadsheet or a StratML file. Both parse
  the whole file first and write with `plan_draft_write` (one transaction, as the user): a file
  with any problem writes nothing, and every problem is shown on the form. A spreadsheet is
  first shown as a preview (its uploader only); confirming it saves it in a background task.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET

from kotoplan.core.errors import DomainError
from kotoplan.core.languages import content_languages, language_name
from kotoplan.core.text import requested_language, text_of
from kotoplan.core.views import form_page
from kotoplan.geography.models import Municipality
from kotoplan.monitoring.rounds import selectors as progress_selectors
from kotoplan.monitoring.rounds.selectors import report_data
from kotoplan.planning.selectors import municipalities_for_new_plan, plan_get_for_user

from .errors import ImportRejected
from .exporters.docx import DOCX_MIME, chapter_docx, plan_docx
from .exporters.opendata import SCHEMA_VERSION, TABLES, open_data_csv, open_data_json
from .exporters.pdf import plan_pdf
from .exporters.report_docx import report_docx
from .exporters.stratml import plan_stratml
from .forms import LimitedUpload, SpreadsheetImportForm, StratmlImportForm
from .importers.spreadsheet import XLSX_MIME
from .importers.spreadsheet_columns import COLUMNS
from .importers.stratml import stratml_read
from .models import PlainLanguageSummary, PlanImport
from .selectors import (
    draft_counts,
    plan_document,
    plan_import_check,
    plan_import_get_for_user,
    plan_languages,
    public_plan_get,
    published_plans,
    table_labels,
)
from .services import plan_draft_write, plan_import_confirm, plan_import_create
from .tasks import plan_import_enqueue


def _download(content: bytes, content_type: str, filename: str, **headers) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type, headers=headers)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- plan files ------------------------------------------------------------------------------

# URL name: (last part of the URL, writer(plan, language) -> bytes, content type, file name end)
PLAN_FILES = {
    "plan_docx": (
        "plan.docx",
        lambda plan, language: plan_docx(plan_document(plan=plan, language=language)),
        DOCX_MIME,
        ".docx",
    ),
    "chapter_docx": (
        "chapter.docx",
        lambda plan, language: chapter_docx(plan_document(plan=plan, language=language)),
        DOCX_MIME,
        "-chapter.docx",
    ),
    "plan_pdf": (
        "plan.pdf",
        lambda plan, language: plan_pdf(plan_document(plan=plan, language=language)),
        "application/pdf",
        ".pdf",
    ),
    "plan_stratml": (
        "stratml.xml",
        lambda plan, language: plan_stratml(plan=plan, language=language),
        "application/xml",
        "-stratml.xml",
    ),
}


def _file_name(plan, language: str, suffix: str) -> str:
    municipality = slugify(plan.lead_municipality.name_fi) or "plan"
    return f"kotoplan-{municipality}-{plan.period_start}-{plan.period_end}-{language}{suffix}"


def _language(request, plan) -> str:
    """The `?lang=` content language, else the plan's first language."""
    return requested_language(request, default=plan_languages(plan)[0])


@login_required
@require_GET
def plan_file(request, plan_id: int, kind: str):
    _path, write, content_type, suffix = PLAN_FILES[kind]
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    language = _language(request, plan)
    return _download(write(plan, language), content_type, _file_name(plan, language, suffix))


@login_required
@require_GET
def round_report_docx(request, plan_id: int, round_id: int):
    """The monitoring report of a round, for everyone who may read the report page."""
    monitoring_round = progress_selectors.round_get_for_user(
        user=request.user, plan_id=plan_id, round_id=round_id
    )
    plan = monitoring_round.plan
    language = _language(request, plan)
    content = report_docx(
        monitoring_round=monitoring_round,
        data=report_data(monitoring_round=monitoring_round),
        language=language,
    )
    suffix = f"-report-{slugify(monitoring_round.period_label)}.docx"
    return _download(content, DOCX_MIME, _file_name(plan, language, suffix))


# --- public pages and open data --------------------------------------------------------------


def _public_language(request, plan) -> str:
    """The page's language: `?lang=` among fi, sv and en (texts missing in it fall back, marked),
    else the plan's first language."""
    return requested_language(request, list(content_languages()), default=plan_languages(plan)[0])


@require_GET
def public_plan(request, municipality_code: str, start: int, end: int):
    plan = public_plan_get(municipality_code=municipality_code, start=start, end=end)
    language = _public_language(request, plan)
    summary = PlainLanguageSummary.objects.filter(plan=plan).first()
    with translation.override(language):
        response = render(
            request,
            "documents/public_plan.html",
            {
                "plan": plan,
                "doc": plan_document(plan=plan, language=language),
                "labels": table_labels(),
                "summary": text_of(summary, "text", language) if summary else None,
                "languages": [(c, language_name(c)) for c in content_languages()],
                "language": language,
            },
        )
    response["Content-Language"] = language
    return response


@require_GET
def public_plan_pdf(request, municipality_code: str, start: int, end: int):
    """The adopted plan as a tagged PDF, for anyone (only adopted plans are public)."""
    plan = public_plan_get(municipality_code=municipality_code, start=start, end=end)
    language = _public_language(request, plan)
    content = plan_pdf(plan_document(plan=plan, language=language))
    return _download(content, "application/pdf", _file_name(plan, language, ".pdf"))


def _open_data_plans(municipality_code: str | None):
    if municipality_code and not Municipality.objects.filter(code=municipality_code).exists():
        raise Http404
    return published_plans(municipality_code=municipality_code)


def _open_data_download(chunks, content_type: str, name: str, municipality_code):
    """`name` is "plans.json" or "<table>.csv"; the file name adds the place and the version.
    The file is streamed as it is written (nationwide files are large)."""
    stem, extension = name.rsplit(".", 1)
    place = f"-{municipality_code}" if municipality_code else ""
    filename = f"kotoplan-{stem}{place}-v{SCHEMA_VERSION}.{extension}"
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def open_data_index(request):
    plans = published_plans().select_related("lead_municipality")
    return render(
        request,
        "documents/open_data.html",
        {"plans": plans, "tables": list(TABLES), "schema_version": SCHEMA_VERSION},
    )


@require_GET
def open_data_table(request, table: str, municipality_code: str | None = None):
    if table not in TABLES:
        raise Http404
    chunks = open_data_csv(_open_data_plans(municipality_code), table)
    return _open_data_download(chunks, "text/csv; charset=utf-8", f"{table}.csv", municipality_code)


@require_GET
def open_data_document(request, municipality_code: str | None = None):
    plans = _open_data_plans(municipality_code)
    chunks = open_data_json(plans, municipality_code=municipality_code)
    return _open_data_download(chunks, "application/json", "plans.json", municipality_code)


# --- imports ---------------------------------------------------------------------------------

TEMPLATE_FILES = {
    "xlsx": ("kotoplan-plan-import.xlsx", XLSX_MIME),
    "csv": ("kotoplan-plan-import.csv", "text/csv; charset=utf-8"),
}


def _stratml_draft(form):
    return stratml_read(
        form.cleaned_data["file"].read(),
        language=form.cleaned_data["language"],
        lead_municipality=form.cleaned_data["lead_municipality"],
    )


def _import_page(request, form_class, read, template: str, **context):
    """Upload → parse (`read(form)`) → write the draft plan → its page; problems on the form."""
    municipalities = municipalities_for_new_plan(user=request.user)
    if not municipalities.exists():
        raise PermissionDenied

    def write(form):
        try:
            return plan_draft_write(actor=request.user, draft=read(form))
        except ImportRejected as rejected:
            problems = [str(problem) for problem in rejected.problems]
            raise ValidationError({"file": problems}) from rejected

    return form_page(
        request,
        template,
        form=form_class(request.POST or None, request.FILES or None, municipalities=municipalities),
        call=write,
        success_message=_("The plan was imported as a draft."),
        redirect_to=lambda plan: reverse("planning:plan_detail", args=[plan.pk]),
        **context,
    )


@csrf_exempt
@login_required
def spreadsheet_import(request):
    """Upload → check the whole file → its preview (nothing saved yet); problems on the form.
    The file is stored only up to the size limit (`LimitedUpload`, before CSRF reads the body,
    which `_spreadsheet_upload` then checks)."""
    request.upload_handlers.insert(0, LimitedUpload(request))
    return _spreadsheet_upload(request)


@csrf_protect
def _spreadsheet_upload(request):
    municipalities = municipalities_for_new_plan(user=request.user)
    if not municipalities.exists():
        raise PermissionDenied
    posted = request.method == "POST"
    form = SpreadsheetImportForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        municipalities=municipalities,
        too_large=posted and getattr(request, "upload_too_large", False),
    )
    notes = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            plan_import = plan_import_create(
                actor=request.user,
                lead_municipality=form.cleaned_data["lead_municipality"],
                plan_data=form.plan_data(),
                file_name=upload.name,
                content=upload.read(),
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
        except ImportRejected as rejected:
            form.add_error("file", [str(problem) for problem in rejected.problems])
            notes = rejected.notes
        else:
            return redirect("documents:import_preview", plan_import.pk)
    return render(
        request,
        "documents/import_spreadsheet.html",
        {
            "form": form,
            "notes": notes,
            "columns": COLUMNS,
            "title": _("Import a plan from a spreadsheet"),
            "lead": _(
                "Carry an existing plan over from Word or Excel: copy its objectives, measures "
                "and indicators into the import template, one row per measure, and upload it "
                "here. You will see what the file creates before anything is saved; if any row "
                "has a problem, every problem is listed with its row and column."
            ),
        },
    )


@login_required
def spreadsheet_import_preview(request, plan_import_id: int):
    """What the uploaded file creates (GET), and its saving (POST): once, in the background;
    the page then follows the saving until the plan exists."""
    plan_import = plan_import_get_for_user(user=request.user, plan_import_id=plan_import_id)
    if request.method == "POST":
        try:
            plan_import = plan_import_enqueue(
                plan_import_confirm(actor=request.user, plan_import=plan_import)
            )
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("documents:import_preview", plan_import.pk)
        if plan_import.status == PlanImport.Status.SAVED and plan_import.plan_id:
            messages.success(request, _("The plan was imported as a draft."))
            return redirect("planning:plan_detail", plan_import.plan_id)
        return redirect("documents:import_preview", plan_import.pk)
    checked = None
    if plan_import.status in (PlanImport.Status.CHECKED, PlanImport.Status.FAILED):
        checked = plan_import_check(plan_import=plan_import)
    return render(
        request,
        "documents/import_preview.html",
        {
            "plan_import": plan_import,
            "checked": checked,
            "counts": draft_counts(checked.draft) if checked and checked.draft else None,
            "title": _("Check the import before saving"),
        },
    )


@login_required
def stratml_import(request):
    return _import_page(
        request,
        StratmlImportForm,
        _stratml_draft,
        "documents/import_stratml.html",
        title=_("Import a StratML plan"),
        lead=_(
            "Upload a StratML Part 2 (Performance Plan or Report) file, for example one exported "
            "from Kotoplan. The plan is created as a draft. If the file has any problem, nothing "
            "is imported and every problem is listed with its line."
        ),
    )


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
