"""The dashboards' figures and tables are the same for every reader of the same kind and kept
until anything changes: a new plan shows at the next visit, a stored readiness result too, and
each filter of the area dashboard has its own table."""

import re

import pytest
from django.urls import reverse

from kotoplan.planning.models import Plan
from tests.factories.planning import PlanFactory

from ..support import refresh

pytestmark = pytest.mark.django_db

NATIONAL = reverse("oversight:national_dashboard")


def _row_cells(html: str, name: str) -> list[str]:
    """The cells of the table row headed by `name` (the first such row)."""
    row = re.search(rf">{re.escape(name)}</a></th>(.*?)</tr>", html, re.S)
    assert row, name
    return re.findall(r"<td>(.*?)</td>", row.group(1), re.S)


def test_national__a_new_plan_shows_at_the_next_visit(
    client, national_viewer, municipality_b, other_areas
):
    client.force_login(national_viewer)
    area = other_areas["evk"].name_en
    # municipalities, with a plan, no plan, in preparation
    assert _row_cells(client.get(NATIONAL).content.decode(), area)[:4] == ["1", "0", "1", "0"]
    assert _row_cells(client.get(NATIONAL).content.decode(), area)[:4] == ["1", "0", "1", "0"]
    PlanFactory(lead_municipality=municipality_b, title_en="Jyväskylä draft")
    assert _row_cells(client.get(NATIONAL).content.decode(), area)[:4] == ["1", "1", "0", "1"]


def test_national__a_readiness_result_stored_later_shows_at_the_next_visit(
    client, national_viewer, adopted_plan, vitality_centre
):
    client.force_login(national_viewer)
    name = vitality_centre.name_en
    assert _row_cells(client.get(NATIONAL).content.decode(), name)[-1] == "1"  # not checked
    refresh(adopted_plan)  # the background check stores its result, unaudited
    cells = _row_cells(client.get(NATIONAL).content.decode(), name)
    assert cells[-1] == "0"
    assert cells[-2].endswith("%")


def test_area__each_filter_has_its_own_table_and_a_change_shows(
    client, regional_official, adopted_plan, vitality_centre, municipality_a
):
    client.force_login(regional_official)
    url = reverse("oversight:area_dashboard", args=[vitality_centre.pk])
    assert adopted_plan.title_en in client.get(url).content.decode()
    drafts_only = client.get(url + "?state=in_preparation").content.decode()
    assert adopted_plan.title_en not in drafts_only
    assert "No municipality matches the filters." in drafts_only
    assert adopted_plan.title_en in client.get(url).content.decode()
    draft = PlanFactory(lead_municipality=municipality_a, title_en="Espoo draft 2030")
    adopted_plan.state = Plan.State.SUPERSEDED  # saved, so audited like every change
    adopted_plan.save()
    page = client.get(url).content.decode()
    assert draft.title_en in page
    assert adopted_plan.title_en not in page
