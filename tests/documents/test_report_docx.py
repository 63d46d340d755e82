"""The monitoring report of a round as a Word document with the report page's numbers."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from docx import Document

from tests.documents.conftest import convert_with_libreoffice
from tests.monitoring.rounds.conftest import monitored_plan, two_rounds  # noqa: F401

pytestmark = pytest.mark.django_db


def _docx(client, plan, monitoring_round, language="en"):
    url = reverse("documents:round_report_docx", args=[plan.pk, monitoring_round.pk])
    return client.get(f"{url}?lang={language}")


def test_report_docx__headings_tables_and_narratives(client, two_rounds, viewer_a):  # noqa: F811
    """The report downloads as DOCX with real headings, the indicator values and narratives."""
    second = two_rounds[1]
    client.force_login(viewer_a)
    response = _docx(client, second.plan, second)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-report-2026.docx"')
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Monitoring report 2026"
    assert "Indicators against baseline and target" in headings
    assert "Changes since the previous round" in headings
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert {"51.5", "47", "40", "Delayed", "Ongoing"} <= set(cells)
    texts = [p.text for p in document.paragraphs]
    assert "Teacher on leave." in texts
    assert "Update coverage: 1 of 2 measures reported." in texts


def test_report_docx__in_finnish(client, two_rounds, viewer_a):  # noqa: F811
    """The document follows the chosen language."""
    second = two_rounds[1]
    client.force_login(viewer_a)
    document = Document(io.BytesIO(_docx(client, second.plan, second, "fi").content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    with translation.override("fi"):
        expected = gettext("Monitoring report %(period)s") % {"period": "2026"}
    assert expected != "Monitoring report 2026"  # the Finnish catalogue has it
    assert headings[0] == expected


def test_report_docx__hidden_from_other_municipality(client, two_rounds, coordinator_b):  # noqa: F811
    """A coordinator of another municipality gets 404, as on the report page."""
    first = two_rounds[0]
    client.force_login(coordinator_b)
    assert _docx(client, first.plan, first).status_code == 404


def test_report_docx__opens_in_libreoffice(client, two_rounds, viewer_a, soffice, tmp_path):  # noqa: F811
    """LibreOffice converts the report, so Word processors other than Word open it too."""
    second = two_rounds[1]
    client.force_login(viewer_a)
    source = tmp_path / "report.docx"
    source.write_bytes(_docx(client, second.plan, second).content)
    pdf = convert_with_libreoffice(soffice, source)
    assert pdf.read_bytes().startswith(b"%PDF")
