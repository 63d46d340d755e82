"""Similar measures: on a measure's library page, beside each measure of the plan page, and
while a new measure is written (a fragment for the script, a page for the button)."""

import pytest

from kotoplan.library.selectors import similar_measures

pytestmark = pytest.mark.django_db


def test_similar_measures_share_words__other_plans_only(library, coordinator_a):
    text = "Kotoutumiskoulutus verkossa"
    found = similar_measures(user=coordinator_a, text=text, plan=library["draft_a"])
    assert found == [library["integration"]]
    # The measure itself and the other measures of its plan are not "similar measures".
    assert similar_measures(user=coordinator_a, text=text, exclude=library["integration"]) == []


def test_similar_measures_leave_hidden_drafts_out(library, coordinator_a, coordinator_b):
    text = "Salainen kielikoulutus luonnoksessa"
    assert library["secret"] not in similar_measures(user=coordinator_a, text=text)
    assert library["secret"] in similar_measures(user=coordinator_b, text=text)


def test_fragment_for_the_script(library, client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.get(
        "/library/similar/", {"plan": library["draft_a"].pk, "title_fi": "Kerhotoiminta lapsille"}
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "<mark>Kerhotoiminta</mark> nuorille" in html


def test_button_without_script_shows_a_page_and_saves_nothing(library, client, coordinator_a):
    client.force_login(coordinator_a)
    new_measure = f"/objectives/{library['target'].pk}/measures/new/"
    form = client.get(new_measure).content.decode()
    assert 'form="part-form"' in form
    assert f'formaction="/library/similar/?plan={library["draft_a"].pk}"' in form
    before = library["target"].measures.count()
    page = client.post(
        f"/library/similar/?plan={library['draft_a'].pk}", {"title_fi": "Kerhotoiminta kouluilla"}
    ).content.decode()
    assert "<mark>Kerhotoiminta</mark> nuorille" in page
    assert "Nothing was saved" in page
    assert library["target"].measures.count() == before


def test_plan_page_links_each_measure_to_its_library_page(library, client, coordinator_b):
    client.force_login(coordinator_b)
    page = client.get(f"/plans/{library['plan_b'].pk}/").content.decode()
    assert f'href="/library/measures/{library["language"].pk}/" data-measure-link="library"' in page


def test_measure_page_lists_similar_measures(library, client):
    from tests.factories.geography import MunicipalityFactory
    from tests.library.conftest import adopted_plan, measure, objective

    other = adopted_plan(MunicipalityFactory(name_fi="Kuopio"))
    measure(objective(other, "Kieli"), "Työikäisille kielikoulutuksen kursseja")
    page = client.get(f"/library/measures/{library['language'].pk}/").content.decode()
    assert "Työikäisille kielikoulutuksen kursseja" in page
