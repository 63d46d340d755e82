"""Open data downloads of published plans (no login; only adopted plans are ever included)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kotoplan.geography.models import Municipality

from ..exporters.opendata import SCHEMA_VERSION, TABLES, open_data_csv, open_data_json
from ..selectors import published_plans, published_plans_with_content


def _plans(code: str | None):
    if code is not None and not Municipality.objects.filter(code=code).exists():
        raise Http404
    return published_plans_with_content(municipality_code=code)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def open_data_index(request):
    plans = published_plans().select_related("lead_municipality")
    return render(
        request,
        "documents/open_data.html",
        {"plans": plans, "tables": list(TABLES), "schema_version": SCHEMA_VERSION},
    )


@require_GET
def open_data_table(request, table: str, code: str | None = None):
    if table not in TABLES:
        raise Http404
    suffix = f"-{code}" if code else ""
    return _download(
        open_data_csv(_plans(code), table),
        "text/csv; charset=utf-8",
        f"kotoplan-{table}{suffix}-v{SCHEMA_VERSION}.csv",
    )


@require_GET
def open_data_document(request, code: str | None = None):
    suffix = f"-{code}" if code else ""
    return _download(
        open_data_json(_plans(code), municipality_code=code),
        "application/json",
        f"kotoplan-plans{suffix}-v{SCHEMA_VERSION}.json",
    )
