from django.urls import path

from .views import groups, initiatives, meetings, workspace

app_name = "cooperation"

GROUP = "groups/<int:group_id>/"
MEETING = "meetings/<int:meeting_id>/"
WORKSPACE = f"{GROUP}plans/<int:plan_id>/"

urlpatterns = [
    path("", groups.group_list, name="group_list"),
    path("groups/new/", groups.group_create, name="group_create"),
    path("no-group/", groups.no_group_reason, name="no_group_reason"),
    path(GROUP, groups.group_detail, name="group_detail"),
    path(f"{GROUP}edit/", groups.group_edit, name="group_edit"),
    path(f"{GROUP}coverage/", groups.group_coverage, name="group_coverage"),
    path(f"{GROUP}members/new/", groups.membership_add, name="membership_add"),
    path(
        "members/<int:membership_id>/representatives/new/",
        groups.representative_add,
        name="representative_add",
    ),
    path(f"{GROUP}initiatives/new/", initiatives.initiative_file, name="initiative_file"),
    path(
        "initiatives/<int:initiative_id>/", initiatives.initiative_detail, name="initiative_detail"
    ),
    path(
        "initiatives/<int:initiative_id>/decide/",
        initiatives.initiative_decide,
        name="initiative_decide",
    ),
    path(f"{GROUP}meetings/new/", meetings.meeting_new, name="meeting_new"),
    path(MEETING, meetings.meeting_detail, name="meeting_detail"),
    path(f"{MEETING}agenda/", meetings.agenda_add, name="agenda_add"),
    path(f"{MEETING}attendance/", meetings.attendance, name="attendance"),
    path(f"{MEETING}minutes/", meetings.minutes, name="minutes"),
    path(f"{MEETING}minutes/approve/", meetings.minutes_approve, name="minutes_approve"),
    path(f"{MEETING}documents/", meetings.document_add, name="document_add"),
    path(f"{MEETING}invite/", meetings.invite, name="invite"),
    path(f"{MEETING}calendar.ics", meetings.meeting_calendar, name="meeting_calendar"),
    path(WORKSPACE, workspace.workspace_plan, name="workspace_plan"),
    path(f"{WORKSPACE}comments/", workspace.comment_add, name="comment_add"),
    path(f"{WORKSPACE}proposals/", workspace.proposal_add, name="proposal_add"),
    path("proposals/<int:proposal_id>/decide/", workspace.proposal_decide, name="proposal_decide"),
]
