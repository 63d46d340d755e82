"""The search page keeps its rendered results per index version, reader's reach and query: a
repeated search reads no index entries, an edit shows at the next search, and what one reader
may find never reaches another through the kept results."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def search(client, **query):
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/library/", query).content.decode()
    entries = [q for q in queries.captured_queries if '"library_searchentry"' in q["sql"]]
    return page, len(entries)


def results(page: str) -> str:
    return re.search(r'<nav aria-label="Kinds of results".*?</section>', page, re.S).group()


def test_a_repeated_search_is_not_searched_again(library, client):
    first, searched = search(client, q="kerhotoiminta")
    assert searched > 0
    again, searched_again = search(client, q="kerhotoiminta")
    assert searched_again == 0
    assert results(again) == results(first)


def test_an_edit_shows_at_the_next_same_search(library, client):
    assert "<mark>Kerhotoiminta</mark> nuorille" in search(client, q="kerhotoiminta")[0]
    club = library["club"]
    club.title_fi = "Kerhotoiminta lapsille"
    club.save()
    page, searched = search(client, q="kerhotoiminta")
    assert searched > 0
    assert "<mark>Kerhotoiminta</mark> lapsille" in page


def test_kept_results_are_the_readers_own(library, client, coordinator_b, viewer_a):
    """B's draft is found by B's coordinator only, whoever searched the same words first."""
    secret = "<mark>Salainen</mark>"
    assert secret not in search(client, q="salainen")[0]
    client.force_login(coordinator_b)
    assert secret in search(client, q="salainen")[0]
    client.force_login(viewer_a)
    assert secret not in search(client, q="salainen")[0]


def test_a_reader_with_copy_forms_gets_them_with_a_token_every_time(library, client, coordinator_a):
    client.force_login(coordinator_a)
    for _ in range(2):
        page, searched = search(client, q="kerhotoiminta")
        assert searched > 0  # not kept: the forms are the reader's own
        assert 'name="csrfmiddlewaretoken"' in page
        assert 'class="reuse-form"' in page


def test_the_kept_form_shows_each_searchs_own_words_and_filters(library, client, themes):
    theme = themes["employment_education"]
    first, _ = search(client, q="kerhotoiminta", theme=theme.code)
    assert 'value="kerhotoiminta"' in first
    selected = re.search(rf'<option value="{theme.code}"[^>]*selected', first)
    assert selected, "the chosen theme is selected"
    other, _ = search(client, q="kielikoulutus")
    assert 'value="kielikoulutus"' in other
    assert 'value="kerhotoiminta"' not in other
    assert not re.search(rf'<option value="{theme.code}"[^>]*selected', other)
    # the first search's form again, as it was
    assert 'value="kerhotoiminta"' in search(client, q="kerhotoiminta", theme=theme.code)[0]
