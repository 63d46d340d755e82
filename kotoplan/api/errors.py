"""The one JSON shape of every API error, and the mapping of domain errors to HTTP.

    {"status": 400, "errors": [{"field": "progress", "code": "max_value", "message": "…"}]}

`field` names the field (a dotted path inside nested input, `null` for the whole request).
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from kotoplan.core.errors import DomainError, EditConflict


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The resource changed since you read it; read it again (new ETag).")
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = _("Send If-Match with the ETag you read to change an existing resource.")
    default_code = "precondition_required"


class IdempotencyKeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _(
        "This Idempotency-Key was already used with another request; use a new key for a new write."
    )
    default_code = "idempotency_key_reused"


class IdempotencyKeyInUse(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("A write with this Idempotency-Key is still running; retry in a moment.")
    default_code = "idempotency_key_in_use"


class Unprocessable(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "domain_rule"


def _flatten(detail, field=None) -> list[dict]:
    if isinstance(detail, dict):
        errors = []
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "__all__", "detail") else str(key)
            path = ".".join(part for part in (field, name) if part) or None
            errors += _flatten(value, path)
        return errors
    if isinstance(detail, list):
        return [error for item in detail for error in _flatten(item, field)]
    code = getattr(detail, "code", None) or "invalid"
    return [{"field": field, "code": str(code), "message": str(detail)}]


def _translate(exc):
    if isinstance(exc, EditConflict):
        return PreconditionFailed()
    if isinstance(exc, DomainError):
        return Unprocessable(exc.message)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        return exceptions.ValidationError(detail)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def api_exception_handler(exc, context):
    exc = _translate(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    response.data = {"status": response.status_code, "errors": _flatten(exc.detail)}
    return response


def error_body(status_code: int, code: str, message: str, field: str | None = None) -> Response:
    body = {"status": status_code, "errors": [{"field": field, "code": code, "message": message}]}
    return Response(body, status=status_code)
