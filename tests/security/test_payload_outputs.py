"""Hostile text goes in through every importer (spreadsheet CSV and XLSX, StratML) and the
feedback form's service, and comes out inert in every output: the plan page, the public page
and the library's search (escaped HTML), Word (literal text, no fields or javascript: links),
PDF (text, no javascript: links or scripts), StratML (well-formed, the text as typed), and every
CSV and XLSX file (no cell a spreadsheet would run as a formula).

The corpus is tests/security/payloads.py; texts too long for a field or with a null character
are refused with a message naming the row and column (or the field) and nothing is written."""

import csv
import io
import re
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from docx import Document
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from pypdf import PdfReader

from kotoplan.documents.exporters.docx import chapter_docx, plan_docx
from kotoplan.documents.exporters.opendata import TABLES
from kotoplan.documents.exporters.pdf import plan_pdf
from kotoplan.documents.selectors import plan_document
from kotoplan.participation.services import feedback_submit
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from tests.participation.conftest import make_consultation

from .payloads import LONG, OTHER, PAYLOADS, STORABLE, XSS, runs_as_formula

pytestmark = pytest.mark.django_db

HEADER = ["Teema", "Tavoite", "Tavoitteen kuvaus", "Toimenpide", "Toimenpiteen kuvaus"]
HEADER += ["Vastuuyksikkö", "Mittari", "Yksikkö"]
THEME = "Työllisyys ja koulutus"
# One row per payload: as the objective, its description, the measure, its description, the
# responsible unit and the indicator. Whitespace around a cell is not kept by the importer.
TEXTS = [p for p in STORABLE if "\n" not in p]


def _rows(texts) -> list[list[str]]:
    """Two payloads a row: the objective and the measure's description are one, the
    objective's description, the measure and the indicator the other."""
    pairs = zip(texts[::2], [*texts[1::2], texts[0]], strict=False)
    return [[THEME, a, b, b, a, a[:200], b, "%"] for a, b in pairs]


def _titles(plan: Plan) -> set[str]:
    measures = Measure.objects.filter(objective__plan=plan)
    return {
        *plan.objectives.values_list("title_fi", flat=True),
        *measures.values_list("title_fi", flat=True),
    }


def _csv(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([HEADER, *rows])
    return buffer.getvalue().encode("utf-8")


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for r, row in enumerate([HEADER, *rows], start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=value)
            cell.data_type = "s"  # typed text, as Excel keeps it when the cell is text
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _upload(client, municipality, name: str, content: bytes, title: str):
    return client.post(
        "/documents/import/",
        {
            "lead_municipality": municipality.pk,
            "title_fi": title,
            "period_start": 2026,
            "period_end": 2029,
            "form": Plan.Form.SEPARATE,
            "file": SimpleUploadedFile(name, content),
        },
    )


def _import(client, municipality, name: str, content: bytes, title: str) -> Plan:
    response = _upload(client, municipality, name, content, title)
    assert response.status_code == 302, response.content.decode()[-3000:]
    client.post(response["Location"])
    return Plan.objects.get(title_fi=title)


def _counts() -> tuple:
    return tuple(m.objects.count() for m in (Plan, Objective, Measure, Indicator))


def _assert_inert_html(html: str, where: str) -> int:
    """No payload's markup is in the page as markup; returns how many appear escaped."""
    shown = 0
    for payload in XSS:
        if "<" in payload:
            assert payload not in html, f"{where}: {payload}"
        shown += escape(payload.strip()) in html
    return shown


def _cells_of_csv(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    return [cell for row in rows for cell in row]


def _cells_of_xlsx(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    return [cell.value for cell in cells if isinstance(cell.value, str)]


def _assert_docx_inert(content: bytes, where: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }
    for name, xml in parts.items():
        for target in re.findall(r'Target="([^"]*)"', xml):  # links live in the .rels parts
            assert not target.strip().lower().startswith(("javascript", "data")), where
        assert "<w:fldSimple" not in xml, f"{where}: {name}"
        assert "<w:instrText" not in xml, f"{where}: {name}"
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(texts)


def _assert_pdf_inert(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    assert "/JavaScript" not in reader.trailer["/Root"]
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert "/JS" not in action
            assert not str(action.get("/URI", "")).lower().startswith(("javascript", "data"))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_payloads_through_every_importer_stay_inert_in_every_output(
    client, coordinator_a, municipality_a, themes, regional_official, vitality_centre, report_count
):
    client.force_login(coordinator_a)
    stored = {text.strip() for text in TEXTS}

    # Too long for a title, or a null character in a cell: refused by row and column.
    before = _counts()
    refused = _upload(client, municipality_a, "long.csv", _csv(_rows([LONG])), "Liian pitkä")
    assert "row 2, column B (Tavoite): the text is 10000 characters long" in refused.text
    refused = _upload(client, municipality_a, "long.xlsx", _xlsx(_rows([LONG])), "Liian pitkä")
    assert "row 2, column B (Tavoite): the text is 10000 characters long" in refused.text
    assert _counts() == before

    # The spreadsheet import, CSV and XLSX: every text kept exactly as typed (the XLSX with
    # the formula-like and invisible texts and a few scripts).
    from_csv = _import(client, municipality_a, "payloads.csv", _csv(_rows(TEXTS)), "CSV")
    assert _titles(from_csv) == stored
    in_xlsx = [t for t in [*XSS[:6], *OTHER] if t in TEXTS and not ILLEGAL_CHARACTERS_RE.search(t)]
    from_xlsx = _import(client, municipality_a, "payloads.xlsx", _xlsx(_rows(in_xlsx)), "XLSX")
    assert _titles(from_xlsx) == {t.strip() for t in in_xlsx}

    # StratML out: well-formed, the texts as typed; and in again, unchanged.
    stratml = client.get(reverse("documents:plan_stratml", args=[from_csv.pk])).content
    root = etree.fromstring(stratml)
    texts_in_xml = {element.text for element in root.iter() if element.text}
    assert stored <= texts_in_xml
    response = client.post(
        reverse("documents:import_stratml"),
        {
            "lead_municipality": municipality_a.pk,
            "language": "fi",
            "file": SimpleUploadedFile("plan.xml", stratml),
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    from_stratml = Plan.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))
    assert _titles(from_stratml) == stored

    # Feedback with the payloads on a consultation of the StratML plan.
    consultation = make_consultation(from_stratml, coordinator_a, slug="payloads")
    for text in STORABLE:
        feedback_submit(
            consultation=consultation,
            language="fi",
            comment=text,
            category="organisation",
            organisation_name=text[:200],
        )

    # The CSV plan adopted: public page, library, open data, the area dashboard.
    Plan.objects.filter(pk=from_csv.pk).update(
        state=Plan.State.ADOPTED,
        decision_date=date(2026, 3, 1),
        decision_body=TEXTS[0],
        title_fi=TEXTS[1],
    )

    pages = {
        "plan page (CSV)": reverse("planning:plan_detail", args=[from_csv.pk]),
        "plan page (XLSX)": reverse("planning:plan_detail", args=[from_xlsx.pk]),
        "plan page (StratML)": reverse("planning:plan_detail", args=[from_stratml.pk]),
        "public page": reverse("documents:public_plan", args=["049", 2026, 2029]),
        "library search": reverse("library:search") + "?q=alert",
        "feedback results": reverse("participation:results", args=[consultation.pk]),
    }
    shown = 0
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, where
        shown += _assert_inert_html(response.content.decode(), where)
    assert shown > len(XSS) * 3

    # Word and PDF: the texts as literal text, nothing that runs or links to a script.
    document = plan_document(plan=Plan.objects.get(pk=from_csv.pk), language="fi")
    word = _assert_docx_inert(plan_docx(document), "plan.docx")
    _assert_docx_inert(chapter_docx(document), "chapter.docx")
    assert all(text in word for text in stored if text.isprintable())
    small = plan_document(plan=from_xlsx, language="fi")  # PDF takes long for a large plan
    pdf = _assert_pdf_inert(plan_pdf(small))
    assert "<script>alert(1)</script>" in pdf
    assert "{{7*7}}" in pdf

    # Every CSV and XLSX: no cell runs as a formula.
    files = {
        f"open data {table}.csv": client.get(f"/documents/open-data/049/{table}.csv")
        for table in TABLES
    }
    files["feedback.csv"] = client.get(reverse("participation:export_csv", args=[consultation.pk]))
    files["feedback.xlsx"] = client.get(
        reverse("participation:export_xlsx", args=[consultation.pk])
    )
    client.force_login(regional_official)
    files["area dashboard.csv"] = client.get(
        reverse("oversight:area_dashboard_csv", args=[vitality_centre.pk])
    )
    cells = 0
    for name, response in files.items():
        assert response.status_code == 200, name
        content = b"".join(response.streaming_content) if response.streaming else response.content
        found = _cells_of_xlsx(content) if name.endswith("xlsx") else _cells_of_csv(content)
        assert not [cell for cell in found if runs_as_formula(cell)], name
        cells += len(found)
    tried = len(TEXTS) * 3 * 2 + len(in_xlsx) * 3 + len(STORABLE) * 2
    report_count(
        "Payloads",
        f"{len(PAYLOADS)} payloads, {tried} texts through 3 importers and feedback, "
        f"{len(pages)} pages, 4 documents, {len(files)} spreadsheet files ({cells} cells) "
        "checked, 0 unsafe",
    )
