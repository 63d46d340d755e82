from django.urls import path

from .views import groups, initiatives, meetings, workspace

app_name = "cooperation"

urlpatterns = [
    path("", groups.group_list, name="group_list"),
    path("groups/new/", groups.group_create, name="group_create"),
    path("no-group/", groups.no_group_reason, name="no_group_reason"),
    path("groups/<int:pk>/", groups.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", groups.group_edit, name="group_edit"),
    path("groups/<int:pk>/coverage/", groups.group_coverage, name="group_coverage"),
    path("groups/<int:pk>/members/new/", groups.membership_add, name="membership_add"),
    path(
        "members/<int:pk>/representatives/new/",
        groups.representative_add,
        name="representative_add",
    ),
    path("groups/<int:pk>/initiatives/new/", initiatives.initiative_file, name="initiative_file"),
    path("initiatives/<int:pk>/", initiatives.initiative_detail, name="initiative_detail"),
    path("initiatives/<int:pk>/decide/", initiatives.initiative_decide, name="initiative_decide"),
    path("groups/<int:pk>/meetings/new/", meetings.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/agenda/", meetings.agenda_add, name="agenda_add"),
    path("meetings/<int:pk>/attendance/", meetings.attendance, name="attendance"),
    path("meetings/<int:pk>/minutes/", meetings.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes/approve/", meetings.minutes_approve, name="minutes_approve"),
    path("meetings/<int:pk>/documents/", meetings.document_add, name="document_add"),
    path("meetings/<int:pk>/invite/", meetings.invite, name="invite"),
    path("meetings/<int:pk>/calendar.ics", meetings.meeting_calendar, name="meeting_calendar"),
    path("groups/<int:pk>/plans/<int:plan_pk>/", workspace.workspace_plan, name="workspace_plan"),
    path(
        "groups/<int:pk>/plans/<int:plan_pk>/comments/",
        workspace.comment_add,
        name="comment_add",
    ),
    path(
        "groups/<int:pk>/plans/<int:plan_pk>/proposals/",
        workspace.proposal_add,
        name="proposal_add",
    ),
    path("proposals/<int:pk>/decide/", workspace.proposal_decide, name="proposal_decide"),
]
