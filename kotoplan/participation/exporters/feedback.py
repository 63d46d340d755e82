"""Exports of a consultation's feedback: CSV (UTF-8 with BOM, ";") and XLSX.

No personal data: participants' emails are never read here. The organisation name is the name of
an organisation, not of a person, and stays. The text of a hidden comment is left out (it may be
the very reason it was hidden); its status and the reason are kept.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kotoplan.core.exporters import spreadsheet_row
from kotoplan.core.text import text_of

from ..models import Answer, Comment, Consultation


def _text(obj, field: str) -> str:
    return text_of(obj, field).value if obj else ""


def _headers() -> list[str]:
    return [
        _("Submission"),
        _("Sent"),
        _("Language"),
        _("Participant"),
        _("Organisation"),
        _("Type"),
        _("Theme"),
        _("Objective"),
        _("Measure"),
        _("Question"),
        _("Feedback"),
        _("Status"),
        _("Reason for hiding"),
    ]


def _submission_cells(submission) -> list[str]:
    return [
        str(submission.pk),
        timezone.localtime(submission.submitted_at).strftime("%Y-%m-%d %H:%M"),
        submission.language,
        str(submission.get_category_display()) if submission.category else "",
        submission.organisation_name,
    ]


def feedback_rows(consultation: Consultation) -> list[list[str]]:
    rows: list[list[str]] = [_headers()]
    comments = (
        Comment.objects.filter(consultation=consultation)
        .select_related("submission", "objective__theme", "measure")
        .order_by("submission_id", "pk")
    )
    for comment in comments:
        objective = comment.objective
        rows.append(
            [
                *_submission_cells(comment.submission),
                _("Comment"),
                _text(objective.theme, "name") if objective else _("Whole plan"),
                _text(objective, "title"),
                _text(comment.measure, "title"),
                "",
                "" if comment.hidden else comment.text,
                _("hidden") if comment.hidden else _("visible"),
                comment.hidden_reason,
            ]
        )
    answers = (
        Answer.objects.filter(submission__consultation=consultation)
        .select_related("submission", "question")
        .prefetch_related("options")
        .order_by("submission_id", "question__order", "pk")
    )
    for answer in answers:
        if answer.rating:
            value = str(answer.rating)
        elif answer.text:
            value = answer.text
        else:
            value = " | ".join(_text(o, "label") for o in answer.options.all())
        rows.append(
            [
                *_submission_cells(answer.submission),
                _("Answer"),
                "",
                "",
                "",
                _text(answer.question, "text"),
                value,
                _("visible"),
                "",
            ]
        )
    return rows


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def feedback_file_name(consultation: Consultation, extension: str) -> str:
    return f"consultation-{consultation.slug}.{extension}"


def feedback_csv(consultation: Consultation) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(spreadsheet_row(rows) for rows in feedback_rows(consultation))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def feedback_xlsx(consultation: Consultation) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Feedback")[:31]
    for row in feedback_rows(consultation):
        sheet.append(spreadsheet_row(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, width in zip(
        "ABCDEFGHIJKLM", (10, 17, 9, 22, 24, 10, 30, 36, 36, 36, 70, 10, 30), strict=True
    ):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2, min_col=11, max_col=11):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
