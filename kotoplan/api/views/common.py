"""What every API view shares: the access declaration, declared query filters (checked, named in
errors and in the schema), a stable order, ETag / If-Match over the models' `version`, and the
`Idempotency-Key` of writes (`idempotent`)."""

import functools
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, generics
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from ..errors import (
    IdempotencyKeyInUse,
    IdempotencyKeyReused,
    PreconditionFailed,
    PreconditionRequired,
)
from ..permissions import Access
from ..serializers import ErrorSerializer
from ..services import idempotency_complete, idempotency_release, idempotency_reserve

ERRORS = {
    "400": "Invalid input: each error names its field.",
    "401": "The token is wrong, expired or revoked.",
    "403": "The client may not do this.",
    "404": "Not found, or not visible to the client (the same answer).",
    "409": "A write with this Idempotency-Key is still running: retry in a moment.",
    "412": "If-Match names a version that is no longer current.",
    "422": "A rule of the domain refused the change, or the Idempotency-Key was already used "
    "with another request.",
    "428": "If-Match is required to change an existing resource.",
    "429": "Too many requests: wait and retry.",
}
TYPES = {
    int: OpenApiTypes.INT,
    str: OpenApiTypes.STR,
    date: OpenApiTypes.DATE,
    UUID: OpenApiTypes.UUID,
}
EXPECTED = {int: "0…2147483647", str: "text", date: "YYYY-MM-DD", UUID: "UUID"}
LARGEST = 2**31 - 1  # ids and years fit the database's integer columns


@dataclass(frozen=True)
class Filter:
    """A query parameter: `apply(queryset, value, params)` narrows the list. A text parameter
    with `choices` takes only those values (an enum in the schema)."""

    name: str
    kind: type
    description: str
    apply: Callable[[QuerySet, object, dict], QuerySet]
    choices: tuple[str, ...] = ()

    def parameter(self) -> OpenApiParameter:
        kind = TYPES[self.kind]
        if self.kind is int:
            kind = {"type": "integer", "minimum": 0, "maximum": LARGEST}
        elif self.choices:
            kind = {"type": "string", "enum": list(self.choices)}
        elif self.kind is str:
            kind = {"type": "string", "maxLength": 200, "pattern": "^[^\\u0000]*$"}
        return OpenApiParameter(self.name, kind, description=self.description)

    def parse(self, raw: str):
        if self.choices and raw not in self.choices:
            message = _("Not a valid value (expected one of: %(choices)s).") % {
                "choices": ", ".join(self.choices)
            }
            raise exceptions.ValidationError({self.name: [message]}, code="invalid")
        try:
            if self.kind is int:
                value = int(raw)
                if not 0 <= value <= LARGEST:
                    raise ValueError(raw)
                return value
            if self.kind is date:
                return date.fromisoformat(raw)
            if self.kind is UUID:
                return UUID(raw)
            if "\x00" in raw or len(raw) > 200:
                raise ValueError(raw)
        except ValueError:
            message = _("Not a valid value (expected %(kind)s).") % {"kind": EXPECTED[self.kind]}
            raise exceptions.ValidationError({self.name: [message]}, code="invalid") from None
        return raw


def by(lookup: str) -> Callable[[QuerySet, object, dict], QuerySet]:
    return lambda queryset, value, params: queryset.filter(**{lookup: value})


WRITES = ("PUT", "PATCH", "POST", "DELETE")
IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,255}")
IDEMPOTENCY_PARAMETER = OpenApiParameter(
    IDEMPOTENCY_HEADER,
    {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
    location=OpenApiParameter.HEADER,
    description=(
        "Optional: a key of your choice (e.g. a UUID), unique per write. Sending the same key "
        "with the same body again (a retry after a timeout) replays the first answer, status "
        "and body, without writing twice (`Idempotent-Replayed: true`); the same key with "
        "another body is refused with 422, and while the first write runs with 409. Keys are "
        "the token owner's own and are remembered for 24 hours (KOTOPLAN_API_IDEMPOTENCY_HOURS); "
        "refused writes are not remembered."
    ),
)


class ApiSchema(AutoSchema):
    """The schema of an API view: its declared filters as query parameters, and a public read
    marked as needing no authentication (`{}` among its security requirements)."""

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method == "GET" and self._is_list_view():
            parameters = [*parameters, *(spec.parameter() for spec in self.view.filters)]
        if self.method in WRITES:
            parameters = [*parameters, IDEMPOTENCY_PARAMETER]
        return parameters

    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        codes = ["400", "401", "403", "404", "429"]
        if self.method in WRITES:
            codes += ["409", "412", "422", "428"]
        for code in codes:
            if code not in bodies or not bodies[code].get("content"):
                described = bodies.get(code, {}).get("description") or ERRORS[code]
                bodies[code] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=described), code
                )
        return bodies

    def get_auth(self):
        auth = super().get_auth()
        access = getattr(self.view, "access", None)
        if access is not None and access.public and self.method == "GET" and {} not in auth:
            auth.append({})
        return auth


class ApiView(generics.GenericAPIView):
    schema = ApiSchema()
    access: Access
    filters: tuple[Filter, ...] = ()
    ordering: tuple[str, ...] = ("pk",)

    def scoped(self) -> QuerySet:  # pragma: no cover (every view defines it)
        raise NotImplementedError

    def filter_values(self) -> dict:
        """The declared filters the request gives, parsed (400 naming the first bad one)."""
        params = {}
        for spec in self.filters:
            raw = self.request.query_params.get(spec.name)
            if raw is not None:
                params[spec.name] = spec.parse(raw)
        return params

    def get_queryset(self) -> QuerySet:
        queryset = self.scoped()
        params = self.filter_values()
        for spec in self.filters:
            if spec.name in params:
                queryset = spec.apply(queryset, params[spec.name], params)
        return queryset.order_by(*self.ordering).distinct()


class ListApi(generics.ListAPIView, ApiView):
    pass


class DetailApi(generics.RetrieveAPIView, ApiView):
    pass


# --- optimistic concurrency ----------------------------------------------------------------------


def etag_of(version) -> str:
    return f'"{version}"'


def if_match(request) -> str | None:
    """The ETag the client based its write on (None when it sent none)."""
    value = request.headers.get("If-Match")
    return value.strip() if value else None


def expected_version(request, current_etag: str | None) -> int | None:
    """The version a write is based on: None for a first write (no current resource). 412 when
    If-Match names another version, 428 when it is missing for an existing resource."""
    sent = if_match(request)
    if current_etag is None:
        if sent not in (None, "*"):
            raise PreconditionFailed()
        return None
    if sent is None:
        raise PreconditionRequired()
    if sent == "*":
        return int(current_etag.strip('"'))
    if sent.removeprefix("W/") != current_etag:
        raise PreconditionFailed()
    return int(current_etag.strip('"'))


# --- Idempotency-Key ---------------------------------------------------------------------------


def _request_fingerprint(request) -> str:
    body = json.dumps(request.data, sort_keys=True, separators=(",", ":"), cls=JSONEncoder)
    asked = f"{request.method} {request.path}\n{body}"
    return hashlib.sha256(asked.encode()).hexdigest()


def idempotent(handler):
    """A write method that honours `Idempotency-Key` (see IDEMPOTENCY_PARAMETER). Runs after
    the view's access check: a key never lets a client do what it may not."""

    @functools.wraps(handler)
    def write(self, request, *args, **kwargs):
        key = request.headers.get(IDEMPOTENCY_HEADER)
        if key is None:
            return handler(self, request, *args, **kwargs)
        if not IDEMPOTENCY_KEY.fullmatch(key):
            message = _("Use 1 to 255 visible ASCII characters, e.g. a UUID.")
            raise exceptions.ValidationError({IDEMPOTENCY_HEADER: [message]}, code="invalid")
        fingerprint = _request_fingerprint(request)
        record, fresh = idempotency_reserve(user=request.user, key=key, fingerprint=fingerprint)
        if not fresh:
            if record.fingerprint != fingerprint:
                raise IdempotencyKeyReused()
            if not record.status:
                raise IdempotencyKeyInUse()
            replay = Response(record.body, status=record.status)
            if record.etag:
                replay["ETag"] = record.etag
            replay["Idempotent-Replayed"] = "true"
            return replay
        try:
            response = handler(self, request, *args, **kwargs)
        except BaseException:
            idempotency_release(record=record)
            raise
        if 200 <= response.status_code < 300:
            body = json.loads(json.dumps(response.data, cls=JSONEncoder))
            idempotency_complete(
                record=record, status=response.status_code, body=body, etag=response.get("ETag", "")
            )
        else:
            idempotency_release(record=record)
        return response

    return write
