"""Tagged PDF: language, title, headings and table headers are in the structure tree."""

import io

import pytest
from pypdf import PdfReader

from kotoplan.documents.exporters.pdf import plan_pdf
from kotoplan.documents.selectors import plan_document

pytestmark = pytest.mark.django_db


def _structure_types(node, found: set[str]) -> set[str]:
    node = node.get_object()
    if isinstance(node, dict) or hasattr(node, "get"):
        kind = node.get("/S")
        if kind is not None:
            found.add(str(kind))
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object") or isinstance(kid, dict):
                    _structure_types(kid, found)
    return found


def test_pdf_is_tagged_with_language_title_headings_and_table_headers(rich_plan):
    data = plan_pdf(plan_document(plan=rich_plan, language="fi"))
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]).startswith("fi")
    assert root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title == rich_plan.title_fi
    types = _structure_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/H2", "/H3", "/Table", "/TH", "/TD"} <= types
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Työnhakuklubi" in text
    assert "Tilannekuva" in text


def test_pdf_view__coordinator_downloads__others_get_404(
    client, rich_plan, coordinator_a, coordinator_b
):
    client.force_login(coordinator_b)
    assert client.get(f"/documents/plans/{rich_plan.pk}/plan.pdf").status_code == 404
    client.force_login(coordinator_a)
    response = client.get(f"/documents/plans/{rich_plan.pk}/plan.pdf?lang=en")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
