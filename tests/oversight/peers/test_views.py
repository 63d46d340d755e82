"""The comparison page, the plan page's panel and the dashboards' section: in Finnish and
Swedish, who may open them, the GET form, the chart's coordinates, and the query budget."""

import html as html_module
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .test_figures import _grow

NUMBERS = re.compile(r'\b(?:x|y|x1|x2|y1|y2|width|height|viewBox)="([^"]*)"')


def page_text(html: str) -> str:
    """What a reader sees: tags out, entities resolved, runs of spaces as one (no-break spaces
    kept)."""
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"[ \t\n]+", " ", text)


def _page(municipality, **params) -> str:
    url = reverse("oversight:peer_comparison", args=[municipality.pk])
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{url}?{query}" if query else url


def _svg(html: str) -> str:
    return re.search(r'<svg class="peers-chart-svg".*?</svg>', html, re.S).group(0)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", ["Vertailuryhmä: 2 kuntaa", "20\xa0000–50\xa0000", "5–10\xa0%", "koko maasta"]),
        ("sv", ["Jämfört med 2 kommuner", "20\xa0000–50\xa0000", "5–10\xa0%", "i hela landet"]),
    ],
)
def test_page__in_finnish_and_swedish(
    client, world, municipality_a, coordinator_a, language, expected
):
    client.force_login(coordinator_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(_page(municipality_a))
    assert response.status_code == 200
    html = response.content.decode()
    text = page_text(html)
    for phrase in expected:
        assert phrase in text, phrase
    assert "25\xa0000" in html  # Kauniainen's population, grouped as the language writes it
    assert "8,0&nbsp;%" in html  # its share with a decimal comma
    svg = _svg(html)
    numbers = NUMBERS.findall(svg)
    assert len(numbers) > 10
    assert [n for n in numbers if not re.fullmatch(r"-?[\d.]+( -?[\d.]+)*", n)] == []
    assert "style=" not in svg
    assert "<caption>" in html
    assert '<th scope="row">' in html


def test_page__the_get_form_changes_the_group(client, world, municipality_a, coordinator_a):
    client.force_login(coordinator_a)
    rows = client.get(_page(municipality_a, size="any", share="any")).context["comparison"].peers
    assert [r.municipality.name_fi for r in rows] == ["Jyväskylä", "Kauniainen", "Porvoo", "Vantaa"]
    response = client.get(_page(municipality_a, scope="area"))
    assert [r.municipality.name_fi for r in response.context["comparison"].peers] == ["Kauniainen"]
    picked = f"municipalities={world['vantaa'].pk}&municipalities={world['porvoo'].pk}"
    response = client.get(_page(municipality_a) + "?" + picked)
    assert "2 hand-picked municipalities" in page_text(response.content.decode())
    assert 'data-combobox="multiple"' in response.content.decode()


def test_page__no_leak_of_a_peers_draft(client, world, municipality_a, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get(_page(municipality_a)).content.decode()
    assert world["draft_b"].title_en not in html
    assert "1 of 5 (20" not in html  # the draft's stored readiness
    assert "100&nbsp;% (2026)" not in html  # updates of the open round
    assert "50&nbsp;% (2025)" in html
    assert "4 of 5 (80&nbsp;%)" in html


def test_page__who_may_open_it(
    client, world, municipality_a, coordinator_a, coordinator_b, regional_official, contributor
):
    url = _page(municipality_a)
    for user, status in [
        (coordinator_a, 200),
        (regional_official, 200),
        (coordinator_b, 404),
        (contributor, 404),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(coordinator_a)
    other_plan = _page(municipality_a, plan=world["draft_b"].pk)
    assert client.get(other_plan).status_code == 404  # a plan the user may not read


def _plan_page_queries(client, plan) -> tuple[int, str]:
    """Counted on a second visit: the plan's own content is then kept (planning.views.content)."""
    client.get(reverse("planning:plan_detail", args=[plan.pk]))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("planning:plan_detail", args=[plan.pk]))
    return len(queries), response.content.decode()


def test_plan_panel__folded_with_a_headline_and_bounded_queries(
    client, world, draft_plan, coordinator_a, a_areas, themes
):
    from .conftest import stored_readiness

    stored_readiness(draft_plan, 3)
    client.force_login(coordinator_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    small, html = _plan_page_queries(client, draft_plan)
    assert 'id="panel-peers"' in html
    assert "Valmius 60\xa0%, 2 vertailukunnan mediaani 80\xa0%" in page_text(html)
    assert reverse("oversight:peer_comparison", args=[draft_plan.lead_municipality_id]) in html
    _grow(10, a_areas, themes)
    big, html = _plan_page_queries(client, draft_plan)
    assert "12 vertailukunnan" in page_text(html)
    assert big == small


def test_dashboard_section__area_dashboard_compares_a_chosen_municipality(
    client, world, municipality_a, regional_official, vitality_centre, a_areas, themes
):
    client.force_login(regional_official)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    url = reverse("oversight:area_dashboard", args=[vitality_centre.pk])
    html = client.get(url).content.decode()
    assert "peers-section-title" in html
    assert "peers-chart-svg" not in html  # nothing compared before a municipality is chosen
    cache.clear()  # both sizes rendered in full: nothing kept from the visit before
    with CaptureQueriesContext(connection) as small:
        html = client.get(f"{url}?peers={municipality_a.code}&state=").content.decode()
    assert "Jämfört med 2 kommuner" in page_text(html)
    assert 'name="state"' in html  # the dashboard's own filters are kept
    _grow(10, a_areas, themes)
    cache.clear()
    with CaptureQueriesContext(connection) as big:
        html = client.get(f"{url}?peers={municipality_a.code}&state=").content.decode()
    assert "Jämfört med 12 kommuner" in page_text(html)
    assert len(big.captured_queries) == len(small.captured_queries)


def test_dashboard_section__national_dashboard(client, world, municipality_a, national_viewer):
    client.force_login(national_viewer)
    url = reverse("oversight:national_dashboard") + f"?peers={municipality_a.code}"
    html = client.get(url).content.decode()
    assert "Compared with 2 municipalities" in page_text(html)
    assert world["draft_b"].title_en not in html
