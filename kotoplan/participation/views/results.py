"""After (and during) a consultation: results, moderation, exports and the response report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.errors import DomainError
from kotoplan.core.views import run_service

from .. import services
from ..exports import feedback_csv, feedback_xlsx
from ..forms import HideForm, ResponseItemForm
from ..results import consultation_results
from ..selectors import (
    comment_get_for_user,
    consultation_get_for_user,
    response_item_get_for_user,
)
from .manage import _form_page


def results_url(consultation) -> str:
    return reverse("participation:results", args=[consultation.pk])


def report_url(consultation) -> str:
    return reverse("participation:report", args=[consultation.pk])


@login_required
def results(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "participation/results.html",
        {
            "consultation": consultation,
            "plan": consultation.plan,
            "status": consultation.status(),
            "results": consultation_results(consultation=consultation),
        },
    )


@login_required
def comment_hide(request, pk):
    comment = comment_get_for_user(user=request.user, pk=pk)
    consultation = comment.consultation
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        hidden = run_service(
            form,
            lambda: services.comment_hide(
                actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
            ),
        )
        if hidden:
            messages.success(request, _("The comment was hidden. It stays in the change history."))
            return HttpResponseRedirect(f"{results_url(consultation)}#comment-{comment.pk}")
    return render(
        request,
        "participation/comment_hide.html",
        {"form": form, "comment": comment, "consultation": consultation, "plan": consultation.plan},
    )


@login_required
@require_POST
def comment_restore(request, pk):
    comment = comment_get_for_user(user=request.user, pk=pk)
    services.comment_restore(actor=request.user, comment=comment)
    messages.success(request, _("The comment is visible again."))
    return HttpResponseRedirect(f"{results_url(comment.consultation)}#comment-{comment.pk}")


def _export_name(consultation, extension: str) -> str:
    return f"consultation-{consultation.slug}.{extension}"


@login_required
def export_csv(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(feedback_csv(consultation), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name(consultation, "csv")}"'
    return response


@login_required
def export_xlsx(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(
        feedback_xlsx(consultation),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_name(consultation, "xlsx")}"'
    return response


@login_required
def report(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "participation/report.html",
        {
            "consultation": consultation,
            "plan": consultation.plan,
            "status": consultation.status(),
            "items": consultation.response_items.prefetch_related("comments"),
        },
    )


@login_required
@require_POST
def report_publish(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    try:
        services.report_publish(actor=request.user, consultation=consultation)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The response report is published on the consultation page."))
    return HttpResponseRedirect(report_url(consultation))


def _response_page(request, consultation, item=None):
    form = ResponseItemForm(request.POST or None, instance=item, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        data = form.model_data("comments")
        comments = list(form.cleaned_data["comments"])
        if item is None:
            call = lambda: services.response_item_create(  # noqa: E731
                actor=request.user, consultation=consultation, data=data, comments=comments
            )
        else:
            call = lambda: services.response_item_update(  # noqa: E731
                actor=request.user,
                item=item,
                expected_version=form.cleaned_data["expected_version"] or item.version,
                data=data,
                comments=comments,
            )
        if run_service(form, call):
            messages.success(request, _("The response was saved."))
            return HttpResponseRedirect(report_url(consultation))
    return _form_page(
        request,
        form=form,
        title=_("Response to feedback"),
        plan=consultation.plan,
        consultation=consultation,
        cancel_url=report_url(consultation),
        intro=_(
            "Summarise one comment or a group of similar comments, choose them below, and say "
            "how the feedback was taken into account."
        ),
    )


@login_required
def response_new(request, pk):
    return _response_page(request, consultation_get_for_user(user=request.user, pk=pk))


@login_required
def response_edit(request, pk):
    item = response_item_get_for_user(user=request.user, pk=pk)
    return _response_page(request, item.consultation, item)
