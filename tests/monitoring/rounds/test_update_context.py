"""The progress form shows what a contributor needs beside it: the deadline, the measure's status
in the plan (in the same words as the update's choices) and the previous round's update."""

from datetime import date

from django.urls import reverse

from kotoplan.monitoring.rounds import services
from kotoplan.planning.models import Measure

from .conftest import open_round


def _form(client, contributor, round_, measure, language="fi"):
    client.cookies["django_language"] = language
    client.force_login(contributor)
    response = client.get(reverse("monitoring:measure_update", args=[round_.pk, measure.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_form__shows_previous_update_and_deadline_in_finnish(
    client, clock, two_rounds, monitored_plan, coordinator_a, contributor
):
    _first, second = two_rounds
    services.round_close(actor=coordinator_a, monitoring_round=second)
    third = open_round(monitored_plan, coordinator_a, label="2027", due=date(2027, 3, 31))
    clock.day = date(2027, 3, 21)
    html = _form(client, contributor, third, monitored_plan.partner_measure)
    assert "Määräaika" in html
    assert "31.3.2027" in html
    assert "10 päivää jäljellä" in html
    assert "Edellinen päivitys" in html
    # the latest earlier round, not the first one
    assert "Teacher on leave." in html
    assert "First courses started." not in html
    assert "Viivästynyt" in html  # the previous update's status in the plan's words


def test_form__first_round_says_there_is_no_previous_update(
    client, clock, monitored_plan, coordinator_a, contributor
):
    round_ = open_round(monitored_plan, coordinator_a, label="2025", due=date(2026, 6, 30))
    clock.day = date(2026, 7, 3)
    html = _form(client, contributor, round_, monitored_plan.partner_measure, language="en")
    assert "None: this is the first round that asks about this measure." in html
    assert "3 days late" in html


def test_status_words__update_choices_use_the_plans_words(
    client, monitored_plan, coordinator_a, contributor
):
    round_ = open_round(monitored_plan, coordinator_a)
    html = _form(client, contributor, round_, monitored_plan.partner_measure, language="en")
    plan_words = {str(label) for _, label in Measure.Status.choices}
    offered = {word for word in plan_words if f">{word}</option>" in html}
    assert offered == plan_words
    assert "On track" not in html
