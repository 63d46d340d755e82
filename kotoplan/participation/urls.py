from django.urls import path

from .views import manage, public, results

app_name = "participation"

urlpatterns = [
    # public, no account needed
    path("c/<slug:slug>/", public.consultation_public, name="public"),
    path("c/<slug:slug>/thanks/", public.consultation_thanks, name="thanks"),
    # the coordinator's pages
    path("plans/<int:plan_pk>/", manage.plan_participation, name="plan_participation"),
    path(
        "plans/<int:plan_pk>/consultations/new/", manage.consultation_new, name="consultation_new"
    ),
    path("plans/<int:plan_pk>/events/new/", manage.event_new, name="event_new"),
    path("events/<int:pk>/edit/", manage.event_edit, name="event_edit"),
    path("consultations/<int:pk>/", manage.consultation_manage, name="consultation_manage"),
    path("consultations/<int:pk>/edit/", manage.consultation_edit, name="consultation_edit"),
    path("consultations/<int:pk>/languages/new/", manage.language_new, name="language_new"),
    path("languages/<int:pk>/edit/", manage.language_edit, name="language_edit"),
    path("consultations/<int:pk>/questions/new/", manage.question_new, name="question_new"),
    path("consultations/<int:pk>/results/", results.results, name="results"),
    path("consultations/<int:pk>/export.csv", results.export_csv, name="export_csv"),
    path("consultations/<int:pk>/export.xlsx", results.export_xlsx, name="export_xlsx"),
    path("comments/<int:pk>/hide/", results.comment_hide, name="comment_hide"),
    path("comments/<int:pk>/restore/", results.comment_restore, name="comment_restore"),
    path("consultations/<int:pk>/report/", results.report, name="report"),
    path("consultations/<int:pk>/report/publish/", results.report_publish, name="report_publish"),
    path("consultations/<int:pk>/responses/new/", results.response_new, name="response_new"),
    path("responses/<int:pk>/edit/", results.response_edit, name="response_edit"),
]
