"""THL Sotkanet REST API 1.1: the base URL comes from settings.KOTOPLAN_SOTKANET_URL.

`{base}/indicators` lists the indicators and `{base}/indicators/<id>` describes one;
`{base}/regions` lists the regions (the data rows name a region by its internal id) and
`{base}/json?indicator=…&years=…&genders=…` answers flat data rows.
"""

from django.conf import settings

from ...importers import http
from .errors import SotkanetFetchError


def resolve_url(url_or_path: str) -> str:
    return http.resolve(settings.KOTOPLAN_SOTKANET_URL, url_or_path, error=SotkanetFetchError)


def fetch_data(url_or_path: str, *, timeout: float = 30) -> bytes:
    return http.fetch(resolve_url(url_or_path), error=SotkanetFetchError, timeout=timeout)


def fetch_regions(*, timeout: float = 30) -> bytes:
    return http.fetch(resolve_url("regions"), error=SotkanetFetchError, timeout=timeout)


def fetch_indicators(*, timeout: float = 60) -> bytes:
    """The indicator list (`/indicators`): ids, names in three languages, producers."""
    return http.fetch(resolve_url("indicators"), error=SotkanetFetchError, timeout=timeout)


def fetch_indicator(indicator_id: int, *, timeout: float = 30) -> bytes:
    """One indicator's metadata (`/indicators/<id>`): with its description and decimals."""
    url = resolve_url(f"indicators/{int(indicator_id)}")
    return http.fetch(url, error=SotkanetFetchError, timeout=timeout)
