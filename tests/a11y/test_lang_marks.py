"""Content written in another language than the page's is marked with `lang`: a plan written
only in Finnish, read on Swedish pages (plan page, public plan page, lists, dashboards and the
consultation pages), has no Finnish text outside an element that says `lang="fi"`."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from kotoplan.planning.models import Plan
from tests.factories.planning import MeasureFactory, ObjectiveFactory, PlanFactory
from tests.participation.conftest import make_consultation
from tests.support.lang_marks import unmarked

pytestmark = pytest.mark.django_db

FINNISH = {
    "Vantaan kotoutumisohjelma": "fi",
    "Lisää maahanmuuttajia töihin": "fi",
    "Työnhakukerho kolmella kielellä": "fi",
    "Kerhot kokoontuvat kirjastossa": "fi",
}


@pytest.fixture
def finnish_only_plan(municipality_a, themes, organisation_a):
    plan = PlanFactory(
        lead_municipality=municipality_a,
        title_fi="Vantaan kotoutumisohjelma",
        title_sv="",
        title_en="",
        period_start=2027,
        period_end=2030,
    )
    objective = ObjectiveFactory(
        plan=plan,
        theme=themes["employment_education"],
        title_fi="Lisää maahanmuuttajia töihin",
        title_sv="",
        title_en="",
    )
    MeasureFactory(
        objective=objective,
        title_fi="Työnhakukerho kolmella kielellä",
        title_sv="",
        title_en="",
        description_fi="Kerhot kokoontuvat kirjastossa",
        description_sv="",
        description_en="",
        responsible_organisation=organisation_a,
    )
    return plan


def _unmarked_on(client, url: str) -> list:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert any(value in html for value in FINNISH), f"{url} shows none of the plan's texts"
    return unmarked(html, FINNISH)


def test_finnish_content_is_marked_on_swedish_pages(
    client, finnish_only_plan, coordinator_a, regional_official, vitality_centre
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    plan = finnish_only_plan
    consultation = make_consultation(plan, coordinator_a, slug="vantaa")
    client.force_login(coordinator_a)
    pages = [
        reverse("planning:plan_detail", args=[plan.pk]),
        reverse("planning:plan_list"),
        reverse("planning:plan_compare", args=[plan.pk]),
        reverse("participation:consultation_manage", args=[consultation.pk]),
        reverse("participation:public", args=[consultation.slug]) + "?lang=sv",
    ]
    found = {url: _unmarked_on(client, url) for url in pages}
    Plan.objects.filter(pk=plan.pk).update(
        state=Plan.State.ADOPTED, decision_body="Kaupunginvaltuusto", decision_date=date(2027, 1, 1)
    )
    public = reverse("documents:public_plan", args=[plan.lead_municipality.code, 2027, 2030])
    found[public] = _unmarked_on(client, public + "?lang=sv")
    client.force_login(regional_official)
    dashboard = reverse("oversight:area_dashboard", args=[vitality_centre.pk])
    found[dashboard] = _unmarked_on(client, dashboard)

    assert {url: rows for url, rows in found.items() if rows} == {}
