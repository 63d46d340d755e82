"""Reading tests/authz/access_matrix.toml and requesting one of its cases as every role.

Outcomes are written as in the table: 200, 302 (a redirect elsewhere than the login page),
"login" (302 to the login page), "ok" (for a POST: 200 or a redirect, not the login page),
401, 403, 404, 405.
"""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

TABLE = Path(__file__).with_name("access_matrix.toml")
LOGIN_URL = "/accounts/login/"
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# Session bookkeeping (last activity, messages) is not product data, nor is the library's search
# index (derived from the plans and brought up to date by the search itself).
NOT_PRODUCT_DATA = (
    "django_session",
    '"library_searchentry"',
    '"library_searchword"',
    '"library_indexstate"',
    "library_searchword (word)",
)


def url_names(patterns=None, namespace: str | None = None):
    """Every `namespace:name` of the URLconf, with the route (unnamed patterns by route)."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name or str(entry.pattern)
            yield f"{namespace}:{name}" if namespace else name


@dataclass
class Case:
    route: str
    args: dict = field(default_factory=dict)
    method: str = "GET"
    post: bool = False  # a GET page whose form also takes a POST
    expect: dict = field(default_factory=dict)  # side → {role: outcome}
    label: str = ""
    ends_session: bool = False  # logging out: the login page is where success leads
    get_writes: str = ""  # a table a GET is known to write to (a recorded, open problem)

    @property
    def id(self) -> str:
        return f"{self.route}{'-' + self.label if self.label else ''}"


def load_table() -> tuple[dict[str, str], list[Case], tuple[str, ...]]:
    data = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    groups: dict[str, list[str]] = data.get("groups", {})
    roles = tuple(data["roles"]["all"])
    cases = []
    for raw in data["case"]:
        sides = {side: raw[side] for side in ("any", "a", "b") if side in raw}
        expect = {side: _expand(spec, groups, roles) for side, spec in sides.items()}
        cases.append(
            Case(
                route=raw["route"],
                args=raw.get("args", {}),
                method=raw.get("method", "GET"),
                post=raw.get("post", False),
                expect=expect,
                label=raw.get("label", ""),
                ends_session=raw.get("ends_session", False),
                get_writes=raw.get("get_writes", ""),
            )
        )
    return data["exclude"], cases, roles


def _expand(spec: dict, groups: dict, roles: tuple[str, ...]) -> dict[str, str]:
    """{outcome: roles, "rest": outcome} → {role: outcome}; anonymous defaults to "login"."""
    outcome_of: dict[str, str] = {}
    for outcome, who in spec.items():
        if outcome == "rest":
            continue
        names = [who] if isinstance(who, str) else who
        for name in names:
            members = groups[name[1:]] if name.startswith("@") else [name]
            for role in members:
                if role in outcome_of:
                    raise ValueError(f"{role} listed twice: {spec}")
                outcome_of[role] = outcome
    rest = str(spec.get("rest", "404"))
    return {role: outcome_of.get(role, "login" if role == "anonymous" else rest) for role in roles}


def resolve(value, side: dict):
    """An argument: "=literal", or a path into the side's objects ("plan", "areas.evk",
    "adopted_plan.period_start"); model instances give their pk."""
    if isinstance(value, str) and value.startswith("="):
        return value[1:]
    current = side
    for part in str(value).split("."):
        current = current[part] if isinstance(current, dict) else getattr(current, part)
    return current.pk if isinstance(current, Model) else current


def url_of(case: Case, side: dict | None) -> str:
    kwargs = {name: resolve(value, side or {}) for name, value in case.args.items()}
    return reverse(case.route, kwargs=kwargs)


def outcome(response) -> str:
    status = response.status_code
    if status == 302:
        return "login" if response["Location"].startswith(LOGIN_URL) else "302"
    return str(status)


def product_writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if WRITE.match(q["sql"]) and not any(table in q["sql"] for table in NOT_PRODUCT_DATA)
    ]


class Rollback(Exception):
    pass


def request_once(client, method: str, url: str) -> tuple[str, list[str]]:
    """One request inside a savepoint that is rolled back: (outcome, writes)."""
    result = {}
    try:
        with transaction.atomic():
            with CaptureQueriesContext(connection) as queries:
                response = getattr(client, method.lower())(url)
            result["outcome"] = outcome(response)
            result["writes"] = product_writes(queries.captured_queries)
            raise Rollback
    except Rollback:
        pass
    return result["outcome"], result["writes"]


def matches(expected: str, got: str) -> bool:
    if expected == "ok":
        return got in ("200", "302")
    return expected == got
