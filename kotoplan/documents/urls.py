from django.urls import path

from . import views

app_name = "documents"

OPEN_DATA = [
    # (URL prefix, URL name part): nationwide, or one municipality's plans
    ("open-data/", "open_data"),
    ("open-data/<str:municipality_code>/", "open_data_municipality"),
]

urlpatterns = [
    *[
        path(f"plans/<int:plan_id>/{last}", views.plan_file, {"kind": name}, name=name)
        for name, (last, *_rest) in views.PLAN_FILES.items()
    ],
    path("plans/<int:plan_id>/exports/<uuid:token>/", views.plan_export, name="plan_export"),
    path(
        "plans/<int:plan_id>/rounds/<int:round_id>/report.docx",
        views.round_report_docx,
        name="round_report_docx",
    ),
    path(
        "public/<str:municipality_code>/<int:start>-<int:end>/",
        views.public_plan,
        name="public_plan",
    ),
    path(
        "public/<str:municipality_code>/<int:start>-<int:end>/plan.pdf",
        views.public_plan_pdf,
        name="public_plan_pdf",
    ),
    path(
        "public/<str:municipality_code>/<int:start>-<int:end>/exports/<uuid:token>/",
        views.public_plan_export,
        name="public_plan_export",
    ),
    path("open-data/", views.open_data_index, name="open_data"),
    *[
        pattern
        for prefix, name in OPEN_DATA
        for pattern in (
            path(f"{prefix}plans.json", views.open_data_document, name=f"{name}_json"),
            path(f"{prefix}<slug:table>.csv", views.open_data_table, name=f"{name}_csv"),
        )
    ],
    path("import/", views.spreadsheet_import, name="import_spreadsheet"),
    path(
        "import/<int:plan_import_id>/",
        views.spreadsheet_import_preview,
        name="import_preview",
    ),
    path(
        "import/<int:plan_import_id>/parties/",
        views.spreadsheet_import_add_parties,
        name="import_add_parties",
    ),
    path("import/stratml/", views.stratml_import, name="import_stratml"),
    path("import/kotoplan-plan-import.<str:fmt>", views.import_template, name="import_template"),
]
