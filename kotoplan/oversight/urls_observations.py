"""The observations dialogue and the records of monitoring and cooperation discussions."""

from django.urls import path

from . import observation_views as views

urlpatterns = [
    path("observations/", views.observation_list, name="observation_list"),
    path(
        "plans/<int:plan_id>/observations/",
        views.plan_observations,
        name="observation_plan_list",
    ),
    path(
        "plans/<int:plan_id>/observations/new/",
        views.observation_create,
        name="observation_create",
    ),
    path("observations/<int:pk>/", views.observation_detail, name="observation_detail"),
    path(
        "observations/<int:pk>/<slug:step>/",
        views.observation_step,
        name="observation_step",
    ),
    path(
        "plans/<int:plan_id>/discussions/new/",
        views.discussion_create,
        name="discussion_create",
    ),
    path("discussions/<int:pk>/", views.discussion_detail, name="discussion_detail"),
    path(
        "discussions/<int:pk>/follow-ups/new/",
        views.follow_up_add,
        name="discussion_follow_up_add",
    ),
    path(
        "discussions/follow-ups/<int:pk>/done/",
        views.follow_up_done,
        name="discussion_follow_up_done",
    ),
]
