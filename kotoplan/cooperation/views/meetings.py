from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can, require
from kotoplan.core.views import run_service

from .. import selectors, services
from ..forms import AgendaItemForm, AttendanceForm, DocumentForm, MeetingForm, MinutesForm
from ..ics import meeting_ics
from ..models import Initiative
from .groups import group_url


def meeting_url(meeting, anchor: str = "") -> str:
    url = reverse("cooperation:meeting_detail", args=[meeting.pk])
    return f"{url}#{anchor}" if anchor else url


@login_required
def meeting_new(request, pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    require(request.user, "cooperation.manage_group", group)
    initiative = None
    initiative_id = request.POST.get("initiative") or request.GET.get("initiative")
    if initiative_id:
        initiative = Initiative.objects.filter(pk=initiative_id, group=group).first()
        if initiative is None:
            raise Http404
    initial = {"title": initiative.topic, "agenda": initiative.topic} if initiative else {}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = run_service(
            form,
            lambda: services.meeting_schedule(
                actor=request.user,
                group=group,
                data=form.model_data(),
                agenda=form.agenda_items(),
                initiative=initiative,
            ),
        )
        if meeting:
            messages.success(request, _("The meeting was scheduled."))
            return redirect(meeting_url(meeting))
    return render(
        request,
        "cooperation/meeting_form.html",
        {"form": form, "group": group, "initiative": initiative, "cancel_url": group_url(group)},
    )


def _representatives(meeting):
    return selectors.representatives_active_on(
        group=meeting.group, on=timezone.localdate(meeting.starts_at)
    )


@login_required
def meeting_detail(request, pk, forms=None):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    manage = can(request.user, "cooperation.manage_meeting", meeting) and not meeting.is_frozen
    forms = forms or {}
    present = meeting.attendance.filter(present=True).values_list("representative_id", flat=True)
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "manage": manage,
        "agenda": meeting.agenda_items.select_related("objective", "measure"),
        "attendance": meeting.attendance.select_related("representative__membership__organisation"),
        "documents": meeting.documents.all(),
        "initiatives": meeting.initiatives.all(),
    }
    if manage:
        context.update(
            agenda_form=forms.get("agenda") or AgendaItemForm(group=meeting.group),
            attendance_form=forms.get("attendance")
            or AttendanceForm(
                representatives=_representatives(meeting), initial={"present": list(present)}
            ),
            minutes_form=forms.get("minutes")
            or MinutesForm(
                initial={
                    "expected_version": meeting.version,
                    "minutes": meeting.minutes,
                    "decisions": meeting.decisions,
                }
            ),
            document_form=forms.get("document") or DocumentForm(),
        )
    return render(request, "cooperation/meeting_detail.html", context)


def _step(request, pk, key, build, call, done_message, anchor):
    """A POST handled on the meeting page: build the form, run the service, redirect or
    render the page again with the form's errors."""
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    require(request.user, "cooperation.manage_meeting", meeting)
    form = build(meeting)
    if form.is_valid() and run_service(form, lambda: call(meeting, form)):
        messages.success(request, done_message)
        return redirect(meeting_url(meeting, anchor))
    if meeting.is_frozen:
        messages.error(request, "; ".join(form.non_field_errors()))
        return redirect(meeting_url(meeting))
    return meeting_detail(request, pk, forms={key: form})


@login_required
@require_POST
def agenda_add(request, pk):
    return _step(
        request,
        pk,
        "agenda",
        lambda m: AgendaItemForm(request.POST, group=m.group),
        lambda m, f: services.agenda_item_add(actor=request.user, meeting=m, item=f.cleaned_data),
        _("The agenda item was added."),
        "agenda",
    )


@login_required
@require_POST
def attendance(request, pk):
    return _step(
        request,
        pk,
        "attendance",
        lambda m: AttendanceForm(request.POST, representatives=_representatives(m)),
        lambda m, f: services.attendance_record(
            actor=request.user, meeting=m, present=list(f.cleaned_data["present"])
        ),
        _("Attendance saved."),
        "attendance",
    )


@login_required
@require_POST
def minutes(request, pk):
    return _step(
        request,
        pk,
        "minutes",
        lambda m: MinutesForm(request.POST),
        lambda m, f: services.minutes_save(actor=request.user, meeting=m, **f.cleaned_data),
        _("The draft minutes were saved."),
        "minutes",
    )


@login_required
@require_POST
def minutes_approve(request, pk):
    return _step(
        request,
        pk,
        "minutes",
        lambda m: MinutesForm({"expected_version": m.version}),
        lambda m, f: services.minutes_approve(actor=request.user, meeting=m),
        _("The minutes were approved. The meeting record is now frozen."),
        "minutes",
    )


@login_required
@require_POST
def document_add(request, pk):
    return _step(
        request,
        pk,
        "document",
        lambda m: DocumentForm(request.POST),
        lambda m, f: services.document_add(actor=request.user, meeting=m, **f.cleaned_data),
        _("The document was added."),
        "documents",
    )


@login_required
@require_POST
def invite(request, pk):
    return _step(
        request,
        pk,
        "invite",
        lambda m: MinutesForm({"expected_version": m.version}),
        lambda m, f: services.meeting_invite(actor=request.user, meeting=m),
        _("The invitations were sent."),
        "",
    )


@login_required
def meeting_calendar(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
