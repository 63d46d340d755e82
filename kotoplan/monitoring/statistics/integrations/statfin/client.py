"""Statistics Finland's PxWeb API: the base URL comes from settings.KOTOPLAN_STATFIN_URL.

PxWeb API v1 answers data only to a POST of a query, so a table is fetched by POSTing the given
PxWeb query (an empty query selects the whole table) and asking for JSON-stat 2.0. Addresses of
PxWeb API v2 (`…/api/v2/…`) answer JSON-stat to a GET and are fetched as they are.
"""

import json

from django.conf import settings

from ...importers import http
from .errors import StatFinFetchError, StatFinFormatError


def table_url(url_or_path: str) -> str:
    """'vaka/14jt.px' is resolved against the configured base; absolute URLs stay as they are."""
    return http.resolve(settings.KOTOPLAN_STATFIN_URL, url_or_path, error=StatFinFetchError)


def parse_query(text: str) -> list:
    """A PxWeb query: either the full {"query": [...]} document or just its list."""
    try:
        data = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as exc:
        raise StatFinFormatError(f"The PxWeb query is not valid JSON: {exc.msg}.") from exc
    if isinstance(data, dict):
        data = data.get("query")
    if not isinstance(data, list):
        raise StatFinFormatError("The PxWeb query must be a list of selections.")
    return data


def fetch_table(url_or_path: str, *, query: list | None = None, timeout: float = 30) -> bytes:
    url = table_url(url_or_path)
    if "/api/v2/" in url:
        return http.fetch(url, error=StatFinFetchError, timeout=timeout)
    body = {"query": query or [], "response": {"format": "json-stat2"}}
    return http.fetch(url, error=StatFinFetchError, body=body, timeout=timeout)
