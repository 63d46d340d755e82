"""Request ids: every request gets one (or keeps the `X-Request-ID` a trusted proxy gave it),
every log line written while serving it carries it, and the response names it, so a user's
report, the proxy's log and the app's log meet on one id.

Null characters: an address whose path or query holds one (`%00`) is refused with a page that
says so (400), before any view reads it: PostgreSQL refuses NUL in text, so a search or a
lookup with it would otherwise end in a server error. Form fields refuse NUL themselves and
name the field."""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.shortcuts import render
from django.utils.translation import gettext as _

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
ACCEPTED = re.compile(r"^[A-Za-z0-9._-]{8,100}$")
logger = logging.getLogger("kotoplan.request")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if ACCEPTED.match(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        request.request_id = request_id
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every log record (`-` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class NullCharacterMiddleware:
    """Refuse (400, with a page saying why) an address whose path or query has a NUL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return render(
                request,
                "error_page.html",
                {
                    "heading": _("Invalid address"),
                    "explanation": _(
                        "The address contains a null character (%00), which Kotoplan does not "
                        "accept. Remove it from the address or the search and try again."
                    ),
                },
                status=400,
            )
        return self.get_response(request)
