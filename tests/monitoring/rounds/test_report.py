"""The monitoring report: accessible charts with the same numbers as their tables, status by
theme, narratives and the changes since the previous round; who may read it."""

import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_report__chart_and_table_carry_the_same_numbers(client, two_rounds, viewer_a):
    plan = two_rounds[1].plan
    client.force_login(viewer_a)
    response = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[1].pk]))
    assert response.status_code == 200
    html = response.text
    svg = re.search(r"<svg [^>]*role=\"img\".*?</svg>", html, re.S).group(0)
    title = re.search(r"<title id=\"[^\"]+\">(.*?)</title>", svg).group(1)
    desc = re.search(r"<desc id=\"[^\"]+\">(.*?)</desc>", svg).group(1)
    assert title == "Course participants"
    for year, value in [("2024", "40"), ("2025", "47"), ("2026", "51.5"), ("2028", "55")]:
        assert f"{year}" in desc
        assert f" {value} persons" in desc
    table = re.search(r"<table class=\"chart-data\">.*?</table>", html, re.S).group(0)
    rows = re.findall(r"<th scope=\"row\">(\d+)</th><td>\w+</td><td>([\d.]+)</td>", table)
    assert rows == [("2024", "40"), ("2025", "47"), ("2026", "51.5"), ("2028", "55")]
    assert svg.count("<circle") == 3
    assert svg.count("<rect") == 1


NUMBERS = re.compile(r'\b(?:x|y|x1|x2|y1|y2|cx|cy|width|height|viewBox)="([^"]*)"')
POINTS = re.compile(r'\bpoints="([^"]*)"')


@pytest.mark.parametrize(("language", "shown"), [("fi", "51,5"), ("sv", "51,5"), ("en", "51.5")])
def test_report__same_chart_in_every_language(client, two_rounds, viewer_a, language, shown):
    """Coordinates are machine numbers in every language (a decimal comma would collapse the
    chart); the numbers people read follow the language; no inline style for the CSP to block."""
    plan = two_rounds[1].plan
    client.force_login(viewer_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[1].pk])).text
    svg = re.search(r"<svg [^>]*role=\"img\".*?</svg>", html, re.S).group(0)
    numbers = NUMBERS.findall(svg)
    assert len(numbers) > 10
    assert [n for n in numbers if not re.fullmatch(r"-?[\d.]+%?( -?[\d.]+)*", n)] == []
    points = POINTS.findall(svg)
    assert points
    assert [p for p in points if not re.fullmatch(r"[\d.]+,[\d.]+( [\d.]+,[\d.]+)*", p)] == []
    assert "style=" not in svg
    assert f" {shown} " in re.search(r"<desc id=\"[^\"]+\">(.*?)</desc>", svg).group(1)
    assert f"<td>{shown}</td>" in html


def test_report__status_summary_changes_and_narratives(client, two_rounds, coordinator_a):
    plan = two_rounds[1].plan
    client.force_login(coordinator_a)
    html = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[1].pk])).text
    assert "Update coverage: 1 of 2 measures reported." in html
    assert "Partner measure: Ongoing → Delayed" in html
    assert "Course participants 2026: 51.5 persons" in html
    assert "Teacher on leave." in html
    assert "https://example.org/news" in html
    first = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[0].pk])).text
    assert "This is the first monitoring round of the plan." in first
    assert "51.5" not in first  # a later round's value is not in an earlier report


def test_report__permissions(client, two_rounds, contributor, coordinator_b, national_viewer):
    plan = two_rounds[0].plan
    url = reverse("monitoring:round_report", args=[plan.pk, two_rounds[0].pk])
    client.force_login(contributor)  # owns a measure of the plan, so may read it
    assert client.get(url).status_code == 200
    client.force_login(coordinator_b)
    assert client.get(url).status_code == 404
    client.force_login(national_viewer)
    assert client.get(url).status_code == 200
    wrong_plan = reverse("monitoring:round_report", args=[plan.pk + 999, two_rounds[0].pk])
    assert client.get(wrong_plan).status_code == 404


def test_plan_page_panel_and_nav_link(client, two_rounds, coordinator_a, viewer_a):
    plan = two_rounds[1].plan
    client.force_login(coordinator_a)
    html = client.get(reverse("planning:plan_detail", args=[plan.pk])).text
    assert "Latest round 2026" in html
    assert "Update coverage: 1 of 2" in html
    assert "My measures to update" in html
    client.force_login(viewer_a)
    html = client.get(reverse("planning:plan_detail", args=[plan.pk])).text
    assert "Latest round 2026" in html
    assert "Update coverage" not in html
    assert "My measures to update" not in html


def test_report__links_the_files_other_apps_render(client, two_rounds, viewer_a):
    plan = two_rounds[1].plan
    client.force_login(viewer_a)
    html = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[1].pk])).text
    docx = reverse("documents:round_report_docx", args=[plan.pk, two_rounds[1].pk])
    assert f'<a href="{docx}">Monitoring report 2026: Word (DOCX)</a>' in html


def test_report__schedules_as_written__ongoing_never_past_due_worded_target_shown(
    client, monitored_plan, coordinator_a
):
    """A measure scheduled for "2025" is marked past its schedule in 2027; an ongoing one never
    is; a worded target is shown with its indicator. In the Finnish interface."""
    from kotoplan.planning.models import Indicator
    from tests.factories.planning import IndicatorFactory
    from tests.monitoring.rounds.conftest import open_round

    for measure, schedule in (
        (monitored_plan.own_measure, "2025"),
        (monitored_plan.partner_measure, "jatkuva"),
    ):
        measure.schedule_text = schedule
        measure.status = "ongoing"
        measure.save()
    IndicatorFactory(
        objective=monitored_plan.own_measure.objective,
        source=Indicator.Source.MANUAL,
        name_fi="Pitkäaikaistyöttömien osuus",
        unit="",
        baseline_value=None,
        target_value=None,
        target_text_fi="laskee ja lähestyy väestön keskiarvoa",
    )
    monitoring_round = open_round(monitored_plan, coordinator_a, label="2026", due=date(2027, 3, 1))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    client.force_login(coordinator_a)

    html = client.get(
        reverse("monitoring:round_report", args=[monitored_plan.pk, monitoring_round.pk])
    ).text

    city = html[html.index("City measure") : html.index("</dt>", html.index("City measure"))]
    partner = html[html.index("Partner measure") :]
    partner = partner[: partner.index("</dt>")]
    assert "(2025)" in city
    assert "aikataulu on umpeutunut" in city
    assert "(jatkuva)" in partner
    assert "aikataulu on umpeutunut" not in partner
    assert "Sanallinen tavoite: laskee ja lähestyy väestön keskiarvoa" in html
