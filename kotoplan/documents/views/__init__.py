"""Pages and downloads of the documents app.

- Plan files (DOCX, chapter DOCX, PDF, StratML) and the monitoring report: for users who may see
  the plan; plans load only through `plan_get_for_user` (404 when hidden). Word and PDF files
  are made by the background worker and stored per plan content (kotoplan.core: stored
  exports): a request gets the stored file at once, else a progress page that follows it.
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
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from kotoplan.core.errors import DomainError
from kotoplan.core.languages import content_languages
from kotoplan.core.models import StoredExport
from kotoplan.core.selectors import export_get, export_latest_ready
from kotoplan.core.services import export_run
from kotoplan.core.tasks import export_start
from kotoplan.core.text import requested_language
from kotoplan.core.views import export_file, export_progress, export_response, form_page
from kotoplan.geography.models import Municipality
from kotoplan.monitoring.rounds import selectors as progress_selectors
from kotoplan.monitoring.rounds.selectors import report_data
from kotoplan.planning.selectors import municipalities_for_new_plan, plan_get_for_user

from ..errors import ImportRejected
from ..exporters.docx import DOCX_MIME
from ..exporters.files import PLAN_FILES, STORED_PLAN_FILES, plan_file_name
from ..exporters.opendata import (
    SCHEMA_VERSION,
    TABLES,
    open_data_csv,
    open_data_file_name,
    open_data_fingerprint,
    open_data_json,
)
from ..exporters.report_docx import report_docx
from ..forms import LimitedUpload, MissingPartiesForm, SpreadsheetImportForm, StratmlImportForm
from ..importers.spreadsheet import XLSX_MIME
from ..importers.spreadsheet_columns import COLUMNS
from ..importers.stratml import stratml_read
from ..models import PlanImport
from ..selectors import (
    draft_counts,
    plan_export_fingerprint,
    plan_import_check,
    plan_import_get_for_user,
    plan_languages,
    public_plan_get,
    published_plans,
)
from ..services import (
    plan_draft_write,
    plan_import_add_parties,
    plan_import_confirm,
    plan_import_create,
)
from ..tasks import plan_import_enqueue
from .public import public_main


def _download(content: bytes, content_type: str, filename: str, **headers) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type, headers=headers)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- plan files ------------------------------------------------------------------------------


def _language(request, plan) -> str:
    """The `?lang=` content language, else the plan's first language."""
    return requested_language(request, default=plan_languages(plan)[0])


def _plan_export(plan, kind: str, language: str):
    """The stored file of the plan as it is now (made by the worker when it is not yet)."""
    return export_start(
        subject_type="plan",
        subject_id=plan.pk,
        kind=kind,
        language=language,
        fingerprint=plan_export_fingerprint(plan=plan),
    )


@login_required
@require_GET
def plan_file(request, plan_id: int, kind: str):
    """A plan file in `?lang=`: Word and PDF come from the store (the progress page while the
    worker makes them); StratML is written at once."""
    _path, write, content_type, suffix = PLAN_FILES[kind]
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    language = _language(request, plan)
    if kind not in STORED_PLAN_FILES:
        return _download(
            write(plan, language), content_type, plan_file_name(plan, language, suffix)
        )
    export = _plan_export(plan, kind, language)
    return export_response(
        export, progress_url=reverse("documents:plan_export", args=[plan.pk, export.token])
    )


@login_required
@require_GET
def plan_export(request, plan_id: int, token):
    """The progress page of a plan file, for those who may read the plan (404 otherwise, and
    for a token of another plan)."""
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    export = export_get(
        subject_type="plan", subject_id=plan.pk, token=token, kinds=STORED_PLAN_FILES
    )
    restart = f"{reverse(f'documents:{export.kind}', args=[plan.pk])}?lang={export.language}"
    return export_progress(
        request,
        export,
        current=export.fingerprint == plan_export_fingerprint(plan=plan),
        restart_url=restart,
        back_url=reverse("planning:plan_detail", args=[plan.pk]),
        title=_("Preparing the file"),
    )


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
    return _download(content, DOCX_MIME, plan_file_name(plan, language, suffix))


# --- public pages and open data --------------------------------------------------------------


def _public_language(request, plan) -> str:
    """The page's language: `?lang=` among fi, sv and en (texts missing in it fall back, marked),
    else the interface language the visitor chose (the language switch's cookie), else the plan's
    first language."""
    offered = list(content_languages())
    chosen = (request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or "")[:2]
    default = chosen if chosen in offered else plan_languages(plan)[0]
    return requested_language(request, offered, default=default)


@require_GET
def public_plan(request, municipality_code: str, start: int, end: int):
    plan = public_plan_get(municipality_code=municipality_code, start=start, end=end)
    language = _public_language(request, plan)
    main, title = public_main(plan, language)
    with translation.override(language):
        response = render(
            request,
            "documents/public_plan.html",
            {"main": main, "title": title, "language": language},
        )
    response["Content-Language"] = language
    return response


@require_GET
def public_plan_pdf(request, municipality_code: str, start: int, end: int):
    """The adopted plan as a tagged PDF, for anyone (only adopted plans are public); from the
    store, shared with the plan's own PDF link."""
    plan = public_plan_get(municipality_code=municipality_code, start=start, end=end)
    language = _public_language(request, plan)
    export = _plan_export(plan, "plan_pdf", language)
    progress = reverse(
        "documents:public_plan_export", args=[municipality_code, start, end, export.token]
    )
    return export_response(export, progress_url=progress)


@require_GET
def public_plan_export(request, municipality_code: str, start: int, end: int, token):
    """The progress page of the public PDF: only for the PDF of the adopted plan as it is now
    (a file made of its earlier content, as a draft, is never served here)."""
    plan = public_plan_get(municipality_code=municipality_code, start=start, end=end)
    export = export_get(subject_type="plan", subject_id=plan.pk, token=token, kinds=["plan_pdf"])
    page = reverse("documents:public_plan", args=[municipality_code, start, end])
    return export_progress(
        request,
        export,
        current=export.fingerprint == plan_export_fingerprint(plan=plan),
        restart_url=f"{page}plan.pdf?lang={export.language}",
        back_url=f"{page}?lang={export.language}",
        title=_("Preparing the file"),
    )


def _open_data_plans(municipality_code: str | None):
    if municipality_code and not Municipality.objects.filter(code=municipality_code).exists():
        raise Http404
    return published_plans(municipality_code=municipality_code)


def _open_data_download(chunks, content_type: str, name: str, municipality_code):
    """`name` is "plans.json" or "<table>.csv"; the file name adds the place and the version.
    The file is streamed as it is written (nationwide files are large)."""
    filename = open_data_file_name(name, municipality_code)
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _nationwide_file(kind: str):
    """A nationwide file from the store: the one of the current content when it is made, else
    the newest one made while the worker makes the current one (open data may lag a change
    by that long); only the very first request, with nothing stored, waits for the file."""
    export = export_start(
        subject_type="open_data",
        subject_id=0,
        kind=kind,
        language=settings.LANGUAGE_CODE,
        fingerprint=open_data_fingerprint(),
    )
    if export.status != StoredExport.Status.READY:
        export = export_latest_ready(
            subject_type="open_data", subject_id=0, kind=kind, language=settings.LANGUAGE_CODE
        ) or export_run(export_id=export.pk)
    if export is None or export.status != StoredExport.Status.READY:
        raise Http404  # pragma: no cover (a worker took it at the same moment and failed)
    return export_file(export, **OPEN_DATA_HEADERS)


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
    if municipality_code is None:
        return _nationwide_file(f"open_data_{table}_csv")
    chunks = open_data_csv(_open_data_plans(municipality_code), table)
    return _open_data_download(chunks, "text/csv; charset=utf-8", f"{table}.csv", municipality_code)


@require_GET
def open_data_document(request, municipality_code: str | None = None):
    if municipality_code is None:
        return _nationwide_file("open_data_plans_json")
    plans = _open_data_plans(municipality_code)
    chunks = open_data_json(plans, municipality_code=municipality_code)
    return _open_data_download(chunks, "application/json", "plans.json", municipality_code)


OPEN_DATA_HEADERS = {"Access-Control-Allow-Origin": "*"}


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
    missing = checked.missing_parties if checked else []
    return render(
        request,
        "documents/import_preview.html",
        {
            "plan_import": plan_import,
            "checked": checked,
            "parties_form": MissingPartiesForm(names=missing) if missing else None,
            "counts": draft_counts(checked.draft) if checked and checked.draft else None,
            "title": _("Check the import before saving"),
        },
    )


@login_required
@require_POST
def spreadsheet_import_add_parties(request, plan_import_id: int):
    """The preview's offer for parties found nowhere: add them as local organisations, then
    check the kept file again."""
    plan_import = plan_import_get_for_user(user=request.user, plan_import_id=plan_import_id)
    checked = plan_import_check(plan_import=plan_import)
    names = checked.missing_parties if checked else []
    form = MissingPartiesForm(request.POST, names=names)
    if form.is_valid() and form.parties():
        try:
            added = plan_import_add_parties(
                actor=request.user, plan_import=plan_import, parties=form.parties()
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s organisation was added; the file was checked again.",
                    "%(n)s organisations were added; the file was checked again.",
                    len(added),
                )
                % {"n": len(added)},
            )
    return redirect("documents:import_preview", plan_import.pk)


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
