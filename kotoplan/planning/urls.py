from django.urls import path, register_converter

from .views import content, plans


class ContentKindConverter:
    regex = "objective|measure|indicator|target_group|milestone"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ContentKindConverter, "kind")

app_name = "planning"

urlpatterns = [
    path("", plans.home, name="home"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/situation/", plans.plan_situation, name="plan_situation"),
    path("plans/<int:pk>/state/<slug:to_state>/", plans.plan_transition, name="plan_transition"),
    path("plans/<int:pk>/new-version/", plans.plan_new_version, name="plan_new_version"),
    path("plans/<int:pk>/compare/", plans.plan_compare_view, name="plan_compare"),
    path("plans/<int:pk>/history/", plans.plan_history, name="plan_history"),
    path(
        "plans/<int:parent_pk>/objectives/new/",
        content.content_new,
        {"kind": "objective"},
        name="objective_new",
    ),
    path(
        "plans/<int:parent_pk>/target-groups/new/",
        content.content_new,
        {"kind": "target_group"},
        name="target_group_new",
    ),
    path(
        "plans/<int:parent_pk>/timetable/new/",
        content.content_new,
        {"kind": "milestone"},
        name="milestone_new",
    ),
    path(
        "objectives/<int:parent_pk>/measures/new/",
        content.content_new,
        {"kind": "measure"},
        name="measure_new",
    ),
    path(
        "objectives/<int:parent_pk>/indicators/new/",
        content.content_new,
        {"kind": "indicator"},
        name="indicator_new",
    ),
    path("<kind:kind>/<int:pk>/edit/", content.content_edit, name="content_edit"),
    path("<kind:kind>/<int:pk>/delete/", content.content_delete, name="content_delete"),
]
