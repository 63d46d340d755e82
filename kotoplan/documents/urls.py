from django.urls import path

from .views import exports, imports, opendata, public

app_name = "documents"

urlpatterns = [
    path("plans/<int:pk>/plan.docx", exports.plan_docx_view, name="plan_docx"),
    path("plans/<int:pk>/chapter.docx", exports.chapter_docx_view, name="chapter_docx"),
    path("plans/<int:pk>/plan.pdf", exports.plan_pdf_view, name="plan_pdf"),
    path("plans/<int:pk>/stratml.xml", exports.plan_stratml_view, name="plan_stratml"),
    path(
        "plans/<int:pk>/rounds/<int:round_id>/report.docx",
        exports.round_report_docx_view,
        name="round_report_docx",
    ),
    path(
        "public/<str:code>/<int:start>-<int:end>/",
        public.public_plan,
        name="public_plan",
    ),
    path("open-data/", opendata.open_data_index, name="open_data"),
    path("open-data/plans.json", opendata.open_data_document, name="open_data_json"),
    path("open-data/<slug:table>.csv", opendata.open_data_table, name="open_data_csv"),
    path(
        "open-data/<str:code>/plans.json",
        opendata.open_data_document,
        name="open_data_municipality_json",
    ),
    path(
        "open-data/<str:code>/<slug:table>.csv",
        opendata.open_data_table,
        name="open_data_municipality_csv",
    ),
    path("import/", imports.spreadsheet_import, name="import_spreadsheet"),
    path("import/stratml/", imports.stratml_import, name="import_stratml"),
    path(
        "import/kotoplan-plan-import.<str:fmt>",
        imports.import_template,
        name="import_template",
    ),
]
