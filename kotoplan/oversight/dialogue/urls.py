"""The observations dialogue and the records of monitoring and cooperation discussions."""

from django.urls import include, path

from . import views

observations = [
    path("", views.observation_list, name="observation_list"),
    path("<int:observation_id>/", views.observation_detail, name="observation_detail"),
    path("<int:observation_id>/<slug:step>/", views.observation_step, name="observation_step"),
]
plans = [
    path("observations/", views.plan_observations, name="observation_plan_list"),
    path("observations/new/", views.observation_create, name="observation_create"),
    path("discussions/new/", views.discussion_create, name="discussion_create"),
]
discussions = [
    path("<int:discussion_id>/", views.discussion_detail, name="discussion_detail"),
    path(
        "<int:discussion_id>/follow-ups/new/", views.follow_up_add, name="discussion_follow_up_add"
    ),
    path(
        "follow-ups/<int:follow_up_id>/done/",
        views.follow_up_done,
        name="discussion_follow_up_done",
    ),
]

urlpatterns = [
    path("observations/", include(observations)),
    path("plans/<int:plan_id>/", include(plans)),
    path("discussions/", include(discussions)),
]
