from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can
from kotoplan.core.text import ascii_digits
from kotoplan.core.views import form_view, page_url

from .. import selectors, services
from ..exporters.ics import meeting_ics
from ..forms import (
    AgendaItemForm,
    AttendanceForm,
    DocumentForm,
    MeetingForm,
    MeetingPageForm,
    MinutesForm,
)
from .common import MANAGE, group_form_page


def meeting_url(meeting, anchor: str = "") -> str:
    return page_url("cooperation:meeting_detail", meeting.pk, anchor=anchor)


@login_required
def meeting_new(request, group_id):
    group = selectors.group_get_for_user(user=request.user, group_id=group_id, action=MANAGE)
    initiative = None
    initiative_id = request.POST.get("initiative") or request.GET.get("initiative")
    if initiative_id:
        if not ascii_digits(initiative_id):  # a typed or damaged address: no such initiative
            raise Http404
        initiative = selectors.initiatives_of(group=group).filter(pk=int(initiative_id)).first()
        if initiative is None:
            raise Http404
    initial = {"title": initiative.topic, "agenda": initiative.topic} if initiative else {}
    return group_form_page(
        request,
        group,
        form=MeetingForm(request.POST or None, initial=initial),
        call=lambda form: services.meeting_schedule(
            actor=request.user,
            group=group,
            data=form.model_data(),
            agenda=form.agenda_items(),
            initiative=initiative,
        ),
        success_message=_("The meeting was scheduled."),
        redirect_to=meeting_url,
        title=_("Schedule a meeting"),
        intro=_("The meeting answers the initiative “%(topic)s” of %(organisation)s.")
        % {"topic": initiative.topic, "organisation": initiative.membership.organisation}
        if initiative
        else "",
        submit_label=_("Schedule"),
        hidden={"initiative": initiative.pk} if initiative else {},
    )


# The forms of the meeting page, under their names in the page's context.
PAGE_FORMS = {
    "agenda_form": AgendaItemForm,
    "attendance_form": AttendanceForm,
    "minutes_form": MinutesForm,
    "document_form": DocumentForm,
}


def _meeting_page(request, meeting, sent=None):
    """The meeting page; `sent` is a form sent back with its errors, by its name."""
    manage = can(request.user, "cooperation.manage_meeting", meeting) and not meeting.is_frozen
    context = {
        "meeting": meeting,
        "group": meeting.group,
        "manage": manage,
        "may_approve": manage and bool(meeting.minutes),
        "agenda": meeting.agenda_items.select_related("objective", "measure"),
        "attendance": meeting.attendance.select_related("representative__membership__organisation"),
        "documents": meeting.documents.all(),
        "initiatives": meeting.initiatives.all(),
    }
    if manage:
        context.update({name: form(meeting=meeting) for name, form in PAGE_FORMS.items()})
        context.update(sent or {})
    return render(request, "cooperation/meeting_detail.html", context)


@login_required
def meeting_detail(request, meeting_id):
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    return _meeting_page(request, meeting)


def _meeting_step(form_class, service, success_message, anchor=""):
    """The view of a form posted on the meeting page: it runs `service(actor=, meeting=,
    **form.cleaned_data)` and returns to the page at `anchor`; otherwise the page again with
    the form and its errors. A button without a form of its own (approve, invite), or any
    form of a frozen meeting, returns to the page with the reason as a message."""
    form_name = next((name for name, form in PAGE_FORMS.items() if form is form_class), "")

    @login_required
    @require_POST
    def step(request, meeting_id):
        meeting = selectors.meeting_get_for_user(
            user=request.user, meeting_id=meeting_id, action="cooperation.manage_meeting"
        )

        def render_page(form):
            if meeting.is_frozen or not form_name:
                if form.non_field_errors():
                    messages.error(request, "; ".join(form.non_field_errors()))
                return redirect(meeting_url(meeting, anchor))
            return _meeting_page(request, meeting, {form_name: form})

        return form_view(
            request,
            form=form_class(request.POST, meeting=meeting),
            call=lambda form: service(actor=request.user, meeting=meeting, **form.cleaned_data),
            success_message=success_message,
            redirect_to=lambda _result: meeting_url(meeting, anchor),
            render_page=render_page,
        )

    return step


agenda_add = _meeting_step(
    AgendaItemForm, services.agenda_item_add, _l("The agenda item was added."), "agenda"
)
attendance = _meeting_step(
    AttendanceForm, services.attendance_record, _l("Attendance saved."), "attendance"
)
minutes = _meeting_step(
    MinutesForm, services.minutes_save, _l("The draft minutes were saved."), "minutes"
)
minutes_approve = _meeting_step(
    MeetingPageForm,
    services.minutes_approve,
    _l("The minutes were approved. The meeting record is now frozen."),
    "minutes",
)
document_add = _meeting_step(
    DocumentForm, services.document_add, _l("The document was added."), "documents"
)
invite = _meeting_step(MeetingPageForm, services.meeting_invite, _l("The invitations were sent."))


@login_required
def meeting_calendar(request, meeting_id):
    meeting = selectors.meeting_get_for_user(user=request.user, meeting_id=meeting_id)
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
