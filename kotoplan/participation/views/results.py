"""After (and during) a consultation: results, moderation, exports and the response report."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.kept import csrf_slot, kept_for_reader, with_csrf
from kotoplan.core.selectors import export_get
from kotoplan.core.tasks import export_start
from kotoplan.core.views import action_view, export_progress, export_response, page_url

from .. import services
from ..exporters.feedback import feedback_csv, feedback_file_name
from ..forms import HideForm, ResponseItemForm
from ..selectors import (
    comment_get_for_user,
    comment_page_number,
    consultation_get_for_user,
    consultation_results,
    response_item_get_for_user,
)
from ..selectors.exports import feedback_fingerprint
from .manage import consultation_form_page


def results_url(consultation, anchor: str = "") -> str:
    return page_url("participation:results", consultation.pk, anchor=anchor)


def report_url(consultation) -> str:
    return page_url("participation:report", consultation.pk)


def _comment_url(comment) -> str:
    """The comment on the page of the results that shows it."""
    url = reverse("participation:results", args=[comment.consultation_id])
    number = comment_page_number(comment)
    query = f"?page={number}" if number > 1 else ""
    return f"{url}{query}#comment-{comment.pk}"


def _number(value: str | None) -> int | None:
    return int(value) if value and len(value) < 10 and value.isascii() and value.isdigit() else None


@login_required
def results(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    page, answers = request.GET.get("page"), _number(request.GET.get("answers"))

    def body() -> str:
        context = {
            "consultation": consultation,
            "plan": consultation.plan,
            "is_open": consultation.is_open,
            "results": consultation_results(
                consultation=consultation, page=page, all_answers_of=answers
            ),
            "csrf_token": csrf_slot(),
        }
        return render_to_string("participation/_results_body.html", context)

    # Kept per reader until anything changes: 5,000 responses are not counted on every visit.
    kept = kept_for_reader(
        "consultation-results",
        (consultation.pk, consultation.is_open, page, answers),
        body,
        user=request.user,
        request=request,
    )
    return render(
        request,
        "participation/results.html",
        {"consultation": consultation, "plan": consultation.plan, "body": with_csrf(kept, request)},
    )


@login_required
def comment_hide(request, comment_id):
    comment = comment_get_for_user(user=request.user, comment_id=comment_id)
    return consultation_form_page(
        request,
        comment.consultation,
        template="participation/comment_hide.html",
        form=HideForm(request.POST or None),
        call=lambda form: services.comment_hide(
            actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
        ),
        success_message=_("The comment was hidden. It stays in the change history."),
        redirect_to=_comment_url,
        title=_("Hide a comment"),
        submit_label=_("Hide"),
        danger=True,
        comment=comment,
        cancel_url=_comment_url(comment),
    )


@login_required
@require_POST
def comment_restore(request, comment_id):
    comment = comment_get_for_user(user=request.user, comment_id=comment_id)
    return action_view(
        request,
        call=lambda: services.comment_restore(actor=request.user, comment=comment),
        success_message=_("The comment is visible again."),
        redirect_to=_comment_url(comment),
    )


def _download(consultation, content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = feedback_file_name(consultation, extension)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_csv(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    return _download(consultation, feedback_csv(consultation), "text/csv; charset=utf-8", "csv")


@login_required
def export_xlsx(request, consultation_id):
    """The feedback spreadsheet in the page's language: stored until the feedback changes,
    made by the background worker (its progress page until then)."""
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    export = export_start(
        subject_type="consultation",
        subject_id=consultation.pk,
        kind="feedback_xlsx",
        language=translation.get_language(),
        fingerprint=feedback_fingerprint(consultation=consultation),
    )
    progress = reverse("participation:export_progress", args=[consultation.pk, export.token])
    return export_response(export, progress_url=progress)


@login_required
def export_progress_page(request, consultation_id, token):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    export = export_get(
        subject_type="consultation",
        subject_id=consultation.pk,
        token=token,
        kinds=["feedback_xlsx"],
    )
    return export_progress(
        request,
        export,
        current=export.fingerprint == feedback_fingerprint(consultation=consultation),
        restart_url=reverse("participation:export_xlsx", args=[consultation.pk]),
        back_url=results_url(consultation),
        title=_("Preparing the file"),
    )


@login_required
def report(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    items = consultation.response_items.prefetch_related("comments")
    return render(
        request,
        "participation/report.html",
        {
            "consultation": consultation,
            "plan": consultation.plan,
            "items": items,
            "may_publish": consultation.is_closed and items.exists(),
        },
    )


@login_required
@require_POST
def report_publish(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    return action_view(
        request,
        call=lambda: services.report_publish(actor=request.user, consultation=consultation),
        success_message=_("The response report is published on the consultation page."),
        redirect_to=report_url(consultation),
    )


def _response_page(request, consultation, item=None):
    def save(form):
        changes = {"data": form.model_data(), **form.m2m_data()}
        if item is None:
            return services.response_item_create(
                actor=request.user, consultation=consultation, **changes
            )
        return services.response_item_update(
            actor=request.user,
            item=item,
            expected_version=form.cleaned_data["expected_version"] or item.version,
            **changes,
        )

    return consultation_form_page(
        request,
        consultation,
        form=ResponseItemForm(request.POST or None, instance=item, consultation=consultation),
        call=save,
        success_message=_("The response was saved."),
        redirect_to=report_url(consultation),
        title=_("Response to feedback"),
        cancel_url=report_url(consultation),
        intro=_(
            "Summarise one comment or a group of similar comments, choose them below, and say "
            "how the feedback was taken into account."
        ),
    )


@login_required
def response_new(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    return _response_page(request, consultation)


@login_required
def response_edit(request, response_item_id):
    item = response_item_get_for_user(user=request.user, response_item_id=response_item_id)
    return _response_page(request, item.consultation, item)
