"""Query budgets of the plan pages: the plan, its version comparison and its change history cost
as many SQL queries for a plan of 3 measures as for one of 12 (tests/support/queries.py)."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import reverse

from kotoplan.audit.services import acting_as
from kotoplan.planning.models import Measure, Plan
from kotoplan.planning.services import plan_new_version
from tests.support.queries import assert_same_queries, visit
from tests.support.sizes import plan_of_size

pytestmark = pytest.mark.django_db

SIZES = {"3 measures": 3, "12 measures": 12}


def _adopted_plan(municipality, themes, coordinator, measures: int, start: int) -> Plan:
    with acting_as(coordinator):
        plan = plan_of_size(
            municipality,
            themes,
            measures=measures,
            state=Plan.State.ADOPTED,
            decision_body="Kaupunginvaltuusto",
            decision_date=date(2026, 3, 1),
            period_start=start,
            period_end=start + 3,
        )
    return plan


def _changed_version(plan: Plan, coordinator) -> Plan:
    """A new version of the plan in which every measure was retitled."""
    new = plan_new_version(actor=coordinator, plan=plan)
    with acting_as(coordinator):
        for measure in Measure.objects.filter(objective__plan=new):
            measure.title_en = f"{measure.title_en} (revised)"
            measure.save()
    return new


def test_plan_page__same_queries_for_3_and_12_measures(
    client, coordinator_a, municipality_a, themes
):
    client.force_login(coordinator_a)
    visits = [
        visit(
            client,
            reverse(
                "planning:plan_detail", args=[plan_of_size(municipality_a, themes, measures=n).pk]
            ),
            label=label,
        )
        for label, n in SIZES.items()
    ]
    assert visits[-1].text.count('<article id="objective-') == 4
    # The page and its registered panels (readiness, dialogue, figures, peers, reuses…), the
    # plan's content kept from the warming visit.
    assert_same_queries(*visits, at_most=48)


def test_plan_page_rendered_anew__same_queries_for_3_and_12_measures(
    client, coordinator_a, municipality_a, themes
):
    """As above, with the plan's content rendered for the visit (nothing kept)."""
    client.force_login(coordinator_a)
    visits = []
    for label, n in SIZES.items():
        url = reverse(
            "planning:plan_detail", args=[plan_of_size(municipality_a, themes, measures=n).pk]
        )
        client.get(url)
        cache.clear()
        visits.append(visit(client, url, label=label, warm=False))
    assert visits[-1].text.count('<article id="objective-') == 4
    assert_same_queries(*visits, at_most=60)


def test_version_compare__same_queries_for_3_and_12_changed_measures(
    client, coordinator_a, municipality_a, themes
):
    client.force_login(coordinator_a)
    visits = []
    for number, (label, n) in enumerate(SIZES.items()):
        plan = _adopted_plan(municipality_a, themes, coordinator_a, n, start=2026 + 4 * number)
        new = _changed_version(plan, coordinator_a)
        visits.append(visit(client, reverse("planning:plan_compare", args=[new.pk]), label=label))
    assert visits[-1].text.count("(revised)") >= 12
    assert_same_queries(*visits, at_most=25)


def test_plan_history__same_queries_for_3_and_12_measures(
    client, coordinator_a, municipality_a, themes
):
    measures_type = ContentType.objects.get_for_model(Measure)
    client.force_login(coordinator_a)
    visits = []
    for number, (label, n) in enumerate(SIZES.items()):
        plan = _adopted_plan(municipality_a, themes, coordinator_a, n, start=2026 + 4 * number)
        new = _changed_version(plan, coordinator_a)
        url = reverse("planning:plan_history", args=[new.pk])
        # the measures' entries: the oldest entries of the plan (which name other models) would
        # otherwise be on the first page of the small plan only
        visits.append(visit(client, f"{url}?part={measures_type.pk}", label=label))
    assert visits[-1].text.count("(revised)") >= 12
    assert_same_queries(*visits, at_most=25)
