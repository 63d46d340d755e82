"""DOCX export: LibreOffice opens the file, python-docx reads back headings and tables."""

import io

import pytest
from docx import Document

from kotoplan.documents.exporters.docx import chapter_docx, plan_docx
from kotoplan.documents.selectors import plan_document
from tests.documents.conftest import convert_with_libreoffice

pytestmark = pytest.mark.django_db


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _cells(document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_plan_docx_has_word_headings_tables_and_title_page__in_finnish(rich_plan):
    data = plan_docx(plan_document(plan=rich_plan, language="fi"))
    document = Document(io.BytesIO(data))

    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == rich_plan.title_fi
    assert document.core_properties.title == rich_plan.title_fi
    assert document.core_properties.language == "fi-FI"
    headings = _headings(document, 1)
    assert len(headings) == 7
    assert {"Perustiedot", "Tilannekuva", "Indikaattorit", "Seuranta", "Päätös"} <= set(headings)
    themes = _headings(document, 2)
    assert "Työllisyys ja koulutus" in themes
    assert "Väestöryhmien väliset hyvät suhteet" in themes
    assert "Hyvät väestösuhteet" in _headings(document, 3)
    cells = _cells(document)
    assert any("Työnhakuklubi kolmella kielellä" in c for c in cells)
    partners = next(c for c in cells if "Kela" in c and "Espoon kaupunki" in c)
    assert partners in ("Kela, Espoon kaupunki", "Espoon kaupunki, Kela")
    assert any(c.startswith("1.9.2026") for c in cells)
    assert any(c.startswith("Kela") and c.endswith("\nYhdessä: Nuorisopalvelut") for c in cells)
    assert "Kaupunginvaltuusto" in cells
    assert any("neljästi" in c for c in cells)
    assert any("Kysely 14 kielellä" in c for c in cells)
    assert any("hyvinvointialueen palvelusuunnitelman" in c for c in cells)
    assert "Vieraskielisiä asukkaita on 21 %." in [p.text for p in document.paragraphs]


@pytest.mark.parametrize(
    ("language", "heading", "theme"),
    [
        ("sv", "Lägesbild", "Sysselsättning och utbildning"),
        ("en", "Situation picture", "Employment and education"),
    ],
)
def test_plan_docx_is_written_in_the_asked_language(rich_plan, language, heading, theme):
    document = Document(io.BytesIO(plan_docx(plan_document(plan=rich_plan, language=language))))
    if language == "en":
        assert heading in _headings(document, 1)
    assert theme in _headings(document, 2)
    expected = rich_plan.title_sv if language == "sv" else rich_plan.title_en
    assert document.paragraphs[0].text == expected


def test_indicator_table_has_header_row_marked_to_repeat(rich_plan):
    document = Document(io.BytesIO(plan_docx(plan_document(plan=rich_plan, language="en"))))
    indicator_table = next(t for t in document.tables if t.rows[0].cells[1].text == "Indicator")
    header_xml = indicator_table.rows[0]._tr.xml
    assert "w:tblHeader" in header_xml
    names = [row.cells[1].text for row in indicator_table.rows[1:]]
    assert "Employment rate of immigrants" in names
    assert "Residents who feel safe" in names


def test_chapter_docx_holds_the_integration_part_alone(rich_plan):
    document = Document(io.BytesIO(chapter_docx(plan_document(plan=rich_plan, language="en"))))
    assert _headings(document, 1) == ["Promotion of integration"]
    assert "Objectives and measures" in _headings(document, 2)
    assert "Decision" not in _headings(document, 2)
    assert "Employment and education" in _headings(document, 3)
    assert not any(p.style.name == "Title" for p in document.paragraphs)


def test_docx_opens_in_libreoffice__plan_and_chapter(rich_plan, soffice, tmp_path):
    from pypdf import PdfReader

    for name, exporter in (("plan", plan_docx), ("chapter", chapter_docx)):
        source = tmp_path / f"{name}.docx"
        source.write_bytes(exporter(plan_document(plan=rich_plan, language="fi")))
        pdf = convert_with_libreoffice(soffice, source)
        text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "Tilannekuva" in text
        assert "Kela" in text


def test_docx_view__coordinator_downloads__others_get_404(
    client, rich_plan, coordinator_a, coordinator_b
):
    url = f"/documents/plans/{rich_plan.pk}/plan.docx?lang=sv"
    client.force_login(coordinator_b)
    assert client.get(url).status_code == 404
    client.force_login(coordinator_a)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-sv.docx"')
    document = Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == rich_plan.title_sv
    chapter = client.get(f"/documents/plans/{rich_plan.pk}/chapter.docx")
    assert chapter.status_code == 200


def test_docx_view__anonymous_is_sent_to_login(client, rich_plan):
    response = client.get(f"/documents/plans/{rich_plan.pk}/plan.docx")
    assert response.status_code == 302
