"""The plan form's error summary in Finnish: labels as on the form, each linked to its input."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.helpers import page_text
from tests.support.error_summary import summary_links

pytestmark = pytest.mark.django_db


def test_plan_edit__errors_named_in_finnish_and_linked(client, coordinator_a, draft_plan):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    client.force_login(coordinator_a)
    url = reverse("planning:plan_edit", args=[draft_plan.pk])

    response = client.post(url, {"expected_version": draft_plan.version, "period_start": "25"})

    links = summary_links(page_text(response))
    assert links["id_period_start"][0] == "Suunnitelmakausi alkaa (vuosi)"
