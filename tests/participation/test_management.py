"""Coordinators run consultations on their plans; others get 404; results, report, evidence."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from kotoplan.core.errors import DomainError
from kotoplan.participation import services
from kotoplan.participation.models import Consultation, ParticipationEvent, ResponseItem
from kotoplan.participation.selectors import participation_evidence_for_plan

from .conftest import questions

pytestmark = pytest.mark.django_db


def _management_urls(consultation, comment, item, event, language):
    plan = consultation.plan
    return [
        reverse("participation:plan_participation", args=[plan.pk]),
        reverse("participation:consultation_new", args=[plan.pk]),
        reverse("participation:event_new", args=[plan.pk]),
        reverse("participation:event_edit", args=[event.pk]),
        reverse("participation:consultation_manage", args=[consultation.pk]),
        reverse("participation:consultation_edit", args=[consultation.pk]),
        reverse("participation:language_new", args=[consultation.pk]),
        reverse("participation:language_edit", args=[language.pk]),
        reverse("participation:question_new", args=[consultation.pk]),
        reverse("participation:results", args=[consultation.pk]),
        reverse("participation:export_csv", args=[consultation.pk]),
        reverse("participation:export_xlsx", args=[consultation.pk]),
        reverse("participation:comment_hide", args=[comment.pk]),
        reverse("participation:report", args=[consultation.pk]),
        reverse("participation:response_new", args=[consultation.pk]),
        reverse("participation:response_edit", args=[item.pk]),
    ]


@pytest.fixture
def everything(closed_consultation, coordinator_a):
    consultation = closed_consultation
    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() + timedelta(days=1)
    )
    consultation.refresh_from_db()
    comment = services.feedback_submit(
        consultation=consultation, language="fi", comment="Hyvä"
    ).comments.get()
    Consultation.objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(hours=1)
    )
    consultation.refresh_from_db()
    item = services.response_item_create(
        actor=coordinator_a,
        consultation=consultation,
        data={
            "summary_fi": "Kiitos",
            "outcome": ResponseItem.Outcome.ALREADY,
            "response_fi": "On jo mukana.",
        },
        comments=[comment],
    )
    event = services.event_save(
        actor=coordinator_a,
        plan=consultation.plan,
        data={
            "kind": ParticipationEvent.Kind.WORKSHOP,
            "held_on": date(2026, 5, 4),
            "audience": "Somalinkielinen yhteisö",
            "languages": "suomi, somali",
            "participants": 23,
            "summary": "Työpajassa toivottiin kielikursseja.",
        },
    )
    return consultation, comment, item, event, consultation.languages.get()


def test_coordinator__every_management_page_opens(client, coordinator_a, everything):
    client.force_login(coordinator_a)
    for url in _management_urls(*everything):
        assert client.get(url).status_code == 200, url


def test_other_municipality_coordinator__404_everywhere(client, coordinator_b, everything):
    client.force_login(coordinator_b)
    for url in _management_urls(*everything):
        assert client.get(url).status_code == 404, url


def test_viewer_and_anonymous__cannot_manage(client, viewer_a, everything):
    urls = _management_urls(*everything)
    assert client.get(urls[0]).status_code == 302  # to the login page
    client.force_login(viewer_a)
    assert client.get(urls[4]).status_code == 404


def test_consultation_create__through_the_form(client, coordinator_a, full_draft_plan, objective):
    client.force_login(coordinator_a)
    response = client.post(
        reverse("participation:consultation_new", args=[full_draft_plan.pk]),
        {
            "title_fi": "Kuuleminen",
            "opens_at": "2026-12-01T09:00",
            "closes_at": "2027-01-31T16:00",
            "objectives": [objective.pk],
            "intro_fi": "Kerro mielipiteesi.",
        },
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert list(consultation.objectives.all()) == [objective]
    assert consultation.slug


def test_consultation_create__refused_to_other_municipality(full_draft_plan, coordinator_b):
    with pytest.raises(PermissionDenied):
        services.consultation_create(
            actor=coordinator_b,
            plan=full_draft_plan,
            data={
                "title_fi": "X",
                "opens_at": timezone.now(),
                "closes_at": timezone.now() + timedelta(days=1),
            },
        )


def test_consultation__only_on_draft_plans(adopted_plan, coordinator_a):
    with pytest.raises(DomainError):
        services.consultation_create(
            actor=coordinator_a,
            plan=adopted_plan,
            data={
                "title_fi": "X",
                "opens_at": timezone.now(),
                "closes_at": timezone.now() + timedelta(days=1),
            },
        )


def test_results__grouped_with_counts_and_accessible_charts(
    client, consultation, coordinator_a, objective
):
    q = questions(consultation)
    for rating in ("5", "4", "5"):
        services.feedback_submit(
            consultation=consultation,
            language="ar",
            comment="تعليق",
            target=objective,
            category="immigrant_resident",
            answers={q["rating"].pk: rating},
        )
    client.force_login(coordinator_a)
    body = client.get(reverse("participation:results", args=[consultation.pk])).content.decode()
    assert objective.title_en in body
    assert "average 4.7 / 5" in body
    assert 'role="img"' in body
    assert "<title id=" in body
    assert "<desc id=" in body
    assert "<caption>Answers to: How well were you received?</caption>" in body
    assert "Immigrant living in the area: 3 (100 %)" in body
    assert "<script" not in body.split("<main", 1)[1]


def test_response_report__published_after_closing_and_shown_publicly(
    client, everything, coordinator_a
):
    consultation = everything[0]
    services.report_publish(actor=coordinator_a, consultation=consultation)
    body = client.get(
        reverse("participation:public", args=[consultation.slug]) + "?lang=fi"
    ).content.decode()
    assert 'id="response-report"' in body
    assert "On jo mukana." in body
    client.force_login(coordinator_a)
    plan_page = client.get(
        reverse("planning:plan_detail", args=[consultation.plan_id])
    ).content.decode()
    assert f'/participation/c/{consultation.slug}/#response-report"' in plan_page


def test_response_report__not_published_while_open(consultation, coordinator_a):
    with pytest.raises(DomainError):
        services.report_publish(actor=coordinator_a, consultation=consultation)


def test_participation_evidence__events_and_consultations(everything):
    consultation, _comment, _item, event, _language = everything
    evidence = participation_evidence_for_plan(plan=consultation.plan)
    assert evidence.exists
    assert evidence.events == [event]
    assert evidence.consultations == [consultation]
    assert evidence.consultations[0].submission_count == 1
