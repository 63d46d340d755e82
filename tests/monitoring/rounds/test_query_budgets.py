"""Query budgets of monitoring: "my measures to update" of a contributor whose organisation leads
measures in many plans, and the monitoring report, cost as many SQL queries for a small as for
a large amount of data (tests/support/queries.py)."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

from kotoplan.monitoring.rounds import services
from kotoplan.planning.models import Indicator, Measure, Plan
from tests.support.queries import assert_same_queries, visit
from tests.support.sizes import more_municipalities, plan_of_size

pytestmark = pytest.mark.django_db

ADOPTED = {
    "state": Plan.State.ADOPTED,
    "decision_body": "Kaupunginvaltuusto",
    "decision_date": date(2025, 3, 1),
    "period_start": 2025,
    "period_end": 2028,
}


def _open_round(plan, actor, label="2025", due=date(2026, 6, 30)):
    return services.round_open(actor=actor, plan=plan, period_label=label, due_date=due)


def _report_on_half(monitoring_round, actor, status="on_track") -> None:
    """Progress on every other measure and a value for every other manual indicator."""
    plan = monitoring_round.plan
    for number, measure in enumerate(Measure.objects.filter(objective__plan=plan).order_by("pk")):
        if number % 2 == 0:
            services.measure_update_save(
                actor=actor,
                monitoring_round=monitoring_round,
                measure=measure,
                expected_version=None,
                status=status,
                narrative=f"Report {number}",
            )
    manual = Indicator.objects.filter(objective__plan=plan, source=Indicator.Source.MANUAL)
    for number, indicator in enumerate(manual.order_by("pk")):
        if number % 2 == 0:
            services.indicator_value_save(
                actor=actor,
                monitoring_round=monitoring_round,
                indicator=indicator,
                year=monitoring_round.due_date.year - 1,
                value=Decimal(40 + number),
            )


def test_my_measures__same_queries_for_1_and_3_plans_of_a_partner(
    client, contributor, contributor_organisation, admin_user, themes, municipality_a
):
    """Kela-like: the contributor's organisation leads or co-leads measures in the plans of many
    municipalities, each with an open round."""
    client.force_login(contributor)
    municipalities = [municipality_a, *more_municipalities(2)]
    visits = []
    for size, municipality in zip(("1 plan", "2 plans", "3 plans"), municipalities, strict=True):
        plan = plan_of_size(
            municipality,
            themes,
            measures=6,
            responsible=contributor_organisation,
            co_responsible=contributor_organisation if size != "2 plans" else None,
            **ADOPTED,
        )
        monitoring_round = _open_round(plan, admin_user)
        _report_on_half(monitoring_round, admin_user)
        visits.append(visit(client, reverse("monitoring:my_measures"), label=size))
    page = visits[-1].text
    assert page.count('<section aria-labelledby="round-') == 3
    # three manual indicators on the measures of each plan; in the second plan the partner
    # neither leads nor co-leads the third measure, so it may not enter that one's value
    assert page.count("Enter indicator value") == 8
    assert_same_queries(visits[0], visits[-1], at_most=20)


def test_my_measures__a_partner_in_many_municipalities_pages_through_the_rounds_soonest_first(
    client, contributor, contributor_organisation, admin_user, themes, municipality_a, monkeypatch
):
    """A national partner reports in every municipality: the rounds come a page at a time, the
    soonest due first, and a later page costs as many queries as the first."""
    monkeypatch.setattr("kotoplan.monitoring.rounds.selectors.progress.ROUNDS_PER_PAGE", 2)
    client.force_login(contributor)
    dues = (date(2026, 9, 30), date(2026, 3, 31), date(2026, 6, 30))
    for municipality, due in zip([municipality_a, *more_municipalities(2)], dues, strict=True):
        plan = plan_of_size(
            municipality, themes, measures=2, responsible=contributor_organisation, **ADOPTED
        )
        _open_round(plan, admin_user, label=f"kierros {due:%m}", due=due)
    first = visit(client, reverse("monitoring:my_measures"), label="page 1")
    second = visit(client, reverse("monitoring:my_measures") + "?page=2", label="page 2")
    assert first.text.count('<section aria-labelledby="round-') == 2
    assert first.text.index("kierros 03") < first.text.index("kierros 06")
    assert "kierros 09" not in first.text
    assert "Open rounds 1–2 of 3" in first.text
    assert 'href="?page=2" rel="next"' in first.text
    assert second.text.count('<section aria-labelledby="round-') == 1
    assert "kierros 09" in second.text
    assert 'href="?page=1" rel="prev"' in second.text
    assert_same_queries(first, second, at_most=20)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    finnish = client.get(reverse("monitoring:my_measures")).content.decode()
    assert "Avoimet seurantakierrokset 1–2 (yhteensä 3), lähin määräpäivä ensin." in finnish
    assert 'aria-label="Avointen seurantakierrosten sivut"' in finnish


def test_monitoring_report__same_queries_for_3_and_12_measures(
    client, coordinator_a, contributor, municipality_a, themes
):
    client.force_login(coordinator_a)
    visits = []
    for number, (label, measures) in enumerate((("3 measures", 3), ("12 measures", 12))):
        plan = plan_of_size(
            municipality_a,
            themes,
            measures=measures,
            **{**ADOPTED, "period_start": 2025 + 4 * number, "period_end": 2028 + 4 * number},
        )
        first = _open_round(plan, coordinator_a, "2025", date(2026, 3, 31))
        _report_on_half(first, coordinator_a, status="on_track")
        services.round_close(actor=coordinator_a, monitoring_round=first)
        second = _open_round(plan, coordinator_a, "2026", date(2026, 6, 30))
        _report_on_half(second, coordinator_a, status="delayed")
        url = reverse("monitoring:round_report", args=[plan.pk, second.pk])
        visits.append(visit(client, url, label=label))
    assert visits[-1].text.count('class="chart"') >= 0
    assert_same_queries(*visits, at_most=30)
