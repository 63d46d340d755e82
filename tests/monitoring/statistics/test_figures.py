"""Situation picture figures from imported data, and the bundled real statistics."""

from decimal import Decimal

from django.template.loader import render_to_string

from kotoplan.core.panels import registered_plan_panels
from kotoplan.demo.services.content.bundled_statistics import load_bundled_statistics
from kotoplan.geography.models import Municipality
from kotoplan.monitoring.statistics.models import (
    ECEC_FOREIGN_LANGUAGE,
    FOREIGN_LANGUAGE_SHARE,
    POPULATION,
    StatIndicator,
    StatisticValue,
)
from kotoplan.monitoring.statistics.selectors import situation_figures


def _value(code, value, period, status="ok", **area):
    return StatisticValue.objects.create(
        indicator=StatIndicator.objects.get(code=code),
        period=period,
        value=None if value is None else Decimal(value),
        status=status,
        **area,
    )


def _render(municipality) -> str:
    figures = situation_figures(municipalities=[municipality])
    return render_to_string("monitoring/_situation_figures.html", {"figures": figures})


def _render_plan_panel(plan, user) -> str:
    panel = next(p for p in registered_plan_panels() if p.key == "situation_figures")
    context = panel.context(plan=plan, user=user, request=None)
    return render_to_string(panel.template, {"plan": plan, **context})


def test_figures__municipality_county_and_country_for_the_same_year(
    municipality_a, wellbeing_county, catalogue, django_assert_max_num_queries
):
    _value(FOREIGN_LANGUAGE_SHARE, "19.0", 2020, municipality=municipality_a)
    _value(FOREIGN_LANGUAGE_SHARE, "25.9", 2025, municipality=municipality_a)
    _value(FOREIGN_LANGUAGE_SHARE, "20.5", 2025, area=wellbeing_county)
    _value(FOREIGN_LANGUAGE_SHARE, "9.9", 2024, country=True)  # other year: not compared
    _value(ECEC_FOREIGN_LANGUAGE, None, 2024, "suppressed", municipality=municipality_a)
    with django_assert_max_num_queries(4):
        figures = situation_figures(municipalities=[municipality_a])
    share, ecec = figures.rows
    assert [c.kind for c in figures.columns] == ["municipality", "county", "country"]
    assert share.period == 2025
    assert [c.value for c in share.cells] == [Decimal("25.9"), Decimal("20.5"), None]
    assert ecec.cells[0].status == "suppressed"
    assert [row.period for row in figures.trend] == [2020, 2025]
    assert figures.attributions == [("Statistics Finland", "CC BY 4.0")]


def test_partial__accessible_table_with_attribution(municipality_a, wellbeing_county, catalogue):
    _value(FOREIGN_LANGUAGE_SHARE, "25.9", 2025, municipality=municipality_a)
    _value(FOREIGN_LANGUAGE_SHARE, "24.0", 2024, municipality=municipality_a)
    _value(POPULATION, "305274", 2022, municipality=municipality_a)
    html = _render(municipality_a)
    assert "<caption>" in html
    assert "(latest year with data for Espoo)" in html
    assert '<th scope="col">Whole country</th>' in html
    assert '<th scope="row">Share of foreign-language speakers in the population (%)</th>' in html
    assert "25.9" in html
    assert "305,274" in html or "305 274" in html
    assert "Source: Statistics Finland (CC BY 4.0)" in html
    assert "Source: THL Sotkanet" in html
    assert "not available" in html  # the county and country have no value: not shown as 0


def test_partial__nothing_imported(municipality_a, catalogue):
    assert "No statistics have been imported for this municipality yet." in _render(municipality_a)


def test_plan_panel__lists_lead_first(
    draft_plan, municipality_a, municipality_b, catalogue, coordinator_a
):
    draft_plan.municipalities.add(municipality_b)
    _value(FOREIGN_LANGUAGE_SHARE, "25.9", 2025, municipality=municipality_a)
    html = _render_plan_panel(draft_plan, coordinator_a)
    assert html.index("Espoo") < html.index("Jyväskylä")


def test_bundled_statistics__real_files_load_once(reference_data):
    first = load_bundled_statistics()
    ecec = first["statfin_14jt_ecec_2024.jsonstat.json"]
    population = first["foreign_language_population.csv"]
    assert (ecec.created, ecec.skipped) == (618, 2)
    assert population.created == 1848 + 4004
    second = load_bundled_statistics()
    assert not any(counts.changed for counts in second.values())
    tampere = Municipality.objects.get(code="837")
    figures = situation_figures(municipalities=[tampere])
    share = next(r for r in figures.rows if r.indicator.code == FOREIGN_LANGUAGE_SHARE)
    assert share.period == 2025
    ecec_row = next(r for r in figures.rows if r.indicator.code == ECEC_FOREIGN_LANGUAGE)
    assert ecec_row.cells[-1].value == Decimal(32520)  # the whole country, same year


def test_figures__main_language_groups_of_the_latest_year(municipality_a, catalogue):
    """Figures broken down by language show the largest groups of the latest year, largest first."""
    indicator = StatIndicator.objects.get(code=FOREIGN_LANGUAGE_SHARE)
    _value(FOREIGN_LANGUAGE_SHARE, "25.9", 2025, municipality=municipality_a)
    for period, language, value in [
        (2024, "venäjä", "9000"),
        (2025, "venäjä", "9400"),
        (2025, "arabia", "5100"),
        (2025, "ukraina", "6200"),
        (2025, "viro", "3000"),
        (2025, "englanti", "2500"),
        (2025, "somali", "1200"),
    ]:
        StatisticValue.objects.create(
            indicator=indicator,
            period=period,
            municipality=municipality_a,
            breakdown_key="language",
            breakdown_value=language,
            value=Decimal(value),
            status="ok",
        )
    figures = situation_figures(municipalities=[municipality_a])
    assert figures.languages.period == 2025
    assert [g.language for g in figures.languages.groups] == [
        "venäjä",
        "ukraina",
        "arabia",
        "viro",
        "englanti",
    ]
    html = _render(municipality_a)
    assert "Main language groups (2025)" in html
    assert '<th scope="row">ukraina</th><td>6200</td>' in html
    assert "somali" not in html
