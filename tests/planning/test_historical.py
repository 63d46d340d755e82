"""An earlier adopted plan recorded afterwards: a skeleton under Act 1386/2010 with its decision
trail and documents, adopted and frozen at once, listed as historical, with no readiness rules
and no monitoring overdue; only administrators and the municipality's coordinators record one."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from kotoplan.oversight.readiness.rules import Status, build_context, evaluate
from kotoplan.planning.models import Plan
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

URL = "planning:plan_historical_new"


def _form(municipality, **changes):
    data = {
        "lead_municipality": municipality.pk,
        "title_fi": "Espoon kotouttamisohjelma 2018–2021",
        "legal_basis": "1386/2010",
        "period_start": "2018",
        "period_end": "2021",
        "form": "separate",
        "document_url": "https://espoo.example/kotouttamisohjelma-2018.pdf",
        "step1_body_kind": "committee",
        "step1_body_name": "Sosiaali- ja terveyslautakunta",
        "step1_decided_on": "2018-01-17",
        "step1_section": "§ 5",
        "step1_case_number": "1234/00.01.02/2017",
        "step1_outcome": "proposed",
        "step2_body_kind": "board",
        "step2_body_name": "Kaupunginhallitus",
        "step2_decided_on": "2018-02-05",
        "step2_section": "§ 41",
        "step2_outcome": "proposed",
        "step3_body_kind": "council",
        "step3_body_name": "Kaupunginvaltuusto",
        "step3_decided_on": "2018-02-19",
        "step3_section": "§ 12",
        "step3_case_number": "1234/00.01.02/2017",
        "step3_outcome": "approved",
        "step3_minutes_url": "https://espoo.example/kv-2018-02-19",
        "step4_body_kind": "other",
        "step4_outcome": "noted",
    }
    data.update(changes)
    return data


@pytest.fixture
def finnish(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    return client


def test_coordinator_records_a_skeleton_of_an_old_law_plan(finnish, coordinator_a, municipality_a):
    finnish.force_login(coordinator_a)
    assert "Kirjaa aiempi suunnitelma" in page_text(finnish.get(reverse(URL)))

    response = finnish.post(reverse(URL), _form(municipality_a))

    plan = Plan.objects.get(title_fi="Espoon kotouttamisohjelma 2018–2021")
    assert response["Location"] == reverse("planning:plan_detail", args=[plan.pk])
    assert (plan.state, plan.is_historical, plan.legal_basis) == ("adopted", True, "1386/2010")
    assert (plan.decision_body, plan.decision_date) == ("Kaupunginvaltuusto", date(2018, 2, 19))
    assert not plan.objectives.exists()
    assert [s.body_name for s in plan.decision_steps.all()] == [
        "Sosiaali- ja terveyslautakunta",
        "Kaupunginhallitus",
        "Kaupunginvaltuusto",
    ]
    page = page_text(finnish.get(reverse("planning:plan_detail", args=[plan.pk])))
    assert "historiallinen tallenne" in page
    assert "kotouttamisohjelma-2018.pdf" in page
    assert "Muokkaa perustietoja" not in page  # frozen at once
    listing = page_text(finnish.get(reverse("planning:plan_list")))
    assert "Espoon kotouttamisohjelma 2018–2021" in listing
    assert "historiallinen tallenne" in listing


def test_historical_record_joins_an_existing_series(client, coordinator_a, adopted_plan):
    client.force_login(coordinator_a)
    data = _form(adopted_plan.lead_municipality, series=adopted_plan.pk)
    assert client.post(reverse(URL), data).status_code == 302
    plan = Plan.objects.get(is_historical=True)
    assert plan.lineage == adopted_plan.lineage
    assert plan.version_number == adopted_plan.version_number + 1


def test_no_readiness_rule_applies_and_the_checklist_says_why(
    client, coordinator_a, municipality_a
):
    client.force_login(coordinator_a)
    client.post(reverse(URL), _form(municipality_a))
    plan = Plan.objects.get(is_historical=True)
    outcomes = evaluate(build_context(plan))
    assert {o.result.status for o in outcomes} == {Status.NOT_APPLICABLE}
    monitoring = next(o for o in outcomes if o.rule.id == "R17-monitoring-not-overdue")
    assert "historical record" in str(monitoring.result.reason)
    page = page_text(client.get(reverse("planning:plan_detail", args=[plan.pk])))
    assert "no readiness rules apply" in page


def test_the_approval_is_required(client, coordinator_a, municipality_a):
    client.force_login(coordinator_a)
    data = _form(municipality_a, step3_outcome="returned")
    response = client.post(reverse(URL), data)
    assert response.status_code == 200
    assert "approval of the plan" in page_text(response)
    assert not Plan.objects.filter(is_historical=True).exists()


def test_a_step_needs_its_body_and_date(client, coordinator_a, municipality_a):
    client.force_login(coordinator_a)
    response = client.post(reverse(URL), _form(municipality_a, step2_body_name=""))
    assert "Name the body of this step." in page_text(response)
    assert not Plan.objects.filter(is_historical=True).exists()


def test_coordinator_cannot_record_for_another_municipality(
    client, coordinator_b, municipality_a, adopted_plan
):
    client.force_login(coordinator_b)
    response = client.post(reverse(URL), _form(municipality_a))
    assert response.status_code == 200  # the municipality is not offered: a field error
    response = client.post(
        reverse(URL), _form(coordinator_b_municipality(coordinator_b), series=adopted_plan.pk)
    )
    assert response.status_code == 200
    assert not Plan.objects.filter(is_historical=True).exists()


def coordinator_b_municipality(user):
    from kotoplan.planning.selectors import municipalities_for_new_plan

    return municipalities_for_new_plan(user=user).get()


@pytest.mark.parametrize("role", ["viewer_a", "contributor", "regional_official"])
def test_readers_may_not_record_historical_plans(request, client, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse(URL)).status_code == 403
