from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as, save_new, save_version
from kotoplan.core.clock import today
from kotoplan.core.errors import DomainError, FrozenError
from kotoplan.core.permissions import require

from .. import notifications
from ..models import AgendaItem, Attendance, CooperationGroup, Initiative, Meeting, MeetingDocument
from ..selectors import representatives_active_on
from .initiatives import initiative_answer
from .saving import save_decision

MEETING_FIELDS = ("title", "starts_at", "ends_at", "place", "online_url")


def _editable(meeting: Meeting, actor) -> Meeting:
    """The meeting locked for a change; approved minutes freeze it."""
    require(actor, "cooperation.manage_meeting", meeting)
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.is_frozen:
        raise FrozenError(_("The minutes of this meeting are approved; it can no longer change."))
    return locked


@transaction.atomic
def meeting_schedule(
    *,
    actor,
    group: CooperationGroup,
    data: dict,
    agenda: list[dict] | None = None,
    initiative: Initiative | None = None,
) -> Meeting:
    """Schedule a meeting; given an initiative, the meeting answers it."""
    require(actor, "cooperation.manage_group", group)
    meeting = Meeting(group=group, **{name: data[name] for name in MEETING_FIELDS if name in data})
    save_new(actor=actor, obj=meeting)
    for order, item in enumerate(agenda or [], start=1):
        _agenda_item(actor, meeting, item, order)
    if initiative is not None:
        if initiative.group_id != group.pk:
            raise DomainError(_("The initiative belongs to another group."))
        initiative_answer(actor=actor, initiative=initiative, meeting=meeting)
    return meeting


def _agenda_item(actor, meeting: Meeting, item: dict, order: int) -> AgendaItem:
    objective, measure = item.get("objective"), item.get("measure")
    served = set(meeting.group.plans.values_list("pk", flat=True))
    if objective is not None and objective.plan_id not in served:
        raise DomainError(_("The objective is not in a plan the group serves."))
    if measure is not None and measure.objective.plan_id not in served:
        raise DomainError(_("The measure is not in a plan the group serves."))
    agenda_item = AgendaItem(
        meeting=meeting, order=order, title=item["title"], objective=objective, measure=measure
    )
    return save_new(actor=actor, obj=agenda_item)


@transaction.atomic
def agenda_item_add(
    *, actor, meeting: Meeting, title: str, objective=None, measure=None
) -> AgendaItem:
    locked = _editable(meeting, actor)
    item = {"title": title, "objective": objective, "measure": measure}
    return _agenda_item(actor, locked, item, locked.agenda_items.count() + 1)


@transaction.atomic
def meeting_invite(*, actor, meeting: Meeting) -> Meeting:
    """Send the invitations with a calendar attachment (again, after a change)."""
    locked = _editable(meeting, actor)
    locked.invitations_sent_at = timezone.now()
    with acting_as(actor):
        locked.save(update_fields=["invitations_sent_at", "updated_at"])
    notifications.meeting_invitations(locked)
    return locked


@transaction.atomic
def attendance_record(*, actor, meeting: Meeting, present: list) -> list[Attendance]:
    """Mark who of the representatives in force on the meeting day were present."""
    locked = _editable(meeting, actor)
    eligible = {
        r.pk: r
        for r in representatives_active_on(
            group=locked.group, on=timezone.localdate(locked.starts_at)
        )
    }
    present_ids = {r.pk for r in present}
    if present_ids - set(eligible):
        raise DomainError(_("Only the group's representatives of the meeting day can attend."))
    rows = []
    with acting_as(actor):
        for pk, representative in eligible.items():
            row, _created = Attendance.objects.update_or_create(
                meeting=locked,
                representative=representative,
                defaults={"present": pk in present_ids},
            )
            rows.append(row)
    return rows


@transaction.atomic
def document_add(*, actor, meeting: Meeting, title: str, url: str) -> MeetingDocument:
    locked = _editable(meeting, actor)
    return save_new(actor=actor, obj=MeetingDocument(meeting=locked, title=title, url=url))


@transaction.atomic
def minutes_save(
    *, actor, meeting: Meeting, expected_version: int, minutes: str, decisions: str
) -> Meeting:
    """Save the draft minutes and decisions."""
    _editable(meeting, actor)
    return save_version(
        actor=actor,
        obj=meeting,
        expected_version=expected_version,
        changes={"minutes": minutes, "decisions": decisions},
    )


@transaction.atomic
def minutes_approve(*, actor, meeting: Meeting) -> Meeting:
    """Approve the minutes; the meeting is frozen from now on."""
    locked = _editable(meeting, actor)
    if not locked.minutes.strip():
        raise DomainError(_("Write the minutes before approving them."))
    if timezone.localdate(locked.starts_at) > today():
        raise DomainError(_("The minutes of a meeting that has not been held cannot be approved."))
    return save_decision(
        actor,
        locked,
        "minutes_approved",
        minutes_state=Meeting.MinutesState.APPROVED,
        version=locked.version + 1,
    )
