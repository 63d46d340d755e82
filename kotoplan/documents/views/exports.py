"""Download a plan as a file. Plans load only through `plan_get_for_user` (404 when hidden)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from kotoplan.monitoring import progress_selectors
from kotoplan.monitoring.progress_report import report_data
from kotoplan.planning.selectors import plan_get_for_user

from ..content import normalise_language, plan_document
from ..exporters.docx import DOCX_MIME, chapter_docx, plan_docx
from ..exporters.report_docx import report_docx
from ..exporters.stratml import plan_stratml


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _name(plan, language: str, suffix: str) -> str:
    municipality = slugify(plan.lead_municipality.name_fi) or "plan"
    return f"kotoplan-{municipality}-{plan.period_start}-{plan.period_end}-{language}{suffix}"


def _load(request, pk: int):
    plan = plan_get_for_user(user=request.user, plan_id=pk)
    language = normalise_language(request.GET.get("lang"), plan)
    return plan, language


@login_required
@require_GET
def plan_docx_view(request, pk: int):
    plan, language = _load(request, pk)
    content = plan_docx(plan_document(plan=plan, language=language))
    return _file(content, DOCX_MIME, _name(plan, language, ".docx"))


@login_required
@require_GET
def chapter_docx_view(request, pk: int):
    plan, language = _load(request, pk)
    content = chapter_docx(plan_document(plan=plan, language=language))
    return _file(content, DOCX_MIME, _name(plan, language, "-chapter.docx"))


@login_required
@require_GET
def plan_pdf_view(request, pk: int):
    from ..exporters.pdf import plan_pdf

    plan, language = _load(request, pk)
    content = plan_pdf(plan_document(plan=plan, language=language))
    return _file(content, "application/pdf", _name(plan, language, ".pdf"))


@login_required
@require_GET
def plan_stratml_view(request, pk: int):
    plan, language = _load(request, pk)
    content = plan_stratml(plan=plan, language=language)
    return _file(content, "application/xml", _name(plan, language, "-stratml.xml"))


@login_required
@require_GET
def round_report_docx_view(request, pk: int, round_id: int):
    """The monitoring report of a round, for everyone who may read the report page."""
    monitoring_round = progress_selectors.round_get_for_user(
        user=request.user, plan_id=pk, round_id=round_id
    )
    plan = monitoring_round.plan
    language = normalise_language(request.GET.get("lang"), plan)
    content = report_docx(
        monitoring_round=monitoring_round,
        data=report_data(monitoring_round=monitoring_round),
        language=language,
    )
    suffix = f"-report-{slugify(monitoring_round.period_label)}.docx"
    return _file(content, DOCX_MIME, _name(plan, language, suffix))
