"""The one place that talks HTTP to statistics APIs: urllib, a timeout and a size limit."""

import json
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

from ..errors import FetchError

DEFAULT_TIMEOUT = 30  # seconds
MAX_BYTES = 50 * 1024 * 1024
USER_AGENT = "Kotoplan/0.1 (+statistics import)"


def resolve(base_url: str, url_or_path: str, *, error: type[FetchError] = FetchError) -> str:
    """An absolute http(s) URL as given, or a path relative to the configured base URL."""
    if urlsplit(url_or_path).scheme:
        url = url_or_path
    else:
        url = urljoin(base_url.rstrip("/") + "/", url_or_path.lstrip("/"))
    if urlsplit(url).scheme not in ("http", "https"):
        raise error(f"Only http and https addresses can be fetched: {url}")
    return url


def fetch(
    url: str,
    *,
    error: type[FetchError] = FetchError,
    body: object = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """GET the URL (or POST `body` as JSON) and return the bytes of the answer."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise error(f"Only http and https addresses can be fetched: {url}")
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json, text/csv"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = Request(url, data=data, headers=headers, method="POST" if data else "GET")  # noqa: S310
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310  (scheme checked above)
            content = response.read(MAX_BYTES + 1)
    except HTTPError as exc:
        raise error(f"{url} answered HTTP {exc.code} {exc.reason}.") from exc
    except (URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise error(f"{url} could not be reached: {reason}.") from exc
    if len(content) > MAX_BYTES:
        raise error(f"{url} answered more than {MAX_BYTES // (1024 * 1024)} MB.")
    return content
