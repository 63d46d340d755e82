"""The plan's files by kind: how each is written, its content type and its file name. Word and
PDF files are made by the background worker and stored until the plan changes (registered in
`panels.py`); StratML is written in the request."""

from django.utils.text import slugify

from ..selectors import plan_document
from .docx import DOCX_MIME, chapter_docx, plan_docx
from .pdf import plan_pdf
from .stratml import plan_stratml

# URL name: (last part of the URL, writer(plan, language) -> bytes, content type, file name end)
PLAN_FILES = {
    "plan_docx": (
        "plan.docx",
        lambda plan, language: plan_docx(plan_document(plan=plan, language=language)),
        DOCX_MIME,
        ".docx",
    ),
    "chapter_docx": (
        "chapter.docx",
        lambda plan, language: chapter_docx(plan_document(plan=plan, language=language)),
        DOCX_MIME,
        "-chapter.docx",
    ),
    "plan_pdf": (
        "plan.pdf",
        lambda plan, language: plan_pdf(plan_document(plan=plan, language=language)),
        "application/pdf",
        ".pdf",
    ),
    "plan_stratml": (
        "stratml.xml",
        lambda plan, language: plan_stratml(plan=plan, language=language),
        "application/xml",
        "-stratml.xml",
    ),
}
# Made in the background and stored per plan content (seconds for a large plan).
STORED_PLAN_FILES = ("plan_docx", "chapter_docx", "plan_pdf")


def plan_file_name(plan, language: str, suffix: str) -> str:
    municipality = slugify(plan.lead_municipality.name_fi) or "plan"
    return f"kotoplan-{municipality}-{plan.period_start}-{plan.period_end}-{language}{suffix}"
