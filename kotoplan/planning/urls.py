from django.urls import path, register_converter

from . import views
from .views import invitations, pages


class ContentKindConverter:
    regex = (
        "objective|measure|indicator|target_group|milestone|decision_step|chapter|linked_document"
    )

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ContentKindConverter, "kind")

app_name = "planning"

# The pages of one plan: plans/<plan_id>/<route>.
PLAN_PAGES = [
    ("", views.plan_detail, "plan_detail"),
    ("edit/", views.plan_edit, "plan_edit"),
    ("situation/", views.plan_situation, "plan_situation"),
    ("state/<slug:to_state>/", views.plan_transition, "plan_transition"),
    ("new-version/", views.plan_new_version, "plan_new_version"),
    ("compare/", pages.plan_compare, "plan_compare"),
    ("history/", pages.plan_history, "plan_history"),
]

# Where each kind of part is added: under the plan, or under one of its objectives.
NEW_PARTS = [
    ("plans/<int:plan_id>/objectives/new/", "objective"),
    ("plans/<int:plan_id>/target-groups/new/", "target_group"),
    ("plans/<int:plan_id>/timetable/new/", "milestone"),
    ("plans/<int:plan_id>/decisions/new/", "decision_step"),
    ("plans/<int:plan_id>/chapters/new/", "chapter"),
    ("plans/<int:plan_id>/documents/new/", "linked_document"),
    ("objectives/<int:objective_id>/measures/new/", "measure"),
    ("objectives/<int:objective_id>/indicators/new/", "indicator"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/historical/new/", pages.plan_historical_new, name="plan_historical_new"),
    *[path(f"plans/<int:plan_id>/{route}", view, name=name) for route, view, name in PLAN_PAGES],
    *[
        path(route, views.content_new, {"kind": kind}, name=f"{kind}_new")
        for route, kind in NEW_PARTS
    ],
    path(
        "plans/invitations/<int:invitation_id>/",
        invitations.invitation_detail,
        name="invitation_detail",
    ),
    path(
        "plans/invitations/<int:invitation_id>/answer/",
        invitations.invitation_answer,
        name="invitation_answer",
    ),
    path(
        "plans/invitations/<int:invitation_id>/withdraw/",
        invitations.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("<kind:kind>/<int:object_id>/edit/", views.content_edit, name="content_edit"),
    path("<kind:kind>/<int:object_id>/delete/", views.content_delete, name="content_delete"),
    path("<kind:kind>/<int:object_id>/move/<slug:direction>/", pages.part_move, name="part_move"),
    path(
        "chapter/<int:chapter_id>/move/<slug:direction>/",
        pages.chapter_move,
        name="chapter_move",
    ),
]
