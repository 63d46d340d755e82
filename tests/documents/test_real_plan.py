"""A real plan as a municipality records it, entered in the Finnish interface and through the
spreadsheet import: its own units and a local association as lead and co-responsible parties, a
committee → board → council decision trail with sections (§) and a case number, linked
documents, worded targets, year-only and ongoing schedules, a timetable, and an earlier plan made
under Act 1386/2010. DOCX, PDF, the public page and a StratML round trip keep all of it."""

import csv
import io
import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from docx import Document
from pypdf import PdfReader

from kotoplan.accounts.models import Organisation
from kotoplan.api.services import token_create
from kotoplan.documents.models import PlanImport
from kotoplan.planning.models import Indicator, LinkedDocument, Measure, Objective, Plan
from tests.helpers import form_data, page_text

pytestmark = pytest.mark.django_db

CASE = "ESP/1234/00.01.02/2025"
WORDED = "laskee ja lähestyy väestön keskiarvoa"
REASON = "Valtuuston aikataulu: puutteet korjataan seuraavassa versiossa."
STEPS = [
    ("committee", "Sivistyslautakunta", "2026-02-10", "§ 14", "proposed"),
    ("board", "Kaupunginhallitus", "2026-03-02", "§ 88", "proposed"),
]
DOCUMENTS = [
    ("Kotouttamisohjelma 2026–2029 (PDF)", "https://espoo.example/kotouttamisohjelma.pdf"),
    ("Valtuuston pöytäkirja 23.3.2026", "https://espoo.example/poytakirjat/kv-2026-03-23"),
]


@pytest.fixture
def finnish(client, coordinator_a):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    client.force_login(coordinator_a)
    with translation.override("fi"):
        yield client


def _post_form(client, address: str, **changes):
    """Open the form, fill it as a browser would, post it; the reply must be a redirect."""
    form = client.get(address).context["form"]
    response = client.post(address, form_data(form, **changes))
    assert response.status_code == 302, page_text(response)
    return response


def _organisations(client, municipality) -> dict[str, Organisation]:
    """A sector and a unit under it, and a local association, added by the coordinator."""
    unit_url = reverse("accounts:organisation_new", args=["unit"])
    _post_form(client, unit_url, name_fi="Sivistystoimi", name_sv="Bildningssektorn")
    sector = Organisation.objects.get(name_fi="Sivistystoimi")
    _post_form(
        client, unit_url, name_fi="Nuorisopalvelut", name_sv="Ungdomstjänster", parent=sector.pk
    )
    _post_form(
        client,
        reverse("accounts:organisation_new", args=["local"]),
        kind=Organisation.Kind.CIVIL_SOCIETY,
        name_fi="Espoon Setlementti ry",
        business_id="0116297-6",
    )
    return {
        name: Organisation.objects.get(name_fi=name, municipality=municipality)
        for name in ("Sivistystoimi", "Nuorisopalvelut", "Espoon Setlementti ry")
    }


def _enter_plan(client, municipality, parties, themes) -> Plan:
    _post_form(
        client,
        reverse("planning:plan_create"),
        lead_municipality=str(municipality.pk),
        title_fi="Espoon kotoutumisohjelma",
        period_start="2026–2029",
        period_end="",
    )
    plan = Plan.objects.get(title_fi="Espoon kotoutumisohjelma")
    _post_form(
        client,
        reverse("planning:objective_new", args=[plan.pk]),
        theme=str(themes["employment_education"].pk),
        additional_themes=[str(themes["language_culture"].pk)],
        title_fi="Nuorten maahanmuuttajien opiskelu ja työllisyys paranevat",
    )
    objective = Objective.objects.get(plan=plan)
    measure_url = reverse("planning:measure_new", args=[objective.pk])
    youth, association, sector = (
        parties[n] for n in ("Nuorisopalvelut", "Espoon Setlementti ry", "Sivistystoimi")
    )
    _post_form(
        client,
        measure_url,
        title_fi="Nuorten kielikerhot",
        responsible_organisation=str(youth.pk),
        co_responsible=[str(association.pk), str(sector.pk)],
        schedule_text="2026",
    )
    _post_form(
        client,
        measure_url,
        title_fi="Läksykerho",
        responsible_organisation=str(association.pk),
        co_responsible=[str(youth.pk)],
        schedule_text="jatkuva",
    )
    _post_form(
        client,
        reverse("planning:indicator_new", args=[objective.pk]),
        name_fi="Koulutuksen ulkopuolella olevien nuorten osuus",
        unit="",
        target_text_fi=WORDED,
        target_year="2029",
        direction="decrease",
    )
    _post_form(
        client,
        reverse("planning:milestone_new", args=[plan.pk]),
        kind="decision",
        title_fi="Valtuuston päätös",
        due_date="2026-03-23",
        body="Kaupunginvaltuusto",
    )
    for kind, body, day, section, outcome in STEPS:
        _post_form(
            client,
            reverse("planning:decision_step_new", args=[plan.pk]),
            body_kind=kind,
            body_name=body,
            decided_on=day,
            section=section,
            case_number=CASE,
            outcome=outcome,
            minutes_url=f"https://espoo.example/poytakirjat/{day}",
        )
    return plan


def _adopt(client, plan) -> Plan:
    for to_state, extra in (
        ("awaiting_decision", {}),
        (
            "adopted",
            {
                "decision_body_kind": "council",
                "decision_body": "Kaupunginvaltuusto",
                "decision_date": "2026-03-23",
                "decision_reference": "§ 45",
                "decision_case_number": CASE,
                "decision_url": "https://espoo.example/poytakirjat/2026-03-23",
            },
        ),
    ):
        plan.refresh_from_db()
        response = client.post(
            reverse("planning:plan_transition", args=[plan.pk, to_state]),
            {"expected_version": plan.version, "override_reason": REASON, **extra},
        )
        assert response.status_code == 302, page_text(response)
    plan.refresh_from_db()
    return plan


def _link_documents(client, plan) -> None:
    url = reverse("planning:linked_document_new", args=[plan.pk])
    refused = client.post(url, {"title": "Pöytäkirja", "url": "javascript:alert(1)"})
    assert refused.status_code == 200
    assert "Anna verkko-osoite, joka alkaa http:// tai https://." in page_text(refused)
    for title, address in DOCUMENTS:
        _post_form(client, url, title=title, url=address)


def _trail(plan) -> list[tuple]:
    return [
        (s.body_kind, s.body_name, s.decided_on, s.section, s.case_number, s.outcome, s.minutes_url)
        for s in plan.decision_steps.all()
    ]


def _parties(plan) -> dict[str, tuple]:
    measures = Measure.objects.filter(objective__plan=plan).prefetch_related("co_responsible")
    return {
        m.title_fi: (
            m.responsible_organisation.name_fi,
            sorted(o.name_fi for o in m.co_responsible.all()),
            m.schedule_text,
            m.schedule_ongoing,
        )
        for m in measures
    }


def _targets(plan) -> list[tuple]:
    return [
        (i.name_fi, i.unit, i.target_text_fi, i.target_year)
        for i in Indicator.objects.filter(objective__plan=plan)
    ]


def _timetable(plan) -> list[tuple]:
    return [(m.kind, m.title_fi, m.due_date, m.body) for m in plan.milestones.all()]


def _documents(plan) -> list[tuple]:
    return [(d.title, d.url) for d in plan.linked_documents.all()]


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _import_spreadsheet(client, municipality) -> Plan:
    header = "Teema;Tavoite;Toimenpide;Vastuutaho;Muut vastuutahot;Aikataulu;Mittari;"
    header += "Tavoite sanallisesti"
    rows = [
        header,
        "employment_education;Nuorten työllisyys paranee;Nuorten kielikerhot;Nuorisopalvelut;"
        '"Espoon Setlementti ry; Sivistystoimi";2027;Työttömien nuorten osuus;' + WORDED,
        "employment_education;Nuorten työllisyys paranee;Läksykerho;Espoon Setlementti ry;"
        "Nuorisopalvelut;jatkuva;;",
    ]
    response = client.post(
        "/documents/import/",
        {
            "lead_municipality": municipality.pk,
            "title_fi": "Espoon kotoutumisohjelma (taulukosta)",
            "period_start": 2030,
            "period_end": 2033,
            "form": Plan.Form.SEPARATE,
            "file": SimpleUploadedFile(
                "toimenpiteet.csv", ("\r\n".join(rows) + "\r\n").encode("cp1252")
            ),
        },
    )
    assert response.status_code == 302, page_text(response)
    plan_import = PlanImport.objects.get()
    preview = page_text(client.get(response["Location"]))
    assert "Espoon Setlementti ry" in preview
    saved = client.post(reverse("documents:import_preview", args=[plan_import.pk]))
    assert saved.status_code == 302, page_text(saved)
    return Plan.objects.get(title_fi="Espoon kotoutumisohjelma (taulukosta)")


def _record_historical(client, municipality) -> Plan:
    steps = {}
    for number, (kind, body, day, section, outcome) in enumerate(
        [
            ("committee", "Sosiaali- ja terveyslautakunta", "2018-01-17", "§ 5", "proposed"),
            ("board", "Kaupunginhallitus", "2018-02-05", "§ 41", "proposed"),
            ("council", "Kaupunginvaltuusto", "2018-02-19", "§ 12", "approved"),
        ],
        start=1,
    ):
        steps |= {
            f"step{number}_body_kind": kind,
            f"step{number}_body_name": body,
            f"step{number}_decided_on": day,
            f"step{number}_section": section,
            f"step{number}_case_number": "1234/00.01.02/2017",
            f"step{number}_outcome": outcome,
        }
    response = client.post(
        reverse("planning:plan_historical_new"),
        {
            "lead_municipality": municipality.pk,
            "title_fi": "Espoon kotouttamisohjelma 2018–2021",
            "legal_basis": "1386/2010",
            "period_start": "2018",
            "period_end": "2021",
            "form": "separate",
            "document_url": "https://espoo.example/kotouttamisohjelma-2018.pdf",
            **steps,
            "step4_body_kind": "other",
            "step4_outcome": "noted",
        },
    )
    assert response.status_code == 302, page_text(response)
    plan = Plan.objects.get(title_fi="Espoon kotouttamisohjelma 2018–2021")
    # The adopted record gets its minutes linked afterwards.
    _post_form(
        client,
        reverse("planning:linked_document_new", args=[plan.pk]),
        title="Valtuuston pöytäkirja 19.2.2018",
        url="https://espoo.example/kv-2018-02-19.pdf",
    )
    return plan


def test_real_plan_through_forms_and_import__exports_and_stratml_keep_everything(
    finnish, coordinator_a, municipality_a, themes
):
    parties = _organisations(finnish, municipality_a)
    plan = _enter_plan(finnish, municipality_a, parties, themes)
    _link_documents(finnish, plan)
    plan = _adopt(finnish, plan)

    council = ("council", "Kaupunginvaltuusto", "§ 45", CASE, "approved")
    assert [(s[0], s[1], s[3], s[4], s[5]) for s in _trail(plan)] == [
        (kind, body, section, CASE, outcome) for kind, body, _day, section, outcome in STEPS
    ] + [council]
    assert _parties(plan) == {
        "Nuorten kielikerhot": (
            "Nuorisopalvelut",
            ["Espoon Setlementti ry", "Sivistystoimi"],
            "2026",
            False,
        ),
        "Läksykerho": ("Espoon Setlementti ry", ["Nuorisopalvelut"], "jatkuva", True),
    }
    assert _documents(plan) == DOCUMENTS
    assert LinkedDocument.objects.filter(plan=plan).count() == 2

    # The plan page and the public page show the trail, the parties and the documents.
    public = page_text(finnish.get(f"/documents/public/{municipality_a.code}/2026-2029/"))
    page = page_text(finnish.get(reverse("planning:plan_detail", args=[plan.pk])))
    for text in (
        *("Sivistyslautakunta", "Kaupunginhallitus", "§ 88", "§ 45", CASE),
        *("Nuorisopalvelut", "Espoon Setlementti ry", "Sivistystoimi", "jatkuva", WORDED),
        *("Liitetyt asiakirjat", DOCUMENTS[0][0], DOCUMENTS[1][1]),
    ):
        assert text in page, text
        assert text in public, text

    # Open data and the API carry the whole trail and the documents.
    opened = finnish.get(f"/documents/open-data/{municipality_a.code}/decisions.csv")
    text = b"".join(opened.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [(r["body_name"], r["section"], r["case_number"]) for r in rows] == [
        ("Sivistyslautakunta", "§ 14", CASE),
        ("Kaupunginhallitus", "§ 88", CASE),
        ("Kaupunginvaltuusto", "§ 45", CASE),
    ]
    document = json.loads(
        b"".join(
            finnish.get(f"/documents/open-data/{municipality_a.code}/plans.json").streaming_content
        )
    )
    [published] = document["plans"]
    assert [s["decided_on"] for s in published["decision_steps"]] == [
        "2026-02-10",
        "2026-03-02",
        "2026-03-23",
    ]
    assert [(d["title"], d["url"]) for d in published["documents"]] == DOCUMENTS
    _token, secret = token_create(actor=coordinator_a, name="real plan", days=1)
    api = finnish.get(f"/api/v1/plans/{plan.pk}/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert [s["body_name"] for s in api.json()["decision_steps"]] == [
        "Sivistyslautakunta",
        "Kaupunginhallitus",
        "Kaupunginvaltuusto",
    ]
    assert [(d["title"], d["url"]) for d in api.json()["linked_documents"]] == DOCUMENTS

    docx = _docx_text(finnish.get(f"/documents/plans/{plan.pk}/plan.docx?lang=fi").content)
    for text in (
        *("Päätöshistoria", "Sivistyslautakunta (Lautakunta tai jaosto)", "§ 14", "§ 45", CASE),
        *("Nuorisopalvelut", "Espoon Setlementti ry", "Sivistystoimi", "jatkuva", WORDED),
        f"{DOCUMENTS[0][0]}: {DOCUMENTS[0][1]}",
    ):
        assert text in docx, text

    pdf = finnish.get(f"/documents/plans/{plan.pk}/plan.pdf?lang=fi").content
    pdf_text = "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    for text in ("Kaupunginhallitus", "§88", CASE, "Nuorisopalvelut", "jatkuva", DOCUMENTS[1][1]):
        assert "".join(text.split()) in pdf_text, text

    stratml = finnish.get(f"/documents/plans/{plan.pk}/stratml.xml?lang=fi").content
    response = finnish.post(
        "/documents/import/stratml/",
        {
            "lead_municipality": municipality_a.pk,
            "language": "fi",
            "file": SimpleUploadedFile("plan.xml", stratml, content_type="application/xml"),
        },
    )
    assert response.status_code == 302, page_text(response)
    copy = Plan.objects.exclude(pk=plan.pk).get(title_fi=plan.title_fi)
    assert _trail(copy) == _trail(plan)
    assert _timetable(copy) == _timetable(plan)
    assert _targets(copy) == _targets(plan)
    assert _parties(copy) == _parties(plan)
    assert _documents(copy) == _documents(plan)
    assert (copy.legal_basis, copy.decision_reference) == (
        plan.legal_basis,
        plan.decision_reference,
    )

    # The same parties, schedules and worded target through the spreadsheet import.
    imported = _import_spreadsheet(finnish, municipality_a)
    assert _parties(imported) == {
        "Nuorten kielikerhot": (
            "Nuorisopalvelut",
            ["Espoon Setlementti ry", "Sivistystoimi"],
            "2027",
            False,
        ),
        "Läksykerho": ("Espoon Setlementti ry", ["Nuorisopalvelut"], "jatkuva", True),
    }
    assert [t[1:3] for t in _targets(imported)] == [("", WORDED)]

    # An earlier plan under Act 1386/2010, its documents linked after it was recorded.
    historical = _record_historical(finnish, municipality_a)
    assert (historical.state, historical.legal_basis) == (Plan.State.ADOPTED, "1386/2010")
    assert [d[0] for d in _documents(historical)] == ["Valtuuston pöytäkirja 19.2.2018"]
    old_public = page_text(finnish.get(f"/documents/public/{municipality_a.code}/2018-2021/"))
    for text in ("1386/2010", "Sosiaali- ja terveyslautakunta", "§ 41", "kv-2018-02-19.pdf"):
        assert text in old_public, text
    xml = finnish.get(f"/documents/plans/{historical.pk}/stratml.xml?lang=fi").content
    response = finnish.post(
        "/documents/import/stratml/",
        {
            "lead_municipality": municipality_a.pk,
            "language": "fi",
            "file": SimpleUploadedFile("vanha.xml", xml, content_type="application/xml"),
        },
    )
    assert response.status_code == 302, page_text(response)
    old_copy = Plan.objects.exclude(pk=historical.pk).get(title_fi=historical.title_fi)
    assert _trail(old_copy) == _trail(historical)
    assert _documents(old_copy) == _documents(historical)
    assert old_copy.legal_basis == "1386/2010"
