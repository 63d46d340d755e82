"""The library's search on either database: exact words, filters, evidence, what each person
may find, highlighting and the page itself (in Finnish)."""

import pytest

from kotoplan.library.selectors import SearchParams, search_counts, search_parts
from kotoplan.library.services import index_refresh
from kotoplan.monitoring.statistics.models import POPULATION, StatIndicator, StatisticValue

pytestmark = pytest.mark.django_db


def titles(user, **params) -> list[str]:
    index_refresh()
    return [p.title_fi or p.name_fi for p in search_parts(user=user, params=SearchParams(**params))]


def test_exact_word_finds_the_measure__on_every_database(library, anonymous):
    assert titles(anonymous, text="työikäisille") == ["Kielikoulutuksen lisääminen työikäisille"]


def test_every_word_must_match(library, anonymous):
    assert titles(anonymous, text="kerhotoiminta nuorille") == ["Kerhotoiminta nuorille"]
    assert titles(anonymous, text="kerhotoiminta työikäisille") == []


def test_swedish_exact_word_is_found(library, anonymous):
    assert titles(anonymous, text="språkutbildningen") == [
        "Kielikoulutuksen lisääminen työikäisille"
    ]


def test_anonymous_finds_adopted_plans_only(library, anonymous):
    found = titles(anonymous)
    assert "Salainen kielikoulutus luonnoksessa" not in found
    assert "Kielikoulutuksen lisääminen työikäisille" in found


def test_coordinator_of_another_municipality_does_not_find_the_draft(library, coordinator_a):
    assert "Salainen kielikoulutus luonnoksessa" not in titles(coordinator_a, text="salainen")


def test_coordinator_finds_the_draft_of_own_municipality(library, coordinator_b):
    assert titles(coordinator_b, text="salainen") == ["Salainen kielikoulutus luonnoksessa"]


def test_counts_leave_hidden_drafts_out(library, coordinator_a, coordinator_b):
    params = SearchParams(text="luonnoksessa")
    index_refresh()
    assert search_counts(user=coordinator_a, params=params)["measure"] == 0
    index_refresh()
    assert search_counts(user=coordinator_b, params=params)["measure"] == 1


def test_theme_filter(library, anonymous, themes):
    found = titles(anonymous, theme=themes["good_relations"])
    assert found == ["Kerhotoiminta nuorille"]


def test_target_group_filter(library, anonymous):
    from tests.factories.planning import TargetGroupFactory

    group = TargetGroupFactory(plan=library["plan_b"], name_fi="Nuoret", name_sv="", name_en="")
    library["club"].objective.target_groups.set([group])
    assert titles(anonymous, target_group="nuoret") == ["Kerhotoiminta nuorille"]


def test_area_and_county_filters(
    library, anonymous, vitality_centre, wellbeing_county, other_areas
):
    # B (Jyväskylä) with its adopted plan is in the other areas; A has none.
    assert titles(anonymous, authority_area=vitality_centre) == []
    assert titles(anonymous, county=wellbeing_county) == []
    assert len(titles(anonymous, authority_area=other_areas["evk"])) == 3
    assert len(titles(anonymous, authority_area=other_areas["ely"])) == 3
    assert len(titles(anonymous, county=other_areas["county"])) == 3


def test_size_class_filter_reads_the_latest_population(library, anonymous, municipality_b):
    indicator = StatIndicator.objects.filter(
        code=POPULATION
    ).first() or StatIndicator.objects.create(
        code=POPULATION, source="sotkanet", source_code="127", name_fi="Väestö"
    )
    StatisticValue.objects.create(
        indicator=indicator, municipality=municipality_b, period=2020, value=40000
    )
    StatisticValue.objects.create(
        indicator=indicator, municipality=municipality_b, period=2024, value=150000
    )
    assert len(titles(anonymous, size_class="7")) == 3
    assert titles(anonymous, size_class="5") == []


def test_evidence_filter_keeps_measures_done_or_on_track(library, anonymous):
    assert titles(anonymous, evidence=True) == ["Kielikoulutuksen lisääminen työikäisille"]


def test_indicator_that_moved_in_the_desired_direction_is_evidence(library, anonymous):
    index_refresh()
    found = search_parts(user=anonymous, params=SearchParams(kind="indicator", evidence=True))
    assert [i.name_fi for i in found] == ["Kielikoulutukseen osallistuneet"]
    assert found[0].latest_value == 48


def test_evidence_ranks_first(library, anonymous):
    assert titles(anonymous)[0] == "Kielikoulutuksen lisääminen työikäisille"


def test_objectives_are_found_with_their_evidence(library, anonymous):
    index_refresh()
    found = search_parts(user=anonymous, params=SearchParams(kind="objective", text="työllisyys"))
    assert [(o.title_fi, o.evidence) for o in found] == [("Työllisyys ja osaaminen", 1)]


# --- the page ---------------------------------------------------------------------------------


@pytest.fixture
def finnish(client):
    client.cookies["django_language"] = "fi"
    return client


def test_search_page_in_finnish_shows_municipality_period_and_status(library, finnish):
    page = finnish.get("/library/", {"q": "työikäisille"}).content.decode()
    assert "Hyviä käytäntöjä" in page or "Hyvät käytännöt" in page
    assert "Jyväskylä" in page
    assert "2025–2028" in page
    assert 'data-status="on_track"' in page
    assert "<mark>työikäisille</mark>" in page


def test_highlighting_escapes_the_text_first(library, finnish):
    page = finnish.get("/library/", {"q": "kielikoulutukseen"}).content.decode()
    assert "&lt;b&gt;heti&lt;/b&gt;" in page
    assert "<b>heti</b>" not in page


def test_search_page_without_words_lists_and_pages(library, client, monkeypatch):
    monkeypatch.setattr("kotoplan.library.selectors.search.PAGE_SIZE", 2)
    first = client.get("/library/").content.decode()
    assert "Page 1 of 2" in first
    second = client.get("/library/", {"page": "2"}).content.decode()
    assert "Kerhotoiminta nuorille" in first + second


def test_search_page_does_not_show_hidden_drafts(library, client, coordinator_a):
    client.force_login(coordinator_a)
    page = client.get("/library/", {"q": "salainen"}).content.decode()
    assert "Salainen" not in page


def test_kind_tabs_count_each_kind(library, client):
    page = client.get("/library/", {"q": "kielikoulutukseen"}).content.decode()
    assert 'data-kind="indicator"' in page
    assert "Indicators (1)" in page


def test_navigation_and_front_door_link_the_library(library, client, coordinator_a):
    front = client.get("/").content.decode()
    assert 'data-front="library"' in front
    client.force_login(coordinator_a)
    assert 'data-menu="library"' in client.get("/plans/").content.decode()


def test_an_invalid_filter_value_keeps_the_words(library, client):
    page = client.get("/library/", {"q": "työikäisille", "theme": "nonsense"}).content.decode()
    assert "<mark>työikäisille</mark>" in page
