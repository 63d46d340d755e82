"""The plan as a tagged, accessible PDF (PDF/UA-1) rendered by WeasyPrint from HTML.

The HTML carries the language (`<html lang>`), the title (`<title>`, shown as the window
title), real headings and table headers (`<th scope>`); WeasyPrint's PDF/UA variant turns
them into the structure tree a screen reader uses.
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML

from ..selectors import PlanDocument, table_labels

PDF_CSS = """
@page {
  size: A4; margin: 20mm 18mm;
  @bottom-right { content: counter(page) " / " counter(pages); }
}
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; }
.title-page { break-after: page; padding-top: 60mm; }
.title-page h1 { font-size: 24pt; }
h2 { font-size: 16pt; break-before: page; }
h3 { font-size: 13pt; }
h4 { font-size: 11pt; }
.document-table { font-size: 8.5pt; }
"""


def plan_pdf(doc: PlanDocument) -> bytes:
    with translation.override(doc.language):
        html = render_to_string(
            "documents/plan_pdf.html",
            {
                "doc": doc,
                "labels": table_labels(),
                "subject": _("Plan for the promotion of integration"),
            },
        )
    stylesheets = [CSS(string=PDF_CSS)]
    shared = finders.find("documents/document.css")
    if shared:
        stylesheets.insert(0, CSS(filename=shared))
    return HTML(string=html).write_pdf(
        stylesheets=stylesheets, pdf_variant="pdf/ua-1", uncompressed_pdf=False
    )
