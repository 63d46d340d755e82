"""Query budgets: a page costs the same number of SQL queries whatever the size of the data.

    small = visit(client, url_of_small_plan)
    big = visit(client, url_of_big_plan)           # or: grow the data, then visit the same URL
    assert_same_queries(small, big, at_most=20)

`visit` requests the page twice and counts the queries of the second request (the first fills
per-process caches such as content types); a streamed response is read to its end inside the
count, and the session refresh of the idle-logout middleware (driven by the clock) is left
out. On failure the message lists the queries of both sizes side by side, with literal values
left out, so the query that repeats per row stands out.
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass
class Visit:
    label: str
    url: str
    status: int
    queries: list[str]
    body: bytes

    @property
    def count(self) -> int:
        return len(self.queries)

    @property
    def text(self) -> str:
        return self.body.decode()


def read(response) -> bytes:
    """The body of a response, streamed or not."""
    if getattr(response, "streaming", False):
        return b"".join(
            chunk if isinstance(chunk, bytes) else chunk.encode()
            for chunk in response.streaming_content
        )
    return response.content


def visit(client, url: str, *, label: str = "", status: int = 200, warm: bool = True) -> Visit:
    """GET `url` with `client` and count the SQL queries it takes, body included."""
    if warm:
        read(client.get(url))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        body = read(response)
    assert response.status_code == status, f"{url}: {response.status_code}"
    queries = [q["sql"] for q in captured.captured_queries if not _clock_driven(q["sql"])]
    return Visit(label or url, url, response.status_code, queries, body)


# The idle-logout middleware refreshes the session's "last seen" at most once a minute or so: a
# write that depends on the clock (a slow build of the larger data), not on the data.
_SESSION_TOUCH = re.compile(
    r'^\s*(UPDATE "django_session"|(RELEASE |ROLLBACK TO )?SAVEPOINT\b)', re.IGNORECASE
)


def _clock_driven(sql: str) -> bool:
    return bool(_SESSION_TOUCH.match(sql))


_LITERALS = [
    (re.compile(r"'(?:[^']|'')*'"), "'…'"),
    (re.compile(r"\bIN \((?:[^()]|\([^()]*\))*\)", re.IGNORECASE), "IN (…)"),
    (re.compile(r"\b\d+(?:\.\d+)?\b"), "#"),
    (re.compile(r"\s+"), " "),
]


def shape(sql: str) -> str:
    """A query with its literal values left out, so the same query for another row reads alike."""
    for pattern, replacement in _LITERALS:
        sql = pattern.sub(replacement, sql)
    return sql.strip()


def describe(*visits: Visit, width: int = 240) -> str:
    """The queries of each visit (repeated shapes counted) and what the larger one adds."""
    lines = []
    for v in visits:
        lines.append(f"--- {v.label}: {v.count} queries ({v.url})")
        for sql, times in Counter(shape(q) for q in v.queries).items():
            lines.append(f"  {times}× {sql[:width]}")
    if len(visits) >= 2:
        first, last = visits[0], visits[-1]
        diff = difflib.unified_diff(
            [shape(q)[:width] for q in first.queries],
            [shape(q)[:width] for q in last.queries],
            first.label,
            last.label,
            lineterm="",
            n=0,
        )
        lines.append(f"--- what {last.label} runs that {first.label} does not:")
        lines.extend(f"  {line}" for line in diff)
    return "\n".join(lines)


def assert_same_queries(*visits: Visit, at_most: int) -> None:
    """Every visit ran the same number of queries, and no more than `at_most`."""
    counts = [v.count for v in visits]
    assert len(set(counts)) == 1, (
        "The number of SQL queries grows with the data: "
        + ", ".join(f"{v.label} {v.count}" for v in visits)
        + "\n"
        + describe(*visits)
    )
    assert counts[0] <= at_most, (
        f"{counts[0]} SQL queries, over the budget of {at_most}\n" + describe(*visits)
    )
