from django.urls import path

from .views import manage, public, results

app_name = "participation"

PLAN = "plans/<int:plan_id>/"
CONSULTATION = "consultations/<int:consultation_id>/"
COMMENT = "comments/<int:comment_id>/"

urlpatterns = [
    # public, no account needed
    path("c/<slug:slug>/", public.consultation_public, name="public"),
    path("c/<slug:slug>/thanks/", public.consultation_thanks, name="thanks"),
    # the coordinator's pages
    path(PLAN, manage.plan_participation, name="plan_participation"),
    path(f"{PLAN}consultations/new/", manage.consultation_new, name="consultation_new"),
    path(f"{PLAN}events/new/", manage.event_new, name="event_new"),
    path("events/<int:event_id>/edit/", manage.event_edit, name="event_edit"),
    path(CONSULTATION, manage.consultation_manage, name="consultation_manage"),
    path(f"{CONSULTATION}edit/", manage.consultation_edit, name="consultation_edit"),
    path(f"{CONSULTATION}languages/new/", manage.language_new, name="language_new"),
    path("languages/<int:language_id>/edit/", manage.language_edit, name="language_edit"),
    path(f"{CONSULTATION}questions/new/", manage.question_new, name="question_new"),
    path(f"{CONSULTATION}results/", results.results, name="results"),
    path(f"{CONSULTATION}export.csv", results.export_csv, name="export_csv"),
    path(f"{CONSULTATION}export.xlsx", results.export_xlsx, name="export_xlsx"),
    path(
        f"{CONSULTATION}exports/<uuid:token>/",
        results.export_progress_page,
        name="export_progress",
    ),
    path(f"{COMMENT}hide/", results.comment_hide, name="comment_hide"),
    path(f"{COMMENT}restore/", results.comment_restore, name="comment_restore"),
    path(f"{CONSULTATION}report/", results.report, name="report"),
    path(f"{CONSULTATION}report/publish/", results.report_publish, name="report_publish"),
    path(f"{CONSULTATION}responses/new/", results.response_new, name="response_new"),
    path("responses/<int:response_item_id>/edit/", results.response_edit, name="response_edit"),
]
