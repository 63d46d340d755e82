"""The search over the library's index (`kotoplan.library.models.SearchEntry`).

On PostgreSQL an entry matches when, for every searched word, its stored vector holds the
word's Finnish or Swedish stem, the word itself, or a word of the indexed texts that contains
the word's stem or is close to it by trigram similarity (pg_trgm `%>`: "kotoutumiskoulutus" for
"koulutus", typos). Those words are read from the word list with its trigram index first
(`word_forms`, one query); the entries are then found with the vector's GIN index and ranked
with `ts_rank` (titles weigh most). On SQLite every word's stem must be contained in the entry's
text: the same results for exact words.
"""

from django.db import connection, transaction
from django.db.models import BooleanField, FloatField, Q, Value
from django.db.models.expressions import RawSQL

from .matching import like_pattern, on_postgresql, stem_of

# The most words of the indexed texts one searched word may stand for.
EXPANSIONS = 500
# Shorter words are only searched as such (a part of so short a word matches almost anything).
SHORTEST_PART = 4

Forms = dict[str, list[str]]


def word_forms(words: list[str]) -> Forms:
    """For each searched word, the words of the indexed texts it may stand for (PostgreSQL).
    Read with the trigram index: a scan of the whole list would compare every word (the
    planner, not knowing how costly that is, would choose it for a small list)."""
    forms: Forms = {word: [] for word in words}
    wanted = [w for w in words if len(w) >= SHORTEST_PART]
    if not on_postgresql() or not wanted:
        return forms
    lookup = (
        "(SELECT %s, word FROM library_searchword WHERE (word LIKE %s OR word %%> %s) "
        "AND word !~ '[''\\\\[:space:]]' LIMIT %s)"
    )
    sql = " UNION ALL ".join([lookup] * len(wanted))
    params = [p for w in wanted for p in (w, like_pattern(w), w, EXPANSIONS)]
    # Sequential scans off for this query only (also inside a longer transaction).
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        previous = cursor.fetchone()[0]
        try:
            cursor.execute(sql, params)
            for word, form in cursor.fetchall():
                forms[word].append(form)
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
    return forms


def _query(forms: Forms) -> tuple[str, list[str]]:
    """A tsquery matching every word in any of its forms (SQL and parameters)."""
    pieces, params = [], []
    for word, found in forms.items():
        sql = (
            "(plainto_tsquery('finnish'::regconfig, %s) || "
            "plainto_tsquery('swedish'::regconfig, %s) || plainto_tsquery('simple'::regconfig, %s)"
        )
        params += [word, word, word]
        if found:
            sql += " || %s::tsquery"
            params.append(" | ".join(f"'{w}'" for w in found))
        pieces.append(sql + ")")
    return "(" + " && ".join(pieces) + ")", params


def _sql(sql: str, params: list[str], output_field):
    """An SQL expression made only of the constants above; the words are parameters."""
    return RawSQL(sql, params, output_field=output_field)  # noqa: S611


def entry_match(forms: Forms):
    """The condition an entry meets when it matches every word."""
    if not on_postgresql():
        condition = Q()
        for word in forms:
            condition &= Q(text__contains=stem_of(word))
        return condition
    query, params = _query(forms)
    return _sql(f"library_searchentry.vector @@ {query}", params, BooleanField())


def entry_rank(forms: Forms):
    """How well a matching entry matches (0 on SQLite: evidence and names order the results)."""
    if not on_postgresql() or not forms:
        return Value(0.0, FloatField())
    query, params = _query(forms)
    return _sql(f"ts_rank(library_searchentry.vector, {query})", params, FloatField())
