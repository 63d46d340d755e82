"""The decision step lists everything that is missing in one list: what blocks sending first,
then the statutory requirements and recommendations not said there already."""

import re

from django.urls import reverse

from kotoplan.planning.models import Plan
from tests.factories.planning import MeasureFactory


def test_send_for_decision__one_list_blockers_first_without_repeats(
    client, coordinator_a, draft_plan, objective
):
    MeasureFactory(objective=objective, responsible_organisation=None, title_fi="Kerho")
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    url = reverse("planning:plan_transition", args=[draft_plan.pk, Plan.State.AWAITING_DECISION])
    html = client.get(url).content.decode()
    assert html.count('class="unmet-list"') == 1
    items = re.findall(r'<li data-(problem|unmet)="([^"]+)"', html)
    kinds = [kind for kind, _key in items]
    assert kinds[0] == "problem"
    assert kinds == sorted(kinds)  # every blocker before every requirement
    keys = [key for _kind, key in items]
    assert "R04-measures-have-responsible-party" not in keys  # said once, as the blocker
    assert any(key.startswith("R01") for key in keys)
    assert "Estää lähettämisen" in html
    assert 'name="reason"' not in html  # nothing to submit while something blocks sending
