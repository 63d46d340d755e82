"""The library's search on PostgreSQL: Finnish and Swedish inflected forms, compound words and
typos are found, and the query plan uses the index's GIN indexes (migration library 0002)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kotoplan.library.models import SearchEntry
from kotoplan.library.selectors import SearchParams, search_parts, similar_measures
from kotoplan.library.selectors.index import entry_match, word_forms
from kotoplan.library.selectors.matching import words_of
from kotoplan.library.services import index_refresh

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Stemming and trigram similarity are PostgreSQL's; SQLite has the exact-word "
        "fallback tested in test_search.py",
    ),
]


def titles(user, text: str, kind: str = "measure") -> set[str]:
    index_refresh()
    found = search_parts(user=user, params=SearchParams(text=text, kind=kind))
    return {p.title_fi or p.name_fi for p in found}


def test_finnish_base_form_finds_inflected_forms(library, anonymous):
    from tests.library.conftest import measure

    measure(library["club"].objective, "Ohjaus kielikoulutukseen")
    found = titles(anonymous, "kielikoulutus")
    assert "Kielikoulutuksen lisääminen työikäisille" in found  # genitive
    assert "Ohjaus kielikoulutukseen" in found  # illative


def test_swedish_base_form_finds_the_definite_form(library, anonymous):
    assert titles(anonymous, "språkutbildning") == {"Kielikoulutuksen lisääminen työikäisille"}


def test_part_of_a_compound_finds_the_compounds(library, anonymous):
    found = titles(anonymous, "koulutus")
    assert {"Kotoutumiskoulutus verkossa", "Kielikoulutuksen lisääminen työikäisille"} <= found


def test_a_typo_is_tolerated(library, anonymous):
    assert "Kerhotoiminta nuorille" in titles(anonymous, "kerhotoimnta")


def test_drafts_stay_hidden_with_fuzzy_matching_too(library, anonymous, coordinator_a):
    assert "Salainen kielikoulutus luonnoksessa" not in titles(coordinator_a, "kielikoulutus")
    assert "Salainen kielikoulutus luonnoksessa" not in titles(anonymous, "salainen")


def test_similar_measures_by_wording(library, coordinator_a):
    found = similar_measures(
        user=coordinator_a, text="Kielikoulutus työikäisille maahanmuuttajille"
    )
    assert found[0].title_fi == "Kielikoulutuksen lisääminen työikäisille"
    assert all(m.objective.plan.state == "adopted" for m in found)


def _plan_of(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("text", ["koulutus nuorille", "språkutbildning", "kerhotoimnta"])
def test_the_text_match_uses_the_indexes(library, text):
    """The searched words are looked up in the word list with its trigram index, and the
    entries with their tsvector index (sequential scans discouraged: the test tables are
    tiny)."""
    index_refresh()
    with CaptureQueriesContext(connection) as queries:
        forms = word_forms(words_of(text))
    lookup = next(q["sql"] for q in queries.captured_queries if "library_searchword" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # as word_forms reads it
        cursor.execute("EXPLAIN " + lookup)
        assert "library_searchword_trgm" in "\n".join(row[0] for row in cursor.fetchall())
    matching = SearchEntry.objects.filter(entry_match(forms))
    assert "library_searchentry_vector" in _plan_of(matching.order_by().values("pk"))


def test_sequential_scans_are_off_only_for_the_word_lookup(library):
    """The lookup turns sequential scans off for itself; the rest of the request's transaction
    plans as before."""
    index_refresh()
    word_forms(["koulutus"])
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
