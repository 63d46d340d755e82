"""Open observations follow a plan into its new version, and the versions link both ways."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from kotoplan.oversight.dialogue import services
from kotoplan.planning.services import plan_new_version

pytestmark = pytest.mark.django_db


def test_open_observation_carries_over__versions_link_both_ways(
    client, adopted_plan, regional_official, coordinator_a
):
    open_one = services.observation_create(
        actor=regional_official,
        plan=adopted_plan,
        subject="Seurannan mittarit puuttuvat",
        text="Tavoitteille ei ole asetettu mittareita.",
        reply_due=date(2026, 12, 31),
    )
    settled = services.observation_create(
        actor=regional_official,
        plan=adopted_plan,
        subject="Yhteystiedot vanhentuneet",
        text="Yhteyshenkilö on vaihtunut.",
        reply_due=date(2026, 12, 31),
    )
    services.observation_resolve(actor=regional_official, observation=settled, comment="Kunnossa.")
    new = plan_new_version(actor=coordinator_a, plan=adopted_plan)

    client.force_login(regional_official)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    page = client.get(reverse("planning:plan_detail", args=[new.pk])).content.decode()
    assert open_one.subject in page
    assert "tehty versioon 1" in page
    assert settled.subject not in page
    assert f'href="/plans/{adopted_plan.pk}/" rel="prev"' in page
    old_page = client.get(reverse("planning:plan_detail", args=[adopted_plan.pk])).content.decode()
    assert f'href="/plans/{new.pk}/" rel="next"' in old_page
