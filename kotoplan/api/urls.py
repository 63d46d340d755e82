"""`/api/v1/…` (the REST API), `/api/schema/` and `/api/docs/`, and the token page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from .views import docs, library, me, monitoring, oversight, plans, reference, statistics, tokens

app_name = "api"

v1 = [
    path("me/", me.WhoAmI.as_view(), name="me"),
    path("municipalities/", reference.MunicipalityList.as_view(), name="municipality-list"),
    path("municipalities/<int:pk>/", reference.MunicipalityDetail.as_view(), name="municipality"),
    path("areas/", reference.AreaList.as_view(), name="area-list"),
    path("areas/<int:pk>/", reference.AreaDetail.as_view(), name="area"),
    path("area-memberships/", reference.AreaMembershipList.as_view(), name="membership-list"),
    path("themes/", reference.ThemeList.as_view(), name="theme-list"),
    path("plans/", plans.PlanList.as_view(), name="plan-list"),
    path("plans/<int:pk>/", plans.PlanDetail.as_view(), name="plan"),
    path("objectives/", plans.ObjectiveList.as_view(), name="objective-list"),
    path("measures/", plans.MeasureList.as_view(), name="measure-list"),
    path("measures/<int:pk>/", plans.MeasureDetail.as_view(), name="measure"),
    path("indicators/", plans.IndicatorList.as_view(), name="indicator-list"),
    path("stat-indicators/", statistics.StatIndicatorList.as_view(), name="stat-indicator-list"),
    path(
        "stat-indicators/<int:pk>/",
        statistics.StatIndicatorDetail.as_view(),
        name="stat-indicator",
    ),
    path("statistic-values/", statistics.StatisticValueList.as_view(), name="statistic-values"),
    path("monitoring-rounds/", monitoring.MonitoringRoundList.as_view(), name="round-list"),
    path(
        "monitoring-rounds/<int:round_id>/progress/<int:measure_id>/",
        monitoring.ProgressUpdateDetail.as_view(),
        name="progress",
    ),
    path("progress-updates/", monitoring.ProgressUpdateList.as_view(), name="progress-list"),
    path("readiness/", oversight.ReadinessList.as_view(), name="readiness-list"),
    path("observations/", oversight.ObservationList.as_view(), name="observation-list"),
    path("cooperation-groups/", oversight.CooperationGroupList.as_view(), name="group-list"),
    path("meetings/", oversight.MeetingList.as_view(), name="meeting-list"),
    path("consultations/", oversight.ConsultationList.as_view(), name="consultation-list"),
    path(
        "consultations/<slug:slug>/",
        oversight.ConsultationDetail.as_view(),
        name="consultation",
    ),
    path("library/search/", library.LibrarySearch.as_view(), name="library-search"),
    re_path(r"^[\s\S]*$", me.NotFoundApi.as_view(), name="not-found"),
]

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.api_docs, name="docs"),
    path("tokens/", tokens.token_list, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.token_revoke_view, name="token_revoke"),
]
