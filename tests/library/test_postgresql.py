"""The library's search on PostgreSQL: Finnish and Swedish inflected forms, compound words and
typos are found, and the query plan uses the indexes of migration library 0001."""

import pytest
from django.db import connection

from kotoplan.library.selectors import SearchParams, search_parts, similar_measures
from kotoplan.library.selectors.matching import KINDS, match_condition, words_of

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Stemming and trigram similarity are PostgreSQL's; SQLite has the exact-word "
        "fallback tested in test_search.py",
    ),
]


def titles(user, text: str, kind: str = "measure") -> set[str]:
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


@pytest.mark.parametrize("kind", ["measure", "objective", "indicator"])
def test_the_text_match_uses_the_indexes(library, kind):
    """With sequential scans discouraged (the test tables are tiny), the planner answers the
    match from the full-text and trigram indexes: their expressions are the query's own."""
    spec = KINDS[kind]
    matching = spec.model.objects.filter(match_condition(spec, words_of("koulutus nuorille")))
    plan = _plan_of(matching.order_by().values("pk"))
    table = f"planning_{kind}"
    assert f"library_{table}_fi" in plan
    assert f"library_{table}_sv" in plan
    assert f"library_{table}_trgm" in plan
