"""The coordinator chooses which imported indicators the plan's situation picture shows, compared
with the wellbeing services county and the whole country when those were imported."""

import pytest
from django.urls import reverse

from kotoplan.core.panels import registered_plan_panels
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from kotoplan.monitoring.statistics.models import SituationIndicator, StatIndicator
from kotoplan.monitoring.statistics.services import statistic_values_import
from tests.monitoring.statistics.test_statfin_shapes import MONTH, QUARTER


@pytest.fixture
def imported(municipality_a, municipality_b, wellbeing_county, catalogue):
    for path in (QUARTER, MONTH):
        statistic_values_import(dataset=parse_jsonstat(path.read_bytes()))


def _url(plan):
    return reverse("monitoring:situation_figures", args=[plan.pk])


def _panel(plan, user):
    panel = next(p for p in registered_plan_panels() if p.key == "situation_figures")
    from django.template.loader import render_to_string

    return render_to_string(panel.template, {"plan": plan, **panel.context(plan=plan, user=user)})


def test_choose__coordinator_picks_figures_shown_with_county_and_country(
    client, coordinator_a, draft_plan, imported
):
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    page = client.get(_url(draft_plan)).content.decode()
    assert "Tilannekuvan luvut" in page
    foreign = StatIndicator.objects.get(code="statfin-11lj-vaesto-ulk")
    unemployed = StatIndicator.objects.get(code="statfin-12r5-tyottomat")
    assert "Ulkomaan kansalaiset (henkilöä)" in page
    response = client.post(_url(draft_plan), {"indicators": [unemployed.pk, foreign.pk]})
    assert response.status_code == 302
    assert list(
        SituationIndicator.objects.filter(plan=draft_plan).values_list("indicator", flat=True)
    ) == [unemployed.pk, foreign.pk]  # in the order of the list (by name)
    html = _panel(draft_plan, coordinator_a)
    assert "Länsi-Uudenmaan hyvinvointialue" in html
    assert "2024 Q4" in html  # the quarter, shown as a quarter
    assert "12/2024" in html  # the latest month, not "2024"
    assert "Väestö 31.12." not in html  # default figures give way to the chosen ones


def test_choose__the_panel_offers_the_choice_only_to_editors(
    coordinator_a, viewer_a, draft_plan, imported
):
    assert _url(draft_plan) in _panel(draft_plan, coordinator_a)
    assert _url(draft_plan) not in _panel(draft_plan, viewer_a)


@pytest.mark.parametrize(
    ("role", "status"),
    [("viewer_a", 403), ("coordinator_b", 404), ("regional_official", 403), ("admin_user", 200)],
)
def test_choose__others_may_not(client, request, draft_plan, imported, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(_url(draft_plan)).status_code == status
    response = client.post(_url(draft_plan), {"indicators": []})
    assert response.status_code == (302 if status == 200 else status)


def test_choose__nothing_chosen_falls_back_to_the_default_figures(
    client, coordinator_a, draft_plan, imported
):
    SituationIndicator.objects.create(
        plan=draft_plan, indicator=StatIndicator.objects.get(code="statfin-12r5-tyottomat")
    )
    client.force_login(coordinator_a)
    client.post(_url(draft_plan), {})
    assert not SituationIndicator.objects.filter(plan=draft_plan).exists()
