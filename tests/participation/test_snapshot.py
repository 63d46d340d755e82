"""A consultation publishes the draft as it was when it opened: later edits of the plan change
neither the open nor the closed consultation's page."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from kotoplan.participation.models import Consultation, Submission
from kotoplan.participation.tasks import schedule_draft_snapshot, take_draft_snapshot
from kotoplan.planning.models import Objective

from .conftest import make_consultation

pytestmark = pytest.mark.django_db


def _page(client, consultation) -> str:
    url = reverse("participation:public", args=[consultation.slug])
    response = client.get(f"{url}?lang=fi")
    assert response.status_code == 200
    return response.content.decode()


def _retitle(objective, title: str) -> None:
    Objective.objects.filter(pk=objective.pk).update(title_fi=title)


def test_edits_after_opening__do_not_change_the_text_under_consultation(
    client, consultation, objective
):
    original = objective.title_fi
    _retitle(objective, "Jälkikäteen muutettu tavoite")
    page = _page(client, consultation)
    assert original in page
    assert "Jälkikäteen muutettu tavoite" not in page


def test_edits_after_closing__do_not_appear_on_the_closed_consultation(
    client, closed_consultation, objective
):
    original = objective.title_fi
    _retitle(objective, "Suljetun kuulemisen jälkeen muutettu")
    page = _page(client, closed_consultation)
    assert original in page
    assert "Suljetun kuulemisen jälkeen muutettu" not in page


def test_upcoming_consultation__draft_recorded_when_it_opens(
    client, full_draft_plan, coordinator_a, objective
):
    consultation = make_consultation(full_draft_plan, coordinator_a, slug="espoo-upcoming")
    later = timezone.now() + timedelta(days=3)
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=later,
        closes_at=later + timedelta(days=30),
        draft_snapshot=None,
        draft_taken_at=None,
    )
    # Not open yet: nothing is recorded, and edits before the opening are what will be read.
    assert take_draft_snapshot.call(consultation.pk) is False
    _retitle(objective, "Ennen avaamista korjattu tavoite")
    Consultation.objects.filter(pk=consultation.pk).update(opens_at=timezone.now())
    assert take_draft_snapshot.call(consultation.pk) is True
    assert take_draft_snapshot.call(consultation.pk) is False  # recorded once
    _retitle(objective, "Avaamisen jälkeen muutettu")
    consultation.refresh_from_db()
    page = _page(client, consultation)
    assert "Ennen avaamista korjattu tavoite" in page
    assert "Avaamisen jälkeen muutettu" not in page


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_recording_is_queued_for_the_opening_time(full_draft_plan, coordinator_a):
    consultation = make_consultation(full_draft_plan, coordinator_a, slug="espoo-queued")
    opens = timezone.now() + timedelta(days=2)
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=opens, closes_at=opens + timedelta(days=30), draft_taken_at=None
    )
    consultation.refresh_from_db()
    default_task_backend.clear()
    schedule_draft_snapshot(consultation=consultation)
    [queued] = default_task_backend.results
    assert queued.task.name == "take_draft_snapshot"
    assert queued.args == [consultation.pk]
    assert queued.task.run_after == opens


def test_part_removed_after_opening__shown_as_consulted_but_not_offered_for_comments(
    client, consultation, objective, owned_measure
):
    measure_title = owned_measure.title_fi
    owned_measure.delete()
    page = _page(client, consultation)
    assert measure_title in page  # the text consulted on
    assert f'value="measure-{owned_measure.pk}"' not in page
    url = reverse("participation:public", args=[consultation.slug])
    response = client.post(
        f"{url}?lang=fi", {"comment": "Hyvä", "target": f"measure-{owned_measure.pk}"}
    )
    assert response.status_code == 200  # the form again, with a message; nothing stored
    assert not Submission.objects.exists()
