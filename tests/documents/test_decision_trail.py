"""A plan's decision trail as municipalities record it: a committee, the city board and the
council, each with its section (§) and case number, entered through the Finnish interface and
carried to the plan page, the public page, DOCX, PDF and a StratML round trip."""

import io
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from kotoplan.documents.exporters.stratml import plan_stratml
from kotoplan.documents.importers.stratml import stratml_read
from kotoplan.documents.services import plan_draft_write
from kotoplan.planning.models import DecisionStep, Milestone, Plan
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

CASE = "TRE:1234/00.01.02/2025"
STEPS = [
    {
        "body_kind": "committee",
        "body_name": "Sivistyslautakunta",
        "decided_on": "2026-02-10",
        "section": "§ 14",
        "case_number": CASE,
        "outcome": "proposed",
        "minutes_url": "https://espoo.example/poytakirjat/sivla-2026-02-10",
        "order": "1",
    },
    {
        "body_kind": "board",
        "body_name": "Kaupunginhallitus",
        "decided_on": "2026-03-02",
        "section": "§ 88",
        "case_number": CASE,
        "outcome": "proposed",
        "minutes_url": "https://espoo.example/poytakirjat/khall-2026-03-02",
        "order": "2",
    },
]


def _post_step(client, plan, data):
    return client.post(reverse("planning:decision_step_new", args=[plan.pk]), data)


@pytest.fixture
def decided_plan(client, coordinator_a, rich_plan):
    """The rich plan taken through committee, board and council in the Finnish interface."""
    client.force_login(coordinator_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    Milestone.objects.create(
        plan=rich_plan,
        kind=Milestone.Kind.DECISION,
        title_fi="Valtuuston päätös",
        due_date=date(2026, 3, 23),
        body="Kaupunginvaltuusto",
        done=True,
    )
    for data in STEPS:
        response = _post_step(client, rich_plan, data)
        assert response.status_code == 302, page_text(response)
    rich_plan.refresh_from_db()
    url = reverse("planning:plan_transition", args=[rich_plan.pk, "awaiting_decision"])
    moved = client.post(
        url,
        {
            "expected_version": rich_plan.version,
            "override_reason": "Valtuuston aikataulu: puutteet korjataan seuraavassa versiossa.",
        },
    )
    assert moved.status_code == 302
    rich_plan.refresh_from_db()
    url = reverse("planning:plan_transition", args=[rich_plan.pk, "adopted"])
    response = client.post(
        url,
        {
            "expected_version": rich_plan.version,
            "override_reason": "Valtuuston aikataulu: puutteet korjataan seuraavassa versiossa.",
            "decision_body_kind": "council",
            "decision_body": "Kaupunginvaltuusto",
            "decision_date": "2026-03-23",
            "decision_reference": "§ 45",
            "decision_case_number": CASE,
            "decision_url": "https://espoo.example/poytakirjat/kv-2026-03-23",
        },
    )
    assert response.status_code == 302, page_text(response)
    rich_plan.refresh_from_db()
    return rich_plan


def test_three_body_trail_is_recorded_in_order__adoption_adds_the_council_step(decided_plan):
    steps = list(decided_plan.decision_steps.all())
    assert [(s.body_kind, s.body_name, s.section, s.case_number, s.outcome) for s in steps] == [
        ("committee", "Sivistyslautakunta", "§ 14", CASE, "proposed"),
        ("board", "Kaupunginhallitus", "§ 88", CASE, "proposed"),
        ("council", "Kaupunginvaltuusto", "§ 45", CASE, "approved"),
    ]
    assert decided_plan.state == Plan.State.ADOPTED
    assert decided_plan.decision_date == date(2026, 3, 23)


def test_trail_shows_on_the_plan_page_in_finnish(client, decided_plan):
    page = page_text(client.get(reverse("planning:plan_detail", args=[decided_plan.pk])))
    assert "Päätöshistoria" in page
    for text in ("Sivistyslautakunta", "Kaupunginhallitus", "Kaupunginvaltuusto", "§ 88", CASE):
        assert text in page
    assert "Hyväksytty" in page
    assert "khall-2026-03-02" in page
    # the trail of an adopted plan is part of its frozen record
    assert reverse("planning:decision_step_new", args=[decided_plan.pk]) not in page


def test_trail_shows_on_the_public_page(client, decided_plan):
    client.logout()
    url = reverse(
        "documents:public_plan",
        args=[decided_plan.lead_municipality.code, decided_plan.period_start, 2029],
    )
    page = page_text(client.get(url))
    assert "Päätöshistoria" in page
    for text in ("Sivistyslautakunta", "§ 14", "Kaupunginhallitus", "§ 45", CASE):
        assert text in page


def test_trail_is_in_the_docx(client, decided_plan):
    url = reverse("documents:plan_docx", args=[decided_plan.pk])
    document = Document(io.BytesIO(client.get(url, {"lang": "fi"}).content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Päätöshistoria" in headings
    rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows
        if any(CASE in cell.text for cell in row.cells)
    ]
    assert [row[1] for row in rows] == [
        "Sivistyslautakunta (Lautakunta tai jaosto)",
        "Kaupunginhallitus (Kunnanhallitus)",
        "Kaupunginvaltuusto (Valtuusto)",
    ]
    assert [row[2] for row in rows] == ["§ 14", "§ 88", "§ 45"]


def test_trail_is_in_the_pdf(client, decided_plan):
    url = reverse("documents:plan_pdf", args=[decided_plan.pk])
    reader = PdfReader(io.BytesIO(client.get(url, {"lang": "fi"}).content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Päätöshistoria" in text
    for expected in ("Sivistyslautakunta", "Kaupunginhallitus", "Kaupunginvaltuusto", "§ 88"):
        assert expected in text
    assert "TRE:1234/00.01.02/2025" in text.replace("\n", "")


TRAIL_FIELDS = (
    "body_kind",
    "body_name",
    "decided_on",
    "section",
    "case_number",
    "outcome",
    "minutes_url",
    "order",
)


def _trail(plan):
    return [tuple(getattr(s, n) for n in TRAIL_FIELDS) for s in plan.decision_steps.all()]


def _timetable(plan):
    return [
        (m.kind, m.title_fi, m.title_sv, m.title_en, m.due_date, m.body, m.done)
        for m in plan.milestones.all()
    ]


def test_stratml_round_trip_keeps_decision_trail_and_timetable(decided_plan, coordinator_a):
    copy = plan_draft_write(
        actor=coordinator_a, draft=stratml_read(plan_stratml(plan=decided_plan, language="fi"))
    )
    assert _trail(copy) == _trail(decided_plan)
    assert len(_trail(copy)) == 3
    assert _timetable(copy) == _timetable(decided_plan)
    assert len(_timetable(copy)) == 2
    decision = ("decision_body", "decision_date", "decision_reference", "decision_url")
    assert [getattr(copy, n) for n in decision] == [getattr(decided_plan, n) for n in decision]
    assert copy.legal_basis == decided_plan.legal_basis


def test_minutes_link_must_be_a_web_address(client, coordinator_a, draft_plan):
    client.force_login(coordinator_a)
    for address in ("javascript:alert(1)", "ftp://espoo.example/poytakirja.pdf"):
        response = _post_step(client, draft_plan, {**STEPS[0], "minutes_url": address})
        assert response.status_code == 200
        assert 'id="id_minutes_url_error"' in page_text(response)
    assert not DecisionStep.objects.filter(plan=draft_plan).exists()


def test_steps_can_be_edited_and_removed_while_awaiting_decision(client, coordinator_a, draft_plan):
    client.force_login(coordinator_a)
    _post_step(client, draft_plan, STEPS[0])
    step = draft_plan.decision_steps.get()
    Plan.objects.filter(pk=draft_plan.pk).update(state=Plan.State.AWAITING_DECISION)
    edit = reverse("planning:content_edit", args=["decision_step", step.pk])
    data = {**STEPS[0], "outcome": "returned", "expected_version": step.version}
    assert client.post(edit, data).status_code == 302
    step.refresh_from_db()
    assert step.outcome == DecisionStep.Outcome.RETURNED
    delete = reverse("planning:content_delete", args=["decision_step", step.pk])
    assert client.post(delete, {"confirm": "1"}).status_code == 302
    assert not draft_plan.decision_steps.exists()


def test_new_version_starts_with_an_empty_trail(client, decided_plan):
    url = reverse("planning:plan_new_version", args=[decided_plan.pk])
    assert client.post(url).status_code == 302
    new = Plan.objects.get(previous_version=decided_plan)
    assert not new.decision_steps.exists()
    assert decided_plan.decision_steps.count() == 3


def test_trail_changes_are_in_the_change_history(client, decided_plan):
    page = page_text(client.get(reverse("planning:plan_history", args=[decided_plan.pk])))
    assert "Kaupunginhallitus" in page
