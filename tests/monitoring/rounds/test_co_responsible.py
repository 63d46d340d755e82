"""Contributors of a co-responsible party report on the measure like the lead's contributors:
it is among their measures to update and they are reminded of it."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from kotoplan.accounts.models import RoleAssignment
from tests.factories.accounts import RoleAssignmentFactory, UserFactory

from .conftest import open_round

pytestmark = pytest.mark.django_db


def test_a_co_responsible_partys_contributor_sees_and_is_reminded_of_the_measure(
    client, monitored_plan, coordinator_a, contributor_organisation, clock
):
    helper = UserFactory(username="co_helper", preferred_language="en")
    RoleAssignmentFactory(
        user=helper,
        organisation=contributor_organisation,
        role=RoleAssignment.Role.CONTRIBUTOR,
    )
    monitored_plan.own_measure.co_responsible.set([contributor_organisation])
    open_round(monitored_plan, coordinator_a, due=date(2026, 6, 30))
    client.force_login(helper)

    page = client.get(reverse("monitoring:my_measures")).content.decode()
    mail.outbox.clear()
    clock.day = date(2026, 6, 16)
    call_command("send_monitoring_reminders", stdout=io.StringIO())

    assert "City measure" in page
    assert "Partner measure" in page
    to_helper = [m for m in mail.outbox if m.to == [helper.email]]
    assert len(to_helper) == 1
    assert "City measure" in to_helper[0].body
