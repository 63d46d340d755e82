"""Forms mark the fields that a plan's decision needs although a draft can be saved without
them, in the same place as the required mark, so the marks match what sending for decision
asks."""

import re

from django.urls import reverse


def _label_of(html: str, field: str) -> str:
    """The label or legend text of a field of the page's form."""
    found = re.search(rf'<label for="id_{field}">(.*?)</label>', html, re.S)
    if found is None:
        found = re.search(
            rf"<legend>([^<]*(?:<span[^>]*>[^<]*</span>)?)</legend>\s*(?:<p[^>]*>.*?</p>\s*)*"
            rf'[^§]*?name="{field}"',
            html,
            re.S,
        )
    assert found, f"no label for {field}"
    return found.group(1)


def test_measure_form__responsible_party_is_marked_needed_for_the_decision(
    client, coordinator_a, objective
):
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    html = client.get(reverse("planning:measure_new", args=[objective.pk])).content.decode()
    assert "tarvitaan päätökseen" in _label_of(html, "responsible_organisation")
    assert "tarvitaan päätökseen" not in _label_of(html, "partners")


def test_plan_form__statutory_fields_marked_optional_ones_not(client, coordinator_a, draft_plan):
    client.cookies["django_language"] = "sv"
    client.force_login(coordinator_a)
    html = client.get(reverse("planning:plan_edit", args=[draft_plan.pk])).content.decode()
    for field in ("county_coordination", "monitoring_description"):
        assert "behövs för beslutet" in _label_of(html, field), field
    for field in ("employment_area_coordination", "coordinating_authority"):
        assert "behövs för beslutet" not in _label_of(html, field), field
